//! Semantic checks of a parsed gazette: every problem at once, never just the first.
//!
//! A file that breaks these rules would show wrong or dangling content (a price that does not
//! follow from its own row, a link to a missing document), so it is refused as a whole with the
//! full list, and the clerk keeps what was open.

use super::{Block, Category, Cell, ColumnKind, Gazette, Table, TableOrigin};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// Problems listed in full; past this, problems are only counted by kind, so a hostile file
/// of ten million bad rows costs a count, not gigabytes of messages.
pub const PROBLEM_LIMIT: usize = 1000;

/// Every problem of a file: the first [`PROBLEM_LIMIT`] in full, the rest counted by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems {
    listed: Vec<(&'static str, Problem)>,
    unlisted: BTreeMap<&'static str, usize>,
}

impl Problems {
    /// A list holding only `problem`.
    pub fn one(problem: Problem) -> Problems {
        let mut problems = Problems::default();
        problems.push(OTHER, || problem);
        problems
    }

    /// Adds a problem of `kind` (a plural noun phrase such as "rows with the wrong number of
    /// cells"); `problem` is only built while the list has room.
    pub fn push(&mut self, kind: &'static str, problem: impl FnOnce() -> Problem) {
        if self.listed.len() < PROBLEM_LIMIT {
            self.listed.push((kind, problem()));
        } else {
            *self.unlisted.entry(kind).or_default() += 1;
        }
    }

    /// Appends `other`'s problems after these, keeping the limit.
    fn append(&mut self, other: Problems) {
        for (kind, problem) in other.listed {
            self.push(kind, || problem);
        }
        for (kind, count) in other.unlisted {
            *self.unlisted.entry(kind).or_default() += count;
        }
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// How many problems were found, listed or not.
    pub fn len(&self) -> usize {
        self.listed.len() + self.unlisted.values().sum::<usize>()
    }

    /// The problems listed in full, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.listed.iter().map(|(_, problem)| problem)
    }

    /// The problems beyond the limit: how many of each kind.
    pub fn unlisted(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.unlisted.iter().map(|(kind, count)| (*kind, *count))
    }
}

/// The kind of problems counted without a kind of their own.
const OTHER: &str = "other problems";
const WRONG_CELL_COUNT: &str = "rows with the wrong number of cells";
const BAD_VALUE: &str = "cells whose value does not fit their column";
const WRONG_FLOOR_PRICE: &str = "floor prices that do not follow from their row";
const MISSING_FLOOR_PRICE: &str = "rows without a floor price";

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

