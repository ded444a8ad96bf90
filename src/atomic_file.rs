//! Writing a file so that it is either complete or untouched.
//!
//! The bytes go to a temporary file in the same folder (so the final rename never crosses file
//! systems), are flushed to disk, and then replace the target in one rename. If anything fails,
//! the temporary file is removed and an existing target keeps its old content.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically; on error nothing is left behind and an existing file at
/// `path` is intact.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// [`write_atomically`] for content made while it is written: `write` streams it into the
/// temporary file, so a big export never has to sit whole in memory. If `write` fails, nothing
/// is left behind, the target is intact and its error is returned.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temp = temp_path(path)?;
    let result = write_and_sync(&temp, write).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// `.name.PID.tmp` beside `path`: hidden, unique per process, in the same folder.
fn temp_path(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path names no file (it ends in a folder separator or ..)",
        )
    })?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    Ok(path.with_file_name(temp_name))
}

fn write_and_sync(
    temp: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    write(&mut file)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_an_existing_file_whole() {
        let dir = scratch_dir("replace");
        let path = dir.join("out.csv");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new content").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new content");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_existing_file_and_no_temporary() {
        let dir = scratch_dir("fail");
        let target = dir.join("sub");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), "kept").unwrap();
        // The target is a folder: the rename fails after the temporary file was written.
        assert!(write_atomically(&target, b"data").is_err());
        assert_eq!(std::fs::read(target.join("keep")).unwrap(), b"kept");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
        assert!(write_atomically(&dir.join("missing").join("x.csv"), b"data").is_err());
    }
}
