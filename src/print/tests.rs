use super::*;
use crate::model::load::embedded;
use crate::table::{SortKey, visible_rows_of};

fn job<'a>(
    gazette: &'a Gazette,
    rows: &'a [usize],
    columns: &'a [usize],
    query: &'a Query,
) -> TableJob<'a> {
    TableJob {
        gazette,
        table: gazette.table("land-prices").unwrap(),
        rows,
        columns,
        query,
        chosen: crate::export::provenance::RowsChosen::Shown,
        shown: rows.len(),
        time: "2026-12-05 03:30:00（北京时间）".to_owned(),
    }
}

#[test]
fn the_land_price_printout_has_every_code_once_and_its_source_and_footer() {
    let gazette = embedded().unwrap();
    let table = gazette.table("land-prices").unwrap();
    let rows: Vec<usize> = (0..table.rows.len()).collect();
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    let query = Query::default();
    let printout = job(&gazette, &rows, &columns, &query).printout().unwrap();
    let pages = table_pages(&printout, FontMetrics::embedded());
    assert!(pages.len() >= 2, "66 rows take more than a page");
    let code = table.column_index("标定区域编号").unwrap();
    for row in &table.rows {
        let code = row[code].as_printed();
        let count = pages
            .iter()
            .flat_map(Page::texts)
            .filter(|t| *t == code)
            .count();
        assert_eq!(count, 1, "{code} printed {count} times");
    }
    let first: String = pages[0].texts().collect();
    assert!(
        first.contains("《驻马店市人民政府公报》2023年第3号（总第125号）"),
        "{first}"
    );
    assert!(first.contains("附件1"), "{first}");
    for (n, page) in pages.iter().enumerate() {
        let texts: String = page.texts().collect();
        assert!(texts.contains(&format!("第 {} 页 共 {} 页", n + 1, pages.len())));
        assert!(texts.contains("筛选：无；排序：按原表顺序"), "{texts}");
        assert!(
            texts.contains("导出时间：2026-12-05 03:30:00（北京时间）"),
            "{texts}"
        );
        assert!(texts.contains("标定区域编号"), "page {n} lacks the header");
    }
}

#[test]
fn the_printout_has_the_rows_and_columns_chosen_in_their_order() {
    let gazette = embedded().unwrap();
    let table = gazette.table("land-prices").unwrap();
    let price = table.column_index("地面单价").unwrap();
    let code = table.column_index("标定区域编号").unwrap();
    let query = Query {
        sort: vec![SortKey {
            column: price,
            direction: SortDirection::Descending,
        }],
        ..Query::default()
    };
    let rows: Vec<usize> = visible_rows_of(table, &query).into_iter().take(5).collect();
    let columns = [code, price];
    let printout = job(&gazette, &rows, &columns, &query).printout().unwrap();
    let pages = table_pages(&printout, FontMetrics::embedded());
    assert_eq!(pages.len(), 1);
    let codes: Vec<&str> = pages[0]
        .texts()
        .filter(|t| t.starts_with("411700"))
        .collect();
    let expected: Vec<&str> = rows
        .iter()
        .map(|&r| table.rows[r][code].as_printed())
        .collect();
    assert_eq!(codes, expected);
    let texts: String = pages[0].texts().collect();
    assert!(
        !texts.contains("标准宗地名称"),
        "a column not chosen is printed"
    );
    assert!(texts.contains("地面单价 降序"), "{texts}");
}

#[test]
fn the_pharma_plan_prints_every_heading_box_and_table() {
    let gazette = embedded().unwrap();
    let document = gazette.document("pharma-plan-notice").unwrap();
    let printout = DocumentPrintout::of(&gazette, document);
    let pages = document_pages(&printout, FontMetrics::embedded());
    // Lines joined, without the spaces a break stands on.
    let all: String = pages
        .iter()
        .flat_map(Page::texts)
        .flat_map(str::split_whitespace)
        .collect();
    assert!(all.contains(&document.title));
    assert!(all.contains("驻政办〔2023〕15号"));
    for block in document.all_blocks() {
        match block {
            Block::Heading { .. } | Block::Box { .. } | Block::Figure { .. } => {
                let text = block.shown_text().unwrap();
                let text: String = text.split_whitespace().collect();
                assert!(all.contains(&text), "{text} missing");
            }
            Block::Table { table } => {
                let table = gazette.table(table).unwrap();
                assert!(all.contains(&table.title), "{} missing", table.title);
            }
            _ => {}
        }
    }
    for (n, page) in pages.iter().enumerate() {
        let texts: String = page.texts().collect();
        assert!(texts.contains(&format!("第 {} 页 共 {} 页", n + 1, pages.len())));
    }
}