/// Every semantic problem of `gazette` (the first [`PROBLEM_LIMIT`] in full); empty when the
/// file is valid.
pub fn validate(gazette: &Gazette) -> Problems {
    let mut list = Vec::new();
    check_unique_ids(gazette, &mut list);
    check_contents(gazette, &mut list);
    check_document_links(gazette, &mut list);
    check_table_references(gazette, &mut list);
    check_blocks(gazette, &mut list);
    let mut problems = Problems::default();
    for problem in list {
        problems.push(OTHER, || problem);
    }
    for table in &gazette.tables {
        check_table(table, &mut problems);
    }
    let mut list = Vec::new();
    check_stated_counts(gazette, &mut list);
    for problem in list {
        problems.push(OTHER, || problem);
    }
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
fn check_table(table: &Table, problems: &mut Problems) {
    let place = format!("table {}", table.id);
    if table.columns.is_empty() {
        problems.push(OTHER, || Problem::new(&place, "has no columns"));
    }
    let mut titles = HashSet::new();
    for column in &table.columns {
        if !titles.insert(column.title.as_str()) {
            problems.push(OTHER, || {
                Problem::new(
                    &place,
                    format!(
                        "column title \"{}\" appears twice; titles must be unique",
                        column.title
                    ),
                )
            });
        }
    }
    let floor_columns = floor_price_columns(table);
    let found: Vec<Problems> = table
        .rows
        .par_chunks(PARALLEL_CHUNK_MIN_ROWS)
        .enumerate()
        .map(|(run, rows)| {
            check_rows(
                table,
                run * PARALLEL_CHUNK_MIN_ROWS,
                rows,
                floor_columns.as_ref(),
            )
        })
        .collect();
    for chunk in found {
        problems.append(chunk);
    }
}

/// Rows each thread of the pool checks at a time.
const PARALLEL_CHUNK_MIN_ROWS: usize = 50_000;

/// Cell count, value and floor-price checks of `rows`, the first of which is row `first` of
/// the table; `floor_columns` are the land-price columns, when the table has them.
fn check_rows(
    table: &Table,
    first: usize,
    rows: &[Vec<Cell>],
    floor_columns: Option<&FloorColumns>,
) -> Problems {
    let mut problems = Problems::default();
    let row_place = |index: usize| format!("table {} row {}", table.id, first + index + 1);
    for (index, row) in rows.iter().enumerate() {
        if row.len() != table.columns.len() {
            problems.push(WRONG_CELL_COUNT, || {
                Problem::new(
                    row_place(index),
                    format!(
                        "has {} cells but the table has {} columns",
                        row.len(),
                        table.columns.len()
                    ),
                )
            });
            continue;
        }
        for (cell, column) in row.iter().zip(&table.columns) {
            if let Cell::Value(text) = cell
                && let Some(wrong) = value_problem(column, text)
            {
                problems.push(BAD_VALUE, || {
                    Problem::new(
                        format!("{}, column {}", row_place(index), column.title),
                        wrong,
                    )
                });
            }
        }
        if let Some(columns) = floor_columns {
            check_floor_price(table, first + index, row, columns, &mut problems);
        }
    }
    problems
}

/// What is wrong with `text` in `column`, if anything.
fn value_problem(column: &super::Column, text: &str) -> Option<String> {
    if !value_fits(column.kind, text) {
        return Some(format!(
            "\"{text}\" is not {}",
            kind_description(column.kind)
        ));
    }
    let amount = column.kind.is_numeric() && column.unit.as_deref().is_some_and(|u| u != "%");
    if amount && text.starts_with('-') {
        let unit = column.unit.as_deref().unwrap_or_default();
        return Some(format!(
            "\"{text}\" is negative; {} in {unit} cannot be below zero",
            column.title
        ));
    }
    None
}

/// Whether `text` is a valid value for a column of `kind`.
pub fn value_fits(kind: ColumnKind, text: &str) -> bool {
    match kind {
        ColumnKind::Integer => parse_integer(text).is_some(),
        ColumnKind::Decimal => parse_decimal(text).is_some(),
        // Codes are nearly always plain ASCII letters and digits: settled without decoding.
        ColumnKind::Code if text.bytes().all(|b| b.is_ascii_alphanumeric()) => !text.is_empty(),
        ColumnKind::Code => !text.is_empty() && !text.contains(is_invisible),
        ColumnKind::Text | ColumnKind::Category => true,
    }
}

fn kind_description(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Integer => "a whole number",
        ColumnKind::Decimal => "a decimal number",
        ColumnKind::Code => "a code (no spaces or invisible characters)",
        ColumnKind::Text | ColumnKind::Category => "text",
    }
}

/// Whether `c` shows nothing where it stands: spaces, control characters and the format
/// characters (zero-width space, joiners, direction marks, the byte-order mark …) that make
/// two codes look the same while they differ.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
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
    // round(n / m) for n ≥ 0 is floor((2n + m) / 2m); every step checked, so extreme values
    // give `None` rather than a wrapped number.
    let rounded = numerator
        .checked_mul(2)?
        .checked_add(mantissa)?
        .checked_div(mantissa.checked_mul(2)?)?;
    i64::try_from(rounded).ok()
}

