//! The view state of one table and everything computed from it, without any UI.
//!
//! This is where sorting, filtering, selection, value lists, sums and copy text are decided, so
//! the window and the command line give the same rows in the same order. The UI only turns clicks
//! into calls on [`TableState`] and draws [`visible_rows`].
//!
//! - [`index`]: per-table caches (parsed numbers, sort ranks, folded text) built once per table.
//! - [`view`]: filters and sort keys → the visible row order.
//! - [`selection`]: click / Ctrl / Shift / Ctrl+A / Esc on rows that keep their identity.
//! - [`summary`]: value lists with counts, column sums, tab-separated copy text.

pub mod index;
pub mod selection;
pub mod state;
pub mod summary;
pub mod view;

#[cfg(test)]
pub(crate) mod fixture;

pub use index::{TableIndex, natural_cmp};
pub use selection::{ClickKind, Selection};
pub use state::{ColumnFilter, SortDirection, SortKey, TableState};
pub use summary::{
    ColumnSum, column_sum, column_value_counts, has_value_list, is_summable, tsv, value_counts,
};
pub use view::{visible_rows, visible_rows_of};
