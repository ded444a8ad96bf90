//! Opening another gazette file: the File menu, the native open dialog on its own thread, files
//! dropped on the window, and the progress shown while a [`LoadJob`] reads and parses on a
//! worker. The window keeps painting throughout; the shell swaps the new gazette in only when
//! it has loaded and validated, so a bad file never costs the clerk what was on screen.
//! Where no native dialog can appear ([`crate::desktop`] decides), 打开… shows a path field
//! with the reason instead, so a clerk on a minimal Linux desktop can still open a file.

use super::file_strings::FileText;
use super::notices::Notice;
use super::strings::Lang;
use super::{App, Source, Tab, tab_exists, window_title};
use crate::desktop::{DialogSupport, MissingReason, typed_path};
use crate::model::Gazette;
use crate::model::load::LoadError;
use crate::model::load_job::{LoadJob, Phase, human_size};
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

/// How often the window looks at a worker while it waits.
const POLL: Duration = Duration::from_millis(50);

/// A file that is opened only if it is at least this large gets a determinate bar; smaller
/// ones load too fast for a bar to be read.
const BAR_FROM_BYTES: u64 = 4 * 1024 * 1024;

/// What the File menu asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileAction {
    /// Show the native open dialog.
    Choose,
    /// Go back to the issue built into the program.
    OpenEmbedded,
}

/// A load that finished: the new gazette, or why the file could not be used.
pub(super) struct Finished {
    /// The file that was opened.
    pub path: PathBuf,
    /// The gazette, or the loader's error.
    pub result: Result<Gazette, LoadError>,
    /// Whether this was the last run's file reopened at startup.
    pub reopening: bool,
}

/// The file being opened and the open dialog, if either is under way.
pub(super) struct Files {
    job: Option<(LoadJob, bool)>,
    dialog: Option<Receiver<Option<PathBuf>>>,
    /// Whether 打开… can show the native dialog on this desktop.
    dialogs: DialogSupport,
    /// The path field shown instead of a dialog that cannot appear.
    path_entry: Option<PathEntry>,
}

/// The built-in path field: what is typed so far and why it is shown.
struct PathEntry {
    text: String,
    reason: MissingReason,
    /// Give the field the keyboard focus on the next frame (when it first appears).
    focus: bool,
}

impl Files {
    /// No file opening, and the dialog support of this desktop.
    pub fn new(dialogs: DialogSupport) -> Self {
        Files {
            job: None,
            dialog: None,
            dialogs,
            path_entry: None,
        }
    }

    /// Decides again whether native dialogs can be shown (tests force the no-dialog case).
    pub fn set_dialog_support(&mut self, dialogs: DialogSupport) {
        self.dialogs = dialogs;
    }

    /// Whether the built-in path field is shown.
    pub fn is_path_entry_shown(&self) -> bool {
        self.path_entry.is_some()
    }

    /// Starts opening `path` on a worker; a load already under way is abandoned.
    /// `reopening` marks the last run's file, whose failure reads differently.
    pub fn open(&mut self, path: PathBuf, reopening: bool) {
        self.job = Some((LoadJob::start(path), reopening));
    }

    /// Whether a file is being read or parsed.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// Gives up on the file being opened.
    pub fn cancel(&mut self) {
        self.job = None;
    }

    /// The finished load, if the worker is done.
    pub fn poll(&mut self) -> Option<Finished> {
        let (job, reopening) = self.job.as_ref()?;
        let result = job.poll()?;
        let finished = Finished {
            path: job.path().to_owned(),
            result,
            reopening: *reopening,
        };
        self.job = None;
        Some(finished)
    }

