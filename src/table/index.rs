//! [`TableIndex`]: what is worth computing once per table rather than on every sort or frame —
//! parsed numbers, per-column sort ranks and case-folded row text.
//!
//! Sorting compares small integer ranks instead of strings or parsed numbers, so sorting a
//! million rows by several keys is a cheap stable sort of indices.

use crate::model::{Cell, ColumnKind, Table};
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::collections::HashMap;

/// The rank of a cell without a value (blank or "--"): always sorted last.
pub(crate) const MISSING: u32 = u32::MAX;

/// Caches derived from one table. Built cheaply; the ranks of a column and the folded row text
/// are computed on first use. Every method takes the same `table` the index was built from
/// ([`TableIndex::fits`] tells whether a cached index still belongs to a table).
#[derive(Debug)]
pub struct TableIndex {
    id: String,
    row_count: usize,
    column_count: usize,
    numbers: Vec<Option<Vec<Option<f64>>>>,
    ranks: Vec<OnceCell<Vec<u32>>>,
    folded_rows: OnceCell<Vec<String>>,
}

impl TableIndex {
    /// Parses the numeric columns of `table` once.
    pub fn new(table: &Table) -> Self {
        let numbers = table
            .columns
            .iter()
            .enumerate()
            .map(|(c, column)| {
                column.kind.is_numeric().then(|| {
                    table
                        .rows
                        .iter()
                        .map(|row| cell_number(row.get(c)))
                        .collect()
                })
            })
            .collect();
        TableIndex {
            id: table.id.clone(),
            row_count: table.rows.len(),
            column_count: table.columns.len(),
            numbers,
            ranks: table.columns.iter().map(|_| OnceCell::new()).collect(),
            folded_rows: OnceCell::new(),
        }
    }

    /// Whether this index was built from a table of this id and shape, so a view can keep its
    /// index while the same table is drawn frame after frame.
    pub fn fits(&self, table: &Table) -> bool {
        self.id == table.id
            && self.row_count == table.rows.len()
            && self.column_count == table.columns.len()
    }

    /// The number in a numeric column's cell; `None` for text columns, blanks and "--".
    pub fn number(&self, row: usize, column: usize) -> Option<f64> {
        self.numbers
            .get(column)?
            .as_ref()?
            .get(row)
            .copied()
            .flatten()
    }

    /// Sort ranks of `column`: equal values share a rank, missing values get [`MISSING`].
    pub(crate) fn ranks(&self, table: &Table, column: usize) -> &[u32] {
        match self.ranks.get(column) {
            Some(cell) => cell.get_or_init(|| self.compute_ranks(table, column)),
            None => &[],
        }
    }

    /// Each row's cells, lower-cased and joined by newlines, for the quick filter.
    pub(crate) fn folded_rows(&self, table: &Table) -> &[String] {
        self.folded_rows.get_or_init(|| {
            table
                .rows
                .iter()
                .map(|row| {
                    let joined: Vec<&str> = row.iter().map(Cell::as_printed).collect();
                    joined.join("\n").to_lowercase()
                })
                .collect()
        })
    }

    fn compute_ranks(&self, table: &Table, column: usize) -> Vec<u32> {
        let kind = table.columns[column].kind;
        let cell = |row: usize| table.rows[row].get(column).and_then(Cell::value);
        let mut present: Vec<usize> = (0..table.rows.len())
            .filter(|&row| self.has_value(table, row, column))
            .collect();
        let first_seen = first_appearance(table, column);
        let compare = |a: usize, b: usize| -> Ordering {
            match kind {
                ColumnKind::Category => {
                    let seen = |row| cell(row).and_then(|v| first_seen.get(v)).copied();
                    seen(a).cmp(&seen(b))
                }
                ColumnKind::Integer | ColumnKind::Decimal => {
                    let (x, y) = (self.number(a, column), self.number(b, column));
                    x.unwrap_or(0.0).total_cmp(&y.unwrap_or(0.0))
                }
                ColumnKind::Code => natural_cmp(cell(a).unwrap_or(""), cell(b).unwrap_or("")),
                ColumnKind::Text => cell(a).cmp(&cell(b)),
            }
        };
        present.sort_by(|&a, &b| compare(a, b));
        let mut ranks = vec![MISSING; table.rows.len()];
        let mut rank = 0u32;
        for (i, &row) in present.iter().enumerate() {
            if i > 0 && compare(present[i - 1], row) != Ordering::Equal {
                rank += 1;
            }
            ranks[row] = rank;
        }
        ranks
    }

