//! Loading and validation: bad files are refused with every problem named, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::load::{
    LoadError, MAX_FILE_BYTES, MAX_NESTING, parse_bytes, parse_str,
};
use gazette_browser::model::validate::validate;

const MINIMAL: &str = include_str!("fixtures/minimal.ron");

fn problems_of(text: &str) -> Vec<String> {
    match parse_str(text, "test.ron") {
        Err(LoadError::Invalid { problems, .. }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        other => panic!("expected validation problems, got {other:?}"),
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let gazette = parse_str(MINIMAL, "minimal.ron").unwrap();
    assert!(validate(&gazette).is_empty());
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let broken = MINIMAL.replace("year: 2023,", "year: 2023,,");
    let err = parse_str(&broken, "broken.ron").unwrap_err();
    let LoadError::Syntax { line, column, .. } = &err else {
        panic!("expected a syntax error, got {err:?}");
    };
    let expected_line = MINIMAL
        .lines()
        .position(|l| l.contains("year: 2023,"))
        .unwrap()
        + 1;
    assert_eq!(*line, expected_line);
    assert!(*column > 1);
    assert!(
        err.to_string()
            .starts_with(&format!("broken.ron:{expected_line}:"))
    );
}

#[test]
fn a_type_error_says_what_was_expected() {
    let broken = MINIMAL.replace("year: 2023,", "year: \"二〇二三\",");
    let message = parse_str(&broken, "t.ron").unwrap_err().to_string();
    assert!(message.starts_with("t.ron:"), "{message}");
    assert!(message.to_lowercase().contains("expected"), "{message}");
}

#[test]
fn a_bad_date_is_a_type_error_with_position() {
    let broken = MINIMAL.replace("\"2023-04-24\"", "\"2023-13-24\"");
    let err = parse_str(&broken, "t.ron").unwrap_err();
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn all_semantic_problems_are_reported_at_once() {
    let broken = MINIMAL
        // a wrong floor price, a number that does not parse, a short row …
        .replace("\"4415\", \"2208\"", "\"4415\", \"2207\"")
        .replace("\"74399.73\"", "\"74,399.73\"")
        .replace(
            "[\"1\", \"411700Z70005\", \"3000\"]",
            "[\"1\", \"411700Z70005\"]",
        )
        // … a duplicate table id, a dangling link and a dangling source paragraph.
        .replace("id: \"derived\"", "id: \"legend\"")
        .replace(
            "interpretation: Some(\"reading\")",
            "interpretation: Some(\"nowhere\")",
        )
        .replace("paragraphs: [\"p-prices\"]", "paragraphs: [\"p-gone\"]");
    let problems = problems_of(&broken);
    let expect = [
        "row 1, column 楼面单价: is 2207, but 地面单价 4415 ÷ 设定容积率 2 rounds to 2208",
        "row 2, column 土地面积: \"74,399.73\" is not a decimal number",
        "table legend row 1: has 2 cells but the table has 3 columns",
        "table legend: the id is used by more than one table",
        "its interpretation \"nowhere\" does not exist",
        "paragraph \"p-gone\", which does not exist",
    ];
    for needle in expect {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "missing {needle:?} in {problems:#?}"
        );
    }
}

#[test]
fn counts_that_contradict_the_interpretation_are_refused() {
    let broken = MINIMAL.replace("住宅1个", "住宅2个");
    let problems = problems_of(&broken);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("has 1 住宅 regions, but the interpretation")),
        "{problems:#?}"
    );
}

#[test]
fn a_one_sided_interpretation_link_is_refused() {
    let broken = MINIMAL.replace("interprets: Some(\"notice\")", "interprets: None");
    let problems = problems_of(&broken);
    assert!(
        problems.iter().any(|p| p.contains("does not name it back")),
        "{problems:#?}"
    );
}

#[test]
fn a_newer_format_is_refused_with_advice() {
    let newer = MINIMAL.replace("format: 1,", "format: 99,");
    let message = parse_str(&newer, "t.ron").unwrap_err().to_string();
    assert!(message.contains("format 99"), "{message}");
}

