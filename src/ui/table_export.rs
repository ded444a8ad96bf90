//! The export flow of the table view: the options dialog, the native save dialog on a
//! background thread (the window keeps painting), the write, and the result message with an
//! "open folder" button. Which rows a choice covers is decided by [`RowChoice`]; the file is
//! written by [`write_output_with`] with [`write_csv`] or [`write_xlsx`], and the provenance
//! by [`write_sidecar`], as the command line writes them.

use super::table_strings::{self as strings, Lang, Text};
use crate::desktop::{DialogSupport, MissingReason, typed_path};
use crate::export::cli::write_sidecar;
use crate::export::provenance::Chosen;
use crate::export::xlsx::{check_row_limit, write_xlsx, xlsx_bytes};
use crate::export::{
    CsvOptions, DataFile, Encoding, ExportError, ExportFormat, ExportOptions, Provenance,
    RowChoice, csv_bytes, folder_of, suggested_file_name, write_csv, write_output,
    write_output_with,
};
use crate::model::{Gazette, Table};
use crate::table::TableState;
use eframe::egui::{self, Ui};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

/// What the export may use of this desktop.
#[derive(Debug, Clone, Copy, Default)]
pub struct Desktop {
    /// Whether the native save dialog can appear; without it the options dialog has a path
    /// field.
    pub dialogs: DialogSupport,
    /// The program that opens a folder; without one the folder's path is shown to copy.
    pub folder_opener: Option<&'static str>,
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
        options: ExportOptions,
        /// The file typed into the path field, where no save dialog can appear.
        target: Option<String>,
        /// A typed file that exists and that the clerk was told would be replaced: the next
        /// click on the export button replaces it (the native dialog asks the same).
        replace: Option<PathBuf>,
    },
    /// The save dialog (and then the write) runs on another thread; `writing` turns true once
    /// a file is chosen and the CSV is being built and written.
    Waiting {
        /// The thread's answer.
        receiver: Receiver<Outcome>,
        /// Set by the thread when the dialog has closed and writing began.
        writing: Arc<AtomicBool>,
    },
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
    /// Opens the options dialog (Ctrl+E or the button) on `rows` ([`RowChoice::preferred`]),
    /// unless one is already under way.
    pub fn open(&mut self, rows: RowChoice) {
        if !matches!(
            self,
            ExportFlow::Waiting { .. } | ExportFlow::Choosing { .. }
        ) {
            *self = ExportFlow::Choosing {
                rows,
                options: ExportOptions::default(),
                target: None,
                replace: None,
            };
        }
    }

    /// Whether a dialog is up, so table shortcuts stay out of its way.
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            ExportFlow::Choosing { .. } | ExportFlow::Waiting { .. }
        )
    }

    /// Draws whatever the flow needs this frame and advances it. With `shared` (the gazette
    /// holding `table`, given for large tables) the CSV is built on the worker thread after the
    /// save dialog, not on the UI thread before it.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        table: &Table,
        shared: Option<Arc<Gazette>>,
        state: &TableState,
        shown: &[usize],
        issue: &str,
        last_folder: &mut Option<PathBuf>,
        desktop: Desktop,
        lang: Lang,
    ) {
        let next = match self {
            ExportFlow::Idle => None,
            ExportFlow::Choosing {
                rows,
                options,
                target,
                replace,
            } => {
                let missing = match desktop.dialogs {
                    DialogSupport::Native => None,
                    DialogSupport::Missing(reason) => {
                        let count = rows.count(&state.selection, shown, table.rows.len());
                        let format = options.format;
                        let chosen = (*rows, count);
                        let default = || default_target(last_folder, table, issue, chosen, format);
                        let target = target.get_or_insert_with(default);
                        let warned = replace.as_ref().is_some_and(|path| {
                            typed_target(target).as_deref() == Some(path.as_path())
                        });
                        Some((reason, target, warned))
                    }
                };
                let format = options.format;
                let choice = options_dialog(ui, table, state, shown, rows, options, missing, lang);
                // A format just chosen: the typed name's extension follows it (shown next frame).
                if let Some(target) = target.as_mut()
                    && options.format != format
                {
                    *target = options.format.apply_to_name(target);
                    ui.ctx().request_repaint();
                }
                let typed = target.as_deref().map(typed_target);
                choice.and_then(|go| match (go, typed) {
                    (false, _) => Some(ExportFlow::Idle),
                    (true, Some(None)) => Some(ExportFlow::Done(Outcome::Failed(
                        Text::NoTargetTyped.get(lang).to_owned(),
                    ))),
                    (true, Some(Some(path)))
                        if path.exists() && replace.as_ref() != Some(&path) =>
                    {
                        // Say it once (drawn on the next frame); the next click replaces it.
                        *replace = Some(path);
                        ui.ctx().request_repaint();
                        None
                    }
                    (true, typed) => Some(start(
                        table,
                        shared,
                        state,
                        shown,
                        (*rows, *options),
                        typed.flatten(),
                        issue,
                        last_folder,
                        lang,
                    )),
                })
            }
            ExportFlow::Waiting { receiver, writing } => {
                let writing = writing.load(Ordering::Relaxed);
                poll(ui, receiver, writing, last_folder, lang)
            }
            ExportFlow::Done(outcome) => {
                message(ui, outcome, desktop.folder_opener, lang).then_some(ExportFlow::Idle)
            }
        };
        if let Some(next) = next {
            *self = next;
        }
    }
}

