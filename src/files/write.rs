//! The one writer (see the module documentation of [`super`] for its promises).

use super::temp::{TempFile, remove_stale_in};
use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

/// Which file a path reaches, so a write can tell that it would land on the file being read
/// whatever name, symbolic or hard link leads to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileIdentity {
    /// The path with every link resolved (the only identity on systems without inodes).
    canonical: Option<PathBuf>,
    /// Device and inode (Unix).
    #[cfg(unix)]
    inode: (u64, u64),
}

impl FileIdentity {
    /// The identity of the file at `path`, or `None` when there is none (the embedded issue,
    /// a file that has gone).
    pub fn of(path: &Path) -> Option<FileIdentity> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileIdentity::from_meta(path, &meta))
    }

    /// The file's path with every link resolved, when it could be resolved: the data file an
    /// export's provenance names and hashes.
    pub fn path(&self) -> Option<&Path> {
        self.canonical.as_deref()
    }

    fn from_meta(path: &Path, _meta: &Metadata) -> FileIdentity {
        FileIdentity {
            canonical: std::fs::canonicalize(path).ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (_meta.dev(), _meta.ino())
            },
        }
    }

    /// Whether `path` (whose metadata, links followed, is `meta`) is this file.
    fn is(&self, path: &Path, meta: &Metadata) -> bool {
        let other = FileIdentity::from_meta(path, meta);
        #[cfg(unix)]
        if self.inode == other.inode {
            return true;
        }
        self.canonical.is_some() && self.canonical == other.canonical
    }
}

/// Why a write was refused or failed. Nothing was changed at the target in any of these
/// cases, except where [`WriteProblem::Io`] says a stream (a device or pipe) had begun.
#[derive(Debug)]
pub struct WriteError {
    /// The path the caller asked to write.
    pub path: PathBuf,
    /// What went wrong.
    pub problem: WriteProblem,
}

/// What went wrong in a write.
#[derive(Debug)]
pub enum WriteProblem {
    /// The target is the gazette file being read.
    IsInput,
    /// The target is a folder.
    IsFolder,
    /// The target is a special file that cannot take a file's content; names what it is.
    Special(&'static str),
    /// The operating system refused or failed (no permission, disk full, missing folder …).
    Io(std::io::Error),
}

impl WriteError {
    /// An operating-system failure writing `path`.
    pub fn io(path: &Path, error: std::io::Error) -> WriteError {
        WriteError {
            path: path.to_path_buf(),
            problem: WriteProblem::Io(error),
        }
    }

    fn refused(path: &Path, problem: WriteProblem) -> WriteError {
        WriteError {
            path: path.to_path_buf(),
            problem,
        }
    }

    /// Whether the request itself was wrong (the input, a folder, a disk device: exit status
    /// 2), rather than the system failing to carry it out (exit status 1).
    pub fn is_refusal(&self) -> bool {
        !matches!(self.problem, WriteProblem::Io(_))
    }

    /// Whether the reader of a pipe went away (`| head`): not a failure worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.problem, WriteProblem::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.problem {
            WriteProblem::IsInput => write!(
                f,
                "cannot write {path}: it is the gazette file being read; choose another file name"
            ),
            WriteProblem::IsFolder => {
                write!(f, "cannot write {path}: that is a folder; give a file name")
            }
            WriteProblem::Special(what) => write!(
                f,
                "cannot write {path}: it is {what}, not a file; choose a file name"
            ),
            WriteProblem::Io(error) => write!(f, "cannot write {path}: {}", advice(error)),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.problem {
            WriteProblem::Io(error) => Some(error),
            _ => None,
        }
    }
}

/// The operating system's reason in words a clerk can act on.
fn advice(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let advice = match error.kind() {
        NotFound => "the folder does not exist; choose an existing folder",
        PermissionDenied => "no permission to write there; choose another folder (e.g. Documents)",
        IsADirectory => "that is a folder; give a file name",
        NotADirectory => "a part of the path is a file, not a folder; check the path",
        StorageFull => "the disk is full; free some space or choose another drive",
        ReadOnlyFilesystem => "the drive is read-only; choose another drive",
        InvalidFilename => {
            "the file system does not accept that name; choose a shorter or plainer one"
        }
        _ => return format!("{error}; check the path and try again"),
    };
    format!("{advice} ({error})")
}

