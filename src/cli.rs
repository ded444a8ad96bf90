//! The command line: `gazette-browser [--gazette FILE] [COMMAND]`.
//!
//! Every command reads the embedded issue unless `--gazette` names another file. Exit codes:
//! 0 success, 2 for any file that cannot be used (unreadable, malformed, invalid) or a bad
//! argument, 1 when the output cannot be written. With no command the window opens.

use crate::model::crosscheck::crosscheck;
use crate::model::load::{self, LoadError};
use crate::model::{Gazette, Table};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// Exit code for a file or argument that cannot be used.
pub const EXIT_BAD_INPUT: i32 = 2;
/// Exit code for output that cannot be written.
pub const EXIT_OUTPUT_FAILED: i32 = 1;

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
    /// Write a table as CSV (UTF-8 with BOM).
    Export(crate::export::cli::ExportArgs),
    /// Write the schematic of the benchmark regions as SVG.
    Schematic {
        /// Draw only the regions of this land use (用途), e.g. 住宅用地; repeatable; all if omitted.
        #[arg(long = "use", value_name = "用途")]
        uses: Vec<String>,
        /// Where to write the SVG; `-` for standard output.
        #[arg(long, value_name = "FILE")]
        svg: PathBuf,
    },
}

/// Loads the gazette the arguments name: the file given with `--gazette`, else the embedded one.
pub fn load_gazette(cli: &Cli) -> Result<Gazette, LoadError> {
    match &cli.gazette {
        Some(path) => load::load_path(path),
        None => load::embedded(),
    }
}

/// Runs a headless command and returns the process exit code.
pub fn run_command(cli: &Cli, command: &Command) -> i32 {
    let gazette = match load_gazette(cli) {
        // The process ends right after the command: freeing a million-row table cell by cell
        // would only delay the exit, so the gazette is left for the OS to reclaim.
        Ok(gazette) => std::mem::ManuallyDrop::new(gazette),
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_BAD_INPUT;
        }
    };
    let gazette: &Gazette = &gazette;
    let mut out = std::io::stdout().lock();
    let result = match command {
        Command::Check => write_check(gazette, &mut out),
        Command::Docs => write_docs(gazette, &mut out),
        Command::Tables => write_tables(gazette, &mut out),
        Command::Text { doc_id } => return write_text(gazette, doc_id.as_deref(), &mut out),
        Command::Export(args) => return crate::export::cli::run(gazette, args),
        Command::Schematic { uses, svg } => return write_schematic(gazette, uses, svg),
    };
    finish_output(result)
}

/// Maps a write result to an exit code; a closed pipe (`| head`) is not an error.
fn finish_output(result: std::io::Result<()>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(err) => {
            eprintln!("error: cannot write the output: {err}");
            EXIT_OUTPUT_FAILED
        }
    }
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

fn write_text(gazette: &Gazette, doc_id: Option<&str>, out: &mut impl Write) -> i32 {
    let text = match doc_id {
        None => crate::reader::text::issue_text(gazette),
        Some(id) => match gazette.document(id) {
            Some(document) => crate::reader::text::document_text(gazette, document),
            None => {
                let ids: Vec<&str> = gazette.documents.iter().map(|d| d.id.as_str()).collect();
                eprintln!(
                    "error: no document \"{id}\"; the documents are: {}",
                    ids.join(", ")
                );
                return EXIT_BAD_INPUT;
            }
        },
    };
    finish_output(out.write_all(text.as_bytes()))
}

/// The table the schematic is drawn from.
pub const SCHEMATIC_TABLE: &str = "land-prices";

fn write_schematic(gazette: &Gazette, uses: &[String], target: &std::path::Path) -> i32 {
    use crate::schematic::{layout, regions_from_table, svg};
    let Some(table) = gazette.table(SCHEMATIC_TABLE) else {
        eprintln!("error: the gazette has no table \"{SCHEMATIC_TABLE}\" to draw");
        return EXIT_BAD_INPUT;
    };
    let regions = match regions_from_table(table) {
        Ok(regions) => regions,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_BAD_INPUT;
        }
    };
    let known: Vec<&str> = dedup(regions.iter().map(|r| r.land_use.as_str()));
    if let Some(unknown) = uses.iter().find(|u| !known.contains(&u.as_str())) {
        eprintln!(
            "error: no land use \"{unknown}\"; the uses are: {}",
            known.join(", ")
        );
        return EXIT_BAD_INPUT;
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
    let title = format!("{} 标定区域示意图", gazette.display_title());
    let document = svg::render(&drawn, uses, &title);
    let result = if target.as_os_str() == "-" {
        std::io::stdout().lock().write_all(document.as_bytes())
    } else {
        crate::atomic_file::write_atomically(target, document.as_bytes())
    };
    match result {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("error: cannot write {}: {err}", target.display());
            EXIT_OUTPUT_FAILED
        }
    }
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
