//! What the user has asked of one table, as plain serialisable data, in three parts that change
//! for different reasons:
//!
//! - [`Query`]: sort keys, column filters and the quick filter. It alone decides the visible
//!   rows, so it is also the key a worker computes them for (see [`super::worker`]).
//! - [`Layout`]: hidden columns, widths and frozen columns. Drawing only; never re-sorts
//!   anything.
//! - [`Selection`]: selected, focused and anchor rows.

use super::selection::Selection;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The view state of one table. Columns are named by their index in [`crate::model::Table::columns`];
/// rows by their index in [`crate::model::Table::rows`] (their *source* index), so a row keeps
/// its identity whatever the sort and filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableState {
    /// Which rows are shown, in which order.
    pub query: Query,
    /// How the columns are drawn.
    pub layout: Layout,
    /// Selected, focused and anchor rows.
    pub selection: Selection,
}

/// What decides the visible rows: sort keys, column filters, quick filter. Two equal queries
/// give the same rows, which is how a view knows whether what it shows is still current.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Sort keys in priority order; empty means printed order.
    pub sort: Vec<SortKey>,
    /// At most one filter per column; a row must pass all of them.
    pub filters: BTreeMap<usize, ColumnFilter>,
    /// Words that must each appear in some cell of a row (case-insensitive).
    pub quick_filter: String,
}

/// How a table's columns are drawn.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Layout {
    /// Columns the user has hidden.
    pub hidden: BTreeSet<usize>,
    /// Column widths in points, as the user dragged them.
    pub widths: BTreeMap<usize, f32>,
    /// Which leading columns stay while the others scroll sideways.
    pub frozen: Frozen,
}

/// The leading columns that stay in place while the others scroll sideways, as in a
/// spreadsheet's frozen panes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frozen {
    /// The program's choice: through the first code column, while that leaves room
    /// ([`super::frozen_count`]).
    #[default]
    Automatic,
    /// None: every column scrolls.
    Nothing,
    /// Every shown column up to and including this one (its index in the table).
    Through(usize),
}

/// One sort key: a column and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortKey {
    /// Column index.
    pub column: usize,
    /// Ascending or descending.
    pub direction: SortDirection,
}

/// Sort direction. Missing values (blank, "--") go last in both directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortDirection {
    /// Smallest first.
    Ascending,
    /// Largest first.
    Descending,
}

/// A filter on one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ColumnFilter {
    /// Case-insensitive "contains"; with a leading `=`, the cell must equal the rest exactly.
    Text(String),
    /// Numbers between `min` and `max` inclusive; cells without a number fail.
    Range {
        /// Lower bound, if any.
        min: Option<f64>,
        /// Upper bound, if any.
        max: Option<f64>,
    },
    /// The printed cell must be one of these values (the value list of a category column).
    Values(BTreeSet<String>),
}

impl ColumnFilter {
    /// Whether the filter restricts anything; an empty text or open range does not, so it is
    /// neither applied nor shown as active.
    pub fn is_active(&self) -> bool {
        match self {
            ColumnFilter::Text(text) => !text.trim().is_empty(),
            ColumnFilter::Range { min, max } => min.is_some() || max.is_some(),
            ColumnFilter::Values(_) => true,
        }
    }
}

/// Where a header click moves a column's direction: ascending → descending → off.
fn next_direction(current: Option<SortDirection>) -> Option<SortDirection> {
    match current {
        None => Some(SortDirection::Ascending),
        Some(SortDirection::Ascending) => Some(SortDirection::Descending),
        Some(SortDirection::Descending) => None,
    }
}

impl Query {
    /// A header click. A plain click makes `column` the only key and cycles it
    /// (ascending → descending → off); with `add` (Shift) the other keys stay and `column` is
    /// cycled in place or appended as the next priority.
    pub fn cycle_sort(&mut self, column: usize, add: bool) {
        let position = self.sort.iter().position(|key| key.column == column);
        let next = next_direction(position.map(|p| self.sort[p].direction));
        if !add {
            self.sort.clear();
            if let Some(direction) = next {
                self.sort.push(SortKey { column, direction });
            }
            return;
        }
        match (position, next) {
            (Some(p), Some(direction)) => self.sort[p].direction = direction,
            (Some(p), None) => {
                self.sort.remove(p);
            }
            (None, Some(direction)) => self.sort.push(SortKey { column, direction }),
            (None, None) => {}
        }
    }

