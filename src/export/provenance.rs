//! Where an export's rows come from and how they were chosen: the 来源 sheet of a workbook and
//! the `NAME.source.txt` beside a CSV. A colleague handed the file can find the printed table
//! again, see which filters made it, and check with the SHA-256 that the data file is the same.
//!
//! The labels are written in Chinese whatever the window's language: they are part of the file
//! a clerk hands on, as the gazette's own column titles are.

use crate::model::{Gazette, Table, TableOrigin};
use crate::table::Query;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Which rows an export wrote, as the clerk chose them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowsChosen {
    /// The selected rows among those shown.
    Selected,
    /// Every row shown after filtering.
    Shown,
    /// Every row of the table.
    All,
    /// Rows picked by their positions after filtering and sorting (`--rows 1,3,5-9`).
    Positions(String),
}

impl From<super::RowChoice> for RowsChosen {
    fn from(choice: super::RowChoice) -> Self {
        match choice {
            super::RowChoice::Selected => RowsChosen::Selected,
            super::RowChoice::Shown => RowsChosen::Shown,
            super::RowChoice::All => RowsChosen::All,
        }
    }
}

/// What an export wrote of a table: the query that decided the shown rows, which rows of those
/// and which columns.
#[derive(Debug, Clone, Copy)]
pub struct Chosen<'a> {
    /// Filters and sort keys.
    pub query: &'a Query,
    /// Which rows.
    pub rows: &'a RowsChosen,
    /// How many rows were written.
    pub written: usize,
    /// How many rows the query shows.
    pub shown: usize,
    /// The columns written (source indices, in order).
    pub columns: &'a [usize],
}

/// The data file an export's table was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataFile {
    /// The issue built into the program.
    Embedded,
    /// A file the clerk opened.
    Path(PathBuf),
}

/// The provenance of one export, ready to be written as label–value lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The table's title, for the workbook's title row and properties.
    pub table_title: String,
    /// Where the table is printed (附件1), or how it was made.
    pub place: String,
    /// The gazette issue, e.g. 《驻马店市人民政府公报》2023年第3号（总第125号）.
    pub gazette: Option<String>,
    /// The document the table belongs to, with its number.
    pub document: Option<String>,
    /// The filters, in words.
    pub filters: String,
    /// The sort, in words.
    pub sort: String,
    /// The rows written, in words.
    pub rows: String,
    /// The columns written, in words.
    pub columns: String,
    /// When, in Beijing time.
    pub exported_at: String,
    /// The data file, whose SHA-256 is computed when the lines are written.
    pub data_file: Option<DataFile>,
}

/// The label of each line, in the order written.
pub mod labels {
    /// The gazette issue.
    pub const GAZETTE: &str = "公报";
    /// The document.
    pub const DOCUMENT: &str = "文件";
    /// The table.
    pub const TABLE: &str = "表格";
    /// Where it is printed.
    pub const PLACE: &str = "位置";
    /// Filters.
    pub const FILTERS: &str = "筛选";
    /// Sort.
    pub const SORT: &str = "排序";
    /// Rows.
    pub const ROWS: &str = "行";
    /// Columns.
    pub const COLUMNS: &str = "列";
    /// Export time.
    pub const EXPORTED_AT: &str = "导出时间";
    /// Program and version.
    pub const PROGRAM: &str = "程序";
    /// Data file.
    pub const DATA_FILE: &str = "数据文件";
    /// Its SHA-256.
    pub const SHA256: &str = "数据文件 SHA-256";
}

/// The heading of the 来源 text and the name of the workbook's provenance sheet.
pub const HEADING: &str = "来源";

/// The name the embedded data file is known by.
const EMBEDDED_NAME: &str = "程序内置的数据（assets/gazette-2023-03.ron）";

