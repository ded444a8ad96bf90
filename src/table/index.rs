//! [`TableIndex`]: what is worth computing once per table rather than on every sort or frame —
//! parsed numbers, per-column sort ranks and case-folded row text.
//!
//! Sorting compares small integer ranks instead of strings or parsed numbers, so sorting a
//! million rows by several keys is a cheap stable sort of indices.

use crate::model::{Cell, ColumnKind, Table};
use rayon::prelude::*;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    numbers: Vec<OnceLock<Vec<Option<f64>>>>,
    ranks: Vec<OnceLock<Vec<u32>>>,
    folded_rows: OnceLock<Vec<String>>,
    one_query: bool,
}

impl TableIndex {
    /// An empty index for `table`: numbers, ranks and folded text are computed on first use, so
    /// exporting a filtered million-row table parses only the columns it filters and sorts on.
    pub fn new(table: &Table) -> Self {
        TableIndex {
            id: table.id.clone(),
            row_count: table.rows.len(),
            column_count: table.columns.len(),
            numbers: table.columns.iter().map(|_| OnceLock::new()).collect(),
            ranks: table.columns.iter().map(|_| OnceLock::new()).collect(),
            folded_rows: OnceLock::new(),
            one_query: false,
        }
    }

    /// An index for a single query (the command line's export): nothing is cached for later,
    /// so numbers are parsed only in the rows a filter reaches and sort ranks cover only the
    /// rows that passed the filters. Exporting a fifth of a million rows then parses and sorts
    /// a fifth as much.
    pub fn for_one_query(table: &Table) -> Self {
        TableIndex {
            one_query: true,
            ..TableIndex::new(table)
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
    pub fn number(&self, table: &Table, row: usize, column: usize) -> Option<f64> {
        if self.one_query {
            return table
                .columns
                .get(column)
                .filter(|c| c.kind.is_numeric())
                .and_then(|_| cell_number(table.rows.get(row)?.get(column)));
        }
        self.numbers_of(table, column)?.get(row).copied().flatten()
    }

    /// The parsed numbers of a numeric column (parsed on first use); `None` for other columns.
    fn numbers_of(&self, table: &Table, column: usize) -> Option<&[Option<f64>]> {
        if !table.columns.get(column)?.kind.is_numeric() {
            return None;
        }
        let numbers = self
            .numbers
            .get(column)?
            .get_or_init(|| parse_column_numbers(table, column));
        Some(numbers)
    }

    /// Sort ranks of `column`: equal values share a rank, missing values get [`MISSING`].
    pub(crate) fn ranks(&self, table: &Table, column: usize) -> &[u32] {
        match self.ranks.get(column) {
            Some(cell) => {
                cell.get_or_init(|| self.compute_ranks(table, column, 0..table.rows.len()))
            }
            None => &[],
        }
    }

    /// Ranks of `column` good for ordering `rows`: the cached ranks of the whole column, or for
    /// a one-query index ranks computed among `rows` alone (rows not listed get [`MISSING`]).
    pub(crate) fn ranks_among(
        &self,
        table: &Table,
        column: usize,
        rows: &[usize],
    ) -> Cow<'_, [u32]> {
        if self.one_query && column < table.columns.len() {
            Cow::Owned(self.compute_ranks(table, column, rows.iter().copied()))
        } else {
            Cow::Borrowed(self.ranks(table, column))
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

    /// Ranks from one sort of precomputed keys (numbers, natural-order bytes, text, or the
    /// category's first appearance), so no comparison parses or scans a string twice.
    fn compute_ranks(
        &self,
        table: &Table,
        column: usize,
        rows: impl Iterator<Item = usize>,
    ) -> Vec<u32> {
        let n = table.rows.len();
        let present = rows.filter(|&row| self.has_value(table, row, column));
        let text = |row: usize| {
            table.rows[row]
                .get(column)
                .and_then(Cell::value)
                .unwrap_or("")
        };
        match table.columns[column].kind {
            ColumnKind::Integer | ColumnKind::Decimal => {
                let number = |row| self.number(table, row, column).unwrap_or(0.0);
                rank_by(n, present.map(|r| (number(r), r)).collect(), f64::total_cmp)
            }
            ColumnKind::Code => {
                let keys = present
                    .map(|r| (Prefixed::new(natural_key(text(r))), r))
                    .collect();
                rank_by(n, keys, Ord::cmp)
            }
            ColumnKind::Text => {
                let keys = present.map(|r| (Prefixed::new(text(r)), r)).collect();
                rank_by(n, keys, Ord::cmp)
            }
            ColumnKind::Category => {
                let first_seen = first_appearance(table, column);
                let seen = |r: usize| first_seen.get(text(r)).copied().unwrap_or(usize::MAX);
                rank_by(n, present.map(|r| (seen(r), r)).collect(), Ord::cmp)
            }
        }
    }

    /// A numeric column's cell has a value when it parses; a text column's when it is printed.
    fn has_value(&self, table: &Table, row: usize, column: usize) -> bool {
        if table.columns[column].kind.is_numeric() {
            self.number(table, row, column).is_some()
        } else {
            table.rows[row].get(column).and_then(Cell::value).is_some()
        }
    }
}

/// A text sort key that carries its first 16 bytes as one integer: most comparisons among a
/// million keys end there, without following a pointer to the rest of the text. Ordering by
/// (prefix, whole) is the same as ordering by the whole bytes, since the prefix is the text's
/// start padded with zero bytes.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Prefixed<K> {
    prefix: u128,
    whole: K,
}

impl<K: AsRef<[u8]>> Prefixed<K> {
    fn new(whole: K) -> Self {
        let bytes = whole.as_ref();
        let mut start = [0u8; 16];
        let len = bytes.len().min(16);
        start[..len].copy_from_slice(&bytes[..len]);
        Prefixed {
            prefix: u128::from_be_bytes(start),
            whole,
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

/// Sorts `(key, row)` pairs once and gives each row the rank of its key (equal keys share a
/// rank); rows not listed get [`MISSING`].
fn rank_by<K: Send>(
    rows: usize,
    keyed: Vec<(K, usize)>,
    cmp: impl Fn(&K, &K) -> Ordering + Sync,
) -> Vec<u32> {
    let keyed = parallel_sort_unstable_by(keyed, |a, b| cmp(&a.0, &b.0));
    let mut ranks = vec![MISSING; rows];
    let mut rank = 0u32;
    for i in 0..keyed.len() {
        if i > 0 && cmp(&keyed[i - 1].0, &keyed[i].0) != Ordering::Equal {
            rank += 1;
        }
        ranks[keyed[i].1] = rank;
    }
    ranks
}

/// Items below which sorting and parsing stay on the calling thread.
const PARALLEL_MIN_ITEMS: usize = 100_000;

/// Sorts on the pool for a big column (a million keys sort in roughly half the time on the
/// two-core office PCs this runs on), on the calling thread for a small one.
fn parallel_sort_unstable_by<T: Send>(
    mut items: Vec<T>,
    cmp: impl Fn(&T, &T) -> Ordering + Sync,
) -> Vec<T> {
    if items.len() < PARALLEL_MIN_ITEMS {
        items.sort_unstable_by(&cmp);
    } else {
        items.par_sort_unstable_by(&cmp);
    }
    items
}

/// The numbers of one column, parsed on the pool for big tables.
fn parse_column_numbers(table: &Table, column: usize) -> Vec<Option<f64>> {
    table
        .rows
        .par_iter()
        .with_min_len(PARALLEL_MIN_ITEMS)
        .map(|row| cell_number(row.get(column)))
        .collect()
}

fn cell_number(cell: Option<&Cell>) -> Option<f64> {
    cell.and_then(Cell::number)
}

/// Natural order for codes: runs of digits compare as numbers, so "G2" < "G10" and
/// S5009 < S50010; everything else compares character by character. Ties fall back to plain
/// string order so the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    natural_key(a).cmp(&natural_key(b))
}

/// A byte string whose plain order is the natural order of `text`: each digit run becomes the
/// byte '0', its length without leading zeros (4 bytes, big-endian) and those digits; other
/// characters stay as UTF-8 (whose byte order is code-point order); then a NUL and the text
/// itself break ties. Built once per cell, so sorting codes compares bytes only.
pub fn natural_key(text: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(text.len() * 2 + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let (run, after) = split_digits(rest);
            let digits = run.trim_start_matches('0');
            key.push(b'0');
            key.extend_from_slice(
                &u32::try_from(digits.len())
                    .unwrap_or(u32::MAX)
                    .to_be_bytes(),
            );
            key.extend_from_slice(digits.as_bytes());
            rest = after;
        } else {
            key.extend_from_slice(&rest.as_bytes()[..c.len_utf8()]);
            rest = &rest[c.len_utf8()..];
        }
    }
    key.push(0);
    key.extend_from_slice(text.as_bytes());
    key
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;

    #[test]
    fn prefixed_keys_order_exactly_like_the_whole_text() {
        let texts = [
            "",
            "a",
            "a\0",
            "ab",
            "置地国际广场8期",
            "置地国际广场18期",
            "置地国际广场",
            "置地国际广场8期东区",
            "0123456789abcdef",
            "0123456789abcdef0",
            "0123456789abcdeg",
            "0123456789abcde",
            "Z",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(
                    Prefixed::new(a).cmp(&Prefixed::new(b)),
                    a.cmp(b),
                    "{a:?} vs {b:?}"
                );
            }
        }
    }

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
        assert_eq!(index.number(&table, 0, area), Some(3298.21));
        assert_eq!(
            index.number(&table, 10, floor),
            None,
            "industrial 楼面单价 is --"
        );
        assert_eq!(index.number(&table, 0, 1), None, "text column");
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

    #[test]
    fn parallel_sort_sorts_like_the_standard_sort() {
        let keys: Vec<(u64, usize)> = (0..250_003)
            .map(|i| ((i as u64 * 2_654_435_761) % 1_000_003, i))
            .collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        assert_eq!(parallel_sort_unstable_by(keys, |a, b| a.cmp(b)), expected);
        assert_eq!(
            parallel_sort_unstable_by(vec![3, 1, 2], |a, b| a.cmp(b)),
            vec![1, 2, 3]
        );
    }
}
