//! [`Session`]: one table as a view works with it — the rows shown for the current query, the
//! index and worker that compute them, the value lists and the status bar's counts and sums.
//!
//! This is where it is decided *when* rows are recomputed, on which thread, and what the view
//! must be told; the view calls [`Session::update`] once a frame with the current [`Query`] and
//! draws what the session holds. Nothing here knows egui, so it is tested without a window.

use super::TableIndex;
use super::number_format::NumberFormat;
use super::selection::Selection;
use super::state::Query;
use super::summary::{ColumnSum, column_sum, column_value_counts};
use super::view::visible_rows;
use super::worker::{Answer, RowsWorker};
use crate::model::{Gazette, Table};
use std::sync::{Arc, Mutex, OnceLock};

/// Tables with more rows than this are sorted and filtered on a worker; smaller ones take a
/// few milliseconds and stay synchronous, which keeps them simple to test and to reason about.
pub const BACKGROUND_ROWS: usize = 50_000;

/// What a worker is doing, for the indicator: sorting (the sort keys changed) or filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The sort keys changed.
    Sorting,
    /// Only filters changed.
    Filtering,
}

/// What [`Session::update`] tells the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The rows shown are current; nothing to do.
    Unchanged,
    /// The rows shown changed: draw again.
    Changed,
    /// A worker is computing newer rows; the previous ones stay shown. Look again shortly.
    Working,
}

/// The status bar's facts: counts, and the sums of summable columns over the selected rows.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusFacts {
    /// Rows shown after filtering.
    pub shown: usize,
    /// Rows in the table.
    pub total: usize,
    /// Selected rows that are shown.
    pub selected: usize,
    /// Selected rows a filter hides.
    pub hidden_selected: usize,
    /// The sums over the shown selected rows; `None` while a worker holds the index (the
    /// counts show at once, the sums a frame or two later).
    pub sums: Option<Vec<ColumnSum>>,
}

/// One table's rows as shown, and everything that keeps them current.
pub struct Session {
    table_id: String,
    row_count: usize,
    column_count: usize,
    generation: u64,
    worker: RowsWorker,
    /// The query `visible` answers.
    shown_query: Query,
    visible: Vec<usize>,
    /// Bumped whenever `visible` changes.
    revision: u64,
    /// A query whose request failed, so it is not asked again frame after frame.
    failed_query: Option<Query>,
    error: Option<String>,
    /// Each category column's values with their counts over the whole table, for the value
    /// list of its filter popup: counted when the popup first opens, not on every frame.
    value_counts: Vec<OnceLock<Vec<(String, usize)>>>,
    /// Each column's number format (`None` for columns without numbers), decided once from
    /// the whole column so that a cell reads the same whatever rows are shown.
    number_formats: OnceLock<Vec<Option<NumberFormat>>>,
    /// The status facts and the (rows revision, selection revision) they were worked out for.
    status: Option<((u64, u64), StatusFacts)>,
}

impl Session {
    /// A session showing `table` in printed order (right for no sort and no filters), for the
    /// gazette of `generation` (see [`super::Store::generation`]).
    pub fn new(table: &Table, generation: u64) -> Session {
        Session {
            table_id: table.id.clone(),
            row_count: table.rows.len(),
            column_count: table.columns.len(),
            generation,
            worker: RowsWorker::new(TableIndex::new(table)),
            shown_query: Query::default(),
            visible: (0..table.rows.len()).collect(),
            revision: 0,
            failed_query: None,
            error: None,
            value_counts: table.columns.iter().map(|_| OnceLock::new()).collect(),
            number_formats: OnceLock::new(),
            status: None,
        }
    }

    /// Whether this session was made for `table` of the gazette of `generation`: another table,
    /// or the same table id in another file, needs a new one.
    pub fn belongs_to(&self, table: &Table, generation: u64) -> bool {
        self.generation == generation
            && self.table_id == table.id
            && self.row_count == table.rows.len()
            && self.column_count == table.columns.len()
    }

