//! How the cells of a table become the cells of a spreadsheet: which are numbers and which text,
//! the number format that shows each number as printed, and column widths that fit Chinese
//! text. Plain data decisions, apart from the workbook writer ([`super::xlsx`]) that applies
//! them, so they are tested without opening a workbook.

use crate::model::{Cell, Column, ColumnKind, Table};
use unicode_width::UnicodeWidthChar;

/// What a column is in a spreadsheet, which decides how its cells are typed and formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// An identifier made of digits (标定区域编号, 序号): text, so it is never summed,
    /// reformatted or stripped of leading zeros.
    Identifier,
    /// A year (年份): a number, without a thousands separator (2023, not 2,023).
    Year,
    /// A quantity: a number with a thousands separator and the decimals as printed.
    Quantity,
    /// Words: text, wrapped when the column is wide.
    Words,
}

/// The title of the printed serial-number column, an identifier of the printed row.
const SERIAL_TITLE: &str = "序号";

/// The role of `column`: codes and the printed serial number are identifiers; numeric columns
/// are quantities, except a year; everything else is words.
pub fn column_role(column: &Column) -> ColumnRole {
    match column.kind {
        ColumnKind::Code => ColumnRole::Identifier,
        ColumnKind::Integer if column.title == SERIAL_TITLE => ColumnRole::Identifier,
        ColumnKind::Integer if column.title.ends_with("年份") => ColumnRole::Year,
        ColumnKind::Integer | ColumnKind::Decimal => ColumnRole::Quantity,
        ColumnKind::Text | ColumnKind::Category => ColumnRole::Words,
    }
}

/// How a number is shown: its decimals as printed, with or without a thousands separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberFormat {
    /// Digits after the decimal point, as printed (57053.2 has 1, 3298.21 has 2).
    pub decimals: u8,
    /// Whether thousands are separated (4,520).
    pub grouped: bool,
}

impl NumberFormat {
    /// The spreadsheet's format code: `#,##0.00`, `0` …
    pub fn code(self) -> String {
        let whole = if self.grouped { "#,##0" } else { "0" };
        if self.decimals == 0 {
            whole.to_owned()
        } else {
            format!("{whole}.{}", "0".repeat(usize::from(self.decimals)))
        }
    }
}

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SheetValue<'a> {
    /// Nothing printed: no cell is written.
    Blank,
    /// Text, exactly as printed (the dash "--" included). A spreadsheet's text cell is never
    /// run as a formula, so it needs none of the CSV's guard.
    Text(&'a str),
    /// A number and the format that shows it as printed.
    Number(f64, NumberFormat),
}

/// Most significant digits a spreadsheet keeps in a number (IEEE double, as Excel shows it);
/// a longer printed number stays text rather than losing digits.
const MAX_SIGNIFICANT_DIGITS: usize = 15;

/// The spreadsheet value of `cell` in a column of `role`. A number is written as a number only
/// when the spreadsheet will show exactly the printed text (apart from the thousands
/// separator): an optional minus, digits without a leading zero, optional decimals, at most 15
/// significant digits. Anything else in a numeric column ("约3000", "007", "1e5") stays text.
pub fn sheet_value(role: ColumnRole, cell: Option<&Cell>) -> SheetValue<'_> {
    let text = match cell {
        None | Some(Cell::Empty) => return SheetValue::Blank,
        Some(Cell::Dash) => return SheetValue::Text(crate::model::DASH),
        Some(Cell::Value(text)) => text.as_str(),
    };
    let grouped = match role {
        ColumnRole::Quantity => true,
        ColumnRole::Year => false,
        ColumnRole::Identifier | ColumnRole::Words => return SheetValue::Text(text),
    };
    match plain_decimals(text) {
        Some(decimals) => match crate::model::parse_number(text) {
            Some(value) => SheetValue::Number(value, NumberFormat { decimals, grouped }),
            None => SheetValue::Text(text),
        },
        None => SheetValue::Text(text),
    }
}

