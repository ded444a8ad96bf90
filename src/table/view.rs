//! The visible row order: filters first, then a stable sort of row indices by precomputed ranks.

use super::index::{MISSING, TableIndex};
use super::state::{ColumnFilter, Query, SortDirection, SortKey};
use crate::model::{Cell, Table};
use rayon::prelude::*;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Source indices of the rows that pass every filter of `query`, in its sort order (printed
/// order when there are no sort keys; ties keep printed order). The window and the command line
/// both call this, so they always agree.
pub fn visible_rows(table: &Table, index: &TableIndex, query: &Query) -> Vec<usize> {
    visible_rows_unless(table, index, query, &|| false).unwrap_or_default()
}

/// [`visible_rows`] that gives up (`None`) as soon as `superseded` says the answer is no longer
/// wanted: a worker asks it between the filter pass, each run of rows and the sort, so a clerk
/// typing a word does not wait for the rows of every letter before it.
pub fn visible_rows_unless(
    table: &Table,
    index: &TableIndex,
    query: &Query,
    superseded: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<usize>> {
    let mut rows = filtered_rows(table, index, query, superseded)?;
    if superseded() {
        return None;
    }
    sort_rows(table, index, &query.sort, &mut rows);
    Some(rows)
}

/// [`visible_rows`] for a one-off computation (the command line) that has no cached index.
pub fn visible_rows_of(table: &Table, query: &Query) -> Vec<usize> {
    visible_rows(table, &TableIndex::for_one_query(table), query)
}

fn filtered_rows(
    table: &Table,
    index: &TableIndex,
    query: &Query,
    superseded: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<usize>> {
    let terms: Vec<String> = query
        .quick_filter
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let filters: Vec<(usize, ColumnFilter)> = query
        .filters
        .iter()
        .filter(|(_, filter)| filter.is_active())
        .map(|(&column, filter)| (column, prepare(filter)))
        .collect();
    if terms.is_empty() && filters.is_empty() {
        return Some((0..table.rows.len()).collect());
    }
    let folded = if terms.is_empty() {
        &[][..]
    } else {
        index.folded_rows(table)
    };
    let keep = |row: usize| {
        (terms.is_empty() || terms.iter().all(|t| folded[row].contains(t.as_str())))
            && filters
                .iter()
                .all(|(column, filter)| passes(table, index, row, *column, filter))
    };
    if table.rows.len() < PARALLEL_FILTER_MIN_ROWS {
        return Some((0..table.rows.len()).filter(|&row| keep(row)).collect());
    }
    // Runs of rows on the pool; a run that starts after the request was superseded is skipped,
    // and the whole answer thrown away.
    let runs: Vec<Option<Vec<usize>>> = (0..table.rows.len())
        .into_par_iter()
        .chunks(FILTER_RUN_ROWS)
        .map(|run| (!superseded()).then(|| run.into_iter().filter(|&row| keep(row)).collect()))
        .collect();
    runs.into_iter()
        .collect::<Option<Vec<Vec<usize>>>>()
        .map(|runs| runs.concat())
}

/// Rows below which filtering stays on the calling thread. Above it, the pool's threads take
/// runs of rows: the pass is bound by fetching every row from memory, which the cores do side
/// by side.
const PARALLEL_FILTER_MIN_ROWS: usize = 100_000;

/// Rows in one run of a parallel filter pass: long enough that handing a run to a thread costs
/// nothing next to filtering it, short enough that a superseded request stops within a few ms.
const FILTER_RUN_ROWS: usize = 16_384;

/// Folds a text filter once, rather than once per row.
fn prepare(filter: &ColumnFilter) -> ColumnFilter {
    match filter {
        ColumnFilter::Text(text) => ColumnFilter::Text(text.trim().to_lowercase()),
        other => other.clone(),
    }
}

/// Whether `row` passes a prepared filter on `column`.
fn passes(
    table: &Table,
    index: &TableIndex,
    row: usize,
    column: usize,
    filter: &ColumnFilter,
) -> bool {
    let printed = table.rows[row].get(column).map_or("", Cell::as_printed);
    match filter {
        ColumnFilter::Text(pattern) => match pattern.strip_prefix('=') {
            Some(exact) => lowercase(printed.trim()) == exact.trim(),
            None => lowercase(printed).contains(pattern.as_str()),
        },
        ColumnFilter::Range { min, max } => index
            .number(table, row, column)
            .is_some_and(|n| min.is_none_or(|lo| n >= lo) && max.is_none_or(|hi| n <= hi)),
        ColumnFilter::Values(values) => values.contains(printed),
    }
}

/// `text.to_lowercase()`, without building a new string when lowercasing changes nothing, as
/// with Chinese text: a filter on a million rows then allocates nothing per row.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.chars().all(lowercase_is_itself) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// Whether `c` lowercases to itself. Chinese characters and punctuation (U+3000–U+9FFF) have no
/// case, which is checked without the case tables.
fn lowercase_is_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    if ('\u{3000}'..='\u{9fff}').contains(&c) {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.len() == 1 && lower.next() == Some(c)
}

fn sort_rows(table: &Table, index: &TableIndex, keys: &[SortKey], rows: &mut [usize]) {
    if keys.is_empty() {
        return;
    }
    if let [key] = keys
        && key.column < table.columns.len()
    {
        let ranks = index.ranks_among(table, key.column, rows);
        sort_by_one_key(&ranks, key.direction, rows);
        return;
    }
    let ranked: Vec<(Cow<'_, [u32]>, SortDirection)> = keys
        .iter()
        .filter(|key| key.column < table.columns.len())
        .map(|key| (index.ranks_among(table, key.column, rows), key.direction))
        .collect();
    rows.sort_by(|&a, &b| {
        ranked
            .iter()
            .map(|(ranks, direction)| compare_ranks(ranks[a], ranks[b], *direction))
            .find(|ord| ord.is_ne())
            .unwrap_or(Ordering::Equal)
    });
}

/// The common case, one key: a counting sort by rank. Ranks are dense (0, 1, 2 … for the
/// distinct values), so each row goes straight to its place in one pass, in its incoming
/// (printed) order within equal values, which keeps the sort stable. Missing values go last.
/// When the ranks are far more spread out than the rows (a few rows of a big table), a
/// comparison sort is cheaper.
fn sort_by_one_key(ranks: &[u32], direction: SortDirection, rows: &mut [usize]) {
    let distinct = rows
        .iter()
        .map(|&row| ranks[row])
        .filter(|&rank| rank != MISSING)
        .max()
        .map_or(0, |max| max as usize + 1);
    let bucket = |rank: u32| match (rank, direction) {
        (MISSING, _) => distinct,
        (rank, SortDirection::Ascending) => rank as usize,
        (rank, SortDirection::Descending) => distinct - 1 - rank as usize,
    };
    if distinct > rows.len().saturating_mul(4) {
        rows.sort_by_key(|&row| bucket(ranks[row]));
        return;
    }
    let mut next = vec![0usize; distinct + 2];
    for &row in rows.iter() {
        next[bucket(ranks[row]) + 1] += 1;
    }
    for b in 1..next.len() {
        next[b] += next[b - 1];
    }
    let mut sorted = vec![0usize; rows.len()];
    for &row in rows.iter() {
        let slot = &mut next[bucket(ranks[row])];
        sorted[*slot] = row;
        *slot += 1;
    }
    rows.copy_from_slice(&sorted);
}

/// Missing values last whatever the direction; otherwise by rank in the key's direction.
fn compare_ranks(a: u32, b: u32, direction: SortDirection) -> Ordering {
    match (a == MISSING, b == MISSING) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => match direction {
            SortDirection::Ascending => a.cmp(&b),
            SortDirection::Descending => b.cmp(&a),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;
    use std::collections::BTreeSet;

    fn column_of(table: &Table, title: &str) -> usize {
        table.column_index(title).unwrap()
    }

    /// The printed 序号 of the visible rows, which is how a clerk would read the result.
    fn numbers(table: &Table, state: &Query) -> Vec<String> {
        visible_rows_of(table, state)
            .iter()
            .map(|&row| table.rows[row][0].as_printed().to_owned())
            .collect()
    }

    fn sorted_by(table: &Table, title: &str, direction: SortDirection) -> Query {
        let mut state = Query::default();
        state.sort.push(SortKey {
            column: column_of(table, title),
            direction,
        });
        state
    }

    #[test]
    fn without_keys_or_filters_rows_are_in_printed_order() {
        let table = land_prices();
        assert_eq!(
            visible_rows_of(&table, &Query::default()),
            (0..13).collect::<Vec<_>>()
        );
    }

    #[test]
    fn numbers_sort_as_numbers_with_ties_in_printed_order() {
        let table = land_prices();
        let state = sorted_by(&table, "地面单价", SortDirection::Ascending);
        // 361 < 372 < 3785 (text order would put 361 and 372 after 3785).
        assert_eq!(numbers(&table, &state)[..3], ["55", "56", "5"]);
        let state = sorted_by(&table, "地面单价", SortDirection::Descending);
        // 5640 5595 5505 4650 4520 (row 1) 4520 (row 6): the tie keeps printed order.
        assert_eq!(
            numbers(&table, &state)[..6],
            ["30", "28", "29", "32", "1", "6"]
        );
    }

    #[test]
    fn dashes_and_blanks_sort_last_in_both_directions() {
        let table = land_prices();
        for direction in [SortDirection::Ascending, SortDirection::Descending] {
            let shown = numbers(&table, &sorted_by(&table, "楼面单价", direction));
            assert_eq!(shown[11..], ["55", "56"], "{direction:?}");
            let shown = numbers(&table, &sorted_by(&table, "标准宗地名称", direction));
            assert_eq!(shown[12], "41", "{direction:?}");
        }
    }

    #[test]
    fn codes_sort_naturally() {
        let mut table = land_prices();
        table.rows[0][2] = Cell::Value("411700S5009".into());
        let state = sorted_by(&table, "标定区域编号", SortDirection::Ascending);
        let shown = numbers(&table, &state);
        assert_eq!(shown[..2], ["55", "56"], "G before S");
        assert_eq!(shown[2], "1", "S5009 < S50002 by value");
    }

    #[test]
    fn a_secondary_key_orders_within_the_primary() {
        let table = land_prices();
        let mut state = Query::default();
        state.cycle_sort(column_of(&table, "用途"), false);
        state.cycle_sort(column_of(&table, "土地面积"), true);
        state.cycle_sort(column_of(&table, "土地面积"), true);
        // Categories in printed order (商服, 住宅, 工业); areas descending within each.
        assert_eq!(
            numbers(&table, &state),
            [
                "6", "4", "3", "1", "5", "2", "28", "41", "32", "29", "30", "55", "56"
            ]
        );
    }

    #[test]
    fn quick_filter_matches_any_column_case_insensitively_and_all_words() {
        let table = land_prices();
        let mut state = Query {
            quick_filter: "411700z7000".into(),
            ..Query::default()
        };
        assert_eq!(numbers(&table, &state), ["28", "29", "30", "32"]);
        state.quick_filter = "置地 住宅".into();
        assert_eq!(numbers(&table, &state), ["29"]);
        state.quick_filter = "   ".into();
        assert_eq!(numbers(&table, &state).len(), 13);
    }

    #[test]
    fn lowercasing_skips_only_text_it_would_not_change() {
        for c in '\u{3000}'..='\u{9fff}' {
            assert_eq!(
                c.to_lowercase().to_string(),
                c.to_string(),
                "U+{:04X}",
                c as u32
            );
        }
        for text in [
            "住宅用地",
            "abc",
            "G60",
            "ÀB",
            "ΣΑΣ",
            "Ⅷ",
            "ǅ",
            "ＡＢ",
            "İ",
            "住宅Ａ",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
        assert!(matches!(lowercase("住宅用地"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_filter_contains_or_exact_with_equals() {
        let table = land_prices();
        let name = column_of(&table, "标准宗地名称");
        let mut state = Query::default();
        state.set_filter(name, ColumnFilter::Text("商铺".into()));
        assert_eq!(numbers(&table, &state), ["1", "2", "3", "5"]);
        state.set_filter(name, ColumnFilter::Text("=置地".into()));
        assert!(numbers(&table, &state).is_empty());
        state.set_filter(name, ColumnFilter::Text("= 置地国际广场".into()));
        assert_eq!(numbers(&table, &state), ["6"]);
    }

    #[test]
    fn range_filter_is_inclusive_and_drops_cells_without_numbers() {
        let table = land_prices();
        let mut state = Query::default();
        state.set_filter(
            column_of(&table, "地面单价"),
            ColumnFilter::Range {
                min: Some(4520.0),
                max: None,
            },
        );
        assert_eq!(numbers(&table, &state), ["1", "6", "28", "29", "30", "32"]);
        state.set_filter(
            column_of(&table, "地面单价"),
            ColumnFilter::Range {
                min: Some(361.0),
                max: Some(372.0),
            },
        );
        assert_eq!(numbers(&table, &state), ["55", "56"]);
        state.clear_filters();
        state.set_filter(
            column_of(&table, "楼面单价"),
            ColumnFilter::Range {
                min: None,
                max: Some(1e9),
            },
        );
        assert_eq!(numbers(&table, &state).len(), 11, "the two -- rows fail");
    }

    #[test]
    fn value_list_filter_keeps_the_chosen_categories() {
        let table = land_prices();
        let mut state = Query::default();
        let values = BTreeSet::from(["工业用地".to_owned()]);
        state.set_filter(column_of(&table, "用途"), ColumnFilter::Values(values));
        assert_eq!(numbers(&table, &state), ["55", "56"]);
        state.set_filter(
            column_of(&table, "用途"),
            ColumnFilter::Values(BTreeSet::new()),
        );
        assert!(
            numbers(&table, &state).is_empty(),
            "nothing ticked shows nothing"
        );
    }

    #[test]
    fn the_model_job_residential_above_4000_by_price() {
        let table = land_prices();
        let mut state = Query::default();
        let residential = BTreeSet::from(["住宅用地".to_owned()]);
        state.set_filter(column_of(&table, "用途"), ColumnFilter::Values(residential));
        state.set_filter(
            column_of(&table, "地面单价"),
            ColumnFilter::Range {
                min: Some(4000.0),
                max: None,
            },
        );
        state.cycle_sort(column_of(&table, "地面单价"), false);
        state.cycle_sort(column_of(&table, "地面单价"), false);
        assert_eq!(numbers(&table, &state), ["30", "28", "29", "32"]);
    }

    #[test]
    fn a_stale_sort_column_is_ignored() {
        let table = land_prices();
        let mut state = Query::default();
        state.sort.push(SortKey {
            column: 99,
            direction: SortDirection::Ascending,
        });
        assert_eq!(numbers(&table, &state).len(), 13);
    }

    #[test]
    fn a_one_query_index_orders_rows_exactly_like_the_windows_cached_index() {
        // The command line ranks only the filtered rows; the window ranks whole columns once.
        // Every sort key, both directions, with and without filters, must give the same rows.
        let table = land_prices();
        let residential = BTreeSet::from(["住宅用地".to_owned(), "工业用地".to_owned()]);
        let filters = [
            None,
            Some((column_of(&table, "用途"), ColumnFilter::Values(residential))),
            Some((
                column_of(&table, "地面单价"),
                ColumnFilter::Range {
                    min: Some(1000.0),
                    max: Some(5000.0),
                },
            )),
            Some((
                column_of(&table, "标准宗地名称"),
                ColumnFilter::Text("地".into()),
            )),
        ];
        let mut checked = 0;
        for filter in &filters {
            for first in 0..table.columns.len() {
                for second in [None, Some(column_of(&table, "用途"))] {
                    for descending in [false, true] {
                        let mut state = Query::default();
                        if let Some((column, filter)) = filter {
                            state.set_filter(*column, filter.clone());
                        }
                        state.cycle_sort(first, false);
                        if descending {
                            state.cycle_sort(first, false);
                        }
                        if let Some(second) = second.filter(|&s| s != first) {
                            state.cycle_sort(second, true);
                        }
                        let cached = visible_rows(&table, &TableIndex::new(&table), &state);
                        assert_eq!(visible_rows_of(&table, &state), cached, "{state:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn one_key_sorts_are_stable_with_missing_last_both_ways() {
        // Ranks with ties, gaps and missing values; rows given in a scrambled order.
        let ranks: Vec<u32> = (0..1000u32)
            .map(|i| if i % 7 == 0 { MISSING } else { (i * 31) % 50 })
            .collect();
        let scrambled: Vec<usize> = (0..1000).map(|i| (i * 379) % 1000).collect();
        for rows in [&scrambled[..], &scrambled[..5]] {
            // Five rows among fifty ranks take the comparison path, all thousand the counting one.
            for direction in [SortDirection::Ascending, SortDirection::Descending] {
                let mut expected = rows.to_vec();
                expected.sort_by(|&a, &b| compare_ranks(ranks[a], ranks[b], direction));
                let mut sorted = rows.to_vec();
                sort_by_one_key(&ranks, direction, &mut sorted);
                assert_eq!(sorted, expected, "{direction:?}, {} rows", rows.len());
            }
        }
    }
}