    /// Brings the shown rows up to `query`: takes a finished worker answer, and recomputes —
    /// here for a small table, on the worker for a large one that `shared` holds — when the
    /// query changed. A request superseded by this one is cancelled.
    pub fn update(
        &mut self,
        table: &Table,
        shared: Option<&Arc<Gazette>>,
        query: &Query,
    ) -> Progress {
        let mut changed = self.take_answer();
        if self.shown_query == *query {
            if self.worker.pending().is_some() {
                self.worker.cancel(); // back to what is shown: nothing to wait for
            }
        } else if self.worker.pending() != Some(query) && self.failed_query.as_ref() != Some(query)
        {
            match background_source(table, shared) {
                Some(gazette) => {
                    self.error = None;
                    self.worker
                        .request(gazette, table.id.clone(), query.clone());
                }
                None => {
                    self.worker.cancel();
                    self.visible = visible_rows(table, &self.worker.index(), query);
                    self.shown_query = query.clone();
                    changed = true;
                }
            }
        }
        if changed {
            self.revision += 1;
            Progress::Changed
        } else if self.worker.pending().is_some() {
            Progress::Working
        } else {
            Progress::Unchanged
        }
    }

    /// Takes the worker's answer if there is one; true when it changed the shown rows.
    fn take_answer(&mut self) -> bool {
        let Some((query, answer)) = self.worker.poll() else {
            return false;
        };
        match answer {
            Answer::Rows(rows) => {
                self.visible = rows;
                self.shown_query = query;
                self.failed_query = None;
                true
            }
            Answer::Superseded => false,
            Answer::Failed(message) => {
                self.error = Some(message);
                self.failed_query = Some(query);
                false
            }
        }
    }

    /// The index the worker computes with; whoever holds its lock holds the worker (see
    /// [`RowsWorker::shared_index`]).
    pub fn shared_index(&self) -> Arc<Mutex<TableIndex>> {
        self.worker.shared_index()
    }

    /// The source rows shown, in shown order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// What a worker is computing, if anything.
    pub fn busy(&self) -> Option<Busy> {
        let pending = self.worker.pending()?;
        Some(if pending.sort == self.shown_query.sort {
            Busy::Filtering
        } else {
            Busy::Sorting
        })
    }

    /// Why the last request failed, until a later one succeeds or the clerk dismisses it.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Dismisses the error message.
    pub fn dismiss_error(&mut self) {
        self.error = None;
    }

    /// The values of `column` with their counts over the whole table, counted on first use.
    pub fn value_counts(&self, table: &Table, column: usize) -> &[(String, usize)] {
        self.value_counts.get(column).map_or(&[][..], |counts| {
            counts.get_or_init(|| column_value_counts(table, column))
        })
    }

    /// How each column's numbers are shown in the window (`None` for text columns), worked out
    /// on first use.
    pub fn number_formats(&self, table: &Table) -> &[Option<NumberFormat>] {
        self.number_formats.get_or_init(|| {
            (0..table.columns.len())
                .map(|column| NumberFormat::of_column(table, column))
                .collect()
        })
    }

    /// The status bar's facts for `selection`, worked out again only when the shown rows or
    /// the selection changed (over a million selected rows they take longer than a frame).
    pub fn status(&mut self, table: &Table, selection: &Selection) -> &StatusFacts {
        let key = (self.revision, selection.revision());
        let facts = match self.status.take() {
            Some((k, facts)) if k == key && facts.sums.is_some() => facts,
            _ => self.work_out_status(table, selection),
        };
        &self.status.insert((key, facts)).1
    }

    fn work_out_status(&self, table: &Table, selection: &Selection) -> StatusFacts {
        let selected = selection.shown_selected(&self.visible);
        let sums = if selected.is_empty() {
            Some(Vec::new())
        } else {
            self.worker
                .try_index()
                .map(|index| sums(table, &index, &selected))
        };
        StatusFacts {
            shown: self.visible.len(),
            total: table.rows.len(),
            // Not `hidden_count`, which would walk the shown rows a second time.
            hidden_selected: selection.rows().len() - selected.len(),
            selected: selected.len(),
            sums,
        }
    }
}

/// Every summable column's sum over `rows`.
fn sums(table: &Table, index: &TableIndex, rows: &[usize]) -> Vec<ColumnSum> {
    (0..table.columns.len())
        .filter_map(|column| column_sum(table, index, column, rows))
        .collect()
}

