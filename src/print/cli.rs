//! The `pdf` command: a table (chosen as `export` chooses rows) or a document, as a PDF.
//!
//! `gazette-browser pdf TABLE_ID|DOC_ID [--filter TEXT] [--where COLUMN=VALUE]...
//! [--min COLUMN=N]... [--max COLUMN=N]... [--sort COLUMN[:desc]]... [--rows 1,3,5-9]
//! --output FILE`

use super::{TableJob, document_pdf, export_time, rows_label, table_pdf};
use crate::export::cli::{ExportArgs, pick_positions, query_from_args};
use crate::export::{ExportError, RowChoice, write_output};
use crate::files::FileIdentity;
use crate::model::Gazette;
use crate::table::visible_rows_of;
use std::path::PathBuf;

/// Arguments of `gazette-browser pdf`. The row options are those of `export` and apply to a
/// table only.
#[derive(Debug, Clone, clap::Args)]
pub struct PdfArgs {
    /// Id of a table (see `tables`) or of a document (see `docs`).
    pub id: String,
    /// Keep rows in which every word appears in some cell (the window's quick filter).
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Keep rows whose COLUMN is exactly VALUE; repeat for several values or columns.
    #[arg(long = "where", value_name = "COLUMN=VALUE")]
    pub where_: Vec<String>,
    /// Keep rows whose numeric COLUMN is at least N, e.g. 地面单价=4000.
    #[arg(long, value_name = "COLUMN=N")]
    pub min: Vec<String>,
    /// Keep rows whose numeric COLUMN is at most N.
    #[arg(long, value_name = "COLUMN=N")]
    pub max: Vec<String>,
    /// Sort by COLUMN, ascending unless `:desc` follows; repeat for secondary keys.
    #[arg(long, value_name = "COLUMN[:desc]")]
    pub sort: Vec<String>,
    /// Only these rows, by 1-based position after filtering and sorting, e.g. 1,3,5-9.
    #[arg(long, value_name = "LIST")]
    pub rows: Option<String>,
    /// Where to write the PDF (`-` for standard output).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

impl PdfArgs {
    /// The same choice of rows as `export` arguments, so both commands read them alike.
    fn as_export_args(&self) -> ExportArgs {
        ExportArgs {
            table: self.id.clone(),
            filter: self.filter.clone(),
            where_: self.where_.clone(),
            min: self.min.clone(),
            max: self.max.clone(),
            sort: self.sort.clone(),
            rows: self.rows.clone(),
            format: None,
            encoding: None,
            no_header: false,
            provenance: false,
            output: self.output.clone(),
        }
    }

    fn chooses_rows(&self) -> bool {
        self.filter.is_some()
            || !self.where_.is_empty()
            || !self.min.is_empty()
            || !self.max.is_empty()
            || !self.sort.is_empty()
            || self.rows.is_some()
    }
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
        let export = args.as_export_args();
        let query = query_from_args(table, &export)?;
        let shown = visible_rows_of(table, &query);
        let (rows, label) = match &args.rows {
            Some(list) => (pick_positions(&shown, list)?, super::strings::rows_at(list)),
            None => (shown, rows_label(RowChoice::Shown)),
        };
        let columns: Vec<usize> = (0..table.columns.len()).collect();
        let job = TableJob {
            gazette,
            table,
            rows: &rows,
            columns: &columns,
            query: &query,
            rows_label: label,
            time: export_time(),
        };
        let bytes = table_pdf(&job)?;
        return Ok((bytes, format!("{} rows", rows.len())));
    }
    if let Some(document) = gazette.document(&args.id) {
        if args.chooses_rows() {
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
