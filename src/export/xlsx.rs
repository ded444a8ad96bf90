//! The Excel workbook export, with rust_xlsxwriter: the chosen rows and columns under a title
//! row and a frozen, filterable header, numbers as numbers shown as printed, widths that fit
//! Chinese text, and a second sheet 来源 with the export's [`Provenance`]. What each cell is
//! and how wide each column is come from [`super::sheet`]; this module only applies them.

use super::ExportError;
use super::provenance::{HEADING, Provenance, program};
use super::sheet::{ColumnLayout, ColumnRole, NumberFormat, SheetValue, column_layouts};
use crate::model::Table;
use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, IgnoreError, Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;
use std::io::Write;

/// Rows an Excel sheet holds (Excel 2007 and later, WPS, LibreOffice Calc).
pub const SHEET_MAX_ROWS: usize = 1_048_576;

/// Rows above the data: the title and the header.
const TOP_ROWS: usize = 2;

/// The most data rows a workbook export takes: a sheet's rows less the title and the header.
pub const MAX_DATA_ROWS: usize = SHEET_MAX_ROWS - TOP_ROWS;

/// Refuses an export of more rows than a sheet holds, before any work is done for it.
pub fn check_row_limit(rows: usize) -> Result<(), ExportError> {
    if rows > MAX_DATA_ROWS {
        return Err(ExportError::TooManyRows {
            rows,
            max: MAX_DATA_ROWS,
        });
    }
    Ok(())
}

/// Writes the workbook of `rows` × `columns` of `table` into `sink`. The workbook is built in
/// memory first (the rows themselves pass through a temporary file, see Cargo.toml), so a
/// failure writes nothing.
pub fn write_xlsx(
    table: &Table,
    rows: &[usize],
    columns: &[usize],
    provenance: &Provenance,
    sink: &mut dyn Write,
) -> Result<(), ExportError> {
    let bytes = xlsx_bytes(table, rows, columns, provenance)?;
    Ok(sink.write_all(&bytes)?)
}

/// The bytes of the workbook of `rows` × `columns` of `table` (see [`write_xlsx`]).
pub fn xlsx_bytes(
    table: &Table,
    rows: &[usize],
    columns: &[usize],
    provenance: &Provenance,
) -> Result<Vec<u8>, ExportError> {
    check_row_limit(rows.len())?;
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(provenance));
    workbook.set_zip_compression_level(ZIP_LEVEL);
    let data = workbook.add_worksheet_with_low_memory()?;
    data.set_name(sheet_name(&table.title))?;
    write_data_sheet(data, table, rows, columns, provenance)?;
    let source = workbook.add_worksheet();
    source.set_name(HEADING)?;
    write_provenance_sheet(source, provenance)?;
    Ok(workbook.save_to_buffer()?)
}

/// The deflate level of the workbook's zip: 3, as Excel itself writes, about 30 % faster than
/// the library's default of 6 for a file about 5 % larger (rust_xlsxwriter's performance notes).
const ZIP_LEVEL: u8 = 3;

/// Title, subject and comment of the file, shown by Excel's 属性 and by file managers.
fn properties(provenance: &Provenance) -> DocProperties {
    let subject = match (&provenance.gazette, &provenance.document) {
        (Some(gazette), Some(document)) => format!("{gazette} {document}"),
        (Some(gazette), None) => gazette.clone(),
        (None, _) => provenance.table_title.clone(),
    };
    DocProperties::new()
        .set_title(provenance.title())
        .set_subject(subject)
        .set_author(program())
        .set_comment(format!("{}；{}", provenance.rows, provenance.filters))
}

/// A sheet name from the table's title: at most 31 characters, none of the seven Excel
/// forbids, never the provenance sheet's name.
fn sheet_name(title: &str) -> String {
    let name: String = super::short_name(title)
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let name = name.trim_matches('\'').to_owned();
    if name.is_empty() || name == HEADING {
        "数据".to_owned()
    } else {
        name
    }
}

/// The formats of the data sheet, made once.
struct Formats {
    title: Format,
    header: Format,
    identifier: Format,
    words: Format,
    wrapped: Format,
    numbers: HashMap<NumberFormat, Format>,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xE8EEF7)
                .set_border_bottom(FormatBorder::Thin),
            // "@": text, so a code typed over in Excel stays text too.
            identifier: Format::new().set_num_format("@"),
            words: Format::new().set_align(FormatAlign::Top),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            numbers: HashMap::new(),
        }
    }

    fn text(&self, role: ColumnRole, layout: ColumnLayout) -> &Format {
        match role {
            ColumnRole::Identifier => &self.identifier,
            _ if layout.wrap => &self.wrapped,
            _ => &self.words,
        }
    }

    fn number(&mut self, format: NumberFormat) -> &Format {
        self.numbers
            .entry(format)
            .or_insert_with(|| Format::new().set_num_format(format.code()))
    }
}

fn write_data_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    rows: &[usize],
    columns: &[usize],
    provenance: &Provenance,
) -> Result<(), XlsxError> {
    let mut formats = Formats::new();
    let layouts = column_layouts(table, rows, columns);
    let roles: Vec<ColumnRole> = columns
        .iter()
        .map(|&c| super::sheet::column_role(&table.columns[c]))
        .collect();
    for (position, layout) in layouts.iter().enumerate() {
        sheet.set_column_width(col(position), layout.width)?;
    }
    let last_column = col(columns.len().saturating_sub(1));
    // Row 0: the title across the columns; row 1: the header.
    if columns.len() > 1 {
        sheet.merge_range(0, 0, 0, last_column, &provenance.title(), &formats.title)?;
    } else {
        sheet.write_string_with_format(0, 0, provenance.title(), &formats.title)?;
    }
    for (position, &column) in columns.iter().enumerate() {
        let header = table.columns[column].header();
        sheet.write_string_with_format(1, col(position), header, &formats.header)?;
    }
    for (offset, &row) in rows.iter().enumerate() {
        let sheet_row = row_number(TOP_ROWS + offset);
        for (position, &column) in columns.iter().enumerate() {
            let (role, layout) = (roles[position], layouts[position]);
            match super::sheet::sheet_value(role, table.rows[row].get(column)) {
                SheetValue::Blank => {}
                SheetValue::Text(text) => {
                    let format = formats.text(role, layout);
                    sheet.write_string_with_format(sheet_row, col(position), text, format)?;
                }
                SheetValue::Number(value, number) => {
                    let format = formats.number(number);
                    sheet.write_number_with_format(sheet_row, col(position), value, format)?;
                }
            }
        }
    }
    finish_data_sheet(sheet, rows.len(), &roles, last_column)
}

