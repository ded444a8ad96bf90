//! Putting export bytes where the user asked: a file (atomically) or standard output.

use super::ExportError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`, or to standard output when `path` is `-`.
///
/// A regular file (new or existing) is written through a temporary file in the same folder and
/// a rename, so on failure nothing is left behind and an existing file keeps its content. A
/// folder is refused before anything is written. A device or pipe (such as `/dev/stdout`) is
/// written directly: renaming over it would replace the device itself.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let failed = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.as_os_str() == "-" {
        return write_stdout(bytes).map_err(failed);
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(failed(std::io::ErrorKind::IsADirectory.into())),
        Ok(meta) if !meta.is_file() => write_direct(path, bytes).map_err(failed),
        _ => crate::atomic_file::write_atomically(path, bytes).map_err(failed),
    }
}

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

fn write_direct(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// The folder holding `path`, for "open folder" and for remembering where the user saves.
pub fn folder_of(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .map(Path::to_path_buf)
}
