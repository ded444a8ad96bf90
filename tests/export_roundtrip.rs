//! Export round trips: what is written reads back, with the csv crate, as the table's cells; and
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
//! a failed write leaves nothing behind and spoils nothing.

use gazette_browser::export::{CsvOptions, Encoding, UTF8_BOM, csv_bytes, write_output};
use gazette_browser::model::{Cell, Column, ColumnKind, Table, TableOrigin};
use std::path::{Path, PathBuf};

mod common;
use common::table_screen::column;

/// Four rows of 附件1 as printed, plus a row with formula-like text.
fn table() -> Table {
    let rows = [
        [
            "1",
            "商服用地",
            "411700S50001",
            "中乐国际公馆沿街商铺",
            "3298.21",
            "4520",
            "2260",
        ],
        [
            "28",
            "住宅用地",
            "411700Z70001",
            "西班牙小镇",
            "94008.28",
            "5595",
            "1865",
        ],
        [
            "55",
            "工业用地",
            "411700G60001",
            "驻马店广大鸿远车业有限公司",
            "168658.88",
            "361",
            "--",
        ],
        [
            "41",
            "住宅用地",
            "411700Z70014",
            "",
            "77120.76",
            "3945",
            "1461",
        ],
        [
            "99",
            "住宅用地",
            "-411700",
            "=1+2,\"栢城路\"",
            "-5.5",
            "-1",
            "",
        ],
    ];
    Table {
        id: "land-prices".into(),
        title: "驻马店市中心城区标定地价公示信息表".into(),
        document: "land-price-notice".into(),
        origin: TableOrigin::Printed {
            place: "附件1".into(),
        },
        columns: vec![
            column("序号", ColumnKind::Integer, None),
            column("用途", ColumnKind::Category, None),
            column("标定区域编号", ColumnKind::Code, None),
            column("标准宗地名称", ColumnKind::Text, None),
            column("土地面积", ColumnKind::Decimal, Some("m²")),
            column("地面单价", ColumnKind::Integer, Some("元/m²")),
            column("楼面单价", ColumnKind::Integer, Some("元/m²")),
        ],
        rows: rows
            .iter()
            .map(|r| r.iter().map(|t| Cell::from(t.to_string())).collect())
            .collect(),
    }
}

/// A fresh, empty folder of this test's own: tests run in parallel, and several write the same
/// file name, so each call gets a folder no other call shares.
fn scratch(name: &str) -> PathBuf {
    common::fresh_dir(&format!("export-rt-{name}"))
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn all(table: &Table) -> (Vec<usize>, Vec<usize>) {
    (
        (0..table.rows.len()).collect(),
        (0..table.columns.len()).collect(),
    )
}

/// Writes the whole table to a file and reads it back as text records.
fn round_trip(options: CsvOptions) -> (Vec<u8>, Vec<Vec<String>>) {
    let table = table();
    let (rows, columns) = all(&table);
    let dir = scratch(options.encoding.name());
    let path = dir.join("标定地价_2023年第3号_5行.csv");
    write_output(
        &path,
        None,
        &csv_bytes(&table, &rows, &columns, &options).unwrap(),
    )
    .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let text = match options.encoding {
        Encoding::Gbk => encoding_rs::GBK.decode(&bytes).0.into_owned(),
        _ => String::from_utf8(bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes).to_vec()).unwrap(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(entries(&dir).len(), 1, "no temporary file left");
    (bytes, records)
}

/// The cells as a spreadsheet should show them: printed text, formula-like text behind a quote.
fn expected_rows(table: &Table) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.as_printed().to_owned()).collect())
        .collect();
    rows[4][2] = "'-411700".into();
    rows[4][3] = "'=1+2,\"栢城路\"".into();
    rows
}

#[test]
fn utf8_with_bom_reads_back_as_the_table() {
    let table = table();
    let (bytes, records) = round_trip(CsvOptions::default());
    assert!(bytes.starts_with(UTF8_BOM), "Excel needs the BOM");
    let headers: Vec<String> = table.columns.iter().map(Column::header).collect();
    assert_eq!(records[0], headers);
    assert_eq!(records[1..], expected_rows(&table)[..]);
}

#[test]
fn plain_utf8_has_no_bom_and_can_leave_out_the_header() {
    let table = table();
    let options = CsvOptions {
        header: false,
        encoding: Encoding::Utf8,
    };
    let (bytes, records) = round_trip(options);
    assert!(!bytes.starts_with(UTF8_BOM));
    assert!(bytes.starts_with("1,商服用地,".as_bytes()));
    assert_eq!(records, expected_rows(&table));
}

