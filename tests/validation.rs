//! Loading and validation: bad files are refused with every problem named, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::load::{LoadError, parse_bytes, parse_str};
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

#[test]
fn the_rows_fast_path_reads_exactly_what_ron_reads() {
    let options = ron::Options::default();
    for text in [MINIMAL, gazette_browser::model::load::EMBEDDED_RON] {
        let fast = gazette_browser::model::fast_rows::parse_if_rows_exceed(text, &options, 0)
            .expect("the fast path takes these files")
            .unwrap();
        let slow: gazette_browser::model::Gazette = options.from_str(text).unwrap();
        assert_eq!(fast, slow);
    }
}

#[test]
fn errors_after_blanked_rows_keep_their_line_and_column() {
    let options = ron::Options::default();
    let broken = MINIMAL.replace("errata: [],", "errata: [,");
    let slow = options
        .from_str::<gazette_browser::model::Gazette>(&broken)
        .unwrap_err();
    let fast = gazette_browser::model::fast_rows::parse_if_rows_exceed(&broken, &options, 0)
        .expect("the fast path takes this file")
        .unwrap_err();
    assert_eq!(fast.span.start, slow.span.start);
}
