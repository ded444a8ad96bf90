//! How a numeric column reads in the window: thousands separators and one fixed number of
//! decimals per column, so that `201,896.50` stands right-aligned above `1,046.50` and the
//! digits of equal places line up, as in a spreadsheet.
//!
//! Only the window's cells and its status-bar sums are formatted; CSV, copy, the details pane
//! and search keep the value exactly as printed in the gazette. The decimals of a column are
//! decided here, from what the column prints (the most decimals any of its cells prints), so a
//! value is never rounded: padding with zeros only.

use crate::model::{Cell, Column, ColumnKind, Table, parse_number};

/// Most decimals a column is padded to: a stray long fraction in one cell must not pad every
/// other cell of the column with a row of zeros.
const MAX_DECIMALS: usize = 4;

/// How the numbers of one column are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    /// Digits after the decimal point, the same for every cell of the column.
    pub decimals: usize,
    /// Whether the integer part is grouped by thousands (`94,008.28`). Whole numbers without a
    /// unit (序号, 年份, 使用年期) read as labels and stay ungrouped: 2023, not 2,023.
    pub grouped: bool,
}

impl NumberFormat {
    /// The format of `column` of `table`, or `None` for a column that does not hold numbers.
    pub fn of_column(table: &Table, column: usize) -> Option<NumberFormat> {
        let spec = table.columns.get(column)?;
        if !spec.kind.is_numeric() {
            return None;
        }
        let decimals = table
            .rows
            .iter()
            .filter_map(|row| row.get(column).and_then(Cell::value))
            .filter(|printed| parse_number(printed).is_some())
            .map(printed_decimals)
            .max()
            .unwrap_or(0)
            .min(MAX_DECIMALS);
        Some(NumberFormat {
            decimals,
            grouped: is_grouped(spec),
        })
    }

    /// A printed cell as the window shows it: `"201896.5"` → `"201,896.50"`. `None` when the
    /// text is not a plain decimal number ("--", blank, "1e3"), which is then shown as printed.
    /// Works on the digits as printed, so no value is changed by a round trip through `f64`.
    pub fn cell(&self, printed: &str) -> Option<String> {
        let text = printed.trim();
        parse_number(text)?;
        let (sign, unsigned) = match text.strip_prefix(['-', '+']) {
            Some(rest) => (&text[..1], rest),
            None => ("", text),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !plain(whole) || !plain(fraction) || (whole.is_empty() && fraction.is_empty()) {
            return None;
        }
        let whole = if whole.is_empty() { "0" } else { whole };
        Some(self.assemble(sign, whole, fraction))
    }

    /// A computed value (a sum) formatted like the column's cells.
    pub fn value(&self, value: f64) -> String {
        let text = format!("{:.*}", self.decimals, value);
        let (sign, unsigned) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text.as_str()),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        self.assemble(sign, whole, fraction)
    }

    fn assemble(&self, sign: &str, whole: &str, fraction: &str) -> String {
        let mut out = String::from(sign);
        if self.grouped {
            out.push_str(&group_thousands(whole));
        } else {
            out.push_str(whole);
        }
        let width = self.decimals.max(fraction.len());
        if width > 0 {
            out.push('.');
            out.push_str(fraction);
            out.extend(std::iter::repeat_n('0', width - fraction.len()));
        }
        out
    }
}

/// Whether a column's integer parts are grouped by thousands: every decimal column, and whole
/// numbers that carry a unit (元/m², 家); not bare whole numbers such as 序号 or 年份.
fn is_grouped(column: &Column) -> bool {
    column.kind == ColumnKind::Decimal || column.unit.is_some()
}

/// Digits printed after the decimal point: `"3298.21"` → 2, `"4520"` → 0.
pub fn printed_decimals(printed: &str) -> usize {
    printed
        .trim()
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

/// `"1501120"` → `"1,501,120"`: a comma between every three digits from the right.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;

    fn format(decimals: usize, grouped: bool) -> NumberFormat {
        NumberFormat { decimals, grouped }
    }

    #[test]
    fn thousands_are_grouped_from_the_right() {
        assert_eq!(group_thousands("1501120"), "1,501,120");
        assert_eq!(group_thousands("201896"), "201,896");
        assert_eq!(group_thousands("4520"), "4,520");
        assert_eq!(group_thousands("361"), "361");
        assert_eq!(group_thousands("0"), "0");
    }

    #[test]
    fn cells_are_padded_to_the_columns_decimals_and_never_rounded() {
        let area = format(2, true);
        assert_eq!(area.cell("201896.5").as_deref(), Some("201,896.50"));
        assert_eq!(area.cell("1046.5").as_deref(), Some("1,046.50"));
        assert_eq!(area.cell("3298.21").as_deref(), Some("3,298.21"));
        assert_eq!(area.cell("57053").as_deref(), Some("57,053.00"));
        assert_eq!(area.cell("-1234.5").as_deref(), Some("-1,234.50"));
        assert_eq!(area.cell(".5").as_deref(), Some("0.50"));
        assert_eq!(
            area.cell("1.23456").as_deref(),
            Some("1.23456"),
            "more decimals than the column: kept, not rounded"
        );
        for not_plain in ["--", "", "1e3", "NaN", "4,520", "约 300"] {
            assert_eq!(area.cell(not_plain), None, "{not_plain:?}");
        }
    }

    #[test]
    fn bare_whole_numbers_stay_ungrouped() {
        let year = format(0, false);
        assert_eq!(year.cell("2023").as_deref(), Some("2023"));
        assert_eq!(year.value(12345.0), "12345");
    }

    #[test]
    fn sums_read_like_the_cells() {
        let area = format(2, true);
        assert_eq!(area.value(1501120.53), "1,501,120.53");
        assert_eq!(area.value(5532.270000000001), "5,532.27");
        assert_eq!(area.value(-0.5), "-0.50");
        assert_eq!(format(0, true).value(4520.0), "4,520");
    }

    #[test]
    fn a_columns_decimals_are_the_most_its_cells_print() {
        let table = land_prices();
        let of = |title: &str| NumberFormat::of_column(&table, table.column_index(title).unwrap());
        assert_eq!(of("土地面积"), Some(format(2, true)));
        assert_eq!(of("地面单价"), Some(format(0, true)), "元/m² whole numbers");
        assert_eq!(of("序号"), Some(format(0, false)));
        assert_eq!(of("用途"), None, "not a number column");
        assert_eq!(NumberFormat::of_column(&table, 99), None);
    }

    #[test]
    fn a_stray_long_fraction_does_not_pad_the_whole_column() {
        let mut table = land_prices();
        let area = table.column_index("土地面积").unwrap();
        table.rows[0][area] = Cell::from("12.123456789");
        let format = NumberFormat::of_column(&table, area).unwrap();
        assert_eq!(format.decimals, MAX_DECIMALS);
    }
}
