//! Whole-issue search on the bundled issue: what a clerk types finds what the gazette says.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::load::embedded;
use gazette_browser::search::{Place, SearchIndex};

fn index() -> (gazette_browser::model::Gazette, SearchIndex) {
    let gazette = embedded().unwrap();
    let index = SearchIndex::new(&gazette);
    (gazette, index)
}

#[test]
fn phrases_split_by_page_breaks_are_found() {
    let (_, index) = index();
    for phrase in ["人才住房", "其它物业", "将培优中小企业与做强产业相结合"]
    {
        assert!(!index.search(phrase, 5).is_empty(), "{phrase} not found");
    }
}

#[test]
fn a_region_code_finds_its_cell_in_the_land_price_table() {
    let (gazette, index) = index();
    let hits = index.search("411700Z70012", 10);
    let table = gazette.table("land-prices").unwrap();
    let code_column = table.column_index("标定区域编号").unwrap();
    assert!(hits.iter().any(|hit| matches!(
        &hit.place,
        Place::Cell { table: t, row, column } if t == "land-prices"
            && *column == code_column
            && table.rows[*row][code_column].as_printed() == "411700Z70012"
    )));
}

#[test]
fn spaces_in_the_print_do_not_hide_a_match() {
    // The source prints "2022 年标定地价"; a clerk types it without the space.
    let (_, index) = index();
    let hits = index.search("2022年标定地价", 50);
    assert!(!hits.is_empty());
    for hit in &hits {
        let matched = &hit.context[hit.match_range.clone()];
        assert_eq!(matched.replace(' ', ""), "2022年标定地价");
    }
}

#[test]
fn every_paragraph_can_be_found_by_its_own_first_sentence() {
    let (gazette, index) = index();
    for document in &gazette.documents {
        for block in document.all_blocks() {
            let gazette_browser::model::Block::Paragraph { text, .. } = block else {
                continue;
            };
            let probe: String = text.chars().take(20).collect();
            assert!(
                index.count(&probe) > 0,
                "paragraph of {} not found by {probe:?}",
                document.id
            );
        }
    }
}
