//! Export of tables as CSV or as an Excel workbook, shared by the window and the command line.
//!
//! [`csv_bytes`] turns chosen rows and columns into the bytes of a file: quoting by the csv
//! crate, numbers as plain numbers, text guarded against formula injection, in the chosen
//! [`Encoding`]. [`xlsx`] writes the same rows and columns as a workbook, typed and laid out by
//! [`sheet`], with the [`provenance`] of the export on a second sheet (or, for a CSV on
//! request, in a `NAME.source.txt` beside it). [`write_output_with`] streams them through the
//! one writer of [`crate::files`] (or to standard output), so a failure never leaves half a
//! file or harms what it lands on. [`suggested_file_name`] proposes a name like
//! 标定地价_2023年第3号_12行.csv. [`cli`] is the `export` command.

pub mod choice;
pub mod cli;
mod error;
pub mod format;
pub mod provenance;
pub mod sheet;
mod write;
pub mod xlsx;

pub use choice::RowChoice;
pub use error::ExportError;
pub use format::{ExportFormat, ExportOptions};
pub use provenance::{DataFile, Provenance, RowsChosen};
pub use write::{folder_of, write_output, write_output_with};

use crate::model::{Cell, Column, Table};
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::Write;

/// The UTF-8 byte-order mark: without it Excel on Chinese Windows reads UTF-8 as GBK.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text encoding of an exported file.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark: opens correctly in Excel and WPS on Chinese Windows.
    #[default]
    #[value(name = "utf8-bom")]
    Utf8Bom,
    /// UTF-8 without a mark, for other programs and scripts.
    #[value(name = "utf8")]
    Utf8,
    /// GBK, for older software that reads only the Chinese Windows code page.
    #[value(name = "gbk")]
    Gbk,
}

impl Encoding {
    /// Every encoding, in the order a chooser offers them.
    pub const ALL: [Encoding; 3] = [Encoding::Utf8Bom, Encoding::Utf8, Encoding::Gbk];

    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8Bom => "utf8-bom",
            Encoding::Utf8 => "utf8",
            Encoding::Gbk => "GBK",
        }
    }
}

/// How to write a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvOptions {
    /// Whether the first line holds the printed column headers.
    pub header: bool,
    /// The text encoding.
    pub encoding: Encoding,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            header: true,
            encoding: Encoding::Utf8Bom,
        }
    }
}

/// The bytes of a CSV file holding `rows` × `columns` of `table` (source indices, in the order
/// given). Fails, naming the cell, when a character has no code in the chosen encoding.
pub fn csv_bytes(
    table: &Table,
    rows: &[usize],
    columns: &[usize],
    options: &CsvOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(rows.len().saturating_mul(columns.len() * 16) + 64);
    write_csv(table, rows, columns, options, &mut out)?;
    Ok(out)
}

/// Streams the CSV of `rows` × `columns` of `table` into `sink`, as [`csv_bytes`] would build
/// it. UTF-8 is written in batches built in parallel, so a million-row export holds a few MB at
/// a time rather than the whole file. An export that cannot be built (a character GBK lacks)
/// fails before anything is written; a failing sink gives [`ExportError::Io`].
pub fn write_csv(
    table: &Table,
    rows: &[usize],
    columns: &[usize],
    options: &CsvOptions,
    sink: &mut dyn Write,
) -> Result<(), ExportError> {
    if options.encoding == Encoding::Gbk {
        let bytes = gbk_csv_bytes(table, rows, columns, options)?;
        return Ok(sink.write_all(&bytes)?);
    }
    if options.encoding == Encoding::Utf8Bom {
        sink.write_all(UTF8_BOM)?;
    }
    if options.header {
        let headers: Vec<String> = columns
            .iter()
            .map(|&c| guard_text(&table.columns[c].header()).into_owned())
            .collect();
        sink.write_all(&header_csv(&headers)?)?;
    }
    let threads = rayon::current_num_threads();
    if threads < 2 || rows.len() < PARALLEL_EXPORT_MIN_ROWS {
        return Ok(sink.write_all(&utf8_rows_csv(table, rows, columns)?)?);
    }
    // Each round, every thread of the pool writes one batch; the batches then go out in order.
    for round in rows.chunks(EXPORT_BATCH_ROWS * threads) {
        let batches: Vec<std::io::Result<Vec<u8>>> = round
            .par_chunks(EXPORT_BATCH_ROWS)
            .map(|batch| utf8_rows_csv(table, batch, columns))
            .collect();
        for batch in batches {
            sink.write_all(&batch?)?;
        }
    }
    Ok(())
}

/// Rows below which a CSV is written on one thread.
const PARALLEL_EXPORT_MIN_ROWS: usize = 50_000;

/// Rows each thread turns into CSV at a time (a few MB of text).
const EXPORT_BATCH_ROWS: usize = 16_384;

