//! Semantic checks of a parsed gazette: every problem at once, never just the first.
//!
//! A file that breaks these rules would show wrong or dangling content (a price that does not
//! follow from its own row, a link to a missing document), so it is refused as a whole with the
//! full list, and the clerk keeps what was open.

use super::{Block, Category, Cell, ColumnKind, Gazette, Table, TableOrigin};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// One semantic problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a document or table id, row and column as a clerk would name them.
    pub place: String,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at `place`.
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            place: place.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Every semantic problem of `gazette`; empty when the file is valid.
pub fn validate(gazette: &Gazette) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_unique_ids(gazette, &mut problems);
    check_contents(gazette, &mut problems);
    check_document_links(gazette, &mut problems);
    check_table_references(gazette, &mut problems);
    for table in &gazette.tables {
        check_table(table, &mut problems);
    }
    check_stated_counts(gazette, &mut problems);
    problems
}

fn check_unique_ids(gazette: &Gazette, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for document in &gazette.documents {
        if document.id.trim().is_empty() {
            problems.push(Problem::new("documents", "a document has an empty id"));
        } else if !seen.insert(document.id.as_str()) {
            problems.push(Problem::new(
                format!("document {}", document.id),
                "the id is used by more than one document; ids must be unique",
            ));
        }
    }
    let mut seen = HashSet::new();
    for table in &gazette.tables {
        if table.id.trim().is_empty() {
            problems.push(Problem::new("tables", "a table has an empty id"));
        } else if !seen.insert(table.id.as_str()) {
            problems.push(Problem::new(
                format!("table {}", table.id),
                "the id is used by more than one table; ids must be unique",
            ));
        }
    }
    let mut seen = HashSet::new();
    for document in &gazette.documents {
        for block in document.all_blocks() {
            if let Block::Paragraph { id: Some(id), .. } = block
                && !seen.insert(id.as_str())
            {
                problems.push(Problem::new(
                    format!("document {}", document.id),
                    format!("paragraph id \"{id}\" is used more than once; ids must be unique"),
                ));
            }
        }
    }
}

fn check_contents(gazette: &Gazette, problems: &mut Vec<Problem>) {
    for (index, entry) in gazette.contents.iter().enumerate() {
        if gazette.document(&entry.document).is_none() {
            problems.push(Problem::new(
                format!("contents entry {} ({})", index + 1, entry.title),
                format!(
                    "points to document \"{}\", which does not exist",
                    entry.document
                ),
            ));
        }
    }
}