    /// A numeric column's cell has a value when it parses; a text column's when it is printed.
    fn has_value(&self, table: &Table, row: usize, column: usize) -> bool {
        match self.numbers.get(column) {
            Some(Some(_)) => self.number(row, column).is_some(),
            _ => table.rows[row].get(column).and_then(Cell::value).is_some(),
        }
    }
}

/// For a category column, each value's first row: categories sort in the order the gazette
/// prints them (商服, 住宅, 工业), not in code-point order, which means nothing to a reader.
fn first_appearance(table: &Table, column: usize) -> HashMap<&str, usize> {
    let mut seen = HashMap::new();
    if table.columns[column].kind == ColumnKind::Category {
        for (row, cells) in table.rows.iter().enumerate() {
            if let Some(value) = cells.get(column).and_then(Cell::value) {
                seen.entry(value).or_insert(row);
            }
        }
    }
    seen
}

fn cell_number(cell: Option<&Cell>) -> Option<f64> {
    cell.and_then(|c| c.value())
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|n| n.is_finite())
}

/// Natural order for codes: runs of digits compare as numbers, so S5009 < S50010 is decided by
/// value and "G2" < "G10"; everything else compares character by character. Ties fall back to
/// plain string order so the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        match (x.chars().next(), y.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let (run_x, rest_x) = split_digits(x);
                let (run_y, rest_y) = split_digits(y);
                let ord = compare_digit_runs(run_x, run_y);
                if ord != Ordering::Equal {
                    return ord;
                }
                (x, y) = (rest_x, rest_y);
            }
            (Some(p), Some(q)) => {
                if p != q {
                    return p.cmp(&q);
                }
                (x, y) = (&x[p.len_utf8()..], &y[q.len_utf8()..]);
            }
        }
    }
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

fn compare_digit_runs(x: &str, y: &str) -> Ordering {
    let x = x.trim_start_matches('0');
    let y = y.trim_start_matches('0');
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;

    #[test]
    fn natural_order_compares_digit_runs_by_value() {
        let mut codes = vec!["G10", "G2", "G1", "S002", "S1", "A"];
        codes.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(codes, ["A", "G1", "G2", "G10", "S1", "S002"]);
        assert_eq!(natural_cmp("411700S50009", "411700S50010"), Ordering::Less);
        assert_eq!(
            natural_cmp("x01", "x1"),
            Ordering::Less,
            "tie broken by text"
        );
    }

    #[test]
    fn numbers_parse_once_and_dashes_are_missing() {
        let table = land_prices();
        let index = TableIndex::new(&table);
        let area = table.column_index("土地面积").unwrap();
        let floor = table.column_index("楼面单价").unwrap();
        assert_eq!(index.number(0, area), Some(3298.21));
        assert_eq!(index.number(10, floor), None, "industrial 楼面单价 is --");
        assert_eq!(index.number(0, 1), None, "text column");
        assert_eq!(index.ranks(&table, floor)[10], MISSING);
    }

    #[test]
    fn equal_values_share_a_rank() {
        let table = land_prices();
        let index = TableIndex::new(&table);
        let price = table.column_index("地面单价").unwrap();
        let ranks = index.ranks(&table, price);
        assert_eq!(ranks[0], ranks[5], "4520 and 4520");
        assert!(ranks[1] < ranks[0], "4415 < 4520");
    }

    #[test]
    fn an_index_fits_only_its_table_shape() {
        let mut table = land_prices();
        let index = TableIndex::new(&table);
        assert!(index.fits(&table));
        table.rows.pop();
        assert!(!index.fits(&table));
    }
}