    /// Shows the native open dialog on its own thread (it may take the clerk minutes), or the
    /// path field where no dialog can appear, starting with `folder`.
    pub fn choose(&mut self, lang: Lang, folder: Option<PathBuf>) {
        if self.dialog.is_some() {
            return;
        }
        if let DialogSupport::Missing(reason) = self.dialogs {
            self.show_path_entry(reason, folder);
            return;
        }
        let filter = FileText::RonFiles.get(lang);
        let (sender, receiver) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("open-dialog".to_owned())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().add_filter(filter, &["ron"]);
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                let _ = sender.send(dialog.pick_file());
            });
        if spawned.is_ok() {
            self.dialog = Some(receiver);
        }
    }

    /// The file chosen in the open dialog, once the clerk has chosen one.
    pub fn poll_dialog(&mut self) -> Option<PathBuf> {
        let receiver = self.dialog.as_ref()?;
        match receiver.try_recv() {
            Ok(chosen) => {
                self.dialog = None;
                chosen
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.dialog = None;
                None
            }
        }
    }

    /// Shows the path field (or keeps it, with the new reason), prefilled with `folder` and a
    /// separator so only the file name is left to type.
    fn show_path_entry(&mut self, reason: MissingReason, folder: Option<PathBuf>) {
        self.dialog = None;
        let text = folder
            .map(|folder| format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR))
            .unwrap_or_default();
        let entry = self.path_entry.get_or_insert(PathEntry {
            text,
            reason,
            focus: true,
        });
        entry.reason = reason;
        entry.focus = true;
    }

    /// The path field with the reason it is shown, if it is; returns the path to open once the
    /// clerk presses Enter or 打开.
    pub fn path_entry_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<PathBuf> {
        let entry = self.path_entry.as_mut()?;
        let mut open = false;
        let mut cancel = false;
        egui::Panel::top("path-entry").show(ui, |ui| {
            ui.add_space(4.0);
            ui.colored_label(
                ui.visuals().warn_fg_color,
                missing_reason_text(entry.reason).get(lang),
            );
            ui.horizontal(|ui| {
                ui.label(FileText::FilePath.get(lang));
                let field = ui.add(
                    egui::TextEdit::singleline(&mut entry.text)
                        .hint_text(FileText::PathHint.get(lang))
                        .desired_width(ui.available_width() - 160.0),
                );
                if entry.focus {
                    field.request_focus();
                    entry.focus = false;
                }
                let left_with = |key| field.lost_focus() && ui.input(|i| i.key_pressed(key));
                let (entered, escaped) = (left_with(Key::Enter), left_with(Key::Escape));
                open = ui.button(FileText::OpenTyped.get(lang)).clicked() || entered;
                cancel = ui.button(FileText::Cancel.get(lang)).clicked() || escaped;
            });
            ui.add_space(4.0);
        });
        if cancel {
            self.path_entry = None;
            return None;
        }
        if !open {
            return None;
        }
        let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
        let path = typed_path(&entry.text, home.as_deref().map(Path::new))?;
        self.path_entry = None;
        Some(path)
    }

    /// The spinner, file name and size, and a bar for big files, with a cancel button; asks
    /// for repaints while anything is under way.
    pub fn progress_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.dialog.is_some() {
            ui.ctx().request_repaint_after(POLL);
            if self.job.is_none() {
                let mut not_shown = false;
                egui::Panel::top("choosing").show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.weak(FileText::ChoosingFile.get(lang));
                        not_shown = ui.link(FileText::DialogNotShown.get(lang)).clicked();
                    });
                });
                if not_shown {
                    self.show_path_entry(MissingReason::DidNotAppear, None);
                }
            }
        }
        let Some((job, _)) = &self.job else {
            return;
        };
        ui.ctx().request_repaint_after(POLL);
        let mut cancel = false;
        egui::Panel::top("loading").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "{} {}（{}）",
                    FileText::Opening.get(lang),
                    file_name(job.path()),
                    human_size(job.total_bytes())
                ));
                match job.phase() {
                    Phase::Reading { read, total } if total >= BAR_FROM_BYTES => {
                        let fraction = read as f32 / total as f32;
                        ui.add(
                            egui::ProgressBar::new(fraction)
                                .desired_width(240.0)
                                .show_percentage(),
                        );
                    }
                    Phase::Reading { .. } => {}
                    Phase::Parsing => {
                        ui.label(FileText::Parsing.get(lang));
                    }
                }
                cancel = ui.button(FileText::Cancel.get(lang)).clicked();
            });
        });
        if cancel {
            self.cancel();
        }
    }
}

/// The message that says why the path field is shown.
pub(super) fn missing_reason_text(reason: MissingReason) -> FileText {
    match reason {
        MissingReason::NoPortalNoZenity => FileText::NoDialogService,
        MissingReason::TurnedOff => FileText::DialogsTurnedOff,
        MissingReason::DidNotAppear => FileText::DialogDidNotAppear,
    }
}

/// The File menu: 打开… and 打开内置本期.
pub(super) fn file_menu(ui: &mut egui::Ui, lang: Lang) -> Option<FileAction> {
    let mut action = None;
    ui.menu_button(FileText::MenuFile.get(lang), |ui| {
        let open = egui::Button::new(FileText::Open.get(lang))
            .shortcut_text(ui.ctx().format_shortcut(&open_shortcut()));
        if ui.add(open).clicked() {
            action = Some(FileAction::Choose);
            ui.close();
        }
        if ui.button(FileText::OpenEmbedded.get(lang)).clicked() {
            action = Some(FileAction::OpenEmbedded);
            ui.close();
        }
    });
    action
}

/// Ctrl+O (⌘O on a Mac).
pub(super) fn open_shortcut() -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, Key::O)
}