/// The frozen title and header, the autofilter, Excel's "number stored as text" marks turned
/// off for identifiers, and the page set up to print: A4 landscape, one page wide, the title
/// and header repeated on every page, 第 N 页 共 M 页 below.
fn finish_data_sheet(
    sheet: &mut Worksheet,
    data_rows: usize,
    roles: &[ColumnRole],
    last_column: u16,
) -> Result<(), XlsxError> {
    let last_row = row_number(TOP_ROWS + data_rows.max(1) - 1);
    sheet.set_freeze_panes(row_number(TOP_ROWS), 0)?;
    sheet.autofilter(1, 0, last_row, last_column)?;
    for (position, role) in roles.iter().enumerate() {
        if *role == ColumnRole::Identifier && data_rows > 0 {
            let column = col(position);
            let first = row_number(TOP_ROWS);
            sheet.ignore_error_range(
                first,
                column,
                last_row,
                column,
                IgnoreError::NumberStoredAsText,
            )?;
        }
    }
    const A4: u8 = 9;
    sheet
        .set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_footer("&C第 &P 页 共 &N 页");
    sheet.set_repeat_rows(0, 1)?;
    Ok(())
}

/// The 来源 sheet: one label and value per row, the values wrapped in a wide column.
fn write_provenance_sheet(sheet: &mut Worksheet, provenance: &Provenance) -> Result<(), XlsxError> {
    let label = Format::new().set_bold().set_align(FormatAlign::Top);
    let value = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 90)?;
    sheet.write_string_with_format(0, 0, HEADING, &label)?;
    for (index, (name, text)) in provenance.lines().into_iter().enumerate() {
        let row = row_number(index + 1);
        sheet.write_string_with_format(row, 0, name, &label)?;
        sheet.write_string_with_format(row, 1, text, &value)?;
    }
    Ok(())
}

/// A sheet row number; rows are checked against [`SHEET_MAX_ROWS`] before any is written.
fn row_number(row: usize) -> u32 {
    u32::try_from(row).unwrap_or(u32::MAX)
}

/// A sheet column number; a table has at most [`crate::model::MAX_ROW_CELLS`] columns.
fn col(position: usize) -> u16 {
    u16::try_from(position).unwrap_or(u16::MAX)
}

impl From<XlsxError> for ExportError {
    fn from(error: XlsxError) -> Self {
        match error {
            XlsxError::IoError(error) => ExportError::Workbook(format!(
                "{error}; check that the temporary folder ({}) has free space",
                std::env::temp_dir().display()
            )),
            other => ExportError::Workbook(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::provenance::{Chosen, RowsChosen};
    use crate::table::{Query, fixture::land_prices};

    fn provenance(table: &Table) -> Provenance {
        let chosen = Chosen {
            query: &Query::default(),
            rows: &RowsChosen::All,
            written: 0,
            shown: 0,
            columns: &[0],
        };
        Provenance::new(table, None, chosen, None, std::time::UNIX_EPOCH)
    }

    #[test]
    fn more_rows_than_a_sheet_holds_are_refused_before_any_work() {
        assert_eq!(
            MAX_DATA_ROWS, 1_048_574,
            "1,048,576 less the title and header"
        );
        assert!(check_row_limit(MAX_DATA_ROWS).is_ok());
        let table = land_prices();
        // The first row a million times over: refused at once, nothing built.
        let rows = vec![0; MAX_DATA_ROWS + 1];
        let error = xlsx_bytes(&table, &rows, &[0, 1], &provenance(&table)).unwrap_err();
        assert!(
            matches!(
                error,
                ExportError::TooManyRows {
                    rows: 1_048_575,
                    ..
                }
            ),
            "{error}"
        );
        assert!(error.to_string().contains("export them as CSV"), "{error}");
    }

    #[test]
    fn the_last_data_row_is_the_last_row_the_library_writes() {
        // Our limit agrees with rust_xlsxwriter's: the last data row fits, one more does not.
        let last = row_number(TOP_ROWS + MAX_DATA_ROWS - 1);
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        assert!(sheet.write_string(last, 0, "末行").is_ok());
        assert!(sheet.write_string(last + 1, 0, "超出").is_err());
    }

    #[test]
    fn sheet_names_are_short_allowed_and_apart_from_laiyuan() {
        assert_eq!(sheet_name("驻马店市中心城区标定地价公示信息表"), "标定地价");
        assert_eq!(sheet_name("a[b]:c*d?e/f\\g"), "a_b__c_d_e_f_g");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("来源"), "数据");
        assert_eq!(sheet_name(""), "数据");
    }

    #[test]
    fn an_empty_choice_still_gives_a_workbook_with_its_header() {
        let table = land_prices();
        let bytes = xlsx_bytes(&table, &[], &[0, 1], &provenance(&table)).unwrap();
        assert!(bytes.starts_with(b"PK"), "a zip archive");
    }
}