impl Provenance {
    /// The provenance of `chosen` of `table`, exported at `at`. `gazette` is the issue holding
    /// the table (`None` when it is not known, as in a table shown on its own).
    pub fn new(
        table: &Table,
        gazette: Option<&Gazette>,
        chosen: Chosen<'_>,
        data_file: Option<DataFile>,
        at: SystemTime,
    ) -> Provenance {
        Provenance {
            table_title: table.title.clone(),
            place: place(table),
            gazette: gazette.map(gazette_title),
            document: gazette
                .and_then(|g| g.document(&table.document))
                .map(|doc| match &doc.number {
                    Some(number) => format!("{}（{number}）", doc.title),
                    None => doc.title.clone(),
                }),
            // The same words as the PDF printout's footer.
            filters: crate::print::describe_filters(table, chosen.query),
            sort: crate::print::describe_sort(table, chosen.query),
            rows: describe_rows(chosen.rows, chosen.written, chosen.shown, table.rows.len()),
            columns: describe_columns(table, chosen.columns),
            exported_at: beijing_time(at),
            data_file,
        }
    }

    /// The title a workbook's first row and properties carry: 驻马店市中心城区标定地价公示信息表（附件1）.
    pub fn title(&self) -> String {
        format!("{}（{}）", self.table_title, self.place)
    }

    /// Every line as (label, value), in order; the data file is read now for its SHA-256.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let unknown = || "（未知）".to_owned();
        let mut lines = vec![
            (
                labels::GAZETTE,
                self.gazette.clone().unwrap_or_else(unknown),
            ),
            (
                labels::DOCUMENT,
                self.document.clone().unwrap_or_else(unknown),
            ),
            (labels::TABLE, self.table_title.clone()),
            (labels::PLACE, self.place.clone()),
            (labels::FILTERS, self.filters.clone()),
            (labels::SORT, self.sort.clone()),
            (labels::ROWS, self.rows.clone()),
            (labels::COLUMNS, self.columns.clone()),
            (labels::EXPORTED_AT, self.exported_at.clone()),
            (labels::PROGRAM, program()),
        ];
        if let Some(file) = &self.data_file {
            let (name, digest) = match file {
                DataFile::Embedded => (
                    EMBEDDED_NAME.to_owned(),
                    Ok(sha256_hex(crate::model::load::EMBEDDED_RON.as_bytes())),
                ),
                DataFile::Path(path) => (path.display().to_string(), sha256_of_file(path)),
            };
            lines.push((labels::DATA_FILE, name));
            let digest = digest.unwrap_or_else(|error| format!("（无法读取：{error}）"));
            lines.push((labels::SHA256, digest));
        }
        lines
    }

    /// The lines as a text file: the heading, then `标签：值` per line, CRLF-ended (Notepad
    /// on older Windows shows nothing else as separate lines), UTF-8 with a byte-order mark.
    pub fn text_file(&self) -> Vec<u8> {
        let mut text = String::from("\u{FEFF}");
        text.push_str(HEADING);
        text.push_str("\r\n");
        for (label, value) in self.lines() {
            text.push_str(&format!("{label}：{value}\r\n"));
        }
        text.into_bytes()
    }
}

/// The program and its version.
pub fn program() -> String {
    format!("公报浏览器 gazette-browser {}", env!("CARGO_PKG_VERSION"))
}

/// The sidecar of a CSV: `住宅.csv` → `住宅.source.txt`, in the same folder.
pub fn sidecar_path(csv: &Path) -> PathBuf {
    let stem = csv.file_stem().unwrap_or(csv.as_os_str());
    let mut name = stem.to_os_string();
    name.push(".source.txt");
    csv.with_file_name(name)
}

/// 《驻马店市人民政府公报》2023年第3号（总第125号）.
pub fn gazette_title(gazette: &Gazette) -> String {
    let issue = &gazette.issue;
    format!(
        "《{}》{}年第{}号（总第{}号）",
        issue.title, issue.year, issue.number, issue.cumulative_number
    )
}

fn place(table: &Table) -> String {
    match &table.origin {
        TableOrigin::Printed { place } => place.clone(),
        TableOrigin::Derived { .. } => "由正文段落整理，原文无此表".to_owned(),
    }
}

fn column_title(table: &Table, column: usize) -> &str {
    table.columns.get(column).map_or("?", |c| c.title.as_str())
}

