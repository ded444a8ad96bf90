//! The export flow of the table view: the options dialog, the native save dialog on a
//! background thread (the window keeps painting), the atomic write, and the result message with
//! an "open folder" button.

use super::table_strings::{self as strings, Lang, Text};
use crate::export::{
    CsvOptions, Encoding, csv_bytes, folder_of, suggested_file_name, write_output,
};
use crate::model::Table;
use crate::table::TableState;
use eframe::egui::{self, Ui};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

/// Which rows an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowChoice {
    /// The selected rows that are shown, in the shown order.
    Selected,
    /// Every row shown after filtering, in the shown order.
    Shown,
    /// Every row of the table, in printed order.
    All,
}

/// Where the export flow stands.
#[derive(Default)]
pub enum ExportFlow {
    /// Nothing happening (a message may still be shown).
    #[default]
    Idle,
    /// The options dialog is open.
    Choosing {
        /// Which rows.
        rows: RowChoice,
        /// The options chosen so far.
        options: CsvOptions,
    },
    /// The save dialog (and then the write) runs on another thread.
    Waiting(Receiver<Outcome>),
    /// The last export's result.
    Done(Outcome),
}

/// The result of one export, sent back from the background thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The user closed the save dialog without choosing.
    Cancelled,
    /// Written: the file and the number of rows.
    Written(PathBuf, usize),
    /// Failed, with the message to show (it names the path).
    Failed(String),
}

impl ExportFlow {
    /// Opens the options dialog (Ctrl+E or the button), unless one is already under way.
    pub fn open(&mut self, _lang: Lang) {
        if !matches!(self, ExportFlow::Waiting(_) | ExportFlow::Choosing { .. }) {
            *self = ExportFlow::Choosing {
                rows: RowChoice::Shown,
                options: CsvOptions::default(),
            };
        }
    }

    /// Whether a dialog is up, so table shortcuts stay out of its way.
    pub fn is_open(&self) -> bool {
        matches!(self, ExportFlow::Choosing { .. } | ExportFlow::Waiting(_))
    }

    /// Draws whatever the flow needs this frame and advances it.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        table: &Table,
        state: &TableState,
        shown: &[usize],
        issue: &str,
        last_folder: &mut Option<PathBuf>,
        lang: Lang,
    ) {
        let next = match self {
            ExportFlow::Idle => None,
            ExportFlow::Choosing { rows, options } => {
                let choice = options_dialog(ui, table, state, shown, rows, options, lang);
                choice.map(|go| match go {
                    false => ExportFlow::Idle,
                    true => start(
                        table,
                        state,
                        shown,
                        *rows,
                        *options,
                        issue,
                        last_folder,
                        lang,
                    ),
                })
            }
            ExportFlow::Waiting(receiver) => poll(ui, receiver, last_folder, lang),
            ExportFlow::Done(outcome) => message(ui, outcome, lang).then_some(ExportFlow::Idle),
        };
        if let Some(next) = next {
            *self = next;
        }
    }
}

/// The rows a choice covers, in the order they are written.
pub fn chosen_rows(
    state: &TableState,
    shown: &[usize],
    choice: RowChoice,
    total: usize,
) -> Vec<usize> {
    match choice {
        RowChoice::Selected => state.selection.shown_selected(shown),
        RowChoice::Shown => shown.to_vec(),
        RowChoice::All => (0..total).collect(),
    }
}

/// The modal options dialog; `Some(true)` to go on to the save dialog, `Some(false)` to cancel.
fn options_dialog(
    ui: &mut Ui,
    table: &Table,
    state: &TableState,
    shown: &[usize],
    rows: &mut RowChoice,
    options: &mut CsvOptions,
    lang: Lang,
) -> Option<bool> {
    let modal =
        egui::Modal::new(egui::Id::unique(("export-dialog", &table.id))).show(ui.ctx(), |ui| {
            ui.heading(Text::ExportTitle.get(lang));
            ui.label(Text::RowsLabel.get(lang));
            for (choice, text) in [
                (RowChoice::Selected, Text::RowsSelected),
                (RowChoice::Shown, Text::RowsShown),
                (RowChoice::All, Text::RowsAll),
            ] {
                let count = chosen_rows(state, shown, choice, table.rows.len()).len();
                let label = format!("{}{}", text.get(lang), strings::row_count(lang, count));
                ui.add_enabled_ui(count > 0, |ui| ui.radio_value(rows, choice, label));
            }
            ui.checkbox(&mut options.header, Text::HeaderRow.get(lang));
            ui.label(Text::EncodingLabel.get(lang));
            for (encoding, text) in [
                (Encoding::Utf8Bom, Text::EncodingUtf8Bom),
                (Encoding::Utf8, Text::EncodingUtf8),
                (Encoding::Gbk, Text::EncodingGbk),
            ] {
                ui.radio_value(&mut options.encoding, encoding, text.get(lang));
            }
            let shown_columns = state.shown_columns(table.columns.len()).len();
            ui.weak(strings::columns_written(
                lang,
                shown_columns,
                table.columns.len(),
            ));
            ui.horizontal(|ui| {
                if ui.button(Text::ChooseFile.get(lang)).clicked() {
                    return Some(true);
                }
                ui.button(Text::Cancel.get(lang)).clicked().then_some(false)
            })
            .inner
        });
    if modal.should_close() {
        return Some(false);
    }
    modal.inner
}

