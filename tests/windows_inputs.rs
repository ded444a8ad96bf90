//! Inputs shaped the way a clerk's Windows PC makes them: folders and files named in Chinese with
//! spaces, gazette files saved with CRLF line endings, paths with a drive letter and backslashes,
//! files another program holds open. The first two run everywhere; the others need Windows and
//! run under wine in .ci/run (scripts/test-windows.sh).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::PathBuf;
use std::process::{Command, Output};

const EMBEDDED_RON: &str = include_str!("../assets/gazette-2023-03.ron");
const FIXTURE: &str = include_str!("fixtures/minimal.ron");

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn run_str(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run(&args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A fresh folder named in Chinese with a space, in the system's temporary folder.
fn chinese_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("公报 测试 {name} {}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn with_crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

#[test]
fn a_gazette_in_a_chinese_folder_with_spaces_is_checked_and_exported() {
    let dir = chinese_folder("路径");
    let gazette = dir.join("驻马店 公报 第3号.ron");
    std::fs::write(&gazette, EMBEDDED_RON).unwrap();
    let target = dir.join("导出 结果").join("住宅 用地.csv");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();

    let check = run(&["--gazette".as_ref(), gazette.as_os_str(), "check".as_ref()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));

    let export = run(&[
        "--gazette".as_ref(),
        gazette.as_os_str(),
        "export".as_ref(),
        "land-prices".as_ref(),
        "--where".as_ref(),
        "用途=住宅用地".as_ref(),
        "--output".as_ref(),
        target.as_os_str(),
    ]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let csv = std::fs::read_to_string(&target).unwrap();
    assert!(csv.lines().nth(1).unwrap().contains("住宅用地"), "{csv}");
}

#[test]
fn a_gazette_saved_with_crlf_line_endings_reads_like_the_original() {
    let dir = chinese_folder("crlf");
    let gazette = dir.join("crlf.ron");
    std::fs::write(&gazette, with_crlf(EMBEDDED_RON)).unwrap();
    let from_file = run(&["--gazette".as_ref(), gazette.as_os_str(), "tables".as_ref()]);
    assert_eq!(from_file.status.code(), Some(0), "{}", stderr(&from_file));
    let embedded = run_str(&["tables"]);
    assert_eq!(stdout(&from_file), stdout(&embedded));

    let text = run(&["--gazette".as_ref(), gazette.as_os_str(), "text".as_ref()]);
    assert!(
        !stdout(&text).contains('\r'),
        "no carriage return leaks into the text"
    );
}

#[test]
fn an_error_in_a_crlf_file_names_the_same_line_as_in_the_original() {
    let broken = FIXTURE.replacen("cumulative_number: 125,", "cumulative_number: 125", 1);
    let line = FIXTURE
        .lines()
        .position(|l| l.contains("published:"))
        .unwrap()
        + 1;
    let dir = chinese_folder("crlf-error");
    let gazette = dir.join("坏文件.ron");
    std::fs::write(&gazette, with_crlf(&broken)).unwrap();
    let output = run(&["--gazette".as_ref(), gazette.as_os_str(), "check".as_ref()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains(&format!("{}:{line}:", gazette.display())),
        "expected line {line} in {message}"
    );
}

/// The done-means check of issue 12: `gazette-browser.exe --gazette 'C:\…\坏文件.ron' check`
/// exits 2 and says why, with the path as Windows writes it.
#[cfg(windows)]
#[test]
fn a_bad_file_named_with_drive_letter_and_backslashes_exits_2_with_its_message() {
    let dir = chinese_folder("盘符");
    let gazette = dir.join("坏文件.ron");
    std::fs::write(&gazette, "(这不是公报").unwrap();
    let written = gazette.to_str().unwrap().to_owned();
    assert!(
        written.as_bytes().get(1) == Some(&b':') && written.contains('\\'),
        "the temporary folder gives a drive-letter path: {written}"
    );
    let output = run_str(&["--gazette", &written, "check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.starts_with("error: "), "{message}");
    assert!(
        message.contains(&written),
        "names the file as given: {message}"
    );

    // The same file through forward slashes, as some programs pass it.
    let forward = written.replace('\\', "/");
    let output = run_str(&["--gazette", &forward, "check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

/// Excel or WPS keeps a file it shows open and lets others read it; a gazette opened like that
/// is read as usual.
#[cfg(windows)]
#[test]
fn a_gazette_another_program_has_open_for_reading_is_still_read() {
    let dir = chinese_folder("共享读");
    let gazette = dir.join("公报.ron");
    std::fs::write(&gazette, EMBEDDED_RON).unwrap();
    let _held = hold_open(&gazette, FILE_SHARE_READ);
    let output = run(&["--gazette".as_ref(), gazette.as_os_str(), "check".as_ref()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// A program that keeps a gazette open without sharing it: the clerk is told which file could
/// not be read, and the exit code says the file cannot be used.
#[cfg(windows)]
#[test]
fn a_gazette_another_program_holds_exclusively_exits_2_naming_it() {
    let dir = chinese_folder("独占");
    let gazette = dir.join("公报.ron");
    std::fs::write(&gazette, EMBEDDED_RON).unwrap();
    let _held = hold_open(&gazette, 0);
    let output = run(&["--gazette".as_ref(), gazette.as_os_str(), "check".as_ref()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains(gazette.to_str().unwrap()), "{message}");
    assert!(!message.contains("panicked"), "{message}");
}

/// The CSV a clerk exported last time is still open in Excel (which shares it for reading only)
/// and is exported again: the export fails and says so, the open file keeps its content, and
/// no temporary file is left beside it.
#[cfg(windows)]
#[test]
fn exporting_over_a_csv_open_in_excel_fails_and_leaves_it_whole() {
    let dir = chinese_folder("导出占用");
    let target = dir.join("标定地价.csv");
    std::fs::write(&target, "open in Excel").unwrap();
    let held = hold_open(&target, FILE_SHARE_READ);
    let output = run(&[
        "export".as_ref(),
        "land-prices".as_ref(),
        "--output".as_ref(),
        target.as_os_str(),
    ]);
    drop(held);
    assert_ne!(output.status.code(), Some(0), "the export cannot succeed");
    let message = stderr(&output);
    assert!(
        message.contains("标定地价.csv"),
        "names the file: {message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "open in Excel");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(left, ["标定地价.csv"], "no temporary file left");
}

/// Windows' FILE_SHARE_READ: others may read the file while this handle is open, not write or
/// delete it.
#[cfg(windows)]
const FILE_SHARE_READ: u32 = 1;

/// Opens `path` the way another program would, sharing it only as `share_mode` says, until the
/// returned handle is dropped.
#[cfg(windows)]
fn hold_open(path: &std::path::Path, share_mode: u32) -> std::fs::File {
    use std::os::windows::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .share_mode(share_mode)
        .open(path)
        .unwrap()
}