/// The shared gazette, when `table` is large and is the shared gazette's table of that id: only
/// then can a worker thread reach its rows.
fn background_source(table: &Table, shared: Option<&Arc<Gazette>>) -> Option<Arc<Gazette>> {
    let gazette = shared?;
    let same = gazette
        .table(&table.id)
        .is_some_and(|t| std::ptr::eq(t, table));
    (table.rows.len() > BACKGROUND_ROWS && same).then(|| Arc::clone(gazette))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::table::ClickKind;
    use crate::table::fixture::land_prices;

    fn big() -> Arc<Gazette> {
        let mut gazette = crate::model::load::embedded().unwrap();
        crate::synthetic::grow_land_prices(&mut gazette, 60_000, 7).unwrap();
        Arc::new(gazette)
    }

    /// Updates until the worker's answer is in (no time limit: a hang shows as a hang).
    fn settle(session: &mut Session, table: &Table, shared: &Arc<Gazette>, query: &Query) {
        while session.update(table, Some(shared), query) == Progress::Working {
            std::thread::yield_now();
        }
    }

    #[test]
    fn a_small_table_changes_at_once_and_only_when_the_query_does() {
        let table = land_prices();
        let mut session = Session::new(&table, 0);
        let mut query = Query::default();
        assert_eq!(session.update(&table, None, &query), Progress::Unchanged);
        query.cycle_sort(6, false);
        assert_eq!(session.update(&table, None, &query), Progress::Changed);
        assert_eq!(
            session.visible()[..3],
            [10, 11, 4],
            "cheapest first: 序号 55, 56, 5"
        );
        assert_eq!(session.update(&table, None, &query), Progress::Unchanged);
        assert_eq!(session.busy(), None);
    }

    #[test]
    fn a_large_table_works_on_the_worker_and_keeps_the_old_rows_meanwhile() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let mut session = Session::new(table, 0);
        let printed: Vec<usize> = (0..table.rows.len()).collect();
        let mut query = Query::default();
        query.cycle_sort(6, false);
        assert_eq!(
            session.update(table, Some(&gazette), &query),
            Progress::Working
        );
        assert_eq!(session.busy(), Some(Busy::Sorting));
        assert_eq!(session.visible(), printed, "old order kept");
        settle(&mut session, table, &gazette, &query);
        let expected = visible_rows(table, &TableIndex::new(table), &query);
        assert_eq!(session.visible(), expected);
        assert_eq!(session.busy(), None);
    }

    #[test]
    fn going_back_to_the_shown_query_cancels_the_request() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let mut session = Session::new(table, 0);
        let mut query = Query {
            quick_filter: "住宅".into(),
            ..Query::default()
        };
        session.update(table, Some(&gazette), &query);
        assert_eq!(session.busy(), Some(Busy::Filtering));
        query.quick_filter.clear();
        assert_eq!(
            session.update(table, Some(&gazette), &query),
            Progress::Unchanged
        );
        assert_eq!(session.busy(), None);
        assert_eq!(session.visible().len(), table.rows.len());
    }

    #[test]
    fn a_session_belongs_to_one_table_of_one_file() {
        let table = land_prices();
        let session = Session::new(&table, 3);
        assert!(session.belongs_to(&table, 3));
        assert!(!session.belongs_to(&table, 4), "another file opened");
        let mut shorter = table.clone();
        shorter.rows.pop();
        assert!(!session.belongs_to(&shorter, 3));
    }

    #[test]
    fn status_follows_the_selection_and_the_shown_rows() {
        let table = land_prices();
        let mut session = Session::new(&table, 0);
        let mut selection = Selection::default();
        let facts = session.status(&table, &selection).clone();
        assert_eq!((facts.shown, facts.total, facts.selected), (13, 13, 0));
        selection.click(0, ClickKind::default(), session.visible());
        let facts = session.status(&table, &selection).clone();
        assert_eq!(facts.selected, 1);
        let area = facts.sums.unwrap();
        assert!(area.iter().any(|s| s.to_string() == "3298.21"), "{area:?}");
        let query = Query {
            quick_filter: "工业".into(),
            ..Query::default()
        };
        session.update(&table, None, &query);
        let facts = session.status(&table, &selection);
        assert_eq!(
            (facts.shown, facts.selected, facts.hidden_selected),
            (2, 0, 1)
        );
    }
}
