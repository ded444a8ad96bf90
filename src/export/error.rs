//! [`ExportError`]: every way an export can fail, each with a message that says what to do.

use std::fmt;
use std::path::PathBuf;

/// Exit code for a request that cannot be carried out as asked (names, numbers, encoding).
pub const EXIT_BAD_REQUEST: i32 = 2;
/// Exit code for output that cannot be written.
pub const EXIT_WRITE_FAILED: i32 = 1;

/// Why an export failed. Nothing is written when any of these occurs.
#[derive(Debug)]
pub enum ExportError {
    /// No table has this id.
    UnknownTable {
        /// The id asked for.
        name: String,
        /// The ids there are.
        known: Vec<String>,
    },
    /// The table has no column with this title.
    UnknownColumn {
        /// The title asked for.
        name: String,
        /// The table's column titles.
        known: Vec<String>,
    },
    /// A numeric bound was asked of a column that holds no numbers.
    NotNumeric {
        /// The column asked for.
        name: String,
        /// The table's numeric column titles.
        numeric: Vec<String>,
    },
    /// An option's value cannot be understood (a bad number, row list or `COLUMN=VALUE`).
    BadArgument(String),
    /// A cell holds a character the chosen encoding cannot represent.
    Unencodable {
        /// 1-based position of the row among the exported rows; 0 for the header.
        row: usize,
        /// The column's printed header.
        column: String,
        /// The character.
        character: char,
        /// The encoding's name.
        encoding: &'static str,
    },
    /// The file could not be written; `advice` says what to do.
    Write {
        /// The file that was to be written.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

impl ExportError {
    /// The process exit code for this error on the command line.
    pub fn exit_code(&self) -> i32 {
        match self {
            ExportError::Write { .. } => EXIT_WRITE_FAILED,
            _ => EXIT_BAD_REQUEST,
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::UnknownTable { name, known } => {
                write!(
                    f,
                    "no table \"{name}\"; the tables are: {}",
                    known.join(", ")
                )
            }
            ExportError::UnknownColumn { name, known } => write!(
                f,
                "no column \"{name}\"; the columns are: {}",
                known.join(", ")
            ),
            ExportError::NotNumeric { name, numeric } => write!(
                f,
                "column \"{name}\" holds no numbers; numeric columns are: {}",
                numeric.join(", ")
            ),
            ExportError::BadArgument(message) => f.write_str(message),
            ExportError::Unencodable {
                row,
                column,
                character,
                encoding,
            } => write!(
                f,
                "{}, column {column}: the character '{character}' (U+{:04X}) has no {encoding} \
                 code; export as UTF-8 (with BOM) instead",
                if *row == 0 {
                    "header".to_owned()
                } else {
                    format!("row {row}")
                },
                u32::from(*character),
            ),
            ExportError::Write { path, source } => write!(
                f,
                "cannot write {}: {}",
                path.display(),
                write_advice(source)
            ),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The operating system's reason in words a clerk can act on.
fn write_advice(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let advice = match error.kind() {
        NotFound => "the folder does not exist; choose an existing folder",
        PermissionDenied => "no permission to write there; choose another folder (e.g. Documents)",
        IsADirectory => "that is a folder; give a file name",
        StorageFull => "the disk is full; free some space or choose another drive",
        ReadOnlyFilesystem => "the drive is read-only; choose another drive",
        _ => return format!("{error}; check the path and try again"),
    };
    format!("{advice} ({error})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_errors_name_the_path_and_say_what_to_do() {
        let error = ExportError::Write {
            path: PathBuf::from("/nope/住宅.csv"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        let text = error.to_string();
        assert!(text.contains("/nope/住宅.csv"), "{text}");
        assert!(text.contains("choose an existing folder"), "{text}");
        assert_eq!(error.exit_code(), EXIT_WRITE_FAILED);
    }

    #[test]
    fn unencodable_names_row_column_and_character() {
        let error = ExportError::Unencodable {
            row: 3,
            column: "标准宗地名称".into(),
            character: '𠀀',
            encoding: "GBK",
        };
        let text = error.to_string();
        assert!(text.contains("row 3, column 标准宗地名称"), "{text}");
        assert!(text.contains("U+20000"), "{text}");
        assert_eq!(error.exit_code(), EXIT_BAD_REQUEST);
    }
}
