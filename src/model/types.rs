//! The data types of one gazette issue, as stored in the RON data file.
//!
//! Everything here is plain data with serde derives: no egui, no I/O. The types follow the printed
//! issue closely (contents page, documents, their bodies as blocks, tables, errata) so that every
//! number and sentence the app shows can be traced back to the source text.

use serde::{Deserialize, Serialize};

/// Version of the data-file layout this build reads. Bumped when a field changes meaning, so an
/// old build refuses a newer file with a clear message instead of misreading it.
pub const FORMAT_VERSION: u32 = 1;

/// One issue of the gazette: the root of a data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gazette {
    /// Layout version of the file; must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// Cover, masthead and colophon facts of the issue.
    pub issue: Issue,
    /// The printed table of contents (目录), in printed order.
    pub contents: Vec<ContentsEntry>,
    /// Every document of the issue in reading order, interpretations included.
    pub documents: Vec<Document>,
    /// Every table of the issue: printed ones (附件1, the 附件2 legends) and ones drawn out of
    /// the plans' prose. Bodies refer to them by id with [`Block::Table`].
    pub tables: Vec<Table>,
    /// Every correction this file makes against the printed text, so none is silent.
    pub errata: Vec<Erratum>,
    /// Where the data came from and how it was made.
    pub provenance: Provenance,
}

/// Cover, masthead and colophon facts of one issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// Chinese title as printed on the cover: 驻马店市人民政府公报.
    pub title: String,
    /// English title as printed on the cover.
    pub title_en: String,
    /// Year of the issue (2023).
    pub year: u16,
    /// Number of the issue within its year (第3号).
    pub number: u32,
    /// Cumulative number since the first issue (总第125号).
    pub cumulative_number: u32,
    /// Month of publication (出版日期).
    pub published: YearMonth,
    /// Sponsoring body (主办单位).
    pub sponsor: String,
    /// Editing and publishing body (编辑出版).
    pub editor: String,
    /// The editorial board and editorial office.
    pub editorial_board: EditorialBoard,
    /// Who receives the issue and how many copies are printed.
    pub distribution: Distribution,
    /// Cover labels such as 内部资料 / 免费交流.
    pub labels: Vec<String>,
    /// The four mottos printed on the contents page (传达政令 …).
    pub mottos: Vec<String>,
    /// Colophon lines (address, postcode, telephone, printer, permit) as label/value pairs.
    pub colophon: Vec<LabeledValue>,
}

/// A label and its value as printed, e.g. 邮政编码 / 463000.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabeledValue {
    /// The printed label without its colon.
    pub label: String,
    /// The printed value.
    pub value: String,
}

/// The editorial board (编辑委员会) and editorial office (编辑部) of the issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorialBoard {
    /// Board members (委员) in printed order.
    pub members: Vec<String>,
    /// Editor in chief (主编).
    pub chief_editor: String,
    /// Deputy editors in chief (副主编).
    pub deputy_chief_editors: Vec<String>,
    /// Editors (编辑).
    pub editors: Vec<String>,
}

/// Distribution of the issue (发放范围, 共 N 份).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// The printed distribution scope.
    pub scope: String,
    /// Number of printed copies.
    pub copies: u32,
}

/// The section of the contents page a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// 市政府文件: documents issued by the city government.
    CityGovernment,
    /// 市政府办公室文件: documents issued by the city government's general office.
    GovernmentOffice,
    /// 政策解读: policy interpretations.
    Interpretation,
}

impl Category {
    /// The section heading as printed on the contents page.
    pub fn printed_name(self) -> &'static str {
        match self {
            Category::CityGovernment => "市政府文件",
            Category::GovernmentOffice => "市政府办公室文件",
            Category::Interpretation => "政策解读",
        }
    }
}

/// One line of the printed contents page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentsEntry {
    /// The section it is printed under.
    pub category: Category,
    /// The title as printed on the contents page (line breaks removed).
    pub title: String,
    /// The printed page number.
    pub page: u32,
    /// Id of the document the entry points to.
    pub document: String,
}

/// One document of the issue: a notice with the plan it issues, or a policy interpretation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id used by links, tables and the command line (e.g. `land-price-notice`).
    pub id: String,
    /// Short name for tabs and lists (e.g. 标定地价).
    pub short_title: String,
    /// The contents-page section of the document.
    pub category: Category,
    /// Issuing body (发文机关), e.g. 驻马店市人民政府办公室; empty for interpretations that name none.
    pub issuer: String,
    /// Document number (发文字号) such as 驻政〔2023〕13号, normalised without spaces.
    pub number: Option<String>,
    /// Date of signature (成文日期).
    pub date: Option<Date>,
    /// Addressees (主送机关) as printed, without the trailing colon.
    pub addressees: Option<String>,
    /// Full title as printed at the head of the document (line breaks removed).
    pub title: String,
    /// Printed page the document starts on, from the contents page.
    pub page: Option<u32>,
    /// The body in reading order.
    pub body: Vec<Block>,
    /// Enclosures in printed order: the plan a notice issues, 附件1, 附件2 …
    pub attachments: Vec<Attachment>,
    /// For a document: id of the interpretation that explains it.
    pub interpretation: Option<String>,
    /// For an interpretation: id of the document it explains.
    pub interprets: Option<String>,
}

