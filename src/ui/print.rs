//! 打印…: the PDF of the shown table or of the document, laid out and written on a worker
//! thread into the program's print folder under the system's temporary folder, then opened in
//! the system's PDF viewer, which prints. Where no program opens files the path is shown to
//! copy. The printout itself is built by [`crate::print`]; the file goes through the one writer
//! of [`crate::files`].

use super::strings::{Lang, fill};
use crate::export::ExportError;
use eframe::egui::{self, Ui};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

/// Where a print stands.
#[derive(Debug, Default)]
pub enum PrintFlow {
    /// Nothing happening.
    #[default]
    Idle,
    /// The PDF is being built and written on a worker.
    Working(Receiver<Printed>),
    /// The last print's result, shown until dismissed.
    Done(Printed),
}

/// The result of one print.
#[derive(Debug, Clone, PartialEq)]
pub enum Printed {
    /// Written and handed to the viewer.
    Opened(PathBuf),
    /// Written, but no program here opens it: the clerk opens it.
    Written(PathBuf),
    /// Not written; the message says why.
    Failed(String),
}

impl PrintFlow {
    /// Starts building the PDF with `build` on a worker, unless a print is under way; `name` is
    /// the file's name in the print folder.
    pub fn start(
        &mut self,
        name: String,
        build: impl FnOnce() -> Result<Vec<u8>, ExportError> + Send + 'static,
    ) {
        if matches!(self, PrintFlow::Working(_)) {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(print(&name, build));
        });
        *self = PrintFlow::Working(receiver);
    }

    /// Whether a print is being made (the button waits).
    pub fn is_working(&self) -> bool {
        matches!(self, PrintFlow::Working(_))
    }

    /// Draws the spinner or the result line and advances the flow.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) {
        let text = lang.strings();
        let next = match self {
            PrintFlow::Idle => None,
            PrintFlow::Working(receiver) => match receiver.try_recv() {
                Ok(printed) => Some(PrintFlow::Done(printed)),
                Err(TryRecvError::Empty) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(text.print_working);
                    });
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                    None
                }
                Err(TryRecvError::Disconnected) => Some(PrintFlow::Done(Printed::Failed(
                    "the print worker stopped unexpectedly".to_owned(),
                ))),
            },
            PrintFlow::Done(printed) => {
                let mut dismissed = false;
                ui.horizontal_wrapped(|ui| {
                    match printed {
                        Printed::Opened(path) => {
                            let line = fill(text.print_opened, path.display());
                            ui.add(egui::Label::new(line).selectable(true));
                        }
                        Printed::Written(path) => {
                            let line = fill(text.print_no_viewer, path.display());
                            ui.add(egui::Label::new(line).selectable(true));
                        }
                        Printed::Failed(error) => {
                            let line = fill(text.print_failed, error);
                            ui.colored_label(ui.visuals().error_fg_color, line);
                        }
                    }
                    dismissed = ui.small_button(text.print_dismiss).clicked();
                });
                dismissed.then_some(PrintFlow::Idle)
            }
        };
        if let Some(next) = next {
            *self = next;
        }
    }
}

/// The folder printouts are written to: beside nothing of the clerk's, emptied by the system.
pub fn print_folder() -> PathBuf {
    std::env::temp_dir().join("gazette-browser-print")
}

/// A file name for a printout: `stem`, the time of day (so a printout still open in a viewer,
/// which Windows locks, is never the file replaced) and `.pdf`.
pub fn print_file_name(stem: &str) -> String {
    let time = crate::print::export_time();
    let clock: String = time
        .split(' ')
        .nth(1)
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let safe: String = stem
        .chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    format!("{safe}_{clock}.pdf")
}

/// Builds, writes and opens one printout (on the worker).
fn print(name: &str, build: impl FnOnce() -> Result<Vec<u8>, ExportError>) -> Printed {
    let bytes = match build() {
        Ok(bytes) => bytes,
        Err(error) => return Printed::Failed(error.to_string()),
    };
    let folder = print_folder();
    if let Err(error) = std::fs::create_dir_all(&folder) {
        return Printed::Failed(format!(
            "cannot make the folder {}: {error}",
            folder.display()
        ));
    }
    let path = folder.join(name);
    let input = crate::files::window_input();
    if let Err(error) = crate::files::write_bytes(&path, input.as_ref(), &bytes) {
        return Printed::Failed(error.to_string());
    }
    open_in_viewer(&path)
}

/// The program that opens a printout: the one that opens folders (explorer, open, xdg-open)
/// opens files as well. [`crate::ui::run`] sets it when the window starts; without it (in
/// tests, and with the native dialogs turned off) printouts are written and their path shown.
static VIEWER: std::sync::Mutex<Option<&'static str>> = std::sync::Mutex::new(None);

/// Sets the program that opens printouts ([`crate::desktop::folder_opener`]).
pub fn set_viewer(opener: Option<&'static str>) {
    *VIEWER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = opener;
}

/// Opens `path` in the viewer; without one, or when it cannot start, the path is shown.
fn open_in_viewer(path: &Path) -> Printed {
    let viewer = *VIEWER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(viewer) = viewer else {
        return Printed::Written(path.to_owned());
    };
    match std::process::Command::new(viewer).arg(path).spawn() {
        Ok(_) => Printed::Opened(path.to_owned()),
        Err(_) => Printed::Written(path.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_end_in_pdf() {
        let name = print_file_name("标定地价/2023年第3号");
        assert!(name.starts_with("标定地价_2023年第3号_"), "{name}");
        assert!(name.ends_with(".pdf"), "{name}");
    }
}
