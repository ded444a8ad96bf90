//! The command line: `gazette-browser [--gazette FILE] [COMMAND]`, or `gazette-browser FILE`
//! as file managers and the Linux desktop entry open a file.
//!
//! Every command reads the embedded issue unless `--gazette` names another file. [`run`] does
//! a command and returns its [`Error`], if any, as a type; `main` reports it with [`finish`],
//! whose [`Status`] is the one table of exit statuses (README.md). With no command the window
//! opens.

use crate::export::ExportError;
use crate::files::{FileIdentity, WriteError};
use crate::model::crosscheck::crosscheck;
use crate::model::load::{self, LoadError};
use crate::model::{Gazette, Table};
use clap::{Parser, Subcommand};
use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The exit statuses of the program, defined here only (README.md has the same table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done as asked (also when the reader of a pipe stopped early, as `| head` does).
    Success = 0,
    /// The system failed: the output cannot be written (no permission, disk full …), or an
    /// internal fault. Trying again elsewhere, or later, may work.
    SystemFailure = 1,
    /// The request cannot be carried out as asked: an unreadable, malformed or invalid
    /// gazette file, a bad argument (clap's own errors use 2 as well), or an output that must
    /// not be written (the input file, a folder, a disk device).
    BadInput = 2,
    /// Ended by Ctrl+C or a termination signal (temporary files removed), as shells expect.
    Interrupted = 130,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status as u8)
    }
}

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// The gazette file cannot be used.
    Load(LoadError),
    /// The export failed or was refused.
    Export(ExportError),
    /// The output file (the schematic's SVG) cannot be written or was refused.
    Write(WriteError),
    /// An argument names something that is not there (a document, a land use …).
    BadArgument(String),
    /// Standard output cannot be written.
    Stdout(std::io::Error),
}

impl Error {
    /// The exit status this error ends the process with.
    pub fn status(&self) -> Status {
        let system = match self {
            Error::Load(_) | Error::BadArgument(_) => false,
            Error::Export(error) => error.is_system_failure(),
            Error::Write(error) => !error.is_refusal(),
            Error::Stdout(_) => true,
        };
        if self.is_broken_pipe() {
            Status::Success
        } else if system {
            Status::SystemFailure
        } else {
            Status::BadInput
        }
    }

    /// Whether the reader of standard output went away (`| head`): the output it wanted was
    /// written, so the program ends quietly.
    fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Stdout(error) => error.kind() == std::io::ErrorKind::BrokenPipe,
            Error::Export(ExportError::Write(error)) | Error::Write(error) => {
                error.is_broken_pipe()
            }
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(error) => error.fmt(f),
            Error::Export(error) => error.fmt(f),
            Error::Write(error) => error.fmt(f),
            Error::BadArgument(message) => f.write_str(message),
            Error::Stdout(error) => write!(f, "cannot write the output: {error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Error::Stdout(error)
    }
}

