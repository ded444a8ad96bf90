//! Computing a large table's visible rows (sort and filter) on a worker thread, so a header
//! click on a million rows never freezes the window. Nothing here knows egui: the table view
//! asks with [`RowsWorker::request`], keeps drawing the previous order, and takes the result
//! from [`RowsWorker::poll`] when it is ready.
//!
//! Requests carry a generation number; a newer request supersedes an older one, whose result is
//! never shown (a superseded job that has not started yet does not even run). The table's
//! [`TableIndex`] (parsed numbers, ranks) is shared behind a mutex so its caches are built once
//! and reused by every later request; only workers lock it for long.

use crate::model::Gazette;
use crate::table::{ColumnFilter, SortKey, TableIndex, TableState, visible_rows};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard};

/// Tables with more rows than this are sorted and filtered on a worker; smaller ones take a
/// few milliseconds and stay synchronous, which keeps them simple to test and to reason about.
pub const BACKGROUND_ROWS: usize = 50_000;

/// What decides the visible rows: sort keys, column filters, quick filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowsKey {
    /// The sort keys, in priority order.
    pub sort: Vec<SortKey>,
    /// The column filters.
    pub filters: BTreeMap<usize, ColumnFilter>,
    /// The quick filter across all columns.
    pub quick_filter: String,
}

impl RowsKey {
    /// The parts of `state` that decide the visible rows.
    pub fn of(state: &TableState) -> RowsKey {
        RowsKey {
            sort: state.sort.clone(),
            filters: state.filters.clone(),
            quick_filter: state.quick_filter.clone(),
        }
    }

    /// A state with only these parts, for [`visible_rows`].
    fn state(&self) -> TableState {
        TableState {
            sort: self.sort.clone(),
            filters: self.filters.clone(),
            quick_filter: self.quick_filter.clone(),
            ..TableState::default()
        }
    }
}

/// What a worker is doing, for the indicator: sorting (the sort keys changed) or filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The sort keys changed.
    Sorting,
    /// Only filters changed.
    Filtering,
}

/// A request in flight.
struct Pending {
    generation: u64,
    key: RowsKey,
    receiver: Receiver<Vec<usize>>,
}

/// The worker side of one table's view: its shared index and the request in flight.
pub struct RowsWorker {
    index: Arc<Mutex<TableIndex>>,
    latest: Arc<AtomicU64>,
    pending: Option<Pending>,
}

impl RowsWorker {
    /// A worker over `index` (built from the table that later requests name).
    pub fn new(index: TableIndex) -> RowsWorker {
        RowsWorker {
            index: Arc::new(Mutex::new(index)),
            latest: Arc::new(AtomicU64::new(0)),
            pending: None,
        }
    }

    /// The index, for work on the UI thread (small tables). Blocks only while a worker runs,
    /// which for small tables never happens.
    pub fn index(&self) -> MutexGuard<'_, TableIndex> {
        self.index
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The index if no worker holds it right now (sums on the status bar can wait a frame).
    pub fn try_index(&self) -> Option<MutexGuard<'_, TableIndex>> {
        self.index.try_lock().ok()
    }

    /// Starts computing the visible rows of table `table_id` of `gazette` for `key`, replacing
    /// any request still in flight.
    pub fn request(&mut self, gazette: Arc<Gazette>, table_id: String, key: RowsKey) {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let (sender, receiver) = std::sync::mpsc::channel();
        let index = Arc::clone(&self.index);
        let latest = Arc::clone(&self.latest);
        let state = key.state();
        let spawned = std::thread::Builder::new()
            .name("table-rows".to_owned())
            .spawn(move || {
                let index = index
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                if latest.load(Ordering::SeqCst) != generation {
                    return; // superseded while waiting for an older job
                }
                if let Some(table) = gazette.table(&table_id) {
                    let _ = sender.send(visible_rows(table, &index, &state));
                }
            });
        self.pending = spawned.is_ok().then_some(Pending {
            generation,
            key,
            receiver,
        });
    }

    /// Forgets the request in flight (its result will not be shown).
    pub fn cancel(&mut self) {
        self.latest.fetch_add(1, Ordering::SeqCst);
        self.pending = None;
    }

    /// The key being computed, if a request is in flight.
    pub fn pending(&self) -> Option<&RowsKey> {
        self.pending.as_ref().map(|p| &p.key)
    }

    /// The finished result of the request in flight: its key and rows. A worker that ended
    /// without an answer (superseded, or the table vanished) gives `Some((key, None))` so the
    /// view stops waiting and keeps the rows it has.
    pub fn poll(&mut self) -> Option<(RowsKey, Option<Vec<usize>>)> {
        let pending = self.pending.as_ref()?;
        debug_assert!(pending.generation <= self.latest.load(Ordering::SeqCst));
        let rows = match pending.receiver.try_recv() {
            Ok(rows) => Some(rows),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        let pending = self.pending.take()?;
        Some((pending.key, rows))
    }
}

/// What the indicator should say while `pending` replaces `shown`.
pub fn busy_with(shown: &RowsKey, pending: &RowsKey) -> Busy {
    if shown.sort == pending.sort {
        Busy::Filtering
    } else {
        Busy::Sorting
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::model::load::embedded;
    use crate::table::SortDirection;
    use std::time::{Duration, Instant};

    fn big() -> Arc<Gazette> {
        let mut gazette = embedded().unwrap();
        crate::synthetic::grow_land_prices(&mut gazette, 60_000, 7).unwrap();
        Arc::new(gazette)
    }

    fn by(column: usize, direction: SortDirection) -> RowsKey {
        RowsKey {
            sort: vec![SortKey { column, direction }],
            ..RowsKey::default()
        }
    }

    fn wait(worker: &mut RowsWorker) -> (RowsKey, Option<Vec<usize>>) {
        let start = Instant::now();
        loop {
            if let Some(done) = worker.poll() {
                return done;
            }
            assert!(start.elapsed() < Duration::from_secs(120));
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_worker_gives_the_same_rows_as_the_synchronous_path() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let key = by(6, SortDirection::Descending);
        let expected = visible_rows(table, &TableIndex::new(table), &key.state());
        let mut worker = RowsWorker::new(TableIndex::new(table));
        worker.request(Arc::clone(&gazette), "land-prices".into(), key.clone());
        assert_eq!(worker.pending(), Some(&key));
        assert_eq!(wait(&mut worker), (key, Some(expected)));
        assert_eq!(worker.pending(), None);
    }

    #[test]
    fn a_newer_request_supersedes_an_older_one() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let mut worker = RowsWorker::new(TableIndex::new(table));
        worker.request(
            Arc::clone(&gazette),
            "land-prices".into(),
            by(6, SortDirection::Ascending),
        );
        let newer = by(4, SortDirection::Descending);
        worker.request(Arc::clone(&gazette), "land-prices".into(), newer.clone());
        let (key, rows) = wait(&mut worker);
        assert_eq!(key, newer);
        let expected = visible_rows(table, &TableIndex::new(table), &newer.state());
        assert_eq!(rows, Some(expected));
    }

    #[test]
    fn the_indicator_says_sorting_or_filtering() {
        let shown = RowsKey::default();
        assert_eq!(
            busy_with(&shown, &by(1, SortDirection::Ascending)),
            Busy::Sorting
        );
        let filtered = RowsKey {
            quick_filter: "住宅".into(),
            ..RowsKey::default()
        };
        assert_eq!(busy_with(&shown, &filtered), Busy::Filtering);
    }
}
