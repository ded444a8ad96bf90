//! [`Store`]: the query, layout and selection of every table of the open issue, in one place
//! that the table view and the schematic both borrow. A click on the schematic and a click in
//! the table go through the same [`Selection`] methods, so they behave alike; neither view
//! reaches into the other.

use super::selection::{ClickKind, Selection};
use super::state::TableState;
use crate::model::Table;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Every table's [`TableState`] by table id, and the generation of the open file. Serialising
/// it keeps what is worth remembering between runs ([`TableState::remembered`]).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Store {
    #[serde(serialize_with = "serialize_remembered")]
    states: BTreeMap<String, TableState>,
    /// Bumped when another file is opened: whatever was computed from a table (a view's
    /// session, a layout) is checked against it, since a table of the same id and shape in
    /// another file may hold other values.
    #[serde(skip)]
    generation: u64,
    /// A row a view should bring into sight (table id, source row), set by a selection made
    /// elsewhere (the schematic, a search hit) and taken by the table view.
    #[serde(skip)]
    reveal: Option<(String, Reveal)>,
    /// The cell a search hit landed on (table id, source row, column), marked in the table
    /// view while its row keeps the focus ([`Store::marked_cell`]).
    #[serde(skip)]
    marked: Option<(String, usize, usize)>,
    /// A row to show on the schematic (table id, source row): a double-click in the table or
    /// 在示意图中查看, taken by the schematic.
    #[serde(skip)]
    map_request: Option<(String, usize)>,
}

/// A place a table view should bring into sight, once: a row, and on it a column when the
/// place is a cell (a search hit), which may be far to the right of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    /// The source row.
    pub row: usize,
    /// The column to scroll to sideways, if any.
    pub column: Option<usize>,
}

fn serialize_remembered<S: serde::Serializer>(
    states: &BTreeMap<String, TableState>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let kept: BTreeMap<&String, TableState> =
        states.iter().map(|(id, s)| (id, s.remembered())).collect();
    serde::Serialize::serialize(&kept, serializer)
}

impl Store {
    /// The state of a table, if it has been shown or selected in.
    pub fn state(&self, table_id: &str) -> Option<&TableState> {
        self.states.get(table_id)
    }

    /// The state of `table`, made if need be and fitted to the table's shape (a remembered
    /// state from an older data file may name columns or rows it lacks).
    pub fn fitted(&mut self, table: &Table) -> &mut TableState {
        let state = self.states.entry(table.id.clone()).or_default();
        state.fit(table.rows.len(), table.columns.len());
        state
    }

    /// The selected source rows of a table (empty if none).
    pub fn selected_rows(&self, table_id: &str) -> &BTreeSet<usize> {
        static EMPTY: BTreeSet<usize> = BTreeSet::new();
        self.states
            .get(table_id)
            .map_or(&EMPTY, |state| state.selection.rows())
    }

    /// The selection of a table (empty if none).
    pub fn selection(&self, table_id: &str) -> Option<&Selection> {
        self.states.get(table_id).map(|state| &state.selection)
    }

    /// Selects exactly `rows` of a table and focuses `focus`, which the table view then brings
    /// into sight (a search hit, "open in table view").
    pub fn select(
        &mut self,
        table_id: &str,
        rows: impl IntoIterator<Item = usize>,
        focus: Option<usize>,
    ) {
        let state = self.states.entry(table_id.to_owned()).or_default();
        state.selection.set(rows, focus);
        self.reveal = focus.map(|row| (table_id.to_owned(), Reveal { row, column: None }));
    }

    /// A search hit in cell (`row`, `column`): the row is selected and focused, the view
    /// brings the cell into sight both ways, and the cell stays marked until the clerk moves
    /// the focus to another row.
    pub fn land_on_cell(&mut self, table_id: &str, row: usize, column: usize) {
        self.select(table_id, [row], Some(row));
        let reveal = Reveal {
            row,
            column: Some(column),
        };
        self.reveal = Some((table_id.to_owned(), reveal));
        self.marked = Some((table_id.to_owned(), row, column));
    }

    /// The cell of `table_id` a search hit landed on, (source row, column), while that row
    /// still has the focus: a click on another row or a key that moves the focus ends it.
    pub fn marked_cell(&self, table_id: &str) -> Option<(usize, usize)> {
        let (id, row, column) = self.marked.as_ref()?;
        let focused = self.selection(table_id)?.focused();
        (id == table_id && focused == Some(*row)).then_some((*row, *column))
    }

    /// A click on `row` made outside the table (a region of the schematic): the same rule as a
    /// click on the row in the table, Ctrl toggling it and keeping the focus on it. The table
    /// view brings the row into sight.
    pub fn click(&mut self, table_id: &str, row: usize, kind: ClickKind) {
        let state = self.states.entry(table_id.to_owned()).or_default();
        // A Shift range needs the shown order, which only the table has; elsewhere a Shift
        // click is a plain one.
        let kind = ClickKind {
            extend: false,
            ..kind
        };
        state.selection.click(row, kind, &[]);
        self.reveal = Some((table_id.to_owned(), Reveal { row, column: None }));
    }