/// The number of decimals of a plainly written number (`-12`, `3298.21`, `0.5`), or `None`
/// for anything a spreadsheet would not show back as written.
fn plain_decimals(text: &str) -> Option<u8> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    if !digits(whole) || leading_zero || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let fraction = fraction.unwrap_or("");
    let significant = whole.trim_start_matches('0').len() + fraction.len();
    if significant > MAX_SIGNIFICANT_DIGITS {
        return None;
    }
    u8::try_from(fraction.len()).ok()
}

/// How wide `text` is in spreadsheet column units, where a digit or Latin letter is one and a
/// Chinese character (or any other wide character) two: the measure Excel's column width uses
/// with its default font, in which a CJK character takes about two digits' width.
pub fn text_units(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// How wide a number is once shown with `format`: its digits, separators and decimals.
pub fn number_units(value: f64, format: NumberFormat) -> usize {
    let shown = format!("{:.*}", usize::from(format.decimals), value.abs());
    let whole = shown.split('.').next().map_or(0, str::len);
    let separators = if format.grouped {
        whole.saturating_sub(1) / 3
    } else {
        0
    };
    shown.len() + separators + usize::from(value < 0.0)
}

/// The width and wrapping of one column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnLayout {
    /// Width in spreadsheet character units.
    pub width: f64,
    /// Whether its text wraps (a column whose longest text would be wider than [`MAX_WIDTH`]).
    pub wrap: bool,
}

/// The narrowest column: room for the autofilter's button and a few characters.
pub const MIN_WIDTH: f64 = 6.0;
/// The widest column; longer text wraps inside it.
pub const MAX_WIDTH: f64 = 40.0;
/// Room on either side of the widest text.
const PADDING: f64 = 2.0;
/// Room for the autofilter's drop-down button beside a header.
const FILTER_BUTTON: f64 = 3.0;

/// The layout of each of `columns` of `table` over `rows`: wide enough for the header (in bold,
/// with its filter button) and the widest cell, at most [`MAX_WIDTH`]; wider text wraps.
pub fn column_layouts(table: &Table, rows: &[usize], columns: &[usize]) -> Vec<ColumnLayout> {
    columns
        .iter()
        .map(|&column| {
            let role = column_role(&table.columns[column]);
            let header = text_units(&table.columns[column].header()) as f64 * BOLD + FILTER_BUTTON;
            let widest = rows
                .iter()
                .map(|&row| value_units(sheet_value(role, table.rows[row].get(column))))
                .max()
                .unwrap_or(0) as f64;
            let wanted = header.max(widest + PADDING);
            ColumnLayout {
                width: wanted.clamp(MIN_WIDTH, MAX_WIDTH),
                wrap: widest + PADDING > MAX_WIDTH,
            }
        })
        .collect()
}

/// How much wider bold text is than regular text.
const BOLD: f64 = 1.1;

