//! The workbook export read back: calamine reads the cells and their types, which must be the
//! CSV export's for the same choices; the sheet XML (opened with zip) holds the frozen header,
//! the autofilter, the number formats and the document's title; the sheet 来源 names where the
//! rows came from.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `gazette-browser export land-prices ARGS` on the embedded issue (the 66-row 附件1).
fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .args(["export", "land-prices"])
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("export-xlsx-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The workbook and the CSV (UTF-8 without BOM) of the same choices, both through the command
/// line; returns the workbook's path and the CSV's records, header first.
fn both(dir: &Path, choices: &[&str]) -> (PathBuf, Vec<Vec<String>>) {
    let xlsx = dir.join("rows.xlsx");
    let csv = dir.join("rows.csv");
    let mut args = choices.to_vec();
    args.extend(["--output", xlsx.to_str().unwrap()]);
    let output = export(&args);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let mut args = choices.to_vec();
    args.extend(["--encoding", "utf8", "--output", csv.to_str().unwrap()]);
    let output = export(&args);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&csv)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (xlsx, records)
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(name).unwrap();
    assert_eq!(range.start(), Some((0, 0)), "the sheet starts at A1");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let workbook: Xlsx<_> = open_workbook(path).unwrap();
    workbook.sheet_names()
}

/// The numeric columns of 附件1: 土地面积, 设定容积率, 设定使用年期, 地面单价, 楼面单价.
const NUMERIC: [usize; 5] = [7, 8, 10, 11, 12];

/// Every data cell of the workbook equals the CSV's field, with its type: numbers in numeric
/// columns (the same value), text elsewhere (序号 and the codes included) and for "--", blank
/// for an empty field. Returns how many cells were numbers.
fn assert_same_cells(sheet: &[Vec<Data>], csv: &[Vec<String>]) -> usize {
    assert_eq!(
        sheet.len(),
        csv.len() + 1,
        "the title row, then the CSV's rows"
    );
    let header: Vec<String> = sheet[1].iter().map(ToString::to_string).collect();
    assert_eq!(header, csv[0], "the header row");
    let mut numbers = 0;
    for (r, (row, fields)) in sheet[2..].iter().zip(&csv[1..]).enumerate() {
        assert_eq!(row.len(), fields.len(), "row {r}");
        for (c, (cell, field)) in row.iter().zip(fields).enumerate() {
            let place = format!("row {r}, column {c} ({field:?})");
            match cell {
                Data::Float(value) => {
                    assert!(
                        NUMERIC.contains(&c),
                        "a number outside the numeric columns: {place}"
                    );
                    assert_eq!(Some(*value), field.parse::<f64>().ok(), "{place}");
                    numbers += 1;
                }
                Data::String(text) => {
                    assert_eq!(text, field, "{place}");
                    assert!(
                        !NUMERIC.contains(&c) || field == "--",
                        "a number written as text: {place}"
                    );
                }
                Data::Empty => assert_eq!(field, "", "{place}"),
                other => panic!("unexpected {other:?} at {place}"),
            }
        }
    }
    numbers
}

