//! The `export` command as a clerk runs it, on the small fixture issue.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::Path;
use std::process::{Command, Output};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron");

fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .args(["--gazette", FIXTURE, "export", "land-prices"])
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("export-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn filters_sort_and_rows_choose_what_is_written() {
    let output = export(&[
        "--min",
        "地面单价=1000",
        "--sort",
        "地面单价:desc",
        "--no-header",
        "--encoding",
        "utf8",
        "--output",
        "-",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text,
        "1,商服用地,411700S50002,2234.06,2,4415,2208\r\n2,住宅用地,411700Z70005,74399.73,2.1,3785,1802\r\n"
    );
    let output = export(&["--where", "用途=工业用地", "--rows", "1", "--output", "-"]);
    let text = String::from_utf8(output.stdout[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.ends_with("3,工业用地,411700G60001,168658.88,1,361,--\r\n"),
        "{text}"
    );
}

#[test]
fn the_file_is_written_and_the_summary_names_it() {
    let dir = scratch("ok");
    let target = dir.join("住宅.csv");
    let output = export(&[
        "--where",
        "用途=住宅用地",
        "--encoding",
        "gbk",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("wrote 1 rows to"),
        "{}",
        stderr(&output)
    );
    let bytes = std::fs::read(&target).unwrap();
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    assert!(!bad);
    assert!(
        text.starts_with("序号,用途,标定区域编号,土地面积(m2)"),
        "{text}"
    );
}

#[test]
fn a_bad_column_exits_2_lists_the_columns_and_writes_nothing() {
    let dir = scratch("bad");
    let target = dir.join("out.csv");
    let output = export(&["--sort", "单价", "--output", target.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("no column \"单价\"; the columns are: 序号, 用途"),
        "{message}"
    );
    assert!(!target.exists());
    let output = export(&[
        "--min",
        "地面单价=abc",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!target.exists());
}

#[test]
fn an_unwritable_target_exits_1_naming_the_path() {
    let dir = scratch("missing");
    let target = dir.join("nowhere").join("out.csv");
    let output = export(&["--output", target.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    // As the system writes the path: nowhere/out.csv on Linux, nowhere\\out.csv on Windows.
    let named = Path::new("nowhere").join("out.csv").display().to_string();
    assert!(stderr(&output).contains(&named), "{}", stderr(&output));
}

/// A zip archive (an .xlsx) begins with the bytes PK.
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

#[test]
fn the_format_follows_the_option_or_else_the_extension() {
    let dir = scratch("format");
    let named = dir.join("住宅.xlsx");
    let output = export(&["--output", named.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        is_workbook(&std::fs::read(&named).unwrap()),
        ".xlsx: a workbook"
    );
    assert!(
        stderr(&output).contains("wrote 3 rows to"),
        "{}",
        stderr(&output)
    );

    let asked = dir.join("rows.dat");
    let output = export(&["--format", "xlsx", "--output", asked.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        is_workbook(&std::fs::read(&asked).unwrap()),
        "--format xlsx"
    );

    let plain = dir.join("rows.txt");
    let output = export(&["--output", plain.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read(&plain).unwrap().starts_with(b"\xEF\xBB\xBF"),
        "CSV otherwise"
    );

    let output = export(&["--format", "xlsx", "--output", "-"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(is_workbook(&output.stdout), "a workbook to standard output");
}

#[test]
fn a_format_against_the_extension_or_csv_options_for_a_workbook_are_refused() {
    let dir = scratch("format-refused");
    let target = dir.join("rows.xlsx");
    let path = target.to_str().unwrap();
    let output = export(&["--format", "csv", "--output", path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--format csv but the output"),
        "{}",
        stderr(&output)
    );
    for option in [
        &["--encoding", "gbk"][..],
        &["--no-header"][..],
        &["--provenance"][..],
    ] {
        let output = export(&[option, &["--output", path]].concat());
        assert_eq!(output.status.code(), Some(2), "{option:?}");
        let message = stderr(&output);
        assert!(
            message.contains(&format!("{} applies to CSV", option[0])),
            "{message}"
        );
    }
    assert!(!target.exists(), "nothing written");
}

#[test]
fn provenance_writes_name_source_txt_beside_the_csv() {
    let dir = scratch("provenance");
    let target = dir.join("住宅.csv");
    let output = export(&[
        "--where",
        "用途=住宅用地",
        "--provenance",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sidecar = dir.join("住宅.source.txt");
    assert!(
        stderr(&output).contains("wrote the provenance to"),
        "{}",
        stderr(&output)
    );
    let bytes = std::fs::read(&sidecar).unwrap();
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap()).unwrap();
    assert!(text.starts_with("来源\r\n"), "{text}");
    assert!(text.contains("\r\n筛选：用途 ∈ 住宅用地\r\n"), "{text}");
    assert!(
        text.contains("\r\n行：筛选后显示的 1 行（全表 3 行）\r\n"),
        "{text}"
    );
    assert!(text.contains("minimal.ron"), "names the data file: {text}");
    let digest = text
        .lines()
        .find_map(|line| line.strip_prefix("数据文件 SHA-256："))
        .unwrap();
    let expected = gazette_browser::export::provenance::sha256_of_file(Path::new(FIXTURE));
    assert_eq!(digest, expected.unwrap());
    // The CSV itself stays plain: header and the one row.
    let csv = std::fs::read_to_string(&target).unwrap();
    assert_eq!(csv.lines().count(), 2, "{csv}");

    let output = export(&["--provenance", "--output", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--provenance needs --output FILE"));
    assert!(output.stdout.is_empty(), "nothing written");
}
