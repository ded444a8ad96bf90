//! Reading a gazette data file: bytes → [`Gazette`], with errors a clerk can act on.
//!
//! Syntax and type errors name the file, line and column and what was expected; semantic
//! problems (see [`super::validate`]) are all listed at once. Nothing here panics on bad input:
//! the size is bounded before reading, nesting depth is bounded while parsing, and invalid
//! UTF-8 is reported with its byte offset.

use super::validate::{PROBLEM_LIMIT, Problem, Problems, validate};
use super::{FORMAT_VERSION, Gazette};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The bundled issue, embedded in the binary so the app works with no files beside it.
pub const EMBEDDED_RON: &str = include_str!("../../assets/gazette-2023-03.ron");

/// The name the embedded issue goes by in messages.
pub const EMBEDDED_NAME: &str = "assets/gazette-2023-03.ron (embedded)";

/// Largest data file we read. A real issue is well under 1 MB and a million-row table is a few
/// hundred MB; anything beyond this is refused before it can exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest nesting of brackets accepted; deeper input would risk a stack overflow.
pub const MAX_NESTING: usize = 64;

/// Why a file could not be opened as a gazette.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be read at all (missing, a directory, no permission …).
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said, in words.
        message: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file is empty or only whitespace.
    Empty {
        /// The file.
        path: String,
    },
    /// A RON syntax or type error at a position.
    Syntax {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// The file parsed but breaks the rules of a gazette (all problems at once).
    Invalid {
        /// The file.
        path: String,
        /// Every problem found (the first [`PROBLEM_LIMIT`] in full).
        problems: Problems,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, message } => write!(
                f,
                "{}: cannot read the file: {message}. Check the path and that it is a readable file.",
                path.display()
            ),
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{}: the file is {bytes} bytes, over the limit of {MAX_FILE_BYTES} bytes \
                 ({} MB) for a gazette file; it is probably not a gazette data file.",
                path.display(),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::NotUtf8 { path, offset } => write!(
                f,
                "{path}: not UTF-8 text (invalid byte sequence at byte {offset}). \
                 A gazette file is RON text saved as UTF-8; re-save it as UTF-8."
            ),
            LoadError::Empty { path } => write!(
                f,
                "{path}: the file is empty. It may have been copied only in part; copy it again."
            ),
            LoadError::Syntax {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "{path}:{line}:{column}: {message}. Correct the file at that place in a text \
                 editor, or get a fresh copy of it."
            ),
            LoadError::Invalid { path, problems } => {
                write!(f, "{path}: {} problem(s) found:", problems.len())?;
                for problem in problems.iter() {
                    write!(f, "\n  {problem}")?;
                }
                let mut unlisted = problems.unlisted().peekable();
                if unlisted.peek().is_some() {
                    write!(f, "\n  … and, not listed beyond the first {PROBLEM_LIMIT}:")?;
                    for (kind, count) in unlisted {
                        write!(f, "\n  {kind}: {count} more")?;
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// The bundled issue. It is checked by the test suite, so failure here means a broken build.
pub fn embedded() -> Result<Gazette, LoadError> {
    parse_str(EMBEDDED_RON, EMBEDDED_NAME)
}

/// Reads, parses and validates the gazette file at `path`.
pub fn load_path(path: &Path) -> Result<Gazette, LoadError> {
    load_path_counted(path, &AtomicU64::new(0))
}

/// [`load_path`], adding the bytes read to `read` as they come in, so a progress bar can
/// follow a big file.
pub fn load_path_counted(path: &Path, read: &AtomicU64) -> Result<Gazette, LoadError> {
    load_with(path, read, Checks::Validate)
}

/// [`load_path_counted`] without the semantic checks, so the phases of a load can be timed
/// apart (examples/model_job_phases.rs).
pub fn load_path_unvalidated(path: &Path, read: &AtomicU64) -> Result<Gazette, LoadError> {
    load_with(path, read, Checks::ParseOnly)
}

/// How much of the loading a caller wants done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// Syntax, types and format version only.
    ParseOnly,
    /// Those and the semantic checks of [`validate`].
    Validate,
}

/// Reads the whole file, then parses it with `ron` (the one reader of every file: what a file
/// means never depends on its size) and, if asked, validates it.
fn load_with(path: &Path, read: &AtomicU64, checks: Checks) -> Result<Gazette, LoadError> {
    let name = path.display().to_string();
    let bytes = read_counted(path, read)?;
    let gazette = parse_bytes_unvalidated(&bytes, &name)?;
    // The text is no longer needed: freed before validation, which may hold many problems.
    drop(bytes);
    match checks {
        Checks::ParseOnly => Ok(gazette),
        Checks::Validate => validated(gazette, &name),
    }
}

/// Parses and validates gazette bytes; `name` labels the source in messages.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Result<Gazette, LoadError> {
    validated(parse_bytes_unvalidated(bytes, name)?, name)
}

/// Parses gazette bytes without the semantic checks.
fn parse_bytes_unvalidated(bytes: &[u8], name: &str) -> Result<Gazette, LoadError> {
    // simdutf8 checks a big file about ten times faster than std; on failure std finds the
    // offset of the bad byte for the message.
    let text = simdutf8::basic::from_utf8(bytes)
        .or_else(|_| std::str::from_utf8(bytes))
        .map_err(|err| LoadError::NotUtf8 {
            path: name.to_owned(),
            offset: err.valid_up_to(),
        })?;
    parse_unvalidated(text, name)
}

/// Parses and validates gazette text; `name` labels the source in messages.
pub fn parse_str(text: &str, name: &str) -> Result<Gazette, LoadError> {
    validated(parse_unvalidated(text, name)?, name)
}

/// The gazette if it passes the semantic checks, or every problem they found.
fn validated(gazette: Gazette, name: &str) -> Result<Gazette, LoadError> {
    let problems = validate(&gazette);
    if problems.is_empty() {
        Ok(gazette)
    } else {
        Err(LoadError::Invalid {
            path: name.to_owned(),
            problems,
        })
    }
}

/// Parses gazette text without the semantic checks (syntax, types and format version only).
pub fn parse_unvalidated(text: &str, name: &str) -> Result<Gazette, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    let text = with_line_feeds(text);
    let gazette: Gazette = ron_options()
        .from_str(&text)
        .map_err(|err| LoadError::Syntax {
            path: name.to_owned(),
            line: err.span.start.line,
            column: err.span.start.col,
            message: describe_ron_error(&err.code),
        })?;
    check_format(gazette, name)
}

/// `text` with old Mac line endings (CR only, no LF anywhere) turned into LF, so such a file
/// reads like any other and its messages give real line numbers; any other text as it is.
fn with_line_feeds(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') && !text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The gazette if this program reads its format version.
fn check_format(gazette: Gazette, name: &str) -> Result<Gazette, LoadError> {
    if gazette.format != FORMAT_VERSION {
        return Err(LoadError::Invalid {
            path: name.to_owned(),
            problems: Problems::one(Problem::new(
                "format",
                format!(
                    "the file has format {}, this program reads format {FORMAT_VERSION}; \
                     use a matching version of the program",
                    gazette.format
                ),
            )),
        });
    }
    Ok(gazette)
}

/// How `ron` reads a gazette file: nesting bounded, so a hostile file cannot overflow the stack.
fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => format!(
            "the data is nested more than {MAX_NESTING} levels deep; a gazette file never is, \
             so the file is damaged or not a gazette file"
        ),
        ron::Error::Eof => {
            "the file ends too early; it may have been cut off while copying".to_owned()
        }
        other => other.to_string(),
    }
}