#[test]
fn every_row_reads_back_as_the_csv_with_numbers_as_numbers() {
    let dir = scratch("all");
    let (xlsx, csv) = both(&dir, &[]);
    assert_eq!(csv.len(), 67, "header and the 66 rows of 附件1");
    let data = sheet(&xlsx, "标定地价");
    let numbers = assert_same_cells(&data, &csv);
    assert!(
        numbers > 250,
        "most cells of five numeric columns: {numbers}"
    );
    assert_eq!(
        data[0][0],
        Data::String("驻马店市中心城区标定地价公示信息表（附件1）".into()),
        "the title row names the table and its printed place"
    );
    // 序号 and 标定区域编号 are identifiers: text, as printed.
    assert_eq!(data[2][0], Data::String("1".into()));
    assert_eq!(data[2][2], Data::String("411700S50001".into()));
    assert_eq!(sheet_names(&xlsx), ["标定地价", "来源"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn filtered_sorted_and_chosen_rows_read_back_as_the_csv_of_the_same_choices() {
    let dir = scratch("chosen");
    let filtered = [
        "--where",
        "用途=住宅用地",
        "--min",
        "地面单价=4000",
        "--sort",
        "地面单价:desc",
    ];
    let (xlsx, csv) = both(&dir, &filtered);
    assert_eq!(
        csv.len(),
        14,
        "header and the 13 residential rows of 4000 元/m² and more"
    );
    assert_same_cells(&sheet(&xlsx, "标定地价"), &csv);

    // The command line's selection: positions after a filter and a sort.
    let chosen = ["--filter", "工业", "--sort", "楼面单价", "--rows", "1,3-4"];
    let (xlsx, csv) = both(&dir, &chosen);
    assert_eq!(csv.len(), 4);
    let data = sheet(&xlsx, "标定地价");
    assert_same_cells(&data, &csv);
    assert!(
        data[2..]
            .iter()
            .all(|row| row[12] == Data::String("--".into())),
        "industrial land has no 楼面单价: the printed dash stays text"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A file inside the workbook (a zip archive), as text.
fn part(xlsx: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_header_is_frozen_and_filterable_and_numbers_show_as_printed() {
    let dir = scratch("sheet-xml");
    let (xlsx, _) = both(&dir, &[]);
    let sheet1 = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains(
            r#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#
        ),
        "title and header frozen: {sheet1:.600}"
    );
    assert!(
        sheet1.contains(r#"<autoFilter ref="A2:M68"/>"#),
        "a filter on the header over the 66 rows"
    );
    assert!(
        sheet1.contains(r#"<mergeCell ref="A1:M1"/>"#),
        "the title across the columns"
    );
    assert!(
        sheet1.contains("<ignoredError"),
        "no green marks on codes stored as text"
    );
    // Widths: 标定区域四至 (D) is capped and wraps; 标定区域编号 (C) fits its 12 characters.
    let width = |column: usize| -> f64 {
        let tag = format!(r#"<col min="{column}" max="#);
        let start = sheet1.find(&tag).unwrap();
        let rest = &sheet1[start..];
        let value = rest.split("width=\"").nth(1).unwrap();
        value.split('"').next().unwrap().parse().unwrap()
    };
    assert!((40.0..42.0).contains(&width(4)), "四至: {}", width(4));
    assert!(width(3) > 14.0, "标定区域编号: {}", width(3));
    assert!(
        width(5) > 2.0 * 10.0,
        "ten-character names are 20 units: {}",
        width(5)
    );
    let styles = part(&xlsx, "xl/styles.xml");
    for code in ["#,##0", "#,##0.0", "#,##0.00", "@"] {
        assert!(
            styles.contains(&format!(r#"formatCode="{code}""#)),
            "number format {code}: {styles:.2000}"
        );
    }
    assert!(styles.contains(r#"wrapText="1""#), "long text wraps");
    let core = part(&xlsx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>驻马店市中心城区标定地价公示信息表（附件1）</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:subject>《驻马店市人民政府公报》2023年第3号（总第125号）"),
        "{core}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_sheet_laiyuan_says_where_the_rows_came_from() {
    let dir = scratch("provenance");
    let data_file = dir.join("公报.ron");
    std::fs::write(&data_file, gazette_browser::model::load::EMBEDDED_RON).unwrap();
    let xlsx = dir.join("住宅.xlsx");
    let output = Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .arg("--gazette")
        .arg(&data_file)
        .args([
            "export",
            "land-prices",
            "--where",
            "用途=住宅用地",
            "--sort",
        ])
        .args(["地面单价:desc", "--rows", "1-3", "--output"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines: Vec<(String, String)> = sheet(&xlsx, "来源")
        .into_iter()
        .skip(1)
        .map(|row| (row[0].to_string(), row[1].to_string()))
        .collect();
    let value = |label: &str| -> String {
        lines
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no line {label}: {lines:?}"))
            .1
            .clone()
    };
    assert_eq!(
        value("公报"),
        "《驻马店市人民政府公报》2023年第3号（总第125号）"
    );
    assert!(
        value("文件").ends_with("（驻政〔2023〕13号）"),
        "{}",
        value("文件")
    );
    assert_eq!(value("表格"), "驻马店市中心城区标定地价公示信息表");
    assert_eq!(value("位置"), "附件1");
    assert_eq!(value("筛选"), "用途 ∈ 住宅用地", "the PDF footer's words");
    assert_eq!(value("排序"), "地面单价 降序");
    assert_eq!(
        value("行"),
        "筛选、排序后的第 1-3 行，共 3 行（筛选后显示 27 行，全表 66 行）"
    );
    assert!(value("导出时间").ends_with("（北京时间）"));
    assert!(value("程序").contains(env!("CARGO_PKG_VERSION")));
    let canonical = std::fs::canonicalize(&data_file).unwrap();
    assert!(
        value("数据文件").contains("公报.ron"),
        "{}",
        value("数据文件")
    );
    let digest = gazette_browser::export::provenance::sha256_of_file(&canonical).unwrap();
    assert_eq!(value("数据文件 SHA-256"), digest);
    std::fs::remove_dir_all(&dir).unwrap();
}