fn value_units(value: SheetValue<'_>) -> usize {
    match value {
        SheetValue::Blank => 0,
        SheetValue::Text(text) => text_units(text),
        SheetValue::Number(value, format) => number_units(value, format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;

    fn value(role: ColumnRole, text: &str) -> SheetValue<'static> {
        let cell = Cell::from(text);
        // Leak for a 'static borrow: a test helper only.
        sheet_value(role, Some(Box::leak(Box::new(cell))))
    }

    fn number(decimals: u8, grouped: bool) -> NumberFormat {
        NumberFormat { decimals, grouped }
    }

    #[test]
    fn codes_and_the_serial_are_text_numbers_are_numbers_with_printed_decimals() {
        let table = land_prices();
        let roles: Vec<ColumnRole> = table.columns.iter().map(column_role).collect();
        assert_eq!(roles[0], ColumnRole::Identifier, "序号");
        assert_eq!(roles[1], ColumnRole::Words, "用途");
        assert_eq!(roles[2], ColumnRole::Identifier, "标定区域编号");
        assert_eq!(roles[6], ColumnRole::Quantity, "地面单价");
        let quantity = ColumnRole::Quantity;
        assert_eq!(
            value(quantity, "3298.21"),
            SheetValue::Number(3298.21, number(2, true))
        );
        assert_eq!(
            value(quantity, "57053.2"),
            SheetValue::Number(57053.2, number(1, true))
        );
        assert_eq!(
            value(quantity, "4520"),
            SheetValue::Number(4520.0, number(0, true))
        );
        assert_eq!(
            value(ColumnRole::Year, "2023"),
            SheetValue::Number(2023.0, number(0, false))
        );
        assert_eq!(
            value(ColumnRole::Identifier, "1"),
            SheetValue::Text("1"),
            "序号 stays text"
        );
        assert_eq!(value(quantity, "--"), SheetValue::Text("--"), "the dash");
        assert_eq!(value(quantity, ""), SheetValue::Blank);
    }

    #[test]
    fn only_numbers_a_spreadsheet_shows_back_as_printed_become_numbers() {
        let quantity = ColumnRole::Quantity;
        for text in [
            "约3000",
            "007",
            "1e5",
            " 12",
            "1.",
            ".5",
            "+5",
            "1234567890123456",
        ] {
            assert_eq!(value(quantity, text), SheetValue::Text(text), "{text:?}");
        }
        assert_eq!(
            value(quantity, "-0.75"),
            SheetValue::Number(-0.75, number(2, true))
        );
        assert_eq!(
            value(quantity, "0.000001"),
            SheetValue::Number(0.000001, number(6, true))
        );
    }

    #[test]
    fn number_formats_follow_the_printed_decimals() {
        assert_eq!(number(0, true).code(), "#,##0");
        assert_eq!(number(2, true).code(), "#,##0.00");
        assert_eq!(number(0, false).code(), "0");
        assert_eq!(number(1, false).code(), "0.0");
    }

    #[test]
    fn chinese_characters_count_two_units_digits_one() {
        assert_eq!(text_units("住宅用地"), 8);
        assert_eq!(text_units("411700S50001"), 12);
        assert_eq!(text_units("土地面积(m²)"), 8 + 4);
        assert_eq!(number_units(168658.88, number(2, true)), "168,658.88".len());
        assert_eq!(number_units(-4520.0, number(0, true)), "-4,520".len());
        assert_eq!(number_units(2023.0, number(0, false)), 4);
    }

    #[test]
    fn columns_fit_their_widest_cell_and_long_text_wraps() {
        let table = land_prices();
        let rows: Vec<usize> = (0..table.rows.len()).collect();
        let columns: Vec<usize> = (0..table.columns.len()).collect();
        let layouts = column_layouts(&table, &rows, &columns);
        // 用途: 住宅用地 is 8 units; its header with the filter button is wider.
        assert!(layouts[1].width >= 8.0 + PADDING && !layouts[1].wrap);
        // 标定区域编号: 12 digits and letters, and a 12-unit header with its button.
        assert!(layouts[2].width >= 12.0 * BOLD + FILTER_BUTTON);
        // 标准宗地名称: 爱家会展国际公寓底商 is ten characters, twenty units.
        assert!(layouts[3].width >= 20.0 + PADDING && !layouts[3].wrap);
        // 土地面积: 168,658.88 fits.
        assert!(layouts[4].width >= 10.0 + PADDING);
        for layout in &layouts {
            assert!((MIN_WIDTH..=MAX_WIDTH).contains(&layout.width));
        }
        // A sentence as long as a 四至 (32 characters) wraps in the widest column.
        let mut long = table.clone();
        long.rows[0][3] = Cell::from("东至京广铁路、西至文明大道、南至中华大道、北至雪松大道");
        let layouts = column_layouts(&long, &rows, &columns);
        assert_eq!(layouts[3].width, MAX_WIDTH);
        assert!(layouts[3].wrap);
    }
}
