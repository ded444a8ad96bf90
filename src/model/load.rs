//! Reading a gazette data file: bytes → [`Gazette`], with errors a clerk can act on.
//!
//! Syntax and type errors name the file, line and column and what was expected; semantic
//! problems (see [`super::validate`]) are all listed at once. Nothing here panics on bad input:
//! the size is bounded before reading, nesting depth is bounded while parsing, and invalid
//! UTF-8 is reported with its byte offset.

use super::validate::{Problem, validate};
use super::{FORMAT_VERSION, Gazette};
use std::fmt;
use std::path::{Path, PathBuf};

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
        /// Every problem found.
        problems: Vec<Problem>,
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
                "{}: the file is {} MB, larger than the {} MB limit for a gazette file; \
                 it is probably not a gazette data file.",
                path.display(),
                bytes / (1024 * 1024),
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
            } => write!(f, "{path}:{line}:{column}: {message}"),
            LoadError::Invalid { path, problems } => {
                write!(f, "{path}: {} problem(s) found:", problems.len())?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
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
    let bytes = read_counted(path, &std::sync::atomic::AtomicU64::new(0))?;
    parse_bytes(&bytes, &path.display().to_string())
}

/// Parses and validates gazette bytes; `name` labels the source in messages.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Result<Gazette, LoadError> {
    // simdutf8 checks a big file about ten times faster than std; on failure std finds the
    // offset of the bad byte for the message.
    let text = simdutf8::basic::from_utf8(bytes)
        .or_else(|_| std::str::from_utf8(bytes))
        .map_err(|err| LoadError::NotUtf8 {
            path: name.to_owned(),
            offset: err.valid_up_to(),
        })?;
    parse_str(text, name)
}

/// Parses and validates gazette text; `name` labels the source in messages.
pub fn parse_str(text: &str, name: &str) -> Result<Gazette, LoadError> {
    let gazette = parse_unvalidated(text, name)?;
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
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let parsed = super::fast_rows::parse(text, &options).unwrap_or_else(|| options.from_str(text));
    let gazette: Gazette = parsed.map_err(|err| LoadError::Syntax {
        path: name.to_owned(),
        line: err.span.start.line,
        column: err.span.start.col,
        message: describe_ron_error(&err.code),
    })?;
    if gazette.format != FORMAT_VERSION {
        return Err(LoadError::Invalid {
            path: name.to_owned(),
            problems: vec![Problem::new(
                "format",
                format!(
                    "the file has format {}, this program reads format {FORMAT_VERSION}; \
                     use a matching version of the program",
                    gazette.format
                ),
            )],
        });
    }
    Ok(gazette)
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

/// Reads the whole file with the loader's size limit, adding each chunk's length to `read`.
pub fn read_counted(
    path: &Path,
    read: &std::sync::atomic::AtomicU64,
) -> Result<Vec<u8>, LoadError> {
    let io_error = |err: std::io::Error| LoadError::Io {
        path: path.to_owned(),
        message: err.to_string(),
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
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
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(io_error)?;
    // One byte past the limit, so a file that grew after the size check is still caught.
    let mut limited = file.take(MAX_FILE_BYTES + 1);
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
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
        read.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}
