//! Putting export bytes where the user asked: a file or standard output, through the one
//! writer of [`crate::files`].

use super::ExportError;
use crate::files::{FileIdentity, WriteError, write_file};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` (`-` for standard output), never onto `input`, the gazette file
/// being read. See [`crate::files`] for what happens to each kind of target.
pub fn write_output(
    path: &Path,
    input: Option<&FileIdentity>,
    bytes: &[u8],
) -> Result<(), ExportError> {
    write_output_with(path, input, |sink| Ok(sink.write_all(bytes)?))
}

/// [`write_output`] for content streamed by `write` (such as [`super::write_csv`]), so a big
/// export is never held whole in memory. An error of the content comes out as itself; a
/// failure of the sink is a [`ExportError::Write`] naming `path`.
pub fn write_output_with(
    path: &Path,
    input: Option<&FileIdentity>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    write_file(path, input, |sink| {
        write(sink).map_err(|error| match error {
            ExportError::Io(error) => ExportError::Write(WriteError::io(path, error)),
            other => other,
        })
    })
}

/// The folder holding `path`, for "open folder" and for remembering where the user saves.
pub fn folder_of(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .map(Path::to_path_buf)
}