/// Which rows were written, of how many shown and in the table, in words: the one wording of
/// the CSV's sidecar, the workbook's 来源 sheet and the PDF's footer.
pub fn describe_rows(rows: &RowsChosen, written: usize, shown: usize, total: usize) -> String {
    match rows {
        RowsChosen::Selected => {
            format!("选中的 {written} 行（筛选后显示 {shown} 行，全表 {total} 行）")
        }
        RowsChosen::Shown => format!("筛选后显示的 {written} 行（全表 {total} 行）"),
        RowsChosen::All => format!("全表 {written} 行，不论筛选"),
        RowsChosen::Positions(list) => format!(
            "筛选、排序后的第 {list} 行，共 {written} 行（筛选后显示 {shown} 行，全表 {total} 行）"
        ),
    }
}

fn describe_columns(table: &Table, columns: &[usize]) -> String {
    let total = table.columns.len();
    let in_order = columns.iter().copied().eq(0..total);
    if in_order {
        return format!("全部 {total} 列");
    }
    let hidden: Vec<&str> = (0..total)
        .filter(|c| !columns.contains(c))
        .map(|c| column_title(table, c))
        .collect();
    let mut text = format!("{total} 列中的 {} 列", columns.len());
    if !hidden.is_empty() {
        text.push_str(&format!("（隐藏：{}）", hidden.join("、")));
    }
    text
}

/// The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of the file at `path`, read in pieces (a data file may be hundreds of MB).
pub fn sha256_of_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(hex(&hasher.finalize()));
        }
        hasher.update(&buffer[..read]);
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The moment an export or printout is made: now, or the time `SOURCE_DATE_EPOCH` gives in
/// seconds (the reproducible-builds convention), so a script's files come out the same byte
/// for byte run after run.
pub fn export_instant() -> SystemTime {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or_else(SystemTime::now, |seconds| {
            UNIX_EPOCH + std::time::Duration::from_secs(seconds)
        })
}