/// The CSV lines of `rows` × `columns`, UTF-8.
fn utf8_rows_csv(table: &Table, rows: &[usize], columns: &[usize]) -> std::io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(rows.len() * columns.len() * 20));
    for &row in rows {
        for &column in columns {
            let field = csv_field(&table.columns[column], table.rows[row].get(column));
            writer.write_field(field.as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.into_inner().map_err(|error| error.into_error())
}

/// The header line of the CSV.
fn header_csv(headers: &[String]) -> std::io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(headers)?;
    writer.into_inner().map_err(|error| error.into_error())
}

/// GBK: every field is checked (and ² folded) before anything is encoded, so an unencodable
/// character fails the export with its row and column named.
fn gbk_csv_bytes(
    table: &Table,
    rows: &[usize],
    columns: &[usize],
    options: &CsvOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut records: Vec<Vec<Cow<'_, str>>> = Vec::with_capacity(rows.len() + 1);
    if options.header {
        records.push(
            columns
                .iter()
                .map(|&c| Cow::Owned(guard_text(&table.columns[c].header()).into_owned()))
                .collect(),
        );
    }
    for &row in rows {
        records.push(
            columns
                .iter()
                .map(|&c| csv_field(&table.columns[c], table.rows[row].get(c)))
                .collect(),
        );
    }
    check_gbk(table, columns, &mut records, options.header)?;
    let text = write_records(&records)?;
    Ok(encoding_rs::GBK.encode(&text).0.into_owned())
}

/// One cell as written: blanks and "--" as printed, numbers in numeric columns as printed
/// (never neutralised, so "-5" stays a number), anything else through [`guard_text`].
fn csv_field<'a>(column: &Column, cell: Option<&'a Cell>) -> Cow<'a, str> {
    match cell {
        None | Some(Cell::Empty) => Cow::Borrowed(""),
        Some(Cell::Dash) => Cow::Borrowed(crate::model::DASH),
        // Digits at both ends: nothing to trim and nothing to guard, whether or not it parses.
        Some(Cell::Value(text)) if starts_and_ends_with_digit(text) => Cow::Borrowed(text),
        Some(Cell::Value(text)) if column.kind.is_numeric() && is_plain_number(text) => {
            Cow::Borrowed(text.trim())
        }
        Some(Cell::Value(text)) => guard_text(text),
    }
}

fn starts_and_ends_with_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_digit) && bytes.last().is_some_and(u8::is_ascii_digit)
}

fn is_plain_number(text: &str) -> bool {
    crate::model::parse_number(text).is_some()
}

/// OWASP's advice against CSV formula injection: a text cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead
/// of running it as a formula.
pub fn guard_text(text: &str) -> Cow<'_, str> {
    // All six are ASCII, so the first byte decides.
    if matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn write_records(records: &[Vec<Cow<'_, str>>]) -> Result<String, ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed =
        |e: &dyn std::fmt::Display| ExportError::Internal(format!("cannot build the CSV: {e}"));
    for record in records {
        writer
            .write_record(record.iter().map(|field| field.as_bytes()))
            .map_err(|e| failed(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}

/// Folds superscript ² and ³ (as in the unit m²) to 2 and 3, which GBK lacks, then fails on the
/// first other character GBK cannot encode, naming its row and column.
fn check_gbk(
    table: &Table,
    columns: &[usize],
    records: &mut [Vec<Cow<'_, str>>],
    header: bool,
) -> Result<(), ExportError> {
    for (r, record) in records.iter_mut().enumerate() {
        for (field, &column) in record.iter_mut().zip(columns) {
            if field.contains(['²', '³']) {
                *field = Cow::Owned(field.replace('²', "2").replace('³', "3"));
            }
            if let Some(character) = field.chars().find(|&c| !gbk_can_encode(c)) {
                return Err(ExportError::Unencodable {
                    row: if header { r } else { r + 1 },
                    column: table.columns[column].header(),
                    character,
                    encoding: Encoding::Gbk.name(),
                });
            }
        }
    }
    Ok(())
}

fn gbk_can_encode(character: char) -> bool {
    let mut buffer = [0u8; 4];
    let (_, _, had_errors) = encoding_rs::GBK.encode(character.encode_utf8(&mut buffer));
    !had_errors
}

/// A file name such as 标定地价_2023年第3号_12行.csv (or .xlsx, after `format`): the table's
/// short name, the issue and the number of rows, so files exported on different days stay
/// apart; 选中5行 when the rows are the clerk's selection, so the file says it holds a choice,
/// not the table. `issue` may be empty.
pub fn suggested_file_name(
    table: &Table,
    issue: &str,
    (choice, rows): (RowChoice, usize),
    format: ExportFormat,
) -> String {
    let short = short_name(&table.title);
    let mut parts = vec![if short.is_empty() {
        table.id.clone()
    } else {
        short
    }];
    if !issue.is_empty() {
        parts.push(issue.to_owned());
    }
    parts.push(match choice {
        RowChoice::Selected => format!("选中{rows}行"),
        RowChoice::Shown | RowChoice::All => format!("{rows}行"),
    });
    format!("{}.{}", parts.join("_"), format.extension())
}

/// The issue as it appears in file names, as the gazette names it: 2023年第3号 (a clerk read
/// "2023-03" as March 2023).
pub fn issue_label(issue: &crate::model::Issue) -> String {
    format!("{}年第{}号", issue.year, issue.number)
}

/// The title without the city prefix and the form word (驻马店市中心城区标定地价公示信息表 →
/// 标定地价), with characters Windows forbids in names replaced.
fn short_name(title: &str) -> String {
    let mut name = title.trim();
    for prefix in ["驻马店市中心城区", "驻马店市", "中心城区"] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    for suffix in ["公示信息表", "信息表", "一览表"] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    name.chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests;