/// Refuses `path` when it is `input` (the gazette file being read), by any name or link, before
/// any work is done for it: a command asked to write over its own input stops at once instead
/// of after reading and processing a big file. [`write_file`] checks again when it writes.
pub fn refuse_input(path: &Path, input: Option<&FileIdentity>) -> Result<(), WriteError> {
    match (input, std::fs::metadata(path)) {
        (Some(input), Ok(meta)) if input.is(path, &meta) => {
            Err(WriteError::refused(path, WriteProblem::IsInput))
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` (see [`write_file`]).
pub fn write_bytes(
    path: &Path,
    input: Option<&FileIdentity>,
    bytes: &[u8],
) -> Result<(), WriteError> {
    write_file(path, input, |sink| {
        sink.write_all(bytes)
            .map_err(|error| WriteError::io(path, error))
    })
}

/// Writes what `write` produces to `path`, never onto `input` (the file being read). The
/// content is streamed, so a big export never sits whole in memory. `write`'s own error (say,
/// a character the encoding lacks) comes back as itself, and the target is then untouched
/// (unless it is a stream such as a pipe, which cannot take back what it was given).
pub fn write_file<E: From<WriteError>>(
    path: &Path,
    input: Option<&FileIdentity>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    match plan(path, input)? {
        Plan::Stream(stream) => write_stream(path, stream, write),
        Plan::Replace { target, old } => write_replacing(path, &target, old.as_ref(), write),
    }
}

/// How a target is written.
enum Plan {
    /// Written in place as a stream: standard output or error, a character device, a FIFO.
    Stream(Stream),
    /// Its content is replaced whole (`target` is the path with links followed; `old` the
    /// metadata of the file there, if any).
    Replace {
        target: PathBuf,
        old: Option<Metadata>,
    },
}

enum Stream {
    Stdout,
    Stderr,
    Device,
}

fn plan(path: &Path, input: Option<&FileIdentity>) -> Result<Plan, WriteError> {
    if let Some(stream) = standard_stream(path) {
        return Ok(Plan::Stream(stream));
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            // New file, or a link to one that does not exist yet: created where it points.
            let target = follow_links(path).map_err(|error| WriteError::io(path, error))?;
            return Ok(Plan::Replace { target, old: None });
        }
        Err(error) => return Err(WriteError::io(path, error)),
    };
    if input.is_some_and(|input| input.is(path, &meta)) {
        return Err(WriteError::refused(path, WriteProblem::IsInput));
    }
    if meta.is_dir() {
        return Err(WriteError::refused(path, WriteProblem::IsFolder));
    }
    if !meta.is_file() {
        return special_kind(&meta)
            .map(Plan::Stream)
            .map_err(|what| WriteError::refused(path, WriteProblem::Special(what)));
    }
    let target = follow_links(path).map_err(|error| WriteError::io(path, error))?;
    Ok(Plan::Replace {
        target,
        old: Some(meta),
    })
}

/// `-`, `/dev/stdout`, `/dev/stderr` and the `/dev/fd/1`, `/proc/self/fd/2` … they lead to:
/// this process's own streams. Opening them by name would open whatever the stream is
/// redirected to afresh (truncating a log appended to, or renaming over it).
fn standard_stream(path: &Path) -> Option<Stream> {
    if path.as_os_str() == "-" {
        return Some(Stream::Stdout);
    }
    if !cfg!(unix) {
        return None;
    }
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let text = current.to_str()?;
        let fd = ["/dev/fd/", "/proc/self/fd/"]
            .iter()
            .find_map(|prefix| text.strip_prefix(prefix));
        match (text, fd) {
            ("/dev/stdout", _) | (_, Some("1")) => return Some(Stream::Stdout),
            ("/dev/stderr", _) | (_, Some("2")) => return Some(Stream::Stderr),
            _ => {}
        }
        let link = std::fs::read_link(&current).ok()?;
        current = resolve_link(&current, link);
    }
    None
}

/// Symbolic links followed at most (as the kernel's own limit).
const MAX_LINKS: usize = 40;

/// `path` with symbolic links followed to the file they name (which need not exist yet).
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = resolve_link(&current, link);
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(
        "too many levels of symbolic links; check where the link points",
    ))
}

/// Where a link at `at` whose content is `link` points.
fn resolve_link(at: &Path, link: PathBuf) -> PathBuf {
    match at.parent() {
        Some(parent) if link.is_relative() => parent.join(link),
        _ => link,
    }
}

/// A character device or FIFO is written in place; anything else that is not a file or
/// folder is named and refused.
#[cfg(unix)]
fn special_kind(meta: &Metadata) -> Result<Stream, &'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_char_device() || kind.is_fifo() {
        Ok(Stream::Device)
    } else if kind.is_block_device() {
        Err("a block device (a disk or partition)")
    } else if kind.is_socket() {
        Err("a socket")
    } else {
        Err("a special file")
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> Result<Stream, &'static str> {
    // Windows devices (NUL, COM1 …) report as neither file nor folder: written as streams.
    Ok(Stream::Device)
}

fn write_stream<E: From<WriteError>>(
    path: &Path,
    stream: Stream,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let failed = |error| E::from(WriteError::io(path, error));
    match stream {
        Stream::Stdout => write_buffered(std::io::stdout().lock(), path, write),
        Stream::Stderr => write_buffered(std::io::stderr().lock(), path, write),
        Stream::Device => {
            // No create, no truncate: a device or pipe is only written to.
            let device = OpenOptions::new().write(true).open(path).map_err(failed)?;
            write_buffered(device, path, write)
        }
    }
}

fn write_buffered<E: From<WriteError>>(
    sink: impl Write,
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let mut sink = BufWriter::with_capacity(1 << 16, sink);
    write(&mut sink)?;
    sink.flush()
        .map_err(|error| E::from(WriteError::io(path, error)))
}

/// Writes the whole content to a temporary file beside `target`, then puts it in place: by a
/// rename that keeps mode and owner, or, for a file with several hard links or an owner this
/// process cannot give, by copying it into the old file.
fn write_replacing<E: From<WriteError>>(
    path: &Path,
    target: &Path,
    old: Option<&Metadata>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let failed = |error| E::from(WriteError::io(path, error));
    // Only what this process may write is replaced (a read-only file stays read-only): the
    // probe opens without truncating, so nothing changes yet.
    let existing = match old {
        Some(_) => Some(
            OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(failed)?,
        ),
        None => None,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let (temp, beside) = match TempFile::create_in(folder) {
        Ok(temp) => (temp, true),
        // A file the user may write in a folder where they may not create one (a shared
        // folder): the content is made complete in the system's temporary folder, then
        // copied into the file.
        Err(error)
            if existing.is_some() && error.kind() == std::io::ErrorKind::PermissionDenied =>
        {
            (
                TempFile::create_in(&std::env::temp_dir()).map_err(failed)?,
                false,
            )
        }
        Err(error) => return Err(failed(error)),
    };
    if beside && let Ok(fresh) = temp.file().metadata() {
        remove_stale_in(folder, &fresh);
    }
    write_buffered(temp.file(), path, write)?;
    temp.file().sync_all().map_err(failed)?;
    match (old, existing) {
        (Some(old), Some(existing)) if !beside || !can_rename_over(old, &temp) => {
            copy_into(&temp, existing).map_err(failed)
        }
        (old, existing) => {
            // Closed before the rename: Windows does not rename over an open file.
            drop(existing);
            if let Some(old) = old {
                // Mode carried over; a failure leaves the default, never a wider one.
                let _ = temp.file().set_permissions(old.permissions());
            }
            temp.rename_to(target).map_err(failed)?;
            sync_folder(folder);
            Ok(())
        }
    }
}

/// Whether a rename keeps what the old file was: one link only, and its owner (given to the
/// temporary file here, when this process may).
#[cfg(unix)]
fn can_rename_over(old: &Metadata, temp: &TempFile) -> bool {
    use std::os::unix::fs::MetadataExt;
    if old.nlink() > 1 {
        return false;
    }
    let Ok(fresh) = temp.file().metadata() else {
        return false;
    };
    if (fresh.uid(), fresh.gid()) == (old.uid(), old.gid()) {
        return true;
    }
    std::os::unix::fs::fchown(temp.file(), Some(old.uid()), Some(old.gid())).is_ok()
}

#[cfg(not(unix))]
fn can_rename_over(_: &Metadata, _: &TempFile) -> bool {
    true
}

/// Copies the finished temporary file into `existing` (opened for writing), which keeps its
/// links, owner and mode.
fn copy_into(temp: &TempFile, mut existing: File) -> std::io::Result<()> {
    let mut source = temp.file();
    source.rewind()?;
    existing.set_len(0)?;
    std::io::copy(&mut source, &mut existing)?;
    existing.sync_all()
}

/// Makes the rename itself durable (Unix); a failure only weakens durability, so it is ignored.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failed_content_leaves_the_existing_file_and_no_temporary() {
        let dir = scratch_dir("fail");
        let path = dir.join("out.csv");
        std::fs::write(&path, "kept").unwrap();
        let result = write_file(&path, None, |sink| {
            sink.write_all(b"half")
                .map_err(|error| WriteError::io(&path, error))?;
            Err(WriteError::io(
                &path,
                std::io::Error::other("the content failed"),
            ))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"kept");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary left"
        );
        write_bytes(&path, None, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn the_file_the_window_shows_is_never_written() {
        let dir = scratch_dir("window");
        let path = dir.join("g.ron");
        std::fs::write(&path, "the gazette").unwrap();
        super::super::set_window_input(Some(&path));
        let error = write_bytes(&path, super::super::window_input().as_ref(), b"csv").unwrap_err();
        assert!(matches!(error.problem, WriteProblem::IsInput), "{error}");
        assert!(error.is_refusal());
        assert_eq!(std::fs::read(&path).unwrap(), b"the gazette");
        super::super::set_window_input(None);
        assert!(super::super::window_input().is_none());
    }
}
