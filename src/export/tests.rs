//! Unit tests of CSV building: fields, guard, encodings, names.

use super::*;
use crate::table::fixture::land_prices;

fn utf8(options: CsvOptions, rows: &[usize], columns: &[usize]) -> String {
    let bytes = csv_bytes(&land_prices(), rows, columns, &options).unwrap();
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
    String::from_utf8(body.to_vec()).unwrap()
}

#[test]
fn header_is_the_printed_title_with_unit_and_numbers_are_plain() {
    let text = utf8(CsvOptions::default(), &[0, 10], &[0, 2, 4, 7]);
    assert_eq!(
        text,
        "序号,标定区域编号,土地面积(m²),楼面单价(元/m²)\r\n\
         1,411700S50001,3298.21,2260\r\n\
         55,411700G60001,168658.88,--\r\n"
    );
}

#[test]
fn header_can_be_left_out() {
    let options = CsvOptions {
        header: false,
        ..CsvOptions::default()
    };
    assert_eq!(
        utf8(options, &[12], &[0, 3]),
        "41,\r\n",
        "blank cell stays blank"
    );
}

#[test]
fn bom_only_for_utf8_bom() {
    let table = land_prices();
    let bom = csv_bytes(&table, &[0], &[1], &CsvOptions::default()).unwrap();
    assert!(bom.starts_with(UTF8_BOM));
    let plain = CsvOptions {
        encoding: Encoding::Utf8,
        ..CsvOptions::default()
    };
    let bytes = csv_bytes(&table, &[0], &[1], &plain).unwrap();
    assert!(!bytes.starts_with(UTF8_BOM));
    assert_eq!(bytes, "用途\r\n商服用地\r\n".as_bytes());
}

#[test]
fn gbk_encodes_chinese_and_folds_the_superscript_of_m2() {
    let table = land_prices();
    let options = CsvOptions {
        encoding: Encoding::Gbk,
        ..CsvOptions::default()
    };
    let bytes = csv_bytes(&table, &[0], &[1, 4], &options).unwrap();
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    assert!(!bad);
    assert_eq!(text, "用途,土地面积(m2)\r\n商服用地,3298.21\r\n");
    assert_eq!(&bytes[..4], &[0xD3, 0xC3, 0xCD, 0xBE], "用途 in GBK");
}

#[test]
fn gbk_refuses_a_character_it_cannot_encode_and_names_the_cell() {
    let mut table = land_prices();
    table.rows[3][3] = Cell::Value("小区😀".into());
    let options = CsvOptions {
        encoding: Encoding::Gbk,
        ..CsvOptions::default()
    };
    let error = csv_bytes(&table, &[0, 3], &[0, 3], &options).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("row 2, column 标准宗地名称"), "{message}");
    assert!(message.contains("U+1F600"), "{message}");
    let headerless = CsvOptions {
        header: false,
        ..options
    };
    let message = csv_bytes(&table, &[3], &[3], &headerless)
        .unwrap_err()
        .to_string();
    assert!(message.contains("row 1,"), "{message}");
}

