//! Opening a gazette file on a worker thread, so the window keeps painting while a large file
//! is read and parsed, and can show how far the reading has got.
//!
//! [`LoadJob::start`] opens the file with [`crate::model::load::load_path_counted`], which
//! counts the bytes read so a progress bar can be drawn, then parses the whole text with `ron`
//! (the one reader, issue 14) and validates it. The same limits and messages as
//! [`crate::model::load::load_path`] apply. Nothing here knows egui; the window polls
//! [`LoadJob::poll`] once a frame.

use crate::model::Gazette;
use crate::model::load::{LoadError, load_path_counted};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

/// Where a load stands, for the progress indication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading the file: bytes read so far of the file's size.
    Reading {
        /// Bytes read so far.
        read: u64,
        /// The file's size when the load started (0 if unknown).
        total: u64,
    },
    /// Every byte is in; parsing and validating (no finer progress is known: `ron` reads the
    /// whole text in one call).
    Parsing,
}

/// Counters the worker updates and the window reads.
#[derive(Debug, Default)]
struct Progress {
    read: AtomicU64,
}

/// One file being opened on a worker thread. Dropping the job abandons it: the worker finishes
/// on its own and its result is discarded, so a newer open simply replaces an older one.
#[derive(Debug)]
pub struct LoadJob {
    path: PathBuf,
    total: u64,
    progress: Arc<Progress>,
    receiver: Receiver<Result<Gazette, LoadError>>,
}

impl LoadJob {
    /// Starts reading, parsing and validating `path` on a new thread.
    pub fn start(path: PathBuf) -> LoadJob {
        let total = std::fs::metadata(&path).map_or(0, |m| if m.is_file() { m.len() } else { 0 });
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = std::sync::mpsc::channel();
        let worker_path = path.clone();
        let worker_progress = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name("load-gazette".to_owned())
            .spawn(move || {
                let result = load_with_progress(&worker_path, &worker_progress);
                // The window may have given up on this job; then nobody listens, which is fine.
                let _ = sender.send(result);
            });
        if let Err(err) = spawned {
            // No thread: report it through the same channel so the window shows it.
            let (sender, failed) = std::sync::mpsc::channel();
            let _ = sender.send(Err(LoadError::Io {
                path: path.clone(),
                message: format!("cannot start reading it: {err}"),
            }));
            return LoadJob {
                path,
                total,
                progress,
                receiver: failed,
            };
        }
        LoadJob {
            path,
            total,
            progress,
            receiver,
        }
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's size in bytes as it was when the load started (0 if unknown).
    pub fn total_bytes(&self) -> u64 {
        self.total
    }

    /// How far the worker has got.
    pub fn phase(&self) -> Phase {
        let read = self.progress.read.load(Ordering::Relaxed);
        if self.total > 0 && read >= self.total {
            Phase::Parsing
        } else {
            Phase::Reading {
                read,
                total: self.total,
            }
        }
    }

    /// The result once the worker is done; `None` while it still works. A worker that died
    /// without answering (a bug) is reported as an error rather than waited on for ever.
    pub fn poll(&self) -> Option<Result<Gazette, LoadError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LoadError::Io {
                path: self.path.clone(),
                message: "reading the file stopped unexpectedly".to_owned(),
            })),
        }
    }

    /// Waits for the result (tests and the command line; never the window's frame).
    pub fn wait(self) -> Result<Gazette, LoadError> {
        self.receiver.recv().unwrap_or_else(|_| {
            Err(LoadError::Io {
                path: self.path.clone(),
                message: "reading the file stopped unexpectedly".to_owned(),
            })
        })
    }
}

/// Reads, parses and validates `path`, counting bytes into `progress`.
fn load_with_progress(path: &Path, progress: &Progress) -> Result<Gazette, LoadError> {
    load_path_counted(path, &progress.read)
}

/// A byte count for people: "512 B", "34.5 KB", "248.0 MB".
pub fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else if b < KB * KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else {
        format!("{:.1} GB", b / (KB * KB * KB))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::model::load::EMBEDDED_RON;

    fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
        crate::model::load::temp_file_in("gazette-loading", name, bytes)
    }

    #[test]
    fn a_good_file_loads_and_every_byte_is_counted() {
        let path = temp_file("good.ron", EMBEDDED_RON.as_bytes());
        let job = LoadJob::start(path.clone());
        assert_eq!(job.total_bytes(), EMBEDDED_RON.len() as u64);
        let progress = Arc::clone(&job.progress);
        let gazette = job.wait().unwrap();
        assert!(!gazette.tables.is_empty());
        assert_eq!(
            progress.read.load(Ordering::Relaxed),
            EMBEDDED_RON.len() as u64
        );
    }

    #[test]
    fn errors_match_the_synchronous_loader() {
        let cases: [(&str, &[u8]); 3] = [
            ("empty.ron", b""),
            ("junk.ron", &[0xff, 0xfe, 0x00, 0x01]),
            (
                "cut.ron",
                &EMBEDDED_RON.as_bytes()[..EMBEDDED_RON.len() / 2],
            ),
        ];
        for (name, bytes) in cases {
            let path = temp_file(name, bytes);
            let background = LoadJob::start(path.clone()).wait().unwrap_err();
            let direct = crate::model::load::load_path(&path).unwrap_err();
            assert_eq!(background, direct, "{name}");
        }
    }

    #[test]
    fn a_folder_or_a_missing_file_is_an_error_naming_the_path() {
        let dir = std::env::temp_dir();
        let err = LoadJob::start(dir.clone()).wait().unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
        let missing = dir.join("no-such-gazette-file.ron");
        let err = LoadJob::start(missing.clone()).wait().unwrap_err();
        assert!(
            err.to_string().contains("no-such-gazette-file.ron"),
            "{err}"
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(35_328), "34.5 KB");
        assert_eq!(human_size(260_046_848), "248.0 MB");
    }
}