/// Bytes read per step, so a progress bar can follow a big file.
const CHUNK: u64 = 4 << 20;

/// Turns what the operating system said about reading `path` into a [`LoadError`].
fn io_error_of(path: &Path) -> impl Fn(std::io::Error) -> LoadError + Copy + '_ {
    move |err| LoadError::Io {
        path: path.to_owned(),
        message: err.to_string(),
    }
}

/// The size of the file at `path`, or why it cannot be a gazette file (missing, a folder, or
/// over the size limit).
fn checked_size(path: &Path) -> Result<u64, LoadError> {
    let metadata = std::fs::metadata(path).map_err(io_error_of(path))?;
    if metadata.is_dir() {
        return Err(LoadError::Io {
            path: path.to_owned(),
            message: "it is a folder, not a file".to_owned(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes: metadata.len(),
        });
    }
    Ok(metadata.len())
}

/// Reads the whole file with the loader's size limit, adding each chunk's length to `read`.
pub fn read_counted(path: &Path, read: &AtomicU64) -> Result<Vec<u8>, LoadError> {
    let io_error = io_error_of(path);
    let size = checked_size(path)?;
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(io_error)?;
    // One byte past the limit, so a file that grew after the size check is still caught.
    let mut limited = file.take(MAX_FILE_BYTES + 1);
    let capacity = usize::try_from(size).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    loop {
        // Straight into the buffer's spare capacity: no second copy of a big file.
        let n = (&mut limited)
            .take(CHUNK)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        if n == 0 {
            break;
        }
        read.fetch_add(n as u64, Ordering::Relaxed);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `name` in a folder `folder` of the system's temporary folder, unique to
/// this process, for tests that load real files.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn temp_file_in(folder: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{folder}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}