#[test]
fn a_streamed_export_that_cannot_be_built_keeps_the_old_file_and_names_the_cell() {
    let dir = std::env::temp_dir().join(format!("export-stream-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.csv");
    std::fs::write(&path, "what the clerk had").unwrap();
    let mut table = land_prices();
    table.rows[3][3] = Cell::Value("小区😀".into());
    let options = CsvOptions {
        encoding: Encoding::Gbk,
        ..CsvOptions::default()
    };
    let error = write_output_with(&path, None, |sink| {
        write_csv(&table, &[0, 3], &[0, 3], &options, sink)
    })
    .unwrap_err();
    assert!(
        matches!(error, ExportError::Unencodable { row: 2, .. }),
        "the build error comes out as itself, not as a write failure: {error:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "what the clerk had"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
    // The same export in UTF-8 streams into the file and matches the bytes built in memory.
    let utf8 = CsvOptions::default();
    write_output_with(&path, None, |sink| {
        write_csv(&table, &[0, 3], &[0, 3], &utf8, sink)
    })
    .unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        csv_bytes(&table, &[0, 3], &[0, 3], &utf8).unwrap()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn formula_like_text_is_neutralised_but_numbers_and_dashes_are_not() {
    let mut table = land_prices();
    table.rows[0][3] = Cell::Value("=HYPERLINK(\"http://x\")".into());
    table.rows[1][3] = Cell::Value("+1".into());
    table.rows[2][3] = Cell::Value("@SUM(A1)".into());
    table.rows[3][3] = Cell::Value("\tx".into());
    table.rows[4][3] = Cell::Value("-2+3".into());
    table.rows[5][7] = Cell::Value("-5".into());
    let options = CsvOptions {
        header: false,
        encoding: Encoding::Utf8,
    };
    let bytes = csv_bytes(&table, &[0, 1, 2, 3, 4, 5, 10], &[3, 7], &options).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..]);
    let cells: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(cells[0][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(cells[1][0], "'+1");
    assert_eq!(cells[2][0], "'@SUM(A1)");
    assert_eq!(cells[3][0], "'\tx");
    assert_eq!(cells[4][0], "'-2+3");
    assert_eq!(
        cells[5][1], "-5",
        "a number in a numeric column is never touched"
    );
    assert_eq!(cells[6][1], "--", "the printed dash stays as printed");
}

#[test]
fn codes_stay_text_and_commas_and_quotes_are_quoted() {
    let mut table = land_prices();
    table.rows[0][3] = Cell::Value("甲,\"乙\"".into());
    let options = CsvOptions {
        header: false,
        encoding: Encoding::Utf8,
    };
    let text = String::from_utf8(csv_bytes(&table, &[0], &[2, 3], &options).unwrap()).unwrap();
    assert_eq!(text, "411700S50001,\"甲,\"\"乙\"\"\"\r\n");
}

#[test]
fn suggested_names_carry_table_issue_and_row_count() {
    let issue = crate::model::load::embedded().unwrap().issue;
    assert_eq!(
        issue_label(&issue),
        "2023年第3号",
        "as the gazette names it"
    );
    let table = land_prices();
    assert_eq!(
        suggested_file_name(
            &table,
            "2023年第3号",
            (RowChoice::Shown, 12),
            ExportFormat::Csv
        ),
        "标定地价_2023年第3号_12行.csv"
    );
    assert_eq!(
        suggested_file_name(
            &table,
            "2023年第3号",
            (RowChoice::Selected, 5),
            ExportFormat::Csv
        ),
        "标定地价_2023年第3号_选中5行.csv",
        "a selection says so"
    );
    assert_eq!(
        suggested_file_name(&table, "", (RowChoice::All, 1), ExportFormat::Xlsx),
        "标定地价_1行.xlsx"
    );
    let mut odd = land_prices();
    odd.title = "A/B:C".into();
    assert_eq!(
        suggested_file_name(&odd, "2023年第3号", (RowChoice::All, 2), ExportFormat::Csv),
        "A_B_C_2023年第3号_2行.csv"
    );
}

#[test]
fn big_exports_built_in_parallel_keep_every_row_in_order() {
    use crate::model::{Column, ColumnKind, Table, TableOrigin};
    let rows = 130_001;
    let table = Table {
        id: "big".into(),
        title: "big".into(),
        document: "d".into(),
        origin: TableOrigin::Printed {
            place: String::new(),
        },
        columns: vec![
            Column {
                title: "序号".into(),
                kind: ColumnKind::Integer,
                unit: None,
            },
            Column {
                title: "名称".into(),
                kind: ColumnKind::Text,
                unit: None,
            },
        ],
        rows: (0..rows)
            .map(|i| vec![Cell::from(i.to_string()), Cell::from(format!("=第{i}行"))])
            .collect(),
    };
    let order: Vec<usize> = (0..rows).rev().collect();
    let bytes = csv_bytes(&table, &order, &[0, 1], &CsvOptions::default()).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let read: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(read.len(), rows);
    for (record, &row) in read.iter().zip(&order) {
        assert_eq!(&record[0], row.to_string());
        assert_eq!(&record[1], format!("'=第{row}行"));
    }
}

/// Found by the csv_export fuzz target: a printed "--" in a text column. It is the gazette's
/// not-applicable mark, runs no formula, and is written as printed in every column.
#[test]
fn the_printed_dash_in_a_text_column_is_not_guarded() {
    let mut table = land_prices();
    let text_column = table.column_index("标准宗地名称").unwrap();
    table.rows[0][text_column] = Cell::Dash;
    let bytes = csv_bytes(&table, &[0], &[text_column], &CsvOptions::default()).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(text.lines().nth(1), Some("--"));
}