#[test]
fn filters_and_sort_are_described_in_words() {
    let gazette = embedded().unwrap();
    let table = gazette.table("land-prices").unwrap();
    let args = crate::export::cli::RowOptions {
        filter: Some("驿城".into()),
        where_: vec!["用途=住宅用地".into()],
        min: vec!["地面单价=4000".into()],
        sort: vec!["地面单价:desc".into()],
        ..Default::default()
    };
    let query = crate::export::cli::query_from_args(table, &args).unwrap();
    assert_eq!(
        describe_filters(table, &query),
        "用途 ∈ 住宅用地；地面单价 ≥ 4000；含“驿城”"
    );
    assert_eq!(describe_sort(table, &query), "地面单价 降序");
}

#[test]
fn too_many_rows_are_refused_with_what_to_do() {
    let message = check_row_count(MAX_PDF_ROWS + 1).unwrap_err().to_string();
    assert!(message.contains("at most 20000 rows"), "{message}");
    assert!(message.contains("export them as CSV"), "{message}");
    assert!(check_row_count(MAX_PDF_ROWS).is_ok());
}

#[test]
fn the_embedded_font_maps_the_issue_s_characters() {
    let metrics = FontMetrics::embedded();
    for c in "驻马店市人民政府公报第页共0123456789²（）".chars() {
        assert!(metrics.glyph(c).is_some(), "{c} has no glyph");
    }
    assert!((metrics.advance('中') - 1.0).abs() < 0.01);
}

#[test]
fn a_table_pdf_is_a_pdf_with_the_font_subset_embedded() {
    let gazette = embedded().unwrap();
    let table = gazette.table("land-prices").unwrap();
    let rows: Vec<usize> = (0..table.rows.len()).collect();
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    let query = Query::default();
    let bytes = table_pdf(&job(&gazette, &rows, &columns, &query)).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
    // The font is subset: the file is far smaller than the 3 MB font.
    assert!(
        bytes.len() < font::EMBEDDED_FONT.len() / 4,
        "{} bytes",
        bytes.len()
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("/ToUnicode"),
        "no ToUnicode map: text not searchable"
    );
    assert!(text.contains("/FontFile3"), "the CFF font is not embedded");
}

#[test]
fn a_document_s_table_prints_every_row_once_with_its_header_on_each_page() {
    let gazette = embedded().unwrap();
    let document = gazette.document("land-price-notice").unwrap();
    let table = gazette.table("land-prices").unwrap();
    let code = table.column_index("标定区域编号").unwrap();
    let printout = DocumentPrintout::of(&gazette, document);
    let pages = document_pages(&printout, FontMetrics::embedded());
    // Every code as often as the document's tables hold it (附件2's legends repeat some).
    for row in &table.rows {
        let code = row[code].as_printed();
        let count = pages
            .iter()
            .flat_map(Page::texts)
            .filter(|t| *t == code)
            .count();
        let cells = printout
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .flatten()
            .filter(|cell| cell.as_printed() == code)
            .count();
        assert_eq!(
            count, cells,
            "{code} printed {count} times, in {cells} cells"
        );
    }
    for (n, page) in pages.iter().enumerate() {
        let texts: Vec<&str> = page.texts().collect();
        if texts.iter().any(|t| t.starts_with("411700S")) {
            assert!(
                texts.contains(&"标定区域编号"),
                "page {n} has rows but no header"
            );
        }
    }
    let titles = pages
        .iter()
        .flat_map(Page::texts)
        .filter(|t| *t == table.title)
        .count();
    assert_eq!(titles, 1, "附件1's title printed {titles} times");
}
