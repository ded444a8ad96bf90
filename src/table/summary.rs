//! What the status bar, the value-list filter and Copy show: value counts, sums and TSV text.

use super::index::TableIndex;
use crate::model::{Cell, Column, ColumnKind, Table};
use rayon::prelude::*;

/// Each distinct printed value of `column` among `rows` with its count, in order of first
/// appearance (the gazette's own order: 商服用地, 住宅用地, 工业用地). Blank cells count under "".
pub fn value_counts(table: &Table, column: usize, rows: &[usize]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for &row in rows {
        let value = table.rows[row].get(column).map_or("", Cell::as_printed);
        match counts.iter_mut().find(|(v, _)| v == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value.to_owned(), 1)),
        }
    }
    counts
}

/// [`value_counts`] over every row of the table, on every core for a big table: what the
/// value-list filter offers. Counting a million rows on one thread would hold up a frame.
pub fn column_value_counts(table: &Table, column: usize) -> Vec<(String, usize)> {
    let rows: Vec<usize> = (0..table.rows.len()).collect();
    let parts: Vec<Vec<(String, usize)>> = rows
        .par_chunks(100_000)
        .map(|run| value_counts(table, column, run))
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (value, count) in parts.into_iter().flatten() {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, total)) => *total += count,
            None => counts.push((value, count)),
        }
    }
    counts
}

/// Whether adding up a column means something: numeric with a unit that is not a rate.
/// 土地面积 (m²) and awards (万元) sum; prices (元/m²), ratios and 序号 do not.
pub fn is_summable(column: &Column) -> bool {
    column.kind.is_numeric()
        && column
            .unit
            .as_deref()
            .is_some_and(|unit| !unit.contains('/'))
}

/// The sum of a column over some rows, printed with as many decimals as its cells use, so the
/// status bar shows 5532.27, not 5532.270000000001.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSum {
    /// The column summed.
    pub column: usize,
    /// The total.
    pub total: f64,
    /// The most decimals any summed cell prints.
    pub decimals: usize,
    /// How many cells held a number.
    pub count: usize,
}

impl std::fmt::Display for ColumnSum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.*}", self.decimals, self.total)
    }
}

/// The sum of `column` over `rows`, or `None` when the column is not summable ([`is_summable`]).
pub fn column_sum(
    table: &Table,
    index: &TableIndex,
    column: usize,
    rows: &[usize],
) -> Option<ColumnSum> {
    if !is_summable(table.columns.get(column)?) {
        return None;
    }
    let mut sum = ColumnSum {
        column,
        total: 0.0,
        decimals: 0,
        count: 0,
    };
    for &row in rows {
        if let Some(n) = index.number(table, row, column) {
            sum.total += n;
            sum.count += 1;
            sum.decimals = sum
                .decimals
                .max(decimals(table.rows[row][column].as_printed()));
        }
    }
    Some(sum)
}

fn decimals(printed: &str) -> usize {
    printed
        .split_once('.')
        .map_or(0, |(_, frac)| frac.trim().len())
}

/// Tab-separated text of `rows` × `columns`, with the printed headers first when `header` is
/// set: what Ctrl+C puts on the clipboard, which Excel and WPS paste as cells. Tabs and line
/// breaks inside a cell become spaces so they cannot split it.
pub fn tsv(table: &Table, rows: &[usize], columns: &[usize], header: bool) -> String {
    let mut out = String::new();
    if header {
        let titles: Vec<String> = columns
            .iter()
            .map(|&c| clean(&table.columns[c].header()))
            .collect();
        out.push_str(&titles.join("\t"));
        out.push('\n');
    }
    for &row in rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|&c| clean(table.rows[row].get(c).map_or("", Cell::as_printed)))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

fn clean(text: &str) -> String {
    text.replace(['\t', '\r', '\n'], " ")
}

/// Whether a column is a category column, offered a value list in the filter popup.
pub fn has_value_list(column: &Column) -> bool {
    column.kind == ColumnKind::Category
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;

    #[test]
    fn value_counts_in_printed_order() {
        let table = land_prices();
        let all: Vec<usize> = (0..table.rows.len()).collect();
        assert_eq!(
            value_counts(&table, 1, &all),
            [
                ("商服用地".to_owned(), 6),
                ("住宅用地".to_owned(), 5),
                ("工业用地".to_owned(), 2)
            ]
        );
        assert_eq!(
            value_counts(&table, 1, &[10, 11]),
            [("工业用地".to_owned(), 2)]
        );
    }

    #[test]
    fn whole_column_counts_of_a_big_table_match_one_pass_in_printed_order() {
        let mut table = land_prices();
        let printed = table.rows.clone();
        // 13 printed rows repeated past the parallel threshold, the last block reversed so a
        // value first seen late in one run must not move ahead of the others.
        for block in 0..10_000 {
            let mut rows = printed.clone();
            if block == 9_999 {
                rows.reverse();
            }
            table.rows.extend(rows);
        }
        let all: Vec<usize> = (0..table.rows.len()).collect();
        let counts = column_value_counts(&table, 1);
        assert_eq!(counts, value_counts(&table, 1, &all));
        assert_eq!(counts[0], ("商服用地".to_owned(), 6 * 10_001));
    }

    #[test]
    fn area_sums_and_prices_do_not() {
        let table = land_prices();
        let index = TableIndex::new(&table);
        let area = table.column_index("土地面积").unwrap();
        let sum = column_sum(&table, &index, area, &[0, 1]).unwrap();
        assert_eq!(sum.to_string(), "5532.27");
        assert_eq!(sum.count, 2);
        assert_eq!(
            column_sum(&table, &index, area, &[]).unwrap().to_string(),
            "0"
        );
        for title in ["地面单价", "设定容积率", "序号", "用途"] {
            let column = table.column_index(title).unwrap();
            assert!(
                column_sum(&table, &index, column, &[0]).is_none(),
                "{title}"
            );
        }
    }

    #[test]
    fn tsv_has_printed_headers_and_one_line_per_row() {
        let table = land_prices();
        let text = tsv(&table, &[10, 0], &[1, 2, 4, 7], true);
        assert_eq!(
            text,
            "用途\t标定区域编号\t土地面积(m²)\t楼面单价(元/m²)\n\
             工业用地\t411700G60001\t168658.88\t--\n\
             商服用地\t411700S50001\t3298.21\t2260\n"
        );
        assert_eq!(
            tsv(&table, &[12], &[3, 0], false),
            "\t41\n",
            "blank cell kept"
        );
    }

    #[test]
    fn tabs_and_line_breaks_inside_cells_cannot_split_them() {
        let mut table = land_prices();
        table.rows[0][3] = Cell::Value("a\tb\r\nc".into());
        assert_eq!(tsv(&table, &[0], &[3], false), "a b  c\n");
    }
}