/// The modal options dialog; `Some(true)` to go on to the save dialog (or, with `missing`, to
/// the typed file), `Some(false)` to cancel.
#[allow(clippy::too_many_arguments)]
fn options_dialog(
    ui: &mut Ui,
    table: &Table,
    state: &TableState,
    shown: &[usize],
    rows: &mut RowChoice,
    options: &mut ExportOptions,
    missing: Option<(MissingReason, &mut String, bool)>,
    lang: Lang,
) -> Option<bool> {
    let modal =
        egui::Modal::new(egui::Id::unique(("export-dialog", &table.id))).show(ui.ctx(), |ui| {
            ui.heading(Text::ExportTitle.get(lang));
            ui.label(Text::RowsLabel.get(lang));
            for (choice, text) in
                RowChoice::ALL
                    .into_iter()
                    .zip([Text::RowsSelected, Text::RowsShown, Text::RowsAll])
            {
                let count = choice.count(&state.selection, shown, table.rows.len());
                let label = format!("{}{}", text.get(lang), strings::row_count(lang, count));
                ui.add_enabled_ui(count > 0, |ui| ui.radio_value(rows, choice, label));
            }
            format_choice(ui, options, lang);
            let shown_columns = state.layout.shown_columns(table.columns.len()).len();
            ui.weak(strings::columns_written(
                lang,
                shown_columns,
                table.columns.len(),
            ));
            if let Some((reason, target, warned)) = missing {
                path_field(ui, reason, target, lang);
                if warned {
                    ui.colored_label(ui.visuals().warn_fg_color, Text::WillReplace.get(lang));
                }
            }
            ui.horizontal(|ui| {
                let count = rows.count(&state.selection, shown, table.rows.len());
                let go = strings::export_rows_button(lang, *rows, count);
                if ui.button(go).clicked() {
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

/// The format, the CSV's header and encoding (a workbook has neither choice: it keeps every
/// character and always has its header), and the provenance beside a CSV.
fn format_choice(ui: &mut Ui, options: &mut ExportOptions, lang: Lang) {
    ui.label(Text::FormatLabel.get(lang));
    ui.horizontal(|ui| {
        for (format, text) in [
            (ExportFormat::Csv, Text::FormatCsv),
            (ExportFormat::Xlsx, Text::FormatXlsx),
        ] {
            ui.radio_value(&mut options.format, format, text.get(lang));
        }
    });
    let csv = options.format == ExportFormat::Csv;
    if !csv {
        ui.weak(Text::FormatXlsxNote.get(lang));
    }
    ui.add_enabled_ui(csv, |ui| {
        ui.checkbox(&mut options.csv.header, Text::HeaderRow.get(lang));
        ui.label(Text::EncodingLabel.get(lang));
        for (encoding, text) in [
            (Encoding::Utf8Bom, Text::EncodingUtf8Bom),
            (Encoding::Utf8, Text::EncodingUtf8),
            (Encoding::Gbk, Text::EncodingGbk),
        ] {
            ui.radio_value(&mut options.csv.encoding, encoding, text.get(lang));
        }
        ui.checkbox(&mut options.provenance, Text::SaveProvenance.get(lang));
    });
}

/// What the worker writes: bytes built already (small tables, so an encoding problem shows at
/// once), or rows of the shared gazette streamed into the file (large tables), never held whole;
/// and the provenance to write beside a CSV, if asked for.
struct Job {
    content: Content,
    sidecar: Option<Provenance>,
}

enum Content {
    Ready(Vec<u8>),
    Streamed {
        gazette: Arc<Gazette>,
        table: String,
        rows: Vec<usize>,
        columns: Vec<usize>,
        format: Streamed,
    },
}

/// How streamed rows are written.
enum Streamed {
    Csv(CsvOptions),
    Xlsx(Box<Provenance>),
}

/// Asks for the file on a background thread and writes it there. The bytes are built first on
/// this thread for a small table, on the background thread (after the dialog) for a large one.
#[allow(clippy::too_many_arguments)]
fn start(
    table: &Table,
    shared: Option<Arc<Gazette>>,
    state: &TableState,
    shown: &[usize],
    (choice, options): (RowChoice, ExportOptions),
    typed: Option<PathBuf>,
    issue: &str,
    last_folder: &Option<PathBuf>,
    lang: Lang,
) -> ExportFlow {
    let rows = choice.rows(&state.selection, shown, table.rows.len());
    let columns = state.layout.shown_columns(table.columns.len());
    let name = suggested_file_name(table, issue, (choice, rows.len()), options.format);
    let count = rows.len();
    let provenance = provenance_of(table, shared.as_deref(), state, shown, choice, &rows);
    let job = match build_job(table, shared, rows, columns, options, provenance) {
        Ok(job) => job,
        Err(error) => return ExportFlow::Done(Outcome::Failed(error.to_string())),
    };
    let folder = last_folder.clone();
    let filter = match options.format {
        ExportFormat::Csv => (Text::CsvFiles.get(lang), "csv"),
        ExportFormat::Xlsx => (Text::XlsxFiles.get(lang), "xlsx"),
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    let writing = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&writing);
    std::thread::spawn(move || {
        let outcome = match typed {
            Some(path) => {
                flag.store(true, Ordering::Relaxed);
                write_file(&path, job, count)
            }
            None => save_with_dialog(&name, folder.as_deref(), filter, job, count, &flag),
        };
        let _ = sender.send(outcome);
    });
    ExportFlow::Waiting { receiver, writing }
}

/// The provenance of this export: the gazette and its data file are known when the shared
/// gazette holds the table (always in the window; not for a table shown on its own).
fn provenance_of(
    table: &Table,
    shared: Option<&Gazette>,
    state: &TableState,
    shown: &[usize],
    choice: RowChoice,
    rows: &[usize],
) -> Provenance {
    let gazette = shared.filter(|g| g.table(&table.id).is_some());
    let data_file = gazette.map(|_| match crate::files::window_input() {
        Some(input) => match input.path() {
            Some(path) => DataFile::Path(path.to_owned()),
            None => DataFile::Embedded,
        },
        None => DataFile::Embedded,
    });
    let columns = state.layout.shown_columns(table.columns.len());
    let chosen = Chosen {
        query: &state.query,
        rows: &choice.into(),
        written: rows.len(),
        shown: shown.len(),
        columns: &columns,
    };
    let now = crate::export::provenance::export_instant();
    Provenance::new(table, gazette, chosen, data_file, now)
}

/// The worker's job. A workbook of more rows than a sheet holds is refused here, before the
/// save dialog; without a shared gazette the file is built now, on this thread.
fn build_job(
    table: &Table,
    shared: Option<Arc<Gazette>>,
    rows: Vec<usize>,
    columns: Vec<usize>,
    options: ExportOptions,
    provenance: Provenance,
) -> Result<Job, ExportError> {
    let sidecar = options.wants_sidecar().then(|| provenance.clone());
    let format = match options.format {
        ExportFormat::Csv => Streamed::Csv(options.csv),
        ExportFormat::Xlsx => {
            check_row_limit(rows.len())?;
            Streamed::Xlsx(Box::new(provenance))
        }
    };
    let content = match shared {
        Some(gazette) => Content::Streamed {
            gazette,
            table: table.id.clone(),
            rows,
            columns,
            format,
        },
        None => Content::Ready(match &format {
            Streamed::Csv(options) => csv_bytes(table, &rows, &columns, options)?,
            Streamed::Xlsx(provenance) => xlsx_bytes(table, &rows, &columns, provenance)?,
        }),
    };
    Ok(Job { content, sidecar })
}

fn save_with_dialog(
    name: &str,
    folder: Option<&Path>,
    (filter, extension): (&str, &str),
    job: Job,
    rows: usize,
    writing: &AtomicBool,
) -> Outcome {
    let mut dialog = rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter(filter, &[extension]);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    let Some(path) = dialog.save_file() else {
        return Outcome::Cancelled;
    };
    writing.store(true, Ordering::Relaxed);
    write_file(&path, job, rows)
}

/// Writes the job to `path` through the one writer (atomic for a regular file), then the
/// provenance beside it if asked for.
fn write_file(path: &Path, job: Job, rows: usize) -> Outcome {
    let input = crate::files::window_input();
    let written = match job.content {
        Content::Ready(bytes) => write_output(path, input.as_ref(), &bytes),
        Content::Streamed {
            gazette,
            table,
            rows,
            columns,
            format,
        } => match gazette.table(&table) {
            Some(table) => write_output_with(path, input.as_ref(), |sink| match &format {
                Streamed::Csv(options) => write_csv(table, &rows, &columns, options, sink),
                Streamed::Xlsx(provenance) => write_xlsx(table, &rows, &columns, provenance, sink),
            }),
            None => return Outcome::Failed(format!("the table {table} is no longer open")),
        },
    };
    if let Err(error) = written {
        return Outcome::Failed(error.to_string());
    }
    if let Some(provenance) = &job.sidecar
        && let Err(error) = write_sidecar(path, input.as_ref(), provenance)
    {
        return Outcome::Failed(format!(
            "the {rows} rows were written to {}, but the provenance beside them was not: {error}",
            path.display()
        ));
    }
    Outcome::Written(path.to_owned(), rows)
}

/// Checks the background thread; keeps the window repainting while it works.
fn poll(
    ui: &mut Ui,
    receiver: &Receiver<Outcome>,
    writing: bool,
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
        Err(TryRecvError::Empty) if writing => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(Text::Exporting.get(lang));
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
            None
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
fn message(
    ui: &mut Ui,
    outcome: &mut Outcome,
    folder_opener: Option<&'static str>,
    lang: Lang,
) -> bool {
    let mut dismissed = false;
    ui.horizontal_wrapped(|ui| {
        match outcome {
            Outcome::Cancelled => dismissed = true,
            Outcome::Written(path, rows) => {
                ui.label(strings::exported(lang, *rows, &path.display().to_string()));
                let folder = folder_of(path);
                match (folder_opener, folder) {
                    (Some(opener), Some(folder)) => {
                        if ui.button(Text::OpenFolder.get(lang)).clicked()
                            && let Err(error) = open_folder(opener, &folder)
                        {
                            let error = strings::open_failed(lang, &error.to_string());
                            *outcome = Outcome::Failed(error);
                        }
                    }
                    // No program opens folders here: the folder's path, to copy.
                    (None, Some(folder)) => {
                        let text = strings::folder_is(lang, &folder.display().to_string());
                        ui.add(egui::Label::new(text).selectable(true));
                    }
                    (_, None) => {}
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
/// Opens a folder with `opener` ([`crate::desktop::folder_opener`]).
fn open_folder(opener: &str, folder: &Path) -> std::io::Result<()> {
    std::process::Command::new(opener)
        .arg(folder)
        .spawn()
        .map(|_| ())
}

/// The path field's first text: the last export's folder (else the home folder) and the
/// suggested file name.
fn default_target(
    last_folder: &Option<PathBuf>,
    table: &Table,
    issue: &str,
    rows: (RowChoice, usize),
    format: ExportFormat,
) -> String {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    let folder = last_folder.clone().or(home.map(PathBuf::from));
    let name = suggested_file_name(table, issue, rows, format);
    match folder {
        Some(folder) => folder.join(name).display().to_string(),
        None => name,
    }
}

/// The file the clerk typed, as [`typed_path`] reads it; `None` for an empty field.
fn typed_target(text: &str) -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    typed_path(text, home.as_deref().map(Path::new))
}

/// Where no save dialog can appear: why, and the field for the file to write.
fn path_field(ui: &mut Ui, reason: MissingReason, target: &mut String, lang: Lang) {
    let why = super::open_file::missing_reason_text(reason).get(lang);
    ui.colored_label(ui.visuals().warn_fg_color, why);
    ui.horizontal(|ui| {
        let label = ui.label(Text::SaveTo.get(lang));
        ui.add(egui::TextEdit::singleline(target).desired_width(420.0))
            .labelled_by(label.id);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_export_streams_its_csv_on_the_worker_from_the_shared_gazette() {
        let mut gazette = crate::model::load::embedded().unwrap();
        crate::synthetic::grow_land_prices(&mut gazette, 1_000, 3).unwrap();
        let gazette = Arc::new(gazette);
        let dir = std::env::temp_dir().join(format!("gazette-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.csv");
        let streamed = Job {
            content: Content::Streamed {
                gazette: Arc::clone(&gazette),
                table: "land-prices".into(),
                rows: (0..1_000).collect(),
                columns: vec![0, 2],
                format: Streamed::Csv(CsvOptions::default()),
            },
            sidecar: None,
        };
        let handle = std::thread::spawn({
            let path = path.clone();
            move || write_file(&path, streamed, 1_000)
        });
        assert_eq!(
            handle.join().unwrap(),
            Outcome::Written(path.clone(), 1_000)
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1_001, "header and every row");

        let gone = Job {
            content: Content::Streamed {
                gazette,
                table: "no-such-table".into(),
                rows: vec![],
                columns: vec![],
                format: Streamed::Csv(CsvOptions::default()),
            },
            sidecar: None,
        };
        assert!(matches!(write_file(&path, gone, 0), Outcome::Failed(_)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    }
}
