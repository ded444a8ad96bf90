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