/// An enclosure of a document: an issued plan or a numbered attachment (附件).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The printed label such as 附件1, or `None` for a plan printed after its notice.
    pub label: Option<String>,
    /// The printed title.
    pub title: String,
    /// The content in reading order.
    pub body: Vec<Block>,
}

/// One block of a document body, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Block {
    /// A numbered heading. `level` follows the Chinese numbering: 1 for 一、, 2 for （一）,
    /// 3 for 1. / 1、, 4 for （1）.
    Heading {
        /// Outline depth, 1 to 4.
        level: u8,
        /// The numbering as printed, e.g. 一、 or （一）; empty for an unnumbered heading.
        numbering: String,
        /// The heading text after the numbering.
        text: String,
    },
    /// A paragraph with its page-break splits rejoined.
    Paragraph {
        /// An anchor for tables drawn out of this paragraph; `None` for most paragraphs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The paragraph text.
        text: String,
    },
    /// A framed box (专栏) holding its own blocks.
    Box {
        /// The printed box number, if any (专栏 2 is missing from the source).
        number: Option<u32>,
        /// The box title.
        title: String,
        /// The box content.
        blocks: Vec<Block>,
    },
    /// A figure whose image the text edition does not contain; only its caption survives.
    Figure {
        /// The printed figure number, if any.
        number: Option<u32>,
        /// The caption as printed after the number.
        caption: String,
    },
    /// A table, stored in [`Gazette::tables`] and referred to by id.
    Table {
        /// Id of the table.
        table: String,
    },
    /// A line printed apart from the paragraphs, such as a map's scale or its maker.
    Note {
        /// The printed text.
        text: String,
    },
}

/// A table of the issue, printed or drawn out of prose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Stable id (e.g. `land-prices`), used by the command line.
    pub id: String,
    /// The table's title.
    pub title: String,
    /// Id of the document the table belongs to.
    pub document: String,
    /// Whether the table is printed in the source or drawn out of its prose.
    pub origin: TableOrigin,
    /// Typed columns, in printed order.
    pub columns: Vec<Column>,
    /// Rows in printed order; every row has one cell per column.
    #[serde(deserialize_with = "rows::bounded")]
    pub rows: Vec<Vec<Cell>>,
}

/// Most cells a row of a data file may hold. The widest table of a gazette has 13 columns; a
/// row far wider is damage or a hostile file, and is refused while it is read (at its place),
/// instead of being collected whole first: one row of 83 million cells once took 3.8 GB.
pub const MAX_ROW_CELLS: usize = 1024;

/// Reading a table's rows: each row sized like the row before (most rows of a table have the
/// same cells, so a million rows are not grown cell by cell) and bounded by [`MAX_ROW_CELLS`].
/// Still `ron`'s reading: only how the cells are collected differs from serde's own `Vec`.
mod rows {
    use super::{Cell, MAX_ROW_CELLS};
    use serde::de::{DeserializeSeed, Deserializer, Error, SeqAccess, Visitor};
    use std::fmt;

    pub(super) fn bounded<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Vec<Cell>>, D::Error> {
        deserializer.deserialize_seq(Rows)
    }

    struct Rows;

    impl<'de> Visitor<'de> for Rows {
        type Value = Vec<Vec<Cell>>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of rows")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut rows = Vec::new();
            let mut width = 0;
            while let Some(row) = seq.next_element_seed(Row { width })? {
                width = row.len();
                rows.push(row);
            }
            Ok(rows)
        }
    }

    /// One row, expected `width` cells wide (the row before).
    struct Row {
        width: usize,
    }

    impl<'de> DeserializeSeed<'de> for Row {
        type Value = Vec<Cell>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for Row {
        type Value = Vec<Cell>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a row: a list of cells")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut cells = Vec::with_capacity(self.width);
            while let Some(cell) = seq.next_element::<Cell>()? {
                if cells.len() == MAX_ROW_CELLS {
                    return Err(A::Error::custom(format!(
                        "a row has more than {MAX_ROW_CELLS} cells, far more than any table of \
                         a gazette has columns; the file is damaged or not a gazette file"
                    )));
                }
                cells.push(cell);
            }
            Ok(cells)
        }
    }
}

/// Where a table's content comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum TableOrigin {
    /// Printed as a table in the source; `place` says where (e.g. 附件1).
    Printed {
        /// Human-readable location in the issue.
        place: String,
    },
    /// Drawn out of prose; the paragraphs it came from, by their ids.
    Derived {
        /// Ids of the source paragraphs ([`Block::Paragraph::id`]).
        paragraphs: Vec<String>,
    },
}

/// A typed table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The printed column title without its unit, e.g. 地面单价. The command line names
    /// columns by it.
    pub title: String,
    /// What the cells hold, which decides parsing, sorting and CSV output.
    pub kind: ColumnKind,
    /// Unit such as 元/m² or m², if the printed header gives one.
    pub unit: Option<String>,
}

