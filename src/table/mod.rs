//! The view state of one table and everything computed from it, without any UI.
//!
//! This is where sorting, filtering, selection, value lists, sums, copy text and when rows are
//! recomputed (and on which thread) are decided, so the window and the command line give the
//! same rows in the same order. The UI only turns clicks into calls on the [`Store`] and draws
//! what a [`Session`] holds.
//!
//! - [`state`]: what the user asked of a table — [`Query`], [`Layout`], [`Selection`].
//! - [`store`]: those states for every table, shared by the table view and the schematic.
//! - [`session`]: one table's shown rows kept current for its query; status facts.
//! - [`worker`]: a large table's rows computed off the UI thread, superseded requests dropped.
//! - [`index`]: per-table caches (parsed numbers, sort ranks, folded text) built once per table.
//! - [`view`]: filters and sort keys → the visible row order.
//! - [`selection`]: click / Ctrl / Shift / Ctrl+A / Esc on rows that keep their identity.
//! - [`summary`]: value lists with counts, column sums, tab-separated copy text.
//! - [`column_fit`]: column widths that fill the window, long texts capped when room is short.
//! - [`highlight`]: where the quick filter's words appear in a cell, to mark them.
//! - [`number_format`]: thousands separators and fixed decimals per numeric column (window only).

pub mod column_fit;
pub mod highlight;
pub mod index;
pub mod number_format;
pub mod selection;
pub mod session;
pub mod state;
pub mod store;
pub mod summary;
pub mod view;
pub mod worker;

#[cfg(test)]
pub(crate) mod fixture;

pub use column_fit::{ColumnNeed, fit_widths, frozen_count};
pub use index::{TableIndex, natural_cmp};
pub use number_format::NumberFormat;
pub use selection::{ClickKind, Selection};
pub use session::{BACKGROUND_ROWS, Busy, Progress, Session, StatusFacts};
pub use state::{ColumnFilter, Frozen, Layout, Query, SortDirection, SortKey, TableState};
pub use store::{Reveal, Store};
pub use summary::{
    ColumnSum, column_sum, column_value_counts, has_value_list, is_summable, tsv, value_counts,
};
pub use view::{visible_rows, visible_rows_of, visible_rows_unless};
