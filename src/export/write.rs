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
    write_output_with(path, |sink| sink.write_all(bytes))
}

/// [`write_output`] for content streamed by `write` (such as [`super::write_csv`]), so a big
/// export is never held whole in memory. An [`ExportError`] that `write` carries inside its
/// `io::Error` comes out as itself; any other error is a write failure of `path`.
pub fn write_output_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    let failed = |error| {
        super::into_export_error(error, |source| ExportError::Write {
            path: path.to_path_buf(),
            source,
        })
    };
    if path.as_os_str() == "-" {
        return write_stdout(write).map_err(failed);
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(failed(std::io::ErrorKind::IsADirectory.into())),
        Ok(meta) if !meta.is_file() => write_direct(path, write).map_err(failed),
        _ => crate::atomic_file::write_atomically_with(path, write).map_err(failed),
    }
}

fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out)?;
    out.flush()
}

fn write_direct(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    write(&mut file)?;
    file.flush()
}

/// The folder holding `path`, for "open folder" and for remembering where the user saves.
pub fn folder_of(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .map(Path::to_path_buf)
}