fn check_document_links(gazette: &Gazette, problems: &mut Vec<Problem>) {
    for document in &gazette.documents {
        let place = format!("document {}", document.id);
        if let Some(target) = &document.interpretation {
            match gazette.document(target) {
                None => problems.push(Problem::new(
                    &place,
                    format!("its interpretation \"{target}\" does not exist"),
                )),
                Some(other) if other.interprets.as_deref() != Some(document.id.as_str()) => {
                    problems.push(Problem::new(
                        &place,
                        format!(
                            "names \"{target}\" as its interpretation, but \"{target}\" does not \
                             name it back in `interprets`"
                        ),
                    ))
                }
                Some(other) if other.category != Category::Interpretation => {
                    problems.push(Problem::new(
                        &place,
                        format!("its interpretation \"{target}\" is not in the 政策解读 category"),
                    ))
                }
                Some(_) => {}
            }
        }
        if let Some(target) = &document.interprets {
            match gazette.document(target) {
                None => problems.push(Problem::new(
                    &place,
                    format!("interprets \"{target}\", which does not exist"),
                )),
                Some(other) if other.interpretation.as_deref() != Some(document.id.as_str()) => {
                    problems.push(Problem::new(
                        &place,
                        format!(
                            "interprets \"{target}\", but \"{target}\" does not name it back in \
                             `interpretation`"
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
    }
}

fn check_table_references(gazette: &Gazette, problems: &mut Vec<Problem>) {
    let paragraph_ids: BTreeMap<&str, &str> = gazette
        .documents
        .iter()
        .flat_map(|document| {
            document
                .all_blocks()
                .into_iter()
                .filter_map(|block| match block {
                    Block::Paragraph { id: Some(id), .. } => {
                        Some((id.as_str(), document.id.as_str()))
                    }
                    _ => None,
                })
        })
        .collect();
    for document in &gazette.documents {
        for block in document.all_blocks() {
            if let Block::Table { table } = block
                && gazette.table(table).is_none()
            {
                problems.push(Problem::new(
                    format!("document {}", document.id),
                    format!("shows table \"{table}\", which does not exist"),
                ));
            }
        }
    }
    for table in &gazette.tables {
        let place = format!("table {}", table.id);
        if gazette.document(&table.document).is_none() {
            problems.push(Problem::new(
                &place,
                format!(
                    "belongs to document \"{}\", which does not exist",
                    table.document
                ),
            ));
        }
        if let TableOrigin::Derived { paragraphs } = &table.origin {
            if paragraphs.is_empty() {
                problems.push(Problem::new(
                    &place,
                    "is drawn from prose but names no source paragraph",
                ));
            }
            for id in paragraphs {
                if !paragraph_ids.contains_key(id.as_str()) {
                    problems.push(Problem::new(
                        &place,
                        format!("is drawn from paragraph \"{id}\", which does not exist"),
                    ));
                }
            }
        }
    }
}

/// Columns, then every row in one pass (a million rows are read from memory once, not twice).
fn check_table(table: &Table, problems: &mut Vec<Problem>) {
    let place = format!("table {}", table.id);
    if table.columns.is_empty() {
        problems.push(Problem::new(&place, "has no columns"));
    }
    let mut titles = HashSet::new();
    for column in &table.columns {
        if !titles.insert(column.title.as_str()) {
            problems.push(Problem::new(
                &place,
                format!(
                    "column title \"{}\" appears twice; titles must be unique",
                    column.title
                ),
            ));
        }
    }
    let floor_columns = floor_price_columns(table);
    let found: Vec<Vec<Problem>> = table
        .rows
        .par_chunks(PARALLEL_CHUNK_MIN_ROWS)
        .enumerate()
        .map(|(run, rows)| check_rows(table, run * PARALLEL_CHUNK_MIN_ROWS, rows, floor_columns))
        .collect();
    problems.extend(found.into_iter().flatten());
}

/// Rows each thread of the pool checks at a time.
const PARALLEL_CHUNK_MIN_ROWS: usize = 50_000;

/// Cell count, value and floor-price checks of `rows`, the first of which is row `first` of
/// the table; `floor_columns` are the land-price columns, when the table has them.
fn check_rows(
    table: &Table,
    first: usize,
    rows: &[Vec<Cell>],
    floor_columns: Option<(usize, usize, usize)>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let row_place = |index: usize| format!("table {} row {}", table.id, first + index + 1);
    for (index, row) in rows.iter().enumerate() {
        if row.len() != table.columns.len() {
            problems.push(Problem::new(
                row_place(index),
                format!(
                    "has {} cells but the table has {} columns",
                    row.len(),
                    table.columns.len()
                ),
            ));
            continue;
        }
        for (cell, column) in row.iter().zip(&table.columns) {
            if let Cell::Value(text) = cell
                && !value_fits(column.kind, text)
            {
                problems.push(Problem::new(
                    format!("{}, column {}", row_place(index), column.title),
                    format!("\"{text}\" is not {}", kind_description(column.kind)),
                ));
            }
        }
        if let Some(columns) = floor_columns {
            check_floor_price(table, first + index, row, columns, &mut problems);
        }
    }
    problems
}

/// Whether `text` is a valid value for a column of `kind`.
pub fn value_fits(kind: ColumnKind, text: &str) -> bool {
    match kind {
        ColumnKind::Integer => parse_integer(text).is_some(),
        ColumnKind::Decimal => parse_decimal(text).is_some(),
        // Codes are nearly always plain ASCII letters and digits: settled without decoding.
        ColumnKind::Code if text.bytes().all(|b| b.is_ascii_alphanumeric()) => !text.is_empty(),
        ColumnKind::Code => !text.trim().is_empty() && !text.contains(char::is_whitespace),
        ColumnKind::Text | ColumnKind::Category => true,
    }
}

fn kind_description(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Integer => "a whole number",
        ColumnKind::Decimal => "a decimal number",
        ColumnKind::Code => "a code (no spaces)",
        ColumnKind::Text | ColumnKind::Category => "text",
    }
}

/// A whole number written with ASCII digits and an optional leading minus sign.
pub fn parse_integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A decimal number as printed, exactly: `(mantissa, scale)` with value mantissa / 10^scale.
/// Exact arithmetic keeps "2.1" from becoming 2.0999… when prices are checked.
pub fn parse_decimal(text: &str) -> Option<(i128, u32)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = match unsigned.bytes().position(|b| b == b'.') {
        Some(dot) => (&unsigned[..dot], &unsigned[dot + 1..]),
        None => (unsigned, ""),
    };
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    if unsigned.ends_with('.') || whole.len() + fraction.len() > 30 {
        return None;
    }
    // At most 30 digits: the mantissa fits an i128 without overflow checks.
    let mantissa = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0i128, |value, digit| value * 10 + i128::from(digit - b'0'));
    let scale = u32::try_from(fraction.len()).ok()?;
    Some((if negative { -mantissa } else { mantissa }, scale))
}

/// 楼面单价 (floor price) that follows from a land price and a plot ratio: the land price
/// divided by the ratio, rounded half away from zero, computed exactly.
pub fn expected_floor_price(land_price: i64, plot_ratio: (i128, u32)) -> Option<i64> {
    let (mantissa, scale) = plot_ratio;
    if mantissa <= 0 {
        return None;
    }
    let numerator = i128::from(land_price).checked_mul(10i128.checked_pow(scale)?)?;
    // round(n / m) for n ≥ 0 is floor((2n + m) / 2m).
    let rounded = (2 * numerator + mantissa) / (2 * mantissa);
    i64::try_from(rounded).ok()
}

/// Titles of the three land-price columns tied by 楼面单价 = 地面单价 ÷ 设定容积率.
pub const LAND_PRICE_COLUMN: &str = super::land_price::LAND_PRICE;
/// See [`LAND_PRICE_COLUMN`].
pub const PLOT_RATIO_COLUMN: &str = super::land_price::PLOT_RATIO;
/// See [`LAND_PRICE_COLUMN`].
pub const FLOOR_PRICE_COLUMN: &str = super::land_price::FLOOR_PRICE;

/// The 地面单价, 设定容积率 and 楼面单价 columns, when the table has all three.
fn floor_price_columns(table: &Table) -> Option<(usize, usize, usize)> {
    Some((
        table.column_index(LAND_PRICE_COLUMN)?,
        table.column_index(PLOT_RATIO_COLUMN)?,
        table.column_index(FLOOR_PRICE_COLUMN)?,
    ))
}

/// 楼面单价 of one row against its 地面单价 and 设定容积率 (column indices in `columns`).
fn check_floor_price(
    table: &Table,
    row_index: usize,
    row: &[Cell],
    columns: (usize, usize, usize),
    problems: &mut Vec<Problem>,
) {
    let (land, ratio, floor) = columns;
    let cell = |index: usize| row.get(index).and_then(Cell::value);
    let (Some(land_text), Some(ratio_text), Some(floor_text)) =
        (cell(land), cell(ratio), cell(floor))
    else {
        return;
    };
    let (Some(land_price), Some(plot_ratio), Some(floor_price)) = (
        parse_integer(land_text),
        parse_decimal(ratio_text),
        parse_integer(floor_text),
    ) else {
        return; // unparsable cells are already reported by the shape check
    };
    match expected_floor_price(land_price, plot_ratio) {
        Some(expected) if expected == floor_price => {}
        Some(expected) => problems.push(Problem::new(
            format!(
                "table {} row {}, column {FLOOR_PRICE_COLUMN}",
                table.id,
                row_index + 1
            ),
            format!(
                "is {floor_price}, but {LAND_PRICE_COLUMN} {land_price} ÷ \
                 {PLOT_RATIO_COLUMN} {ratio_text} rounds to {expected}"
            ),
        )),
        None => problems.push(Problem::new(
            format!(
                "table {} row {}, column {PLOT_RATIO_COLUMN}",
                table.id,
                row_index + 1
            ),
            format!("plot ratio {ratio_text} must be greater than zero"),
        )),
    }
}

fn check_stated_counts(gazette: &Gazette, problems: &mut Vec<Problem>) {
    for comparison in super::crosscheck::stated_count_comparisons(gazette) {
        if comparison.stated != comparison.counted {
            problems.push(Problem::new(
                format!("table {}", comparison.table),
                format!(
                    "has {} {} regions, but the interpretation \"{}\" states {}",
                    comparison.counted,
                    comparison.label,
                    comparison.interpretation,
                    comparison.stated
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_price_rounds_half_up_exactly() {
        // Printed rows of 附件1: 4415 ÷ 2 = 2207.5 prints as 2208; 3785 ÷ 2.1 = 1802.38 → 1802.
        assert_eq!(
            expected_floor_price(4415, parse_decimal("2").unwrap()),
            Some(2208)
        );
        assert_eq!(
            expected_floor_price(3785, parse_decimal("2.1").unwrap()),
            Some(1802)
        );
        assert_eq!(
            expected_floor_price(4260, parse_decimal("2.4").unwrap()),
            Some(1775)
        );
        assert_eq!(expected_floor_price(100, parse_decimal("0").unwrap()), None);
    }

    #[test]
    fn decimals_parse_only_plain_printed_numbers() {
        assert_eq!(parse_decimal("57053.2"), Some((570532, 1)));
        assert_eq!(parse_decimal("2"), Some((2, 0)));
        assert_eq!(parse_decimal("1.99"), Some((199, 2)));
        for bad in ["", ".5", "5.", "1e3", "1,000", " 2", "二", "--", "1.2.3"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?} must not parse");
        }
    }

    #[test]
    fn integers_reject_decimals_and_words() {
        assert_eq!(parse_integer("4520"), Some(4520));
        assert_eq!(parse_integer("-3"), Some(-3));
        for bad in ["", "4520.0", "四千", "+5", "--", "99999999999999999999"] {
            assert_eq!(parse_integer(bad), None, "{bad:?} must not parse");
        }
    }
}