impl Column {
    /// The header as it reads in the printed table: the title followed by its unit.
    pub fn header(&self) -> String {
        match &self.unit {
            Some(unit) => format!("{}({unit})", self.title),
            None => self.title.clone(),
        }
    }
}

/// The kind of value a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColumnKind {
    /// Free text.
    Text,
    /// Free text from a small set of values (用途), offered as a value list when filtering.
    Category,
    /// An identifier such as 411700S50001: text that sorts naturally and is never a number.
    Code,
    /// A whole number.
    Integer,
    /// A decimal number, kept as printed (57053.2 stays 57053.2).
    Decimal,
}

impl ColumnKind {
    /// Whether cells of this kind must parse as numbers.
    pub fn is_numeric(self) -> bool {
        matches!(self, ColumnKind::Integer | ColumnKind::Decimal)
    }
}

/// The text of a table cell. Short values (codes, numbers, most names: up to 24 bytes) are
/// stored inline without a heap allocation, which halves the memory and load time of a
/// million-row table.
pub type CellText = compact_str::CompactString;

/// One table cell. In the file it is a plain string: `""` is an empty cell and `"--"` the
/// printed dash, so the two stay distinct.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "CellText", into = "CellText")]
pub enum Cell {
    /// Nothing printed in the cell.
    Empty,
    /// The printed "--" (not applicable), e.g. 楼面单价 of industrial land.
    Dash,
    /// A printed value, exactly as printed.
    Value(CellText),
}

/// The printed text of a not-applicable cell.
pub const DASH: &str = "--";

impl From<CellText> for Cell {
    fn from(text: CellText) -> Self {
        if text.is_empty() {
            Cell::Empty
        } else if text == DASH {
            Cell::Dash
        } else {
            Cell::Value(text)
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::from(CellText::from(text))
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::from(CellText::from(text))
    }
}

impl From<Cell> for CellText {
    fn from(cell: Cell) -> Self {
        match cell {
            Cell::Empty => CellText::default(),
            Cell::Dash => CellText::const_new(DASH),
            Cell::Value(text) => text,
        }
    }
}

impl Cell {
    /// The cell as printed: "" for empty, "--" for the dash, otherwise the value.
    pub fn as_printed(&self) -> &str {
        match self {
            Cell::Empty => "",
            Cell::Dash => DASH,
            Cell::Value(text) => text,
        }
    }

    /// The value, if the cell holds one.
    pub fn value(&self) -> Option<&str> {
        match self {
            Cell::Value(text) => Some(text),
            _ => None,
        }
    }

    /// The value as a number, if the cell holds one (see [`parse_number`]).
    pub fn number(&self) -> Option<f64> {
        self.value().and_then(parse_number)
    }
}

/// The number a cell or a typed bound holds: surrounding spaces ignored, and only finite
/// numbers (no NaN, no infinity, which Rust's parser would accept from "NaN" or "inf" and
/// which would sort, sum and filter as nonsense). The one rule for a number everywhere: sorting,
/// filters, sums, the schematic's colours, CSV and the command line's bounds.
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A correction made against the printed text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Erratum {
    /// Where: a document or table id followed by a human-readable place.
    pub place: String,
    /// The text as printed.
    pub printed: String,
    /// The text as this file has it.
    pub corrected: String,
    /// Why the correction was made.
    pub reason: String,
}

/// Where the data came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The source the file was made from.
    pub source: String,
    /// How the file was made and checked.
    pub method: String,
}

/// A calendar date, written `"2023-04-24"` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// The date written the Chinese way: 2023年4月24日.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let bad = || format!("expected a date written YYYY-MM-DD, found \"{text}\"");
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        let days = days_in_month(year, month);
        if !(1..=days).contains(&day) {
            return Err(format!("{}: {year}-{month:02} has {days} days", bad()));
        }
        Ok(Date { year, month, day })
    }
}

/// Days in `month` (1–12) of `year`, by the Gregorian calendar.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl From<Date> for String {
    fn from(date: Date) -> Self {
        date.to_string()
    }
}

/// A year and month, written `"2023-06"` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
}

impl YearMonth {
    /// Written the Chinese way: 2023年6月.
    pub fn chinese(&self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl TryFrom<String> for YearMonth {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let bad = || format!("expected a month written YYYY-MM, found \"{text}\"");
        let (y, m) = text.split_once('-').ok_or_else(bad)?;
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(YearMonth { year, month })
    }
}

impl From<YearMonth> for String {
    fn from(month: YearMonth) -> Self {
        format!("{:04}-{:02}", month.year, month.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_trimmed_and_finite() {
        assert_eq!(parse_number(" 4520 "), Some(4520.0));
        assert_eq!(parse_number("-3.5"), Some(-3.5));
        for not_a_number in ["NaN", "inf", "-infinity", "", " ", "--", "4,520", "1e400"] {
            assert_eq!(parse_number(not_a_number), None, "{not_a_number:?}");
        }
        assert_eq!(Cell::Value("NaN".into()).number(), None);
        assert_eq!(Cell::Value(" 12.5".into()).number(), Some(12.5));
        assert_eq!(Cell::Dash.number(), None);
    }
}