#[test]
fn gbk_reads_back_with_m2_folded_in_the_header() {
    let table = table();
    let options = CsvOptions {
        header: true,
        encoding: Encoding::Gbk,
    };
    let (bytes, records) = round_trip(options);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "really GBK, not UTF-8"
    );
    assert_eq!(records[0][4], "土地面积(m2)");
    assert_eq!(records[0][5], "地面单价(元/m2)");
    assert_eq!(records[1..], expected_rows(&table)[..]);
}

#[test]
fn numbers_are_plain_and_never_neutralised() {
    let (_, records) = round_trip(CsvOptions::default());
    assert_eq!(records[5][4], "-5.5");
    assert_eq!(records[5][5], "-1");
    assert_eq!(records[3][6], "--");
}

#[test]
fn a_missing_folder_is_an_error_naming_the_path_and_nothing_is_created() {
    let dir = scratch("missing");
    let path = dir.join("no-such-folder").join("out.csv");
    let error = write_output(&path, None, b"x").unwrap_err();
    let message = error.to_string();
    // As the system writes the path: no-such-folder/out.csv, or with a backslash on Windows.
    let named = Path::new("no-such-folder").join("out.csv");
    assert!(message.contains(&named.display().to_string()), "{message}");
    assert!(message.contains("folder does not exist"), "{message}");
    assert!(entries(&dir).is_empty());
}

#[test]
fn a_folder_as_target_is_refused_and_left_alone() {
    let dir = scratch("folder");
    let target = dir.join("sub");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "kept").unwrap();
    let message = write_output(&target, None, b"x").unwrap_err().to_string();
    assert!(message.contains("that is a folder"), "{message}");
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "kept"
    );
    assert_eq!(entries(&dir), ["sub"], "no temporary file left");
}

/// Linux's /dev/full; Windows has no such device.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_reported_and_the_device_stays() {
    let full = Path::new("/dev/full");
    let error = write_output(full, None, &[b'x'; 64 * 1024]).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("/dev/full"), "{message}");
    assert!(message.contains("disk is full"), "{message}");
    assert!(error.is_system_failure());
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::metadata(full).unwrap().file_type();
    assert!(kind.is_char_device(), "the device itself was not replaced");
}

/// A target no one can write, root included: a path that goes through a regular file as if it
/// were a folder. (A read-only folder would not stop root, so a test built on one could only
/// skip itself when run as root.)
#[test]
fn an_unwritable_target_is_reported_and_nothing_is_touched() {
    let dir = scratch("unwritable");
    let file = dir.join("notes.txt");
    std::fs::write(&file, "kept").unwrap();
    let path = file.join("out.csv");
    let error = write_output(&path, None, b"x").unwrap_err();
    let message = error.to_string();
    assert!(message.contains("cannot write"), "{message}");
    // As the system writes the path: notes.txt/out.csv, or with a backslash on Windows.
    let named = Path::new("notes.txt").join("out.csv");
    assert!(message.contains(&named.display().to_string()), "{message}");
    // Linux says "not a directory" (no advice of its own: check the path); Windows says the
    // path was not found, which the export explains as a folder that does not exist.
    let advice = if cfg!(windows) {
        "the folder does not exist"
    } else {
        "check the path"
    };
    assert!(message.contains(advice), "{message}");
    assert!(error.is_system_failure());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
    assert_eq!(entries(&dir), ["notes.txt"], "no temporary file left");
}

#[test]
fn an_existing_file_is_replaced_whole_or_not_at_all() {
    let table = table();
    let (rows, columns) = all(&table);
    let dir = scratch("existing");
    let path = dir.join("out.csv");
    std::fs::write(&path, "old content").unwrap();
    let mut bad = table.clone();
    bad.rows[0][3] = Cell::Value("𠮷野家".into());
    let gbk = CsvOptions {
        header: true,
        encoding: Encoding::Gbk,
    };
    assert!(
        csv_bytes(&bad, &rows, &columns, &gbk).is_err(),
        "nothing to write"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old content");
    let bytes = csv_bytes(&table, &rows, &columns, &CsvOptions::default()).unwrap();
    write_output(&path, None, &bytes).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(entries(&dir), ["out.csv"]);
}