#[test]
fn junk_input_gives_messages_not_panics() {
    let deep = "[".repeat(100_000);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("whitespace", b"  \n\t ".to_vec()),
        ("binary", vec![0, 159, 146, 150, 255, 1, 2]),
        (
            "truncated",
            MINIMAL.as_bytes()[..MINIMAL.len() / 2].to_vec(),
        ),
        ("deep nesting", deep.into_bytes()),
        ("wrong root", b"[1, 2, 3]".to_vec()),
    ];
    for (name, bytes) in cases {
        let err = parse_bytes(&bytes, name).expect_err(name);
        assert!(err.to_string().starts_with(name), "{name}: {err}");
    }
}

/// The message of a file that does not load.
fn refusal(text: &str) -> String {
    parse_str(text, "t.ron").unwrap_err().to_string()
}

#[test]
fn impossible_values_are_refused_with_their_place() {
    let cases = [
        // (what is changed, into what, what the message must name)
        (
            "\"2234.06\"",
            "\"-2234.06\"",
            "row 1, column 土地面积: \"-2234.06\" is negative",
        ),
        (
            "\"2234.06\"",
            "\"-0\"",
            "row 1, column 土地面积: \"-0\" is negative",
        ),
        (
            "\"411700S50002\"",
            "\"411700\u{200b}S50002\"",
            "row 1, column 标定区域编号: \"411700\u{200b}S50002\" is not a code (no spaces or invisible characters)",
        ),
        (
            "\"411700S50002\"",
            "\"411700S50002\u{feff}\"",
            "row 1, column 标定区域编号",
        ),
        (
            "\"4415\", \"2208\"",
            "\"4415\", \"--\"",
            "row 1, column 楼面单价: is \"--\", but a 商服用地 row has a floor price",
        ),
        (
            "\"3785\", \"1802\"",
            "\"3785\", \"\"",
            "row 2, column 楼面单价: is \"\", but a 住宅用地 row has a floor price",
        ),
        (
            "Heading(level: 1,",
            "Heading(level: 99,",
            "(heading \"总则\"): level 99 does not exist; headings have levels 1 to 4",
        ),
        (
            "\"2\", \"4415\", \"2208\"",
            "\"0.0000000000000000001\", \"9223372036854775807\", \"1\"",
            "地面单价 9223372036854775807 ÷ 设定容积率 0.0000000000000000001 is too large to be a price",
        ),
    ];
    for (from, to, needle) in cases {
        assert!(MINIMAL.contains(from), "{from}");
        let message = refusal(&MINIMAL.replacen(from, to, 1));
        assert!(message.contains(needle), "{to}: {message}");
        assert!(!message.contains("rounds to -"), "{message}");
    }
    let message = refusal(&MINIMAL.replace("\"2023-04-24\"", "\"2023-02-31\""));
    assert!(message.starts_with("t.ron:36:"), "{message}");
    assert!(message.contains("2023-02 has 28 days"), "{message}");
    assert!(parse_str(&MINIMAL.replace("\"2023-04-24\"", "\"2024-02-29\""), "t").is_ok());
}

#[test]
fn unknown_fields_are_refused_naming_the_field_and_the_expected_ones() {
    for (from, to, field) in [
        ("year: 2023,", "year: 2023, yaer: 2023,", "yaer"),
        (
            "(title: \"序号\", kind: Integer, unit: None)",
            "(title: \"序号\", kind: Integer, unit: None, rows: [])",
            "rows",
        ),
        ("Heading(level: 1,", "Heading(levl: 2, level: 1,", "levl"),
    ] {
        let message = refusal(&MINIMAL.replacen(from, to, 1));
        assert!(message.contains(&format!("`{field}`")), "{message}");
        assert!(message.contains("expected"), "{message}");
        assert!(
            message.contains("Correct the file at that place"),
            "{message}"
        );
    }
}

