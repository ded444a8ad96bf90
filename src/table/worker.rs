//! Computing a large table's visible rows (sort and filter) off the UI thread, so a header
//! click on a million rows never freezes the window. Nothing here knows egui: a
//! [`super::Session`] asks with [`RowsWorker::request`], keeps showing the previous order, and
//! takes the answer from [`RowsWorker::poll`] when it is ready.
//!
//! Threads: each worker has one long-lived thread that takes requests in turn, and the
//! data-parallel work inside a request (filter runs, parsing, sorting) runs on rayon's global
//! pool. Requests are serial by nature — only the newest one matters and they share the table's
//! index behind a lock — so queueing them on one thread costs nothing, whereas spawning them
//! into the pool could park its few threads (two on the office PCs) on that lock, or, worse,
//! run a second request inside the first one's parallel sort on the same thread and deadlock on
//! the lock the first one holds.
//!
//! Requests carry a generation number. A newer request supersedes an older one: an older
//! request still queued never starts, and one already running stops at its next check (between
//! runs of rows and before sorting) and its answer is dropped. A request that panics reaches
//! the view as [`Answer::Failed`], never as silence.

use super::index::TableIndex;
use super::state::Query;
use super::view::visible_rows_unless;
use crate::model::Gazette;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard};

/// How a request ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The visible rows for the request's query.
    Rows(Vec<usize>),
    /// A newer request replaced it before it finished; there is nothing to show.
    Superseded,
    /// It failed (the table vanished, or the computation panicked): the message to show.
    Failed(String),
}

/// One request, as the worker thread receives it.
struct Job {
    generation: u64,
    gazette: Arc<Gazette>,
    table_id: String,
    query: Query,
    reply: Sender<Answer>,
}

/// A request in flight, as the view side remembers it.
struct Pending {
    query: Query,
    answer: Receiver<Answer>,
}

/// The worker side of one table's view: its shared index, its thread and the request in flight.
pub struct RowsWorker {
    index: Arc<Mutex<TableIndex>>,
    latest: Arc<AtomicU64>,
    jobs: Option<Sender<Job>>,
    pending: Option<Pending>,
}

impl RowsWorker {
    /// A worker over `index` (built from the table that later requests name). Its thread
    /// starts with the first request, so small tables, which never send one, have none.
    pub fn new(index: TableIndex) -> RowsWorker {
        RowsWorker {
            index: Arc::new(Mutex::new(index)),
            latest: Arc::new(AtomicU64::new(0)),
            jobs: None,
            pending: None,
        }
    }

    /// The index, for work on the UI thread (small tables). Blocks only while a request runs,
    /// which for small tables never happens.
    pub fn index(&self) -> MutexGuard<'_, TableIndex> {
        self.index
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The index if no request holds it right now (sums on the status bar can wait a frame).
    pub fn try_index(&self) -> Option<MutexGuard<'_, TableIndex>> {
        match self.index.try_lock() {
            Ok(index) => Some(index),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Starts computing the visible rows of table `table_id` of `gazette` for `query`,
    /// superseding any request still in flight.
    pub fn request(&mut self, gazette: Arc<Gazette>, table_id: String, query: Query) {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let (reply, answer) = std::sync::mpsc::channel();
        let job = Job {
            generation,
            gazette,
            table_id,
            query: query.clone(),
            reply,
        };
        if let Err(error) = self.send(job) {
            // The answer channel's sender went with the job; answer through a fresh one.
            let (reply, answer) = std::sync::mpsc::channel();
            let _ = reply.send(Answer::Failed(error));
            self.pending = Some(Pending { query, answer });
            return;
        }
        self.pending = Some(Pending { query, answer });
    }

    /// Hands `job` to the worker thread, starting it first if need be.
    fn send(&mut self, job: Job) -> Result<(), String> {
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return Ok(()),
                Err(returned) => returned.0, // the thread is gone: start another
            },
            None => job,
        };
        let (jobs, queue) = std::sync::mpsc::channel();
        let index = Arc::clone(&self.index);
        let latest = Arc::clone(&self.latest);
        std::thread::Builder::new()
            .name("table-rows".to_owned())
            .spawn(move || serve(&queue, &index, &latest))
            .map_err(|error| format!("could not start a worker thread: {error}"))?;
        jobs.send(job)
            .map_err(|_| "the worker thread stopped at once".to_owned())?;
        self.jobs = Some(jobs);
        Ok(())
    }

    /// The index the requests compute with. Whoever holds its lock holds the worker: tests use
    /// this to keep a request waiting while they click again.
    pub fn shared_index(&self) -> Arc<Mutex<TableIndex>> {
        Arc::clone(&self.index)
    }

    /// Forgets the request in flight: it stops at its next check and its answer is not shown.
    pub fn cancel(&mut self) {
        self.latest.fetch_add(1, Ordering::SeqCst);
        self.pending = None;
    }

    /// The query being computed, if a request is in flight.
    pub fn pending(&self) -> Option<&Query> {
        self.pending.as_ref().map(|p| &p.query)
    }

    /// The answer to the request in flight, once there is one, with its query.
    pub fn poll(&mut self) -> Option<(Query, Answer)> {
        let pending = self.pending.as_ref()?;
        let answer = match pending.answer.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            // The thread dropped the request unanswered: only a superseded one is dropped.
            Err(TryRecvError::Disconnected) => Answer::Superseded,
        };
        let pending = self.pending.take()?;
        Some((pending.query, answer))
    }
}