/// Titles of the three land-price columns tied by 楼面单价 = 地面单价 ÷ 设定容积率.
pub const LAND_PRICE_COLUMN: &str = super::land_price::LAND_PRICE;
/// See [`LAND_PRICE_COLUMN`].
pub const PLOT_RATIO_COLUMN: &str = super::land_price::PLOT_RATIO;
/// See [`LAND_PRICE_COLUMN`].
pub const FLOOR_PRICE_COLUMN: &str = super::land_price::FLOOR_PRICE;
/// The land use (用途) of a row of the land-price table.
pub const LAND_USE_COLUMN: &str = "用途";
/// Land uses priced per floor area as well: their 楼面单价 cannot be "--" or empty (only
/// 工业用地 is priced by land area alone).
pub const USES_WITH_FLOOR_PRICE: [&str; 2] = ["商服用地", "住宅用地"];

/// The columns of the floor-price check, by index.
struct FloorColumns {
    land: usize,
    ratio: usize,
    floor: usize,
    land_use: Option<usize>,
}

/// The 地面单价, 设定容积率 and 楼面单价 columns (and 用途), when the table has the three.
fn floor_price_columns(table: &Table) -> Option<FloorColumns> {
    Some(FloorColumns {
        land: table.column_index(LAND_PRICE_COLUMN)?,
        ratio: table.column_index(PLOT_RATIO_COLUMN)?,
        floor: table.column_index(FLOOR_PRICE_COLUMN)?,
        land_use: table.column_index(LAND_USE_COLUMN),
    })
}

/// 楼面单价 of one row against its 地面单价 and 设定容积率, and present where the use needs it.
fn check_floor_price(
    table: &Table,
    row_index: usize,
    row: &[Cell],
    columns: &FloorColumns,
    problems: &mut Problems,
) {
    let place = |column: &str| format!("table {} row {}, column {column}", table.id, row_index + 1);
    let cell = |index: usize| row.get(index).and_then(Cell::value);
    let land_use = columns.land_use.and_then(cell);
    if let Some(land_use) = land_use.filter(|u| USES_WITH_FLOOR_PRICE.contains(u))
        && cell(columns.floor).is_none()
    {
        problems.push(MISSING_FLOOR_PRICE, || {
            Problem::new(
                place(FLOOR_PRICE_COLUMN),
                format!(
                    "is \"{}\", but a {land_use} row has a floor price: {LAND_PRICE_COLUMN} ÷ \
                     {PLOT_RATIO_COLUMN}",
                    row[columns.floor].as_printed()
                ),
            )
        });
        return;
    }
    let (Some(land_text), Some(ratio_text), Some(floor_text)) =
        (cell(columns.land), cell(columns.ratio), cell(columns.floor))
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
        Some(expected) => problems.push(WRONG_FLOOR_PRICE, || {
            Problem::new(
                place(FLOOR_PRICE_COLUMN),
                format!(
                    "is {floor_price}, but {LAND_PRICE_COLUMN} {land_price} ÷ \
                     {PLOT_RATIO_COLUMN} {ratio_text} rounds to {expected}"
                ),
            )
        }),
        None if plot_ratio.0 <= 0 => problems.push(WRONG_FLOOR_PRICE, || {
            Problem::new(
                place(PLOT_RATIO_COLUMN),
                format!("plot ratio {ratio_text} must be greater than zero"),
            )
        }),
        None => problems.push(WRONG_FLOOR_PRICE, || {
            Problem::new(
                place(FLOOR_PRICE_COLUMN),
                format!(
                    "{LAND_PRICE_COLUMN} {land_price} ÷ {PLOT_RATIO_COLUMN} {ratio_text} is \
                     too large to be a price; check both cells"
                ),
            )
        }),
    }
}

/// Headings are numbered 一、 (1) to （1） (4): any other level has no place in the outline.
fn check_blocks(gazette: &Gazette, problems: &mut Vec<Problem>) {
    for document in &gazette.documents {
        for (index, block) in document.all_blocks().into_iter().enumerate() {
            if let Block::Heading { level, text, .. } = block
                && !(1..=4).contains(level)
            {
                problems.push(Problem::new(
                    format!(
                        "document {}, block {} (heading \"{text}\")",
                        document.id,
                        index + 1
                    ),
                    format!("level {level} does not exist; headings have levels 1 to 4"),
                ));
            }
        }
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