    /// The row, or cell, to bring into sight in `table_id`, once.
    pub fn take_reveal(&mut self, table_id: &str) -> Option<Reveal> {
        match &self.reveal {
            Some((id, reveal)) if id == table_id => {
                let reveal = *reveal;
                self.reveal = None;
                Some(reveal)
            }
            _ => None,
        }
    }

    /// Asks for `row` of `table_id` to be shown on the schematic, selected and focused.
    pub fn show_on_map(&mut self, table_id: &str, row: usize) {
        self.select(table_id, [row], Some(row));
        self.map_request = Some((table_id.to_owned(), row));
    }

    /// Whether a row of `table_id` waits to be shown on the schematic.
    pub fn wants_map(&self, table_id: &str) -> bool {
        self.map_request
            .as_ref()
            .is_some_and(|(id, _)| id == table_id)
    }

    /// The row of `table_id` to show on the schematic, once.
    pub fn take_map_request(&mut self, table_id: &str) -> Option<usize> {
        if !self.wants_map(table_id) {
            return None;
        }
        self.map_request.take().map(|(_, row)| row)
    }

    /// The generation of the open file (see [`Store::opened_another_file`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Another file was opened: everything computed from the old one is stale. Layouts and
    /// sort keys stay (they are fitted to the new tables' shapes when shown).
    pub fn opened_another_file(&mut self) {
        self.generation += 1;
        self.reveal = None;
        self.marked = None;
        self.map_request = None;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const CTRL: ClickKind = ClickKind {
        toggle: true,
        extend: false,
    };

    #[test]
    fn a_click_from_outside_the_table_follows_the_tables_rules() {
        let mut store = Store::default();
        store.click("land-prices", 3, ClickKind::default());
        store.click("land-prices", 5, CTRL);
        assert_eq!(
            store
                .selected_rows("land-prices")
                .iter()
                .copied()
                .collect::<Vec<_>>(),
            [3, 5]
        );
        store.click("land-prices", 5, CTRL);
        let selection = store.selection("land-prices").unwrap();
        assert_eq!(selection.rows().iter().copied().collect::<Vec<_>>(), [3]);
        assert_eq!(
            selection.focused(),
            Some(5),
            "Ctrl+click keeps the focus on the clicked row, as in the table"
        );
        let row_only = Reveal {
            row: 5,
            column: None,
        };
        assert_eq!(store.take_reveal("land-prices"), Some(row_only));
        assert_eq!(store.take_reveal("land-prices"), None, "once");
    }

    #[test]
    fn a_search_hit_marks_its_cell_until_the_focus_moves_to_another_row() {
        let mut store = Store::default();
        store.land_on_cell("land-prices", 9, 11);
        let cell = Reveal {
            row: 9,
            column: Some(11),
        };
        assert_eq!(store.take_reveal("land-prices"), Some(cell));
        assert_eq!(store.marked_cell("land-prices"), Some((9, 11)));
        assert_eq!(store.marked_cell("other"), None);
        assert_eq!(store.selected_rows("land-prices").len(), 1);
        store.click("land-prices", 9, CTRL);
        assert_eq!(
            store.marked_cell("land-prices"),
            Some((9, 11)),
            "the focus stays on the row"
        );
        store.click("land-prices", 4, ClickKind::default());
        assert_eq!(store.marked_cell("land-prices"), None, "another row");
        store.land_on_cell("land-prices", 9, 11);
        store.opened_another_file();
        assert_eq!(store.marked_cell("land-prices"), None, "another file");
    }

    #[test]
    fn persistence_keeps_layout_and_sort_not_filters_or_selection() {
        let mut store = Store::default();
        let table = crate::table::fixture::land_prices();
        store.select(&table.id, [1, 2], Some(1));
        let state = store.fitted(&table);
        state.query.cycle_sort(6, false);
        state.query.quick_filter = "住宅".into();
        state.layout.widths.insert(2, 120.0);
        state.layout.frozen = crate::table::Frozen::Through(2);
        let text = ron::to_string(&store).unwrap();
        let back: Store = ron::from_str(&text).unwrap();
        let state = back.state(&table.id).unwrap();
        assert_eq!(state.query.sort.len(), 1);
        assert!(state.query.quick_filter.is_empty());
        assert_eq!(state.layout.widths.len(), 1);
        assert_eq!(state.layout.frozen, crate::table::Frozen::Through(2));
        assert!(state.selection.rows().is_empty());
    }

    #[test]
    fn a_row_asked_for_on_the_map_is_selected_and_taken_once() {
        let mut store = Store::default();
        store.show_on_map("land-prices", 4);
        assert!(store.wants_map("land-prices"));
        assert!(!store.wants_map("other"));
        assert_eq!(store.take_map_request("other"), None);
        assert_eq!(store.take_map_request("land-prices"), Some(4));
        assert_eq!(store.take_map_request("land-prices"), None, "once");
        let selection = store.selection("land-prices").unwrap();
        assert_eq!(selection.focused(), Some(4));
    }

    #[test]
    fn opening_another_file_moves_the_generation() {
        let mut store = Store::default();
        let before = store.generation();
        store.opened_another_file();
        assert_ne!(store.generation(), before);
    }
}