/// Reports `result` on standard error (nothing for a closed pipe) and gives the exit code.
pub fn finish(result: Result<Status, Error>) -> ExitCode {
    match result {
        Ok(status) => status.into(),
        Err(error) => {
            let status = error.status();
            if !error.is_broken_pipe() {
                eprintln!("error: {error}");
            }
            status.into()
        }
    }
}

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "gazette-browser",
    version,
    about = "公报浏览器 — browse, check and export an issue of the Zhumadian government gazette",
    long_about = "公报浏览器 (Gazette Browser). Without a command it opens the window on the \
                  embedded issue 2023 No. 3, or on the file given with --gazette."
)]
pub struct Cli {
    /// Read this gazette data file (RON) instead of the embedded issue.
    #[arg(long, global = true, value_name = "FILE")]
    pub gazette: Option<PathBuf>,
    /// The same as --gazette FILE: how a file manager opens a gazette file with this program
    /// (the desktop entry's `gazette-browser %f`).
    #[arg(value_name = "FILE", conflicts_with = "gazette")]
    pub file: Option<PathBuf>,
    /// The window's renderer, `glow` or `wgpu` where built in (also the environment variable
    /// GAZETTE_BROWSER_RENDERER); the others remain fallbacks if it cannot start.
    #[arg(long, value_name = "NAME")]
    pub renderer: Option<String>,
    /// What to do; omit to open the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the gazette file; exit 0 when valid (cross-check notes follow), 2 when not.
    Check,
    /// List the documents: id, number, date, title.
    Docs,
    /// List the tables: id, title, rows × columns.
    Tables,
    /// Print the plain text of one document, or of the whole issue.
    Text {
        /// Id of the document (see `docs`); omit for the whole issue.
        doc_id: Option<String>,
    },
    /// Write a table as CSV (UTF-8 with BOM) or as an Excel workbook (--format xlsx, or an
    /// output ending in .xlsx).
    Export(crate::export::cli::ExportArgs),
    /// Write a table (rows chosen as `export` chooses them) or a document as a PDF for printing.
    Pdf(crate::print::cli::PdfArgs),
    /// Write the schematic of the benchmark regions as SVG.
    Schematic {
        /// The map of this land use (用途), e.g. 住宅用地, as the print's 附件2; all uses on one map if omitted.
        #[arg(long = "use", value_name = "用途")]
        uses: Vec<String>,
        /// Where to write the SVG; `-` for standard output.
        #[arg(long, value_name = "FILE")]
        svg: PathBuf,
    },
}

impl Cli {
    /// The gazette file named with `--gazette FILE` or as the plain `FILE`, if any.
    pub fn gazette_file(&self) -> Option<&PathBuf> {
        self.gazette.as_ref().or(self.file.as_ref())
    }
}

/// Loads the gazette the arguments name: the file given with `--gazette` (or as `FILE`), else
/// the embedded one.
pub fn load_gazette(cli: &Cli) -> Result<Gazette, LoadError> {
    match cli.gazette_file() {
        Some(path) => load::load_path(path),
        None => load::embedded(),
    }
}

/// Runs a headless command.
pub fn run(cli: &Cli, command: &Command) -> Result<Status, Error> {
    // The file being read, which no output may land on: refused before it is even read.
    let input = cli
        .gazette_file()
        .map(PathBuf::as_path)
        .and_then(FileIdentity::of);
    let targets = match command {
        Command::Export(args) if args.provenance => vec![
            args.output.clone(),
            crate::export::provenance::sidecar_path(&args.output),
        ],
        Command::Export(args) => vec![args.output.clone()],
        Command::Pdf(args) => vec![args.output.clone()],
        Command::Schematic { svg, .. } => vec![svg.clone()],
        _ => vec![],
    };
    for target in &targets {
        crate::files::refuse_input(target, input.as_ref()).map_err(Error::Write)?;
    }
    // A bad choice of format is refused before a big file is read for nothing.
    if let Command::Export(args) = command {
        args.resolved_format().map_err(Error::Export)?;
    }
    // The process ends right after the command: freeing a million-row table cell by cell
    // would only delay the exit, so the gazette is left for the OS to reclaim.
    let gazette = std::mem::ManuallyDrop::new(load_gazette(cli).map_err(Error::Load)?);
    let gazette: &Gazette = &gazette;
    let mut out = std::io::stdout().lock();
    match command {
        Command::Check => write_check(gazette, &mut out)?,
        Command::Docs => write_docs(gazette, &mut out)?,
        Command::Tables => write_tables(gazette, &mut out)?,
        Command::Text { doc_id } => write_text(gazette, doc_id.as_deref(), &mut out)?,
        Command::Export(args) => {
            drop(out);
            let data_file = match cli.gazette_file() {
                Some(path) => crate::export::DataFile::Path(path.clone()),
                None => crate::export::DataFile::Embedded,
            };
            crate::export::cli::run(gazette, args, input.as_ref(), data_file)
                .map_err(Error::Export)?
        }
        Command::Pdf(args) => {
            drop(out);
            crate::print::cli::run(gazette, args, input.as_ref()).map_err(Error::Export)?
        }
        Command::Schematic { uses, svg } => {
            drop(out);
            write_schematic(gazette, uses, svg, input.as_ref())?
        }
    }
    Ok(Status::Success)
}

