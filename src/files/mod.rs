//! Every file this program writes goes through here: the CSV export (window and command line)
//! and the schematic SVG. One writer, so one set of promises: what the output lands on is
//! never damaged, and nothing of ours is left behind.
//!
//! - A regular file is replaced whole: the bytes go to a temporary file beside it, which takes
//!   the old file's mode (and owner, where this process may set it) and is renamed over it. A
//!   failure at any point leaves the old file as it was.
//! - A symbolic link is followed: the file it points to is replaced, the link stays a link.
//! - A file with several hard links, or one whose owner this process cannot give to a new
//!   file, is written in place, after the new content is complete and synced in a temporary
//!   file: the links and the owner stay. So is a file the user may write in a folder where
//!   they may not create files; its temporary file is then made in the system's temporary
//!   folder.
//! - A character device or a pipe (`/dev/null`, a FIFO, a terminal) is written in place, as a
//!   stream; `/dev/stdout` and `/dev/stderr` are this process's own streams. A block device, a
//!   socket and a folder are refused with a message naming what they are.
//! - The gazette file being read is never written, whichever name or link reaches it.
//!
//! Temporary files are named `.gazette-browser-PID-RANDOM.tmp`, short whatever the target's
//! name (a 255-byte name still works), created exclusively (they cannot collide), removed on
//! Ctrl+C or termination, and, when a killed run left one, by the next write into that folder.

mod temp;
mod write;

pub use write::{FileIdentity, WriteError, WriteProblem, refuse_input, write_bytes, write_file};

/// The gazette file the window shows, which its exports must never land on. The window's
/// export runs on a worker thread far from where files are opened, so the window records the
/// file here when it opens one and the export passes it to the writer.
static WINDOW_INPUT: std::sync::Mutex<Option<FileIdentity>> = std::sync::Mutex::new(None);

/// Records the file the window now shows (`None` for the built-in issue).
pub fn set_window_input(path: Option<&std::path::Path>) {
    let identity = path.and_then(FileIdentity::of);
    *WINDOW_INPUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = identity;
}

/// The file the window shows, as recorded by [`set_window_input`].
pub fn window_input() -> Option<FileIdentity> {
    WINDOW_INPUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}