/// Beijing time (UTC+8 all year: China has no daylight saving time), the time the gazette's
/// readers live by whatever the computer's zone, e.g. 2026-12-05 03:20:31（北京时间）.
pub fn beijing_time(at: SystemTime) -> String {
    const BEIJING_OFFSET: i64 = 8 * 3600;
    let seconds = match at.duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX - BEIJING_OFFSET),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(0),
    } + BEIJING_OFFSET;
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}（北京时间）",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{ColumnFilter, SortDirection, SortKey, fixture::land_prices};
    use std::collections::BTreeSet;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn beijing_time_is_utc_plus_eight_across_days_and_leap_years() {
        assert_eq!(beijing_time(at(0)), "1970-01-01 08:00:00（北京时间）");
        // 2026-12-04 19:20:31 UTC is already the 5th in Beijing.
        assert_eq!(
            beijing_time(at(1_796_412_031)),
            "2026-12-05 03:20:31（北京时间）"
        );
        // 2024-02-29 16:00:00 UTC: midnight of 1 March in Beijing.
        assert_eq!(
            beijing_time(at(1_709_222_400)),
            "2024-03-01 00:00:00（北京时间）"
        );
        assert_eq!(
            beijing_time(at(951_782_400)),
            "2000-02-29 08:00:00（北京时间）"
        );
    }

    #[test]
    fn filters_sort_rows_and_columns_are_said_in_words() {
        let table = land_prices();
        let mut query = Query {
            quick_filter: " 住宅 ".into(),
            ..Query::default()
        };
        query.set_filter(
            1,
            ColumnFilter::Values(BTreeSet::from(["住宅用地".into(), "商服用地".into()])),
        );
        query.set_filter(
            6,
            ColumnFilter::Range {
                min: Some(4000.0),
                max: None,
            },
        );
        query.set_filter(3, ColumnFilter::Text("=御苑城沿街商铺".into()));
        query.sort = vec![
            SortKey {
                column: 6,
                direction: SortDirection::Descending,
            },
            SortKey {
                column: 0,
                direction: SortDirection::Ascending,
            },
        ];
        let rows = RowsChosen::Selected;
        let chosen = Chosen {
            query: &query,
            rows: &rows,
            written: 2,
            shown: 5,
            columns: &[0, 2, 6],
        };
        let provenance = Provenance::new(&table, None, chosen, None, at(0));
        assert_eq!(
            provenance.filters,
            "用途 ∈ 住宅用地、商服用地；标准宗地名称 = 御苑城沿街商铺；地面单价 ≥ 4000；含“住宅”"
        );
        assert_eq!(provenance.sort, "地面单价 降序，序号 升序");
        assert_eq!(
            provenance.rows,
            "选中的 2 行（筛选后显示 5 行，全表 13 行）"
        );
        assert_eq!(
            provenance.columns,
            "8 列中的 3 列（隐藏：用途、标准宗地名称、土地面积、设定容积率、楼面单价）"
        );
        assert_eq!(provenance.place, "附件1");
        assert_eq!(
            provenance.title(),
            "驻马店市中心城区标定地价公示信息表（附件1）"
        );
        let lines = provenance.lines();
        assert_eq!(lines[0], (labels::GAZETTE, "（未知）".to_owned()));
        assert!(
            lines.iter().all(|(label, _)| *label != labels::SHA256),
            "no data file, no digest"
        );
    }

    #[test]
    fn nothing_chosen_reads_as_no_filter_and_the_printed_order() {
        let table = land_prices();
        let query = Query::default();
        let rows = RowsChosen::Positions("1,3-4".into());
        let chosen = Chosen {
            query: &query,
            rows: &rows,
            written: 3,
            shown: 13,
            columns: &[0, 1, 2, 3, 4, 5, 6, 7],
        };
        let provenance = Provenance::new(&table, None, chosen, None, at(0));
        assert_eq!(provenance.filters, "无");
        assert_eq!(provenance.sort, "按原表顺序");
        assert_eq!(provenance.columns, "全部 8 列");
        assert_eq!(
            provenance.rows,
            "筛选、排序后的第 1,3-4 行，共 3 行（筛选后显示 13 行，全表 13 行）"
        );
    }

    #[test]
    fn the_gazette_document_and_data_file_are_named_with_its_digest() {
        let gazette = crate::model::load::embedded().unwrap();
        let table = gazette.table("land-prices").unwrap();
        let query = Query::default();
        let rows = RowsChosen::Shown;
        let columns: Vec<usize> = (0..table.columns.len()).collect();
        let chosen = Chosen {
            query: &query,
            rows: &rows,
            written: 66,
            shown: 66,
            columns: &columns,
        };
        let provenance = Provenance::new(
            table,
            Some(&gazette),
            chosen,
            Some(DataFile::Embedded),
            at(0),
        );
        let text = String::from_utf8(provenance.text_file()).unwrap();
        assert!(text.starts_with("\u{FEFF}来源\r\n"), "{text}");
        assert!(
            text.contains("公报：《驻马店市人民政府公报》2023年第3号（总第125号）\r\n"),
            "{text}"
        );
        assert!(
            text.contains("（驻政〔2023〕"),
            "the document number: {text}"
        );
        assert!(text.contains("位置：附件1\r\n"), "{text}");
        assert!(
            text.contains("行：筛选后显示的 66 行（全表 66 行）\r\n"),
            "{text}"
        );
        let digest = sha256_hex(crate::model::load::EMBEDDED_RON.as_bytes());
        assert_eq!(digest.len(), 64);
        assert!(
            text.contains(&format!("数据文件 SHA-256：{digest}\r\n")),
            "{text}"
        );
        assert!(text.contains(&format!("程序：{}\r\n", program())), "{text}");
    }

    #[test]
    fn a_file_is_hashed_in_pieces_and_an_unreadable_one_is_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("数据.ron");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(sha256_of_file(&path).unwrap(), sha256_hex(&bytes));
        // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let missing = Provenance {
            data_file: Some(DataFile::Path(dir.path().join("gone.ron"))),
            ..Provenance::new(
                &land_prices(),
                None,
                Chosen {
                    query: &Query::default(),
                    rows: &RowsChosen::All,
                    written: 13,
                    shown: 13,
                    columns: &[0],
                },
                None,
                at(0),
            )
        };
        let lines = missing.lines();
        let digest = &lines.last().unwrap().1;
        assert!(digest.starts_with("（无法读取："), "{digest}");
    }

    #[test]
    fn the_sidecar_sits_beside_the_csv() {
        assert_eq!(
            sidecar_path(Path::new("/tmp/住宅.csv")),
            Path::new("/tmp/住宅.source.txt")
        );
        assert_eq!(sidecar_path(Path::new("表")), Path::new("表.source.txt"));
    }
}