    /// The sort priority (1 = primary) and direction of `column`, for the header's ▲▼ and number.
    pub fn sort_of(&self, column: usize) -> Option<(usize, SortDirection)> {
        let position = self.sort.iter().position(|key| key.column == column)?;
        Some((position + 1, self.sort[position].direction))
    }

    /// Sets or replaces the filter of `column`; an inactive filter removes it.
    pub fn set_filter(&mut self, column: usize, filter: ColumnFilter) {
        if filter.is_active() {
            self.filters.insert(column, filter);
        } else {
            self.filters.remove(&column);
        }
    }

    /// Whether any filter (quick or per column) hides rows, for the "clear filters" button.
    pub fn has_active_filters(&self) -> bool {
        !self.quick_filter.trim().is_empty() || self.filters.values().any(ColumnFilter::is_active)
    }

    /// Clears the quick filter and every column filter in one go ("one click clears them").
    pub fn clear_filters(&mut self) {
        self.quick_filter.clear();
        self.filters.clear();
    }

    /// Drops sort keys and filters of columns a table of `column_count` columns lacks.
    fn fit(&mut self, column_count: usize) {
        self.sort.retain(|key| key.column < column_count);
        self.filters.retain(|&column, _| column < column_count);
    }
}

impl Layout {
    /// Hides or shows a column. The last shown column cannot be hidden, so the table never
    /// turns into an empty grid the user cannot get back from.
    pub fn set_hidden(&mut self, column: usize, hidden: bool, column_count: usize) {
        if !hidden {
            self.hidden.remove(&column);
        } else if self.shown_columns(column_count).len() > 1 {
            self.hidden.insert(column);
        }
    }

    /// Indices of the columns not hidden, in printed order.
    pub fn shown_columns(&self, column_count: usize) -> Vec<usize> {
        (0..column_count)
            .filter(|c| !self.hidden.contains(c))
            .collect()
    }

    /// How many of the `shown` columns the clerk froze, or `None` for the program's choice.
    pub fn frozen_shown(&self, shown: &[usize]) -> Option<usize> {
        match self.frozen {
            Frozen::Automatic => None,
            Frozen::Nothing => Some(0),
            Frozen::Through(last) => Some(shown.iter().filter(|&&c| c <= last).count()),
        }
    }

    /// Drops hidden columns and widths a table of `column_count` columns lacks.
    fn fit(&mut self, column_count: usize) {
        self.hidden.retain(|&column| column < column_count);
        self.widths.retain(|&column, _| column < column_count);
        if matches!(self.frozen, Frozen::Through(last) if last >= column_count) {
            self.frozen = Frozen::Automatic;
        }
        if self.hidden.len() >= column_count {
            self.hidden.clear();
        }
    }
}

impl TableState {
    /// Drops whatever does not fit a table of this shape (a remembered state from an older data
    /// file), so stale indices never reach the sort or the UI.
    pub fn fit(&mut self, row_count: usize, column_count: usize) {
        self.query.fit(column_count);
        self.layout.fit(column_count);
        self.selection.fit(row_count);
    }

