//! [`ExportError`]: every way an export can fail, each with a message that says what to do.

use crate::files::WriteError;
use std::fmt;

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
    /// More rows than an Excel sheet holds were asked for a workbook.
    TooManyRows {
        /// The rows asked for.
        rows: usize,
        /// The most a sheet takes below its title and header.
        max: usize,
    },
    /// The workbook could not be built (its temporary file, a limit of the format).
    Workbook(String),
    /// The output could not be written, or was refused (the input file, a folder …).
    Write(WriteError),
    /// Writing into the sink failed; [`super::write_output_with`] turns it into
    /// [`ExportError::Write`] with the path, so callers see this only from a sink of their own.
    Io(std::io::Error),
    /// Something in this program went wrong (a worker thread stopped): not the user's doing.
    Internal(String),
}

impl From<std::io::Error> for ExportError {
    fn from(error: std::io::Error) -> Self {
        ExportError::Io(error)
    }
}

impl From<WriteError> for ExportError {
    fn from(error: WriteError) -> Self {
        ExportError::Write(error)
    }
}

impl ExportError {
    /// Whether the system failed (a write the OS refused, a full disk, an internal fault)
    /// rather than the request being wrong; the command line's exit status follows this.
    pub fn is_system_failure(&self) -> bool {
        match self {
            ExportError::Write(error) => !error.is_refusal(),
            ExportError::Io(_) | ExportError::Internal(_) | ExportError::Workbook(_) => true,
            _ => false,
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
            ExportError::TooManyRows { rows, max } => write!(
                f,
                "{} rows do not fit in an Excel sheet, which holds {} rows below its title and \
                 header ({} in all); filter or select fewer rows, or export them as CSV",
                grouped(*rows),
                grouped(*max),
                grouped(super::xlsx::SHEET_MAX_ROWS),
            ),
            ExportError::Workbook(message) => write!(f, "cannot build the workbook: {message}"),
            ExportError::Write(error) => error.fmt(f),
            ExportError::Io(error) => write!(f, "cannot write the file: {error}"),
            ExportError::Internal(message) => write!(
                f,
                "internal error: {message}; please report it (nothing was written)"
            ),
        }
    }
}

/// 1048574 written 1,048,574, as a clerk reads a large count.
fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Write(error) => Some(error),
            ExportError::Io(error) => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_errors_name_the_path_and_say_what_to_do() {
        let error = ExportError::Write(WriteError::io(
            std::path::Path::new("/nope/住宅.csv"),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
        let text = error.to_string();
        assert!(text.contains("/nope/住宅.csv"), "{text}");
        assert!(text.contains("choose an existing folder"), "{text}");
        assert!(error.is_system_failure());
    }

    #[test]
    fn too_many_rows_for_a_sheet_says_the_limit_and_what_to_do() {
        let error = ExportError::TooManyRows {
            rows: 2_000_000,
            max: 1_048_574,
        };
        let text = error.to_string();
        assert!(text.starts_with("2,000,000 rows do not fit"), "{text}");
        assert!(text.contains("holds 1,048,574 rows"), "{text}");
        assert!(text.contains("(1,048,576 in all)"), "{text}");
        assert!(text.contains("or export them as CSV"), "{text}");
        assert!(!error.is_system_failure(), "the request, not the system");
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
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
        assert!(!error.is_system_failure());
    }
}
