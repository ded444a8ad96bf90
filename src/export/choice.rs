//! Which rows an export writes: the one rule the window's export dialog (its counts and its
//! file) follows.

use crate::table::Selection;

/// Which rows an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowChoice {
    /// The selected rows that are shown, in the shown order.
    Selected,
    /// Every row shown after filtering, in the shown order.
    Shown,
    /// Every row of the table, in printed order.
    All,
}

impl RowChoice {
    /// Every choice, in the order the dialog offers them.
    pub const ALL: [RowChoice; 3] = [RowChoice::Selected, RowChoice::Shown, RowChoice::All];

    /// The choice the export dialog opens on, given how many selected rows are shown: the
    /// selected rows when there are any (what the clerk picked is what they mean to export),
    /// otherwise every shown row.
    pub fn preferred(selected_shown: usize) -> RowChoice {
        if selected_shown > 0 {
            RowChoice::Selected
        } else {
            RowChoice::Shown
        }
    }

    /// The rows this choice covers, in the order they are written: `shown` is the visible
    /// order, `total` the table's row count.
    pub fn rows(self, selection: &Selection, shown: &[usize], total: usize) -> Vec<usize> {
        match self {
            RowChoice::Selected => selection.shown_selected(shown),
            RowChoice::Shown => shown.to_vec(),
            RowChoice::All => (0..total).collect(),
        }
    }

    /// How many rows this choice covers, without listing them (the dialog shows the three
    /// counts every frame it is open).
    pub fn count(self, selection: &Selection, shown: &[usize], total: usize) -> usize {
        match self {
            RowChoice::Selected => shown
                .iter()
                .filter(|row| selection.rows().contains(row))
                .count(),
            RowChoice::Shown => shown.len(),
            RowChoice::All => total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ClickKind;

    #[test]
    fn row_choices_cover_selected_shown_or_all() {
        let mut selection = Selection::default();
        let shown = [5, 2, 9];
        selection.click(9, ClickKind::default(), &shown);
        selection.click(
            5,
            ClickKind {
                toggle: true,
                extend: false,
            },
            &shown,
        );
        selection.click(
            1,
            ClickKind {
                toggle: true,
                extend: false,
            },
            &shown,
        );
        assert_eq!(RowChoice::Selected.rows(&selection, &shown, 10), [5, 9]);
        assert_eq!(RowChoice::Shown.rows(&selection, &shown, 10), [5, 2, 9]);
        assert_eq!(RowChoice::All.rows(&selection, &shown, 3), [0, 1, 2]);
        for choice in RowChoice::ALL {
            assert_eq!(
                choice.count(&selection, &shown, 3),
                choice.rows(&selection, &shown, 3).len(),
                "{choice:?}"
            );
        }
    }

    #[test]
    fn the_dialog_opens_on_the_selection_when_there_is_one() {
        let shown = [5, 2, 9];
        let mut selection = Selection::default();
        let nothing = RowChoice::Selected.count(&selection, &shown, 10);
        assert_eq!(RowChoice::preferred(nothing), RowChoice::Shown);
        selection.click(2, ClickKind::default(), &shown);
        let one = RowChoice::Selected.count(&selection, &shown, 10);
        assert_eq!(RowChoice::preferred(one), RowChoice::Selected);
        // A selected row that a filter now hides is not exported: the shown rows again.
        let shown_without_it = [5, 9];
        let hidden = RowChoice::Selected.count(&selection, &shown_without_it, 10);
        assert_eq!(RowChoice::preferred(hidden), RowChoice::Shown);
    }
}