/// The file dropped on the window this frame, if any (the first, when several are).
pub(super) fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_owned())
            .find(|path| !path.as_os_str().is_empty())
    })
}

/// While a file is dragged over the window, a hint that dropping it opens it.
pub(super) fn drop_hint(ctx: &egui::Context, lang: Lang) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-hint"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        FileText::DropToOpen.get(lang),
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

/// The file's name, for the progress line and the title bar.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Opening files, as the shell does it: the public entry points and the frame's polling.
impl App {
    /// Starts opening the gazette file at `path` on a worker thread; the window keeps showing
    /// what it shows until the file has loaded and validated, then switches to it. If the file
    /// cannot be used, a notice says why and nothing else changes. A newer open replaces one
    /// still under way.
    pub fn open_path(&mut self, path: impl Into<PathBuf>) {
        self.files.open(path.into(), false);
    }

    /// Switches back to the issue built into the program.
    pub fn open_embedded(&mut self) {
        self.files.cancel();
        match crate::model::load::embedded() {
            Ok(gazette) => self.replace_gazette(gazette, Source::Embedded),
            Err(err) => self.notices.push(Notice::OpenFailed {
                error: err.to_string(),
            }),
        }
    }

    /// Decides again whether 打开… can show the native dialog; without it, a path field is
    /// offered. The window decides this from the desktop at startup ([`crate::desktop`]).
    pub fn set_dialog_support(&mut self, dialogs: DialogSupport) {
        self.files.set_dialog_support(dialogs);
        self.tables.set_dialog_support(dialogs);
    }

    /// Whether the path field offered in place of the open dialog is shown.
    pub fn is_path_entry_shown(&self) -> bool {
        self.files.is_path_entry_shown()
    }

    /// Whether a file is being read or parsed on a worker.
    pub fn is_loading(&self) -> bool {
        self.files.is_loading()
    }

    /// The gazette shown.
    pub fn gazette(&self) -> &Arc<Gazette> {
        &self.gazette
    }

    /// Where the shown gazette came from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The notices not yet dismissed, oldest first.
    pub fn notices(&self) -> &[Notice] {
        self.notices.list()
    }

    /// The window title for what is shown now (the title bar shows it from the next frame).
    pub fn window_title(&self) -> String {
        window_title(&self.gazette, &self.source, self.lang)
    }

    /// Takes the result of a finished load: the new gazette, or a notice.
    pub(super) fn finish_load(&mut self, finished: Finished) {
        match finished.result {
            Ok(gazette) => self.replace_gazette(gazette, Source::File(finished.path)),
            Err(err) if finished.reopening => {
                self.source = Source::Embedded;
                self.notices.push(Notice::LastFileFailed {
                    error: err.to_string(),
                });
            }
            Err(err) => self.notices.push(Notice::OpenFailed {
                error: err.to_string(),
            }),
        }
    }

    /// Shows `gazette` in place of the current one; the tab stays open if the new issue has it.
    /// What the clerk typed in the search box stays, now searching the new issue.
    fn replace_gazette(&mut self, gazette: Gazette, source: Source) {
        self.search = self.search.for_new_issue(&gazette);
        if !tab_exists(&gazette, &self.tab) {
            self.tab = Tab::Overview;
        }
        self.views.clear();
        self.tables.opened_another_file();
        self.gazette = Arc::new(gazette);
        crate::files::set_window_input(match &source {
            Source::File(path) => Some(path),
            Source::Embedded => None,
        });
        self.source = source;
    }

    /// Polls the open dialog and the loader, takes dropped files and Ctrl+O.
    pub(super) fn handle_files(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.files.poll_dialog() {
            self.open_path(path);
        }
        if let Some(path) = dropped_file(ctx) {
            self.open_path(path);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&open_shortcut())) {
            self.choose_file();
        }
        if let Some(finished) = self.files.poll() {
            self.finish_load(finished);
            ctx.request_repaint();
        }
    }

    /// Shows the native open dialog, starting in the folder of the file shown.
    pub(super) fn choose_file(&mut self) {
        let folder = match &self.source {
            Source::File(path) => path.parent().map(Path::to_owned),
            Source::Embedded => None,
        };
        self.files.choose(self.lang, folder);
    }

    /// The file shown (full path on hover), or 内置本期.
    pub(super) fn source_label(&self, ui: &mut egui::Ui) {
        match &self.source {
            Source::Embedded => {
                ui.weak(format!("（{}）", FileText::Embedded.get(self.lang)));
            }
            Source::File(path) => {
                ui.weak(format!("（{}）", file_name(path)))
                    .on_hover_text(path.display().to_string());
            }
        }
    }
}
