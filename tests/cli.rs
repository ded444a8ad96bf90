//! The command line as a user runs it: exit codes and messages for good and bad files.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .args(args)
        .output()
        .expect("the binary runs")
}

mod common;

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    common::temp_file("cli-test", name, bytes)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_accepts_the_embedded_issue() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("valid: "), "{stdout}");
}

#[test]
fn check_names_file_line_and_column_of_a_syntax_error() {
    let fixture = include_str!("fixtures/minimal.ron");
    let broken = fixture.replacen("cumulative_number: 125,", "cumulative_number: 125", 1);
    let path = temp_file("broken.ron", broken.as_bytes());
    let output = run(&["--gazette", path.to_str().unwrap(), "check"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    let line = fixture
        .lines()
        .position(|l| l.contains("published:"))
        .unwrap()
        + 1;
    assert!(
        message.contains(&format!("{}:{line}:", path.display())),
        "expected file:{line}:column in {message}"
    );
}

#[test]
fn every_kind_of_bad_file_exits_2_with_a_message() {
    let fixture = include_str!("fixtures/minimal.ron");
    let invalid = fixture.replace("\"4415\", \"2208\"", "\"4415\", \"9999\"");
    let cases: Vec<(&str, PathBuf)> = vec![
        ("empty", temp_file("empty.ron", b"")),
        ("binary", temp_file("junk.ron", &[0xff, 0xfe, 0, 1, 2, 3])),
        (
            "truncated",
            temp_file("half.ron", &fixture.as_bytes()[..400]),
        ),
        ("deep", temp_file("deep.ron", "(".repeat(50_000).as_bytes())),
        ("invalid", temp_file("invalid.ron", invalid.as_bytes())),
        ("directory", std::env::temp_dir()),
        ("missing", PathBuf::from("/no/such/gazette.ron")),
    ];
    for (name, path) in cases {
        let output = run(&["--gazette", path.to_str().unwrap(), "check"]);
        assert_eq!(output.status.code(), Some(2), "{name}: {}", stderr(&output));
        let message = stderr(&output);
        assert!(message.starts_with("error: "), "{name}: {message}");
        assert!(!message.contains("panicked"), "{name}: {message}");
    }
}

#[test]
fn docs_and_tables_list_ids() {
    let docs = String::from_utf8(run(&["docs"]).stdout).unwrap();
    assert!(docs.lines().count() >= 2, "{docs}");
    let tables = String::from_utf8(run(&["tables"]).stdout).unwrap();
    assert!(
        tables.lines().any(|l| l.starts_with("land-prices\t")),
        "{tables}"
    );
}

#[test]
fn text_of_an_unknown_document_lists_the_known_ones() {
    let output = run(&["text", "no-such-doc"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the documents are:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_writes_csv_with_bom_and_printed_headers() {
    let output = run(&["export", "land-prices", "--output", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(output.stdout[3..].to_vec()).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("序号,用途,标定区域编号,"), "{header}");
    assert!(header.contains("地面单价(元/m²)"), "{header}");
}

#[test]
fn export_of_an_unknown_table_fails_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("gazette-cli-none-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("out.csv");
    let output = run(&["export", "no-table", "--output", target.to_str().unwrap()]);
    assert_ne!(output.status.code(), Some(0));
    assert!(!target.exists());
}

#[test]
fn export_reproduces_all_66_printed_rows_cell_for_cell() {
    let source = std::fs::read_to_string("assets/source/zhumadian-gazette-2023-no3.txt")
        .expect("the source text beside the project");
    let gazette = gazette_browser::model::load::embedded().unwrap();
    let printed_rows: Vec<Vec<String>> = source
        .lines()
        .map(|line| line.split('\t').map(str::to_owned).collect::<Vec<_>>())
        .filter(|cells| cells.len() == 13 && cells[0].parse::<u32>().is_ok())
        .map(|cells| {
            // Apply only the corrections the data records as errata.
            cells
                .into_iter()
                .map(|cell| {
                    gazette.errata.iter().fold(cell, |cell, erratum| {
                        cell.replace(&erratum.printed, &erratum.corrected)
                    })
                })
                .collect()
        })
        .collect();
    assert_eq!(printed_rows.len(), 66);
    let output = run(&["export", "land-prices", "--output", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(&output.stdout[3..]);
    let exported: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(exported, printed_rows);
}

#[test]
fn schematic_writes_svg_per_use_and_refuses_unknown_uses() {
    let output = run(&["schematic", "--use", "住宅用地", "--svg", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = String::from_utf8(output.stdout).unwrap();
    assert_eq!(svg.matches("<rect id=\"region-411700Z7").count(), 27);
    assert_eq!(svg.matches("<rect id=\"region-").count(), 27);
    let output = run(&["schematic", "--use", "农业用地", "--svg", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("住宅用地"), "{}", stderr(&output));
}

/// The README's table of exit statuses, one row at a time: 0 done (also into a pipe its reader
/// closed early), 1 the system failed, 2 the request cannot be done as asked. Linux: a full
/// disk is `/dev/full`.
#[test]
#[cfg(target_os = "linux")]
fn exit_statuses_follow_the_readme_table() {
    let export = ["export", "land-prices", "--output"];
    let cases: [(&[&str], i32, &str); 6] = [
        (&["check"], 0, ""),
        (&["export", "no-such-table", "--output", "-"], 2, "no table"),
        (&["--no-such-option"], 2, "unexpected argument"),
        (
            &[
                "export",
                "land-prices",
                "--sort",
                "地面单价",
                "--sort",
                "地面单价:desc",
                "-o",
                "-",
            ],
            2,
            "already a sort key",
        ),
        (
            &[export[0], export[1], export[2], "/"],
            2,
            "that is a folder",
        ),
        (
            &[export[0], export[1], export[2], "/dev/full"],
            1,
            "disk is full",
        ),
    ];
    for (args, status, message) in cases {
        let output = run(args);
        assert_eq!(
            output.status.code(),
            Some(status),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn text_and_check_into_a_pipe_closed_early_end_quietly_with_0() {
    use std::process::Stdio;
    // (`export` into a closed pipe: tests/file_writes.rs, as root and as an ordinary user.)
    for args in [["text"].as_slice(), ["check"].as_slice()] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before reading anything, as `| head -c 0` does.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}

/// A file manager (the Linux desktop entry's `gazette-browser %f`) names the file without
/// `--gazette`; it is the file read, not the embedded issue, and a command still follows.
#[test]
fn a_plain_file_argument_is_the_gazette_read() {
    let fixture = include_str!("fixtures/minimal.ron");
    let broken = fixture.replacen("cumulative_number: 125,", "cumulative_number: 125", 1);
    let path = temp_file("plain-argument.ron", broken.as_bytes());
    let output = run(&[path.to_str().unwrap(), "check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("plain-argument.ron"));
    let good = temp_file("plain-argument-good.ron", fixture.as_bytes());
    let good = good.to_str().unwrap();
    let output = run(&[good, "check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // Named this way it is still the input no output may land on.
    let output = run(&[good, "export", "land-prices", "--output", good]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(good).unwrap(), fixture);
}