#[test]
fn what_ron_reads_is_what_the_program_reads() {
    // Once a big file took a second reader, which read "\u{+35}" as "5" and rows from places
    // ron never reads as rows; now ron reads every file, so these are refused or read alike.
    let escaped = MINIMAL.replacen("\"2234.06\"", "\"\\u{+35}\"", 1);
    assert!(
        refusal(&escaped).contains("t.ron:"),
        "{}",
        refusal(&escaped)
    );
    let rows_in_text = MINIMAL.replacen(
        "Paragraph(text: \"共划分",
        "Paragraph(text: \"rows: [[\\\"1\\\"]], 共划分",
        1,
    );
    let gazette = parse_str(&rows_in_text, "t.ron").unwrap();
    assert_eq!(gazette.tables[0].rows.len(), 3);
}

#[test]
fn old_mac_line_endings_read_and_errors_name_the_real_line() {
    let mac = MINIMAL.replace("\r\n", "\n").replace('\n', "\r");
    let gazette = parse_str(&mac, "mac.ron").unwrap();
    assert_eq!(gazette, parse_str(MINIMAL, "unix.ron").unwrap());
    let broken = mac.replacen("year: 2023,", "year: 2023,,", 1);
    let message = refusal(&broken);
    let line = MINIMAL
        .lines()
        .position(|l| l.contains("year: 2023,"))
        .unwrap()
        + 1;
    assert!(message.starts_with(&format!("t.ron:{line}:")), "{message}");
}

#[test]
fn a_file_of_ten_thousand_bad_rows_lists_a_thousand_and_counts_the_rest() {
    let bad_rows = "[], ".repeat(10_000);
    let hostile = MINIMAL.replacen("rows: [\n", &format!("rows: [\n{bad_rows}"), 1);
    let LoadError::Invalid { problems, .. } = parse_str(&hostile, "t.ron").unwrap_err() else {
        panic!("expected problems");
    };
    // 10,000 bad rows, and the table's stated row count no longer matches.
    assert_eq!(problems.len(), 10_001);
    assert_eq!(problems.iter().count(), 1_000);
    let message = LoadError::Invalid {
        path: "t.ron".into(),
        problems,
    }
    .to_string();
    assert!(
        message.contains("rows with the wrong number of cells: 9000 more"),
        "{}",
        &message[message.len() - 300..]
    );
}

#[test]
fn limits_are_stated_as_they_are() {
    // Boxes (专栏) hold blocks, so nesting is the one way a file can go deep.
    let open = "Box(number: None, title: \"框\", blocks: [".repeat(200);
    let close = "])".repeat(200);
    let deep = MINIMAL.replacen("body: [", &format!("body: [{open}{close}, "), 1);
    let message = refusal(&deep);
    assert!(
        message.contains(&format!("more than {MAX_NESTING} levels")),
        "{message}"
    );
    assert!(message.starts_with("t.ron:"), "{message}");
    let too_large = LoadError::TooLarge {
        path: "big.ron".into(),
        bytes: MAX_FILE_BYTES + 1,
    }
    .to_string();
    assert!(
        too_large.contains(&format!(
            "{} bytes, over the limit of {MAX_FILE_BYTES} bytes",
            MAX_FILE_BYTES + 1
        )),
        "{too_large}"
    );
}

#[test]
fn a_row_far_wider_than_any_table_is_refused_where_it_is_read() {
    use gazette_browser::model::MAX_ROW_CELLS;
    let wide = format!("[{}], ", "\"1\", ".repeat(MAX_ROW_CELLS + 1));
    let hostile = MINIMAL.replacen("rows: [\n", &format!("rows: [\n{wide}"), 1);
    let line = MINIMAL.lines().position(|l| l.contains("rows: [")).unwrap() + 2;
    let message = refusal(&hostile);
    assert!(message.starts_with(&format!("t.ron:{line}:")), "{message}");
    assert!(
        message.contains(&format!("more than {MAX_ROW_CELLS} cells")),
        "{message}"
    );
    // As wide as allowed: read, then refused by validation for its cell count.
    let widest = format!("[{}], ", "\"1\", ".repeat(MAX_ROW_CELLS));
    let message = refusal(&MINIMAL.replacen("rows: [\n", &format!("rows: [\n{widest}"), 1));
    assert!(
        message.contains(&format!("has {MAX_ROW_CELLS} cells")),
        "{message}"
    );
}
