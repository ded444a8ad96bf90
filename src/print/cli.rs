//! The `pdf` command: a table (chosen as `export` chooses rows) or a document, as a PDF.
//!
//! `gazette-browser pdf TABLE_ID|DOC_ID [--filter TEXT] [--where COLUMN=VALUE]...
//! [--min COLUMN=N]... [--max COLUMN=N]... [--sort COLUMN[:desc]]... [--rows 1,3,5-9]
//! --output FILE`

use super::{TableJob, document_pdf, export_time, table_pdf};
use crate::export::cli::{ChosenRows, RowOptions, choose_rows};
use crate::export::{ExportError, write_output};
use crate::files::FileIdentity;
use crate::model::Gazette;
use std::path::PathBuf;

/// Arguments of `gazette-browser pdf`. The row options are those of `export` and apply to a
/// table only.
#[derive(Debug, Clone, clap::Args)]
pub struct PdfArgs {
    /// Id of a table (see `tables`) or of a document (see `docs`).
    pub id: String,
    /// Which rows of a table.
    #[command(flatten)]
    pub choice: RowOptions,
    /// Where to write the PDF (`-` for standard output).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

/// Writes the PDF the arguments ask for, never onto `input`, and says what it wrote on
/// standard error.
pub fn run(
    gazette: &Gazette,
    args: &PdfArgs,
    input: Option<&FileIdentity>,
) -> Result<(), ExportError> {
    let (bytes, what) = pdf_bytes(gazette, args)?;
    write_output(&args.output, input, &bytes)?;
    if args.output.as_os_str() != "-" {
        eprintln!("wrote {what} to {}", args.output.display());
    }
    Ok(())
}

/// The PDF and a few words on what it holds; nothing is written when an argument is wrong.
pub fn pdf_bytes(gazette: &Gazette, args: &PdfArgs) -> Result<(Vec<u8>, String), ExportError> {
    if let Some(table) = gazette.table(&args.id) {
        let ChosenRows {
            query,
            shown,
            rows,
            chosen,
        } = choose_rows(table, &args.choice)?;
        let columns: Vec<usize> = (0..table.columns.len()).collect();
        let job = TableJob {
            gazette,
            table,
            rows: &rows,
            columns: &columns,
            query: &query,
            chosen,
            shown,
            time: export_time(),
        };
        let bytes = table_pdf(&job)?;
        return Ok((bytes, format!("{} rows", rows.len())));
    }
    if let Some(document) = gazette.document(&args.id) {
        if args.choice.chooses_rows() {
            return Err(ExportError::BadArgument(format!(
                "\"{}\" is a document: --filter, --where, --min, --max, --sort and --rows choose \
                 rows of a table only",
                args.id
            )));
        }
        return Ok((document_pdf(gazette, document)?, "the document".to_owned()));
    }
    let tables: Vec<&str> = gazette.tables.iter().map(|t| t.id.as_str()).collect();
    let documents: Vec<&str> = gazette.documents.iter().map(|d| d.id.as_str()).collect();
    Err(ExportError::BadArgument(format!(
        "no table or document \"{}\"; the tables are: {}; the documents are: {}",
        args.id,
        tables.join(", "),
        documents.join(", ")
    )))
}
