//! The `pdf` command as a user runs it, its files read back with a PDF library (lopdf): the
//! pages parse, and the text comes back through the font's ToUnicode map, as a viewer's search
//! finds it. (scripts/check-pdf.sh does the same with poppler and renders the pages.)
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The text of every page, without the white space a line break or a cell border stands on.
fn text_of(path: &PathBuf) -> (usize, String) {
    let document = lopdf::Document::load(path).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("the text extracts");
    (pages.len(), text.split_whitespace().collect())
}

fn land_price_codes() -> Vec<String> {
    let output = run(&[
        "export",
        "land-prices",
        "--encoding",
        "utf8",
        "--output",
        "-",
    ]);
    let csv = String::from_utf8(output.stdout).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let code = header.iter().position(|h| *h == "标定区域编号").unwrap();
    lines
        .map(|line| line.split(',').nth(code).unwrap().to_owned())
        .collect()
}

#[test]
fn the_table_pdf_gives_back_every_code_its_source_and_page_numbers() {
    let path = scratch("land-prices.pdf");
    let output = run(&["pdf", "land-prices", "--output", path.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (pages, text) = text_of(&path);
    assert!(pages >= 2, "{pages} pages");
    let codes = land_price_codes();
    assert_eq!(codes.len(), 66);
    for code in &codes {
        assert!(text.contains(code.as_str()), "{code} not in the PDF's text");
    }
    assert!(text.contains("《驻马店市人民政府公报》2023年第3号（总第125号）"));
    assert!(
        text.contains(&format!("第1页共{pages}页")),
        "no page numbers"
    );
}

#[test]
fn a_filtered_sorted_table_pdf_holds_only_the_rows_chosen() {
    let path = scratch("residential.pdf");
    let choice = [
        "land-prices",
        "--where",
        "用途=住宅用地",
        "--min",
        "地面单价=4000",
        "--sort",
        "地面单价:desc",
        "--output",
    ];
    let pdf_args = [&["pdf"], &choice[..], &[path.to_str().unwrap()]].concat();
    let output = run(&pdf_args);
    assert_eq!(output.status.code(), Some(0));
    // The same rows as the CSV export of the same choice, in its order.
    let csv_args = [&["export"], &choice[..], &["-"]].concat();
    let csv = String::from_utf8(run(&csv_args).stdout).unwrap();
    let codes: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|line| line.split(',').nth(2).unwrap())
        .collect();
    assert!(codes.len() > 2, "{csv}");
    let (_, text) = text_of(&path);
    let mut at = 0;
    for code in &codes {
        let found = text[at..].find(code);
        assert!(found.is_some(), "{code} missing or out of order");
        at += found.unwrap_or(0);
    }
    assert!(text.contains("用途∈住宅用地；地面单价≥4000"), "{text}");
    assert!(text.contains("排序：地面单价降序"), "{text}");
    // In the words of the CSV's provenance and the workbook's 来源 sheet.
    let rows = format!("行：筛选后显示的{}行（全表66行）", codes.len());
    assert!(text.contains(&rows), "{text}");
    assert!(
        !text.contains("商服用地"),
        "a row that was filtered out is printed"
    );
}

#[test]
fn the_document_pdf_gives_back_its_title_number_and_headings() {
    let path = scratch("pharma.pdf");
    let output = run(&["pdf", "pharma-plan-notice", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let (_, text) = text_of(&path);
    for expected in [
        "驻马店市人民政府办公室关于印发驻马店市“中国药谷”产业发展规划的通知",
        "驻政办〔2023〕15号",
        "一、发展基础",
        "专栏1",
    ] {
        assert!(text.contains(expected), "{expected} not in the PDF's text");
    }
}

#[test]
fn an_unknown_id_or_row_options_for_a_document_are_refused_and_nothing_is_written() {
    let path = scratch("nothing.pdf");
    let output = run(&["pdf", "nope", "--output", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("no table or document \"nope\""),
        "{message}"
    );
    assert!(message.contains("land-prices"), "{message}");
    let output = run(&[
        "pdf",
        "pharma-plan-notice",
        "--sort",
        "x",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!path.exists());
}