/// The worker thread: answers requests in turn, skipping any that a newer one replaced, until
/// the [`RowsWorker`] is dropped.
fn serve(queue: &Receiver<Job>, index: &Mutex<TableIndex>, latest: &AtomicU64) {
    while let Ok(mut job) = queue.recv() {
        while let Ok(newer) = queue.try_recv() {
            job = newer;
        }
        let index = index
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if latest.load(Ordering::SeqCst) != job.generation {
            continue; // superseded while queued or waiting for the index
        }
        let answer = answer(&job, &index, latest);
        let _ = job.reply.send(answer);
    }
}

/// Computes one request's answer, turning a panic into [`Answer::Failed`].
fn answer(job: &Job, index: &TableIndex, latest: &AtomicU64) -> Answer {
    let superseded = || latest.load(Ordering::SeqCst) != job.generation;
    let compute = || match job.gazette.table(&job.table_id) {
        Some(table) => visible_rows_unless(table, index, &job.query, &superseded)
            .map_or(Answer::Superseded, Answer::Rows),
        None => Answer::Failed(format!("the table {} is no longer open", job.table_id)),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(compute)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        Answer::Failed(format!(
            "sorting and filtering stopped unexpectedly: {what}"
        ))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::model::load::embedded;
    use crate::table::{SortDirection, SortKey, visible_rows};

    fn big() -> Arc<Gazette> {
        let mut gazette = embedded().unwrap();
        crate::synthetic::grow_land_prices(&mut gazette, 60_000, 7).unwrap();
        Arc::new(gazette)
    }

    fn by(column: usize, direction: SortDirection) -> Query {
        Query {
            sort: vec![SortKey { column, direction }],
            ..Query::default()
        }
    }

    /// Waits for the answer; no time limit (a hung worker hangs the test run, which says so).
    fn wait(worker: &mut RowsWorker) -> (Query, Answer) {
        loop {
            if let Some(done) = worker.poll() {
                return done;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn the_worker_gives_the_same_rows_as_the_synchronous_path() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let query = by(6, SortDirection::Descending);
        let expected = visible_rows(table, &TableIndex::new(table), &query);
        let mut worker = RowsWorker::new(TableIndex::new(table));
        worker.request(Arc::clone(&gazette), "land-prices".into(), query.clone());
        assert_eq!(worker.pending(), Some(&query));
        assert_eq!(wait(&mut worker), (query, Answer::Rows(expected)));
        assert_eq!(worker.pending(), None);
    }

    #[test]
    fn a_newer_request_supersedes_an_older_one() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let mut worker = RowsWorker::new(TableIndex::new(table));
        // Hold the index so the first request cannot finish before the second arrives.
        let held = worker.shared_index();
        let guard = held.lock().unwrap();
        worker.request(
            Arc::clone(&gazette),
            "land-prices".into(),
            by(6, SortDirection::Ascending),
        );
        let first = worker.pending.take().unwrap();
        let newer = by(4, SortDirection::Descending);
        worker.request(Arc::clone(&gazette), "land-prices".into(), newer.clone());
        drop(guard);
        let (query, rows) = wait(&mut worker);
        assert_eq!(query, newer);
        let expected = visible_rows(table, &TableIndex::new(table), &newer);
        assert_eq!(rows, Answer::Rows(expected));
        // The older request was never computed: its answer channel closed unanswered.
        assert!(matches!(
            first.answer.recv(),
            Err(std::sync::mpsc::RecvError)
        ));
    }

    #[test]
    fn a_running_request_stops_when_superseded() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let index = TableIndex::new(table);
        let query = Query {
            quick_filter: "住宅".into(),
            ..by(6, SortDirection::Ascending)
        };
        assert_eq!(visible_rows_unless(table, &index, &query, &|| true), None);
    }

    #[test]
    fn a_request_for_a_vanished_table_fails_with_a_message() {
        let gazette = big();
        let table = gazette.table("land-prices").unwrap();
        let mut worker = RowsWorker::new(TableIndex::new(table));
        worker.request(gazette, "no-such-table".into(), Query::default());
        let (_, answer) = wait(&mut worker);
        assert!(
            matches!(&answer, Answer::Failed(message) if message.contains("no-such-table")),
            "{answer:?}"
        );
    }

    #[test]
    fn a_panic_in_a_request_reaches_the_view_as_an_error() {
        let gazette = big();
        // An index whose folded text was built from a 13-row table: filtering the big table
        // through it reads past its end, which panics.
        let small = crate::table::fixture::land_prices();
        let wrong = TableIndex::new(&small);
        wrong.folded_rows(&small);
        let (reply, _answer) = std::sync::mpsc::channel();
        let job = Job {
            generation: 1,
            gazette,
            table_id: "land-prices".into(),
            query: Query {
                quick_filter: "住宅".into(),
                ..Query::default()
            },
            reply,
        };
        let answer = answer(&job, &wrong, &AtomicU64::new(1));
        assert!(
            matches!(&answer, Answer::Failed(message) if message.contains("stopped unexpectedly")),
            "{answer:?}"
        );
    }
}