fn write_check(gazette: &Gazette, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "valid: {}", gazette.display_title())?;
    writeln!(
        out,
        "{} documents, {} tables, {} errata",
        gazette.documents.len(),
        gazette.tables.len(),
        gazette.errata.len()
    )?;
    let notes = crosscheck(gazette);
    if !notes.is_empty() {
        writeln!(
            out,
            "notes (cross-checks of the content; the file is still valid):"
        )?;
        for note in notes {
            writeln!(out, "  [{}] {}", note.subject, note.message)?;
        }
    }
    Ok(())
}

fn write_docs(gazette: &Gazette, out: &mut impl Write) -> std::io::Result<()> {
    for doc in &gazette.documents {
        let number = doc.number.as_deref().unwrap_or("-");
        let date = doc
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".to_owned());
        writeln!(out, "{}\t{number}\t{date}\t{}", doc.id, doc.title)?;
    }
    Ok(())
}

fn write_tables(gazette: &Gazette, out: &mut impl Write) -> std::io::Result<()> {
    for table in &gazette.tables {
        writeln!(out, "{}\t{}\t{}", table.id, table.title, table_size(table))?;
    }
    Ok(())
}

/// "66 × 13": rows × columns.
fn table_size(table: &Table) -> String {
    format!("{} × {}", table.rows.len(), table.columns.len())
}

fn write_text(gazette: &Gazette, doc_id: Option<&str>, out: &mut impl Write) -> Result<(), Error> {
    let text = match doc_id {
        None => crate::reader::text::issue_text(gazette),
        Some(id) => match gazette.document(id) {
            Some(document) => crate::reader::text::document_text(gazette, document),
            None => {
                let ids: Vec<&str> = gazette.documents.iter().map(|d| d.id.as_str()).collect();
                return Err(Error::BadArgument(format!(
                    "no document \"{id}\"; the documents are: {}",
                    ids.join(", ")
                )));
            }
        },
    };
    Ok(out.write_all(text.as_bytes())?)
}

/// The table the schematic is drawn from.
pub const SCHEMATIC_TABLE: &str = "land-prices";

fn write_schematic(
    gazette: &Gazette,
    uses: &[String],
    target: &std::path::Path,
    input: Option<&FileIdentity>,
) -> Result<(), Error> {
    use crate::schematic::{layout, map::MapView, regions_from_table, svg};
    let table = gazette.table(SCHEMATIC_TABLE).ok_or_else(|| {
        Error::BadArgument(format!(
            "the gazette has no table \"{SCHEMATIC_TABLE}\" to draw"
        ))
    })?;
    let regions = regions_from_table(table).map_err(Error::BadArgument)?;
    let known: Vec<&str> = dedup(regions.iter().map(|r| r.land_use.as_str()));
    if let Some(unknown) = uses.iter().find(|u| !known.contains(&u.as_str())) {
        return Err(Error::BadArgument(format!(
            "no land use \"{unknown}\"; the uses are: {}",
            known.join(", ")
        )));
    }
    let drawn = layout(&regions);
    for region in &drawn.unplaced {
        eprintln!(
            "note: region {} ({}) is not drawn: {}",
            region.input.code, region.input.label, region.reason
        );
    }
    for problem in &drawn.unresolved {
        eprintln!("note: {problem}");
    }
    if drawn.unresolved_more > 0 {
        eprintln!(
            "note: and {} more overlaps that the boundaries force",
            drawn.unresolved_more
        );
    }
    let (view, title) = match uses {
        [] => (
            MapView::AllUses,
            format!("{} 标定区域示意图", gazette.display_title()),
        ),
        [one] => (
            MapView::Use(one.clone()),
            format!("{} {one}标定区域示意图", gazette.display_title()),
        ),
        _ => {
            return Err(Error::BadArgument(
                "give one --use for that use's map (as the print's 附件2), or none for all uses on one map"
                    .to_owned(),
            ));
        }
    };
    let document = svg::render(&drawn, &view, &title);
    crate::files::write_bytes(target, input, document.as_bytes()).map_err(Error::Write)
}

/// The distinct items in order of first appearance.
fn dedup<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
