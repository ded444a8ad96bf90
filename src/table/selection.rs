//! Row selection by source index: plain, Ctrl and Shift clicks, Ctrl+A, Esc and arrow keys.
//!
//! Rows are named by their index in the table, never by their position on screen, so the
//! selection survives re-sorting and filtering; ranges (Shift) are taken in the order shown.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Selected rows, the focused row (shown in the details pane) and the anchor of Shift ranges.
///
/// Changed only through its methods, each of which bumps [`Selection::revision`]: whatever is
/// worked out from the selection (the status bar's sums over a million rows) is kept until the
/// revision moves, instead of every caller remembering to drop it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// Source indices of the selected rows.
    rows: BTreeSet<usize>,
    /// The row whose fields the details pane shows.
    focused: Option<usize>,
    /// Where a Shift range starts: the last row clicked without Shift.
    anchor: Option<usize>,
    /// Bumped by every change; never saved.
    #[serde(skip)]
    revision: u64,
}

/// Two selections are equal when they select and focus the same rows, whatever their history.
impl PartialEq for Selection {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows && self.focused == other.focused && self.anchor == other.anchor
    }
}

/// Which modifiers accompanied a click on a row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClickKind {
    /// Ctrl (⌘ on a Mac): toggle the row, keep the rest.
    pub toggle: bool,
    /// Shift: select the range from the anchor to this row in the shown order.
    pub extend: bool,
}

impl Selection {
    /// Source indices of the selected rows.
    pub fn rows(&self) -> &BTreeSet<usize> {
        &self.rows
    }

    /// The row whose fields the details pane shows.
    pub fn focused(&self) -> Option<usize> {
        self.focused
    }

    /// A number that changes whenever the selection does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Selects exactly `rows` and focuses (and anchors Shift ranges at) `focus`, as a click on
    /// the schematic or a search hit does.
    pub fn set(&mut self, rows: impl IntoIterator<Item = usize>, focus: Option<usize>) {
        self.rows = rows.into_iter().collect();
        self.focused = focus;
        self.anchor = focus;
        self.revision += 1;
    }

    /// A click on `row` with the given modifiers; `shown` is the visible order, which decides
    /// what a Shift range covers.
    pub fn click(&mut self, row: usize, kind: ClickKind, shown: &[usize]) {
        if kind.extend {
            self.extend_to(row, kind.toggle, shown);
        } else if kind.toggle {
            if !self.rows.remove(&row) {
                self.rows.insert(row);
            }
            self.anchor = Some(row);
        } else {
            self.rows = BTreeSet::from([row]);
            self.anchor = Some(row);
        }
        self.focused = Some(row);
        self.revision += 1;
    }

    /// Shift: the shown rows from the anchor to `row` inclusive; with `keep` (Ctrl+Shift) they are
    /// added to the selection, otherwise they replace it. Without a visible anchor, just `row`.
    fn extend_to(&mut self, row: usize, keep: bool, shown: &[usize]) {
        let target = shown.iter().position(|&r| r == row);
        let anchor = self.anchor.and_then(|a| shown.iter().position(|&r| r == a));
        let range: Vec<usize> = match (anchor, target) {
            (Some(a), Some(t)) => shown[a.min(t)..=a.max(t)].to_vec(),
            _ => vec![row],
        };
        if !keep {
            self.rows.clear();
        }
        self.rows.extend(range);
        if anchor.is_none() {
            self.anchor = Some(row);
        }
    }

    /// Ctrl+A: every shown row (rows hidden by a filter are not selected).
    pub fn select_all(&mut self, shown: &[usize]) {
        self.rows = shown.iter().copied().collect();
        if self.focused.is_none() {
            self.focused = shown.first().copied();
        }
        self.revision += 1;
    }

    /// Esc: nothing selected or focused.
    pub fn clear(&mut self) {
        *self = Selection {
            revision: self.revision + 1,
            ..Selection::default()
        };
    }

    /// Arrow keys: moves the focus `delta` rows in the shown order and selects it (with
    /// `extend`, the range from the anchor, like Shift+click).
    pub fn move_focus(&mut self, delta: isize, extend: bool, shown: &[usize]) {
        let Some(last) = shown.len().checked_sub(1) else {
            return;
        };
        let current = self
            .focused
            .and_then(|f| shown.iter().position(|&r| r == f));
        let next = match current {
            Some(p) => p.saturating_add_signed(delta).min(last),
            None if delta < 0 => last,
            None => 0,
        };
        let kind = ClickKind {
            toggle: false,
            extend,
        };
        self.click(shown[next], kind, shown);
    }

    /// The selected rows that are shown, in the shown order: what Copy and "export selected"
    /// write, so the clipboard matches what the user sees.
    pub fn shown_selected(&self, shown: &[usize]) -> Vec<usize> {
        shown
            .iter()
            .copied()
            .filter(|row| self.rows.contains(row))
            .collect()
    }