/// Builds the bytes now (so an encoding problem shows at once), then asks for the file on a
/// background thread and writes it there.
#[allow(clippy::too_many_arguments)]
fn start(
    table: &Table,
    state: &TableState,
    shown: &[usize],
    choice: RowChoice,
    options: CsvOptions,
    issue: &str,
    last_folder: &Option<PathBuf>,
    lang: Lang,
) -> ExportFlow {
    let rows = chosen_rows(state, shown, choice, table.rows.len());
    let columns = state.shown_columns(table.columns.len());
    let bytes = match csv_bytes(table, &rows, &columns, &options) {
        Ok(bytes) => bytes,
        Err(error) => return ExportFlow::Done(Outcome::Failed(error.to_string())),
    };
    let name = suggested_file_name(table, issue, rows.len());
    let folder = last_folder.clone();
    let filter_name = Text::CsvFiles.get(lang);
    let (sender, receiver) = std::sync::mpsc::channel();
    let count = rows.len();
    std::thread::spawn(move || {
        let outcome = save_with_dialog(&name, folder.as_deref(), filter_name, &bytes, count);
        let _ = sender.send(outcome);
    });
    ExportFlow::Waiting(receiver)
}

fn save_with_dialog(
    name: &str,
    folder: Option<&Path>,
    filter: &str,
    bytes: &[u8],
    rows: usize,
) -> Outcome {
    let mut dialog = rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter(filter, &["csv"]);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    let Some(path) = dialog.save_file() else {
        return Outcome::Cancelled;
    };
    match write_output(&path, bytes) {
        Ok(()) => Outcome::Written(path, rows),
        Err(error) => Outcome::Failed(error.to_string()),
    }
}

/// Checks the background thread; keeps the window repainting while it works.
fn poll(
    ui: &mut Ui,
    receiver: &Receiver<Outcome>,
    last_folder: &mut Option<PathBuf>,
    lang: Lang,
) -> Option<ExportFlow> {
    match receiver.try_recv() {
        Ok(outcome) => {
            if let Outcome::Written(path, _) = &outcome {
                *last_folder = folder_of(path);
            }
            Some(ExportFlow::Done(outcome))
        }
        Err(TryRecvError::Empty) => {
            ui.weak(Text::Waiting.get(lang));
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
            None
        }
        Err(TryRecvError::Disconnected) => Some(ExportFlow::Done(Outcome::Failed(
            "the save dialog stopped unexpectedly".to_owned(),
        ))),
    }
}

/// The result line; true when dismissed.
fn message(ui: &mut Ui, outcome: &mut Outcome, lang: Lang) -> bool {
    let mut dismissed = false;
    ui.horizontal_wrapped(|ui| {
        match outcome {
            Outcome::Cancelled => dismissed = true,
            Outcome::Written(path, rows) => {
                ui.label(strings::exported(lang, *rows, &path.display().to_string()));
                if ui.button(Text::OpenFolder.get(lang)).clicked()
                    && let Some(folder) = folder_of(path)
                    && let Err(error) = open_folder(&folder)
                {
                    *outcome = Outcome::Failed(strings::open_failed(lang, &error.to_string()));
                }
            }
            Outcome::Failed(error) => {
                let text = strings::export_failed(lang, error);
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
        }
        dismissed |= ui.small_button(Text::Dismiss.get(lang)).clicked();
    });
    dismissed
}

/// Opens a folder in the system's file manager.
fn open_folder(folder: &Path) -> std::io::Result<()> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ClickKind;

    #[test]
    fn row_choices_cover_selected_shown_or_all() {
        let mut state = TableState::default();
        let shown = [5, 2, 9];
        state.selection.click(9, ClickKind::default(), &shown);
        state.selection.click(
            5,
            ClickKind {
                toggle: true,
                extend: false,
            },
            &shown,
        );
        state.selection.rows.insert(1);
        assert_eq!(chosen_rows(&state, &shown, RowChoice::Selected, 10), [5, 9]);
        assert_eq!(chosen_rows(&state, &shown, RowChoice::Shown, 10), [5, 2, 9]);
        assert_eq!(chosen_rows(&state, &shown, RowChoice::All, 3), [0, 1, 2]);
    }
}