    /// The part worth remembering between runs: the layout and the sort keys. Filters and the
    /// selection belong to one session's task and start fresh.
    pub fn remembered(&self) -> TableState {
        TableState {
            query: Query {
                sort: self.query.sort.clone(),
                ..Query::default()
            },
            layout: self.layout.clone(),
            selection: Selection::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SortDirection::*;

    fn keys(state: &TableState) -> Vec<(usize, SortDirection)> {
        state
            .query
            .sort
            .iter()
            .map(|k| (k.column, k.direction))
            .collect()
    }

    #[test]
    fn a_header_click_cycles_ascending_descending_off() {
        let mut state = TableState::default();
        state.query.cycle_sort(5, false);
        assert_eq!(keys(&state), [(5, Ascending)]);
        state.query.cycle_sort(5, false);
        assert_eq!(keys(&state), [(5, Descending)]);
        state.query.cycle_sort(5, false);
        assert!(state.query.sort.is_empty());
    }

    #[test]
    fn a_plain_click_on_another_column_replaces_the_keys() {
        let mut state = TableState::default();
        state.query.cycle_sort(1, false);
        state.query.cycle_sort(5, true);
        state.query.cycle_sort(3, false);
        assert_eq!(keys(&state), [(3, Ascending)]);
    }

    #[test]
    fn shift_click_adds_secondary_keys_with_priorities() {
        let mut state = TableState::default();
        state.query.cycle_sort(1, false);
        state.query.cycle_sort(5, true);
        assert_eq!(state.query.sort_of(1), Some((1, Ascending)));
        assert_eq!(state.query.sort_of(5), Some((2, Ascending)));
        state.query.cycle_sort(5, true);
        assert_eq!(state.query.sort_of(5), Some((2, Descending)));
        state.query.cycle_sort(1, true);
        state.query.cycle_sort(1, true);
        assert_eq!(
            keys(&state),
            [(5, Descending)],
            "primary removed, secondary promoted"
        );
        assert_eq!(state.query.sort_of(5), Some((1, Descending)));
        assert_eq!(state.query.sort_of(2), None);
    }

    #[test]
    fn empty_filters_are_not_active_and_clear_filters_clears_all() {
        let mut state = TableState::default();
        state.query.set_filter(1, ColumnFilter::Text("  ".into()));
        state.query.set_filter(
            2,
            ColumnFilter::Range {
                min: None,
                max: None,
            },
        );
        assert!(!state.query.has_active_filters());
        assert!(state.query.filters.is_empty());
        state.query.set_filter(
            5,
            ColumnFilter::Range {
                min: Some(4000.0),
                max: None,
            },
        );
        state.query.quick_filter = "住宅".into();
        assert!(state.query.has_active_filters());
        state.query.clear_filters();
        assert!(!state.query.has_active_filters());
    }

    #[test]
    fn the_last_shown_column_cannot_be_hidden() {
        let mut state = TableState::default();
        state.layout.set_hidden(0, true, 2);
        state.layout.set_hidden(1, true, 2);
        assert_eq!(state.layout.shown_columns(2), [1]);
        state.layout.set_hidden(0, false, 2);
        assert_eq!(state.layout.shown_columns(2), [0, 1]);
    }

    #[test]
    fn fit_drops_stale_columns_and_rows() {
        let mut state = TableState::default();
        state.query.cycle_sort(20, false);
        state.layout.hidden.insert(9);
        state.layout.widths.insert(3, 80.0);
        state.selection.set([1, 70], Some(70));
        state.fit(66, 5);
        assert!(state.query.sort.is_empty());
        assert!(state.layout.hidden.is_empty());
        assert_eq!(state.layout.widths.len(), 1);
        assert_eq!(
            state.selection.rows().iter().copied().collect::<Vec<_>>(),
            [1]
        );
        assert_eq!(state.selection.focused(), None);
    }

    #[test]
    fn remembered_state_keeps_layout_and_sort_but_not_filters_or_selection() {
        let mut state = TableState::default();
        state.query.cycle_sort(5, false);
        state.layout.hidden.insert(3);
        state.layout.widths.insert(2, 120.0);
        state.query.quick_filter = "x".into();
        state.selection.set([4], None);
        let kept = state.remembered();
        let text = ron::to_string(&kept).unwrap();
        let back: TableState = ron::from_str(&text).unwrap();
        assert_eq!(back.query.sort, state.query.sort);
        assert_eq!(back.layout.hidden, state.layout.hidden);
        assert_eq!(back.layout.widths, state.layout.widths);
        assert!(back.query.quick_filter.is_empty());
        assert!(back.selection.rows().is_empty());
    }
}
