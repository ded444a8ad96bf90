//! Temporary files of the writer: short unique names, removal on Ctrl+C, and removal of the
//! ones a killed run left behind.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};
use std::time::{Duration, SystemTime};

/// Every temporary file of ours starts with this, so the next run can recognise them.
pub(super) const PREFIX: &str = ".gazette-browser-";
/// ... and ends with this.
pub(super) const SUFFIX: &str = ".tmp";

/// A temporary file left this long without a change belongs to no running export (an export
/// writes continuously), whatever its process id says.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Paths of temporary files being written now, removed by the interrupt handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file being written; removed when dropped unless it was renamed into place.
pub(super) struct TempFile {
    file: tempfile::NamedTempFile,
    _pending: Pending,
}

/// Keeps a path in the interrupt handler's list while it exists.
struct Pending(PathBuf);

impl Drop for Pending {
    fn drop(&mut self) {
        forget_pending(&self.0);
    }
}

impl TempFile {
    /// A new, empty file in `folder`, created exclusively (`O_EXCL`) under a random name.
    pub(super) fn create_in(folder: &Path) -> std::io::Result<TempFile> {
        remove_on_interrupt();
        let prefix = format!("{PREFIX}{}-", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(SUFFIX).rand_bytes(8);
        // A new file gets the mode any new file of the user gets (0666 less the umask, as the
        // system applies it), not tempfile's private 0600; an old file's mode is set on top.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let file = builder.tempfile_in(folder)?;
        lock_pending().push(file.path().to_path_buf());
        let pending = Pending(file.path().to_path_buf());
        Ok(TempFile {
            file,
            _pending: pending,
        })
    }

    pub(super) fn file(&self) -> &std::fs::File {
        self.file.as_file()
    }

    /// Renames the file to `target` (replacing it); on failure the file is removed.
    pub(super) fn rename_to(self, target: &Path) -> std::io::Result<()> {
        self.file.persist(target).map(drop).map_err(|e| e.error)
    }
}

fn lock_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves a usable list: recover it rather than give up.
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn forget_pending(path: &Path) {
    lock_pending().retain(|pending| pending != path);
}

/// Installs, once per process, a handler for Ctrl+C (and, on Unix, termination and hang-up)
/// that removes the temporary files being written and ends the process with status 130, as an
/// interrupted program does. The handler runs on its own thread, so it may take the lock.
fn remove_on_interrupt() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Another handler already installed (a host embedding this library) keeps its own
        // behaviour; then the next run's clean-up below still removes what is left.
        let _ = ctrlc::set_handler(|| {
            for path in lock_pending().drain(..) {
                let _ = std::fs::remove_file(path);
            }
            std::process::exit(crate::cli::Status::Interrupted as i32);
        });
    });
}

/// Removes from `folder` the temporary files a run of ours left behind (killed before it
/// could clean up): our prefix and suffix, a regular file, owned by the same user as
/// `fresh` (a temporary file this process just made there), and stale: made by another
/// process, which is gone (where that can be known) or has not changed it for
/// [`STALE_AFTER`]. This process's own files are never removed here: they are in progress
/// (another export of the window), and each removes itself when dropped. Errors are ignored: clean-up is a courtesy, never a reason to
/// fail an export.
pub(super) fn remove_stale_in(folder: &Path, fresh: &std::fs::Metadata) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(our_pid) else {
            continue;
        };
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_file() && same_owner(&meta, fresh) && is_stale(pid, &meta) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The process id in a name of ours (`.gazette-browser-PID-RANDOM.tmp`).
fn our_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (random.len() == 8 && random.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| pid.parse().ok())
        .flatten()
}

fn is_stale(pid: u32, meta: &std::fs::Metadata) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let idle = meta
        .modified()
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|idle| idle >= STALE_AFTER);
    idle || process_is_gone(pid)
}

/// Whether no process `pid` runs (Linux, through /proc); elsewhere unknown, so `false`.
fn process_is_gone(pid: u32) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        !Path::new("/proc").join(pid.to_string()).exists()
    } else {
        false
    }
}

#[cfg(unix)]
fn same_owner(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.uid() == b.uid()
}

#[cfg(not(unix))]
fn same_owner(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_are_recognised() {
        assert_eq!(our_pid(".gazette-browser-123-abcdEF12.tmp"), Some(123));
        for other in [
            ".gazette-browser-123-abc.tmp",
            ".gazette-browser-x-abcdEF12.tmp",
            "gazette-browser-123-abcdEF12.tmp",
            ".gazette-browser-123-abcdEF12.tmp.csv",
            ".out.csv.123.tmp",
        ] {
            assert_eq!(our_pid(other), None, "{other}");
        }
    }
}