    /// How many selected rows a filter currently hides (still selected, not copied).
    pub fn hidden_count(&self, shown: &[usize]) -> usize {
        self.rows.len() - self.shown_selected(shown).len()
    }

    /// Drops rows beyond the table's end (a remembered state from a shorter table).
    pub fn fit(&mut self, row_count: usize) {
        // Called every frame: only walk the rows when the largest is out of range, so a
        // million selected rows cost nothing while they fit.
        if self.rows.last().is_some_and(|&row| row >= row_count) {
            self.rows.retain(|&row| row < row_count);
            self.revision += 1;
        }
        self.focused = self.focused.filter(|&row| row < row_count);
        self.anchor = self.anchor.filter(|&row| row < row_count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;
    use crate::table::{ColumnFilter, TableState, visible_rows_of};

    const PLAIN: ClickKind = ClickKind {
        toggle: false,
        extend: false,
    };
    const CTRL: ClickKind = ClickKind {
        toggle: true,
        extend: false,
    };
    const SHIFT: ClickKind = ClickKind {
        toggle: false,
        extend: true,
    };
    const CTRL_SHIFT: ClickKind = ClickKind {
        toggle: true,
        extend: true,
    };

    fn selected(selection: &Selection) -> Vec<usize> {
        selection.rows.iter().copied().collect()
    }

    #[test]
    fn plain_click_selects_one_row_and_focuses_it() {
        let shown: Vec<usize> = (0..5).collect();
        let mut selection = Selection::default();
        selection.click(1, PLAIN, &shown);
        selection.click(3, PLAIN, &shown);
        assert_eq!(selected(&selection), [3]);
        assert_eq!(selection.focused, Some(3));
    }

    #[test]
    fn ctrl_click_toggles_rows() {
        let shown: Vec<usize> = (0..5).collect();
        let mut selection = Selection::default();
        selection.click(1, PLAIN, &shown);
        selection.click(3, CTRL, &shown);
        assert_eq!(selected(&selection), [1, 3]);
        selection.click(1, CTRL, &shown);
        assert_eq!(selected(&selection), [3]);
    }

    #[test]
    fn shift_click_selects_a_range_in_the_shown_order() {
        let shown = [4, 0, 3, 1, 2];
        let mut selection = Selection::default();
        selection.click(0, PLAIN, &shown);
        selection.click(1, SHIFT, &shown);
        assert_eq!(selected(&selection), [0, 1, 3], "shown positions 1..=3");
        selection.click(4, SHIFT, &shown);
        assert_eq!(selected(&selection), [0, 4], "range re-anchored, not added");
        selection.click(2, CTRL, &shown);
        selection.click(1, CTRL_SHIFT, &shown);
        assert_eq!(
            selected(&selection),
            [0, 1, 2, 4],
            "Ctrl+Shift adds the range"
        );
    }

    #[test]
    fn select_all_takes_the_shown_rows_and_esc_clears() {
        let mut selection = Selection::default();
        selection.select_all(&[2, 5, 7]);
        assert_eq!(selected(&selection), [2, 5, 7]);
        assert_eq!(selection.focused, Some(2));
        selection.clear();
        assert!(selection.rows.is_empty());
        assert_eq!(selection.focused, None);
    }

    #[test]
    fn arrow_keys_move_the_focus_and_stop_at_the_ends() {
        let shown = [4, 0, 3];
        let mut selection = Selection::default();
        selection.move_focus(1, false, &shown);
        assert_eq!(selection.focused, Some(4));
        selection.move_focus(5, false, &shown);
        assert_eq!(selection.focused, Some(3));
        selection.move_focus(-1, true, &shown);
        assert_eq!(selected(&selection), [0, 3]);
        selection.move_focus(-1, false, &[]);
        assert_eq!(selection.focused, Some(0));
    }

    #[test]
    fn selection_survives_sorting_and_filtering() {
        let table = land_prices();
        let mut state = TableState::default();
        let shown = visible_rows_of(&table, &state.query);
        state.selection.click(0, PLAIN, &shown);
        state.selection.click(6, CTRL, &shown);
        state.query.cycle_sort(6, false);
        state.query.cycle_sort(6, false);
        let shown = visible_rows_of(&table, &state.query);
        assert_eq!(
            state.selection.shown_selected(&shown),
            [6, 0],
            "by price descending"
        );
        state.query.quick_filter = "住宅".into();
        let shown = visible_rows_of(&table, &state.query);
        assert_eq!(state.selection.shown_selected(&shown), [6]);
        assert_eq!(state.selection.hidden_count(&shown), 1);
        state.query.set_filter(1, ColumnFilter::Text(String::new()));
        state.query.clear_filters();
        let shown = visible_rows_of(&table, &state.query);
        assert_eq!(
            state.selection.shown_selected(&shown),
            [6, 0],
            "still selected"
        );
    }
}
