//! Fidelity of the committed data file `assets/gazette-2023-03.ron` to the source text.
//!
//! The source is read here independently of the importer (plain line splits, no shared code),
//! so a mistake in the importer cannot hide behind itself. Corrections are allowed only where
//! the file records them as errata.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on bad data

use gazette_browser::model::{Block, Category, Cell, ColumnKind, Document, Gazette, TableOrigin};
use gazette_browser::reader::text::issue_text;
use std::path::Path;

const SOURCE: &str = "assets/source/zhumadian-gazette-2023-no3.txt";
const DATA: &str = "assets/gazette-2023-03.ron";

fn source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SOURCE);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gazette() -> Gazette {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    let text = std::fs::read_to_string(&path).unwrap();
    ron::from_str::<Gazette>(&text).unwrap()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Source rows with exactly `width` tab-separated cells, header rows excluded.
fn source_rows(source: &str, width: usize) -> Vec<Vec<String>> {
    source
        .lines()
        .map(|line| line.split('\t').map(str::to_owned).collect::<Vec<_>>())
        .filter(|cells| cells.len() == width && cells[0] != "序号")
        .collect()
}

fn printed(row: &[Cell]) -> Vec<String> {
    row.iter().map(|c| c.as_printed().to_owned()).collect()
}

/// The source cell as the data file must hold it: the printed text, with an erratum applied
/// only where the file records one for this row and column.
fn expected_cell(gazette: &Gazette, number: &str, column: &str, printed: &str) -> String {
    let place = format!("land-prices: 序号 {number}, {column}");
    gazette
        .errata
        .iter()
        .filter(|e| e.place == place)
        .fold(printed.to_owned(), |cell, e| {
            cell.replace(&e.printed, &e.corrected)
        })
}

#[test]
fn every_land_price_cell_is_the_printed_one() {
    let (gazette, source) = (gazette(), source());
    let table = gazette.table("land-prices").unwrap();
    let rows = source_rows(&source, 13);
    assert_eq!(rows.len(), 66);
    assert_eq!(table.rows.len(), 66);
    let mut corrected = 0;
    for (ours, theirs) in table.rows.iter().zip(&rows) {
        for (col, (cell, printed)) in ours.iter().zip(theirs).enumerate() {
            let title = &table.columns[col].title;
            let expected = expected_cell(&gazette, &theirs[0], title, printed);
            corrected += usize::from(expected != *printed);
            assert_eq!(cell.as_printed(), expected, "row {} {title}", theirs[0]);
        }
    }
    assert_eq!(corrected, 1, "only row 3 土地位置 carries an erratum");
}

#[test]
fn land_price_row_three_reads_he_not_and() {
    let gazette = gazette();
    let table = gazette.table("land-prices").unwrap();
    let col = table.column_index("土地位置").unwrap();
    assert_eq!(
        table.rows[2][col].as_printed(),
        "雪松大道、天中山大道、文化路和学院路围合区域内"
    );
}

#[test]
fn land_price_header_is_the_printed_one_spelt_correctly() {
    let (gazette, source) = (gazette(), source());
    let table = gazette.table("land-prices").unwrap();
    let headers: Vec<String> = table.columns.iter().map(|c| squeeze(&c.header())).collect();
    let correct = source
        .lines()
        .find(|line| line.starts_with("序号\t用途\t标定区域编号\t标定区域四至"))
        .unwrap();
    let printed: Vec<String> = correct.split('\t').map(squeeze).collect();
    assert_eq!(headers, printed);
    let misspelt = source.lines().filter(|l| l.contains("标区区域")).count();
    assert_eq!(misspelt, 2, "the source has two misspelt page headers");
    assert!(!issue_text(&gazette).contains("标区区域"));
}

#[test]
fn land_price_column_kinds_and_units() {
    let gazette = gazette();
    let table = gazette.table("land-prices").unwrap();
    let kinds: Vec<(&str, ColumnKind, Option<&str>)> = table
        .columns
        .iter()
        .map(|c| (c.title.as_str(), c.kind, c.unit.as_deref()))
        .collect();
    use ColumnKind::*;
    assert_eq!(
        kinds,
        vec![
            ("序号", Integer, None),
            ("用途", Category, None),
            ("标定区域编号", Code, None),
            ("标定区域四至", Text, None),
            ("标准宗地名称", Text, None),
            ("土地位置", Text, None),
            ("权利类型", Category, None),
            ("土地面积", Decimal, Some("m²")),
            ("设定容积率", Decimal, None),
            ("设定开发程度", Category, None),
            ("设定使用年期", Integer, None),
            ("地面单价", Integer, Some("元/m²")),
            ("楼面单价", Integer, Some("元/m²")),
        ]
    );
    for row in &table.rows {
        for (cell, column) in row.iter().zip(&table.columns) {
            if column.kind.is_numeric() && *cell != Cell::Dash {
                assert!(cell.number().is_some(), "{} {cell:?}", column.title);
            }
        }
    }
}

#[test]
fn land_uses_count_27_27_12_as_the_interpretation_says() {
    let (gazette, source) = (gazette(), source());
    let table = gazette.table("land-prices").unwrap();
    let col = table.column_index("用途").unwrap();
    let count = |use_: &str| {
        let rows = table.rows.iter();
        rows.filter(|r| r[col].as_printed() == use_).count()
    };
    assert_eq!(
        (count("商服用地"), count("住宅用地"), count("工业用地")),
        (27, 27, 12)
    );
    assert!(squeeze(&source).contains("共划分66个标定区域,其中商服27个,住宅27个,工业12个"));
}

#[test]
fn floor_price_is_ground_price_over_plot_ratio_and_industry_prints_a_dash() {
    let gazette = gazette();
    let table = gazette.table("land-prices").unwrap();
    let col = |t: &str| table.column_index(t).unwrap();
    let (use_, ratio, ground, floor) = (
        col("用途"),
        col("设定容积率"),
        col("地面单价"),
        col("楼面单价"),
    );
    let mut priced = 0;
    for row in &table.rows {
        if row[use_].as_printed() == "工业用地" {
            assert_eq!(row[floor], Cell::Dash);
            continue;
        }
        let expected = (row[ground].number().unwrap() / row[ratio].number().unwrap()).round();
        assert_eq!(
            row[floor].number(),
            Some(expected),
            "row {}",
            row[0].as_printed()
        );
        priced += 1;
    }
    assert_eq!(priced, 54);
}

#[test]
fn legends_are_exactly_as_printed() {
    let (gazette, source) = (gazette(), source());
    let residential = gazette.table("legend-residential").unwrap();
    let rows: Vec<Vec<String>> = residential.rows.iter().map(|r| printed(r)).collect();
    assert_eq!(rows, source_rows(&source, 3));
    assert_eq!(rows.len(), 40);
    assert!(rows.iter().all(|r| r[2] == "3000"));

    let industrial = gazette.table("legend-industrial").unwrap();
    let rows: Vec<Vec<String>> = industrial.rows.iter().map(|r| printed(r)).collect();
    assert_eq!(rows, source_rows(&source, 5));
    assert_eq!(rows.len(), 12);
    assert_eq!(rows[0][3..], ["1", "381"], "kept as printed, never fixed");
    assert!(gazette.table("legend-commercial").is_none());
}

#[test]
fn every_source_line_is_in_the_issue_text() {
    let (gazette, source) = (gazette(), source());
    let text = squeeze(&issue_text(&gazette));
    let mut missing = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with("序号\t") {
            continue;
        }
        // The "- " before 附件： is a list marker left by the extraction, not text.
        let line = line.strip_prefix("- ").unwrap_or(line);
        let mut expected = squeeze(line);
        for erratum in &gazette.errata {
            expected = expected.replace(&squeeze(&erratum.printed), &squeeze(&erratum.corrected));
        }
        if !text.contains(&expected) {
            missing.push(format!("{}: {line}", n + 1));
        }
    }
    assert!(missing.is_empty(), "missing lines:\n{}", missing.join("\n"));
}

fn all_paragraphs(gazette: &Gazette) -> Vec<(&Document, Option<&str>, &str)> {
    let mut out = Vec::new();
    for document in &gazette.documents {
        for block in document.all_blocks() {
            if let Block::Paragraph { id, text } = block {
                out.push((document, id.as_deref(), text.as_str()));
            }
        }
    }
    out
}

#[test]
fn page_break_splits_are_rejoined_inside_one_paragraph() {
    let gazette = gazette();
    let paragraphs = all_paragraphs(&gazette);
    for joined in [
        "人才住房",
        "其它物业",
        "将培优中小企业与做强产业相结合",
        "鼓励银行业金融机构围绕",
        "高质量解决企业实际困难问题",
        "省医保目录",
        "“三同时”制度",
        "总体目标、重点任务",
    ] {
        let holders: Vec<&str> = paragraphs
            .iter()
            .filter(|(_, _, text)| text.contains(joined))
            .map(|(doc, _, _)| doc.id.as_str())
            .collect();
        assert!(!holders.is_empty(), "{joined} is not one paragraph");
    }
    let housing = paragraphs.iter().filter(|(_, _, t)| t.contains("人才住房"));
    assert_eq!(
        housing.count(),
        2,
        "the housing plan and its interpretation"
    );
}

#[test]
fn numbered_lines_become_headings_only_when_they_hold_no_sentence() {
    let gazette = gazette();
    let sme = gazette.document("sme-plan-notice").unwrap();
    let blocks = sme.all_blocks();
    let heading = |numbering: &str, text: &str| {
        blocks.iter().find_map(|b| match b {
            Block::Heading {
                level,
                numbering: n,
                text: t,
            } if n == numbering && t == text => Some(*level),
            _ => None,
        })
    };
    assert_eq!(heading("一、", "指导思想"), Some(1));
    assert_eq!(heading("(一)", "完善培育体系"), Some(2));
    assert_eq!(heading("（四）", "推进育才引才"), Some(2));
    let paragraph_starts = |prefix: &str| {
        blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { text, .. } if text.starts_with(prefix)))
    };
    assert!(paragraph_starts("1.建立优质中小企业培育库。对照"));
    assert!(paragraph_starts("（一）加强统筹协调。充分发挥"));

    let pharma = gazette.document("pharma-plan-notice").unwrap();
    let level3 = pharma
        .all_blocks()
        .into_iter()
        .filter(|b| matches!(b, Block::Heading { level: 3, .. }))
        .count();
    assert_eq!(level3, 17, "五、主要任务 has 17 numbered tasks");
}

#[test]
fn boxes_and_figures_are_the_printed_ones() {
    let gazette = gazette();
    let pharma = gazette.document("pharma-plan-notice").unwrap();
    let mut boxes = Vec::new();
    let mut figures = Vec::new();
    for block in pharma.all_blocks() {
        match block {
            Block::Box { number, blocks, .. } => {
                assert!(!blocks.is_empty());
                boxes.push(number.unwrap());
            }
            Block::Figure { number, .. } => figures.push(number.unwrap()),
            _ => {}
        }
    }
    assert_eq!(
        boxes,
        [1, 3, 4, 5, 6, 7, 8, 9],
        "专栏 2 is absent from the source"
    );
    assert_eq!(
        figures,
        [1, 3, 4, 5, 6, 7, 8],
        "图 2 is absent from the source"
    );
}

/// Whether `number` occurs in `text` as a whole number (not as part of a longer one).
fn has_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        let part_of_number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
        !part_of_number(before) && !part_of_number(after)
    })
}

#[test]
fn derived_numbers_appear_in_the_paragraphs_they_come_from() {
    let gazette = gazette();
    let paragraphs = all_paragraphs(&gazette);
    let mut derived = 0;
    for table in &gazette.tables {
        let TableOrigin::Derived { paragraphs: ids } = &table.origin else {
            continue;
        };
        derived += 1;
        let sources: Vec<String> = ids
            .iter()
            .map(|id| {
                let found = paragraphs
                    .iter()
                    .find(|(_, pid, _)| *pid == Some(id.as_str()));
                let (document, _, text) = found.unwrap_or_else(|| panic!("no paragraph {id}"));
                assert_eq!(document.id, table.document, "{id}");
                squeeze(text)
            })
            .collect();
        for row in &table.rows {
            for (cell, column) in row.iter().zip(&table.columns) {
                let Some(value) = cell.value() else { continue };
                if column.kind.is_numeric() {
                    let found = sources.iter().any(|p| has_number(p, value));
                    assert!(
                        found,
                        "{}: {} {value} not in its paragraphs",
                        table.id, column.title
                    );
                }
            }
        }
    }
    assert_eq!(derived, 4);
}

#[test]
fn sme_awards_hold_every_award_with_its_responsible_units() {
    let gazette = gazette();
    let table = gazette.table("sme-awards").unwrap();
    let col = |t: &str| table.column_index(t).unwrap();
    let find = |object: &str, level: &str| {
        table
            .rows
            .iter()
            .find(|r| r[col("对象")].as_printed() == object && r[col("级别")].as_printed() == level)
            .unwrap_or_else(|| panic!("no award for {level} {object}"))
    };
    assert_eq!(find("工业设计中心", "省级")[col("金额")].as_printed(), "50");
    assert_eq!(
        find("工业设计中心", "国家级")[col("金额")].as_printed(),
        "300"
    );
    assert_eq!(
        find("专精特新“小巨人”企业", "国家级")[col("金额")].as_printed(),
        "100"
    );
    let upgrade = find("设备投资500万元以上的技改项目", "");
    assert_eq!(upgrade[col("比例")].as_printed(), "10");
    assert_eq!(upgrade[col("上限")].as_printed(), "1000");
    assert_eq!(
        upgrade[col("责任单位")].as_printed(),
        "市工信局、市科技局、市财政局,各县区人民政府、管委会"
    );
    assert_eq!(table.rows.len(), 26);
    let paragraphs = all_paragraphs(&gazette);
    for row in &table.rows {
        let units = row[col("责任单位")].as_printed();
        let measure = row[col("措施")].as_printed();
        let holder = paragraphs
            .iter()
            .find(|(_, _, text)| text.contains(measure) && text.contains(units));
        assert!(holder.is_some(), "{measure}: {units}");
    }
}

#[test]
fn sme_and_pharma_targets_are_the_printed_ones() {
    let gazette = gazette();
    let sme = gazette.table("sme-targets").unwrap();
    let counts: Vec<String> = sme
        .rows
        .iter()
        .map(|r| r[2].as_printed().to_owned())
        .collect();
    assert_eq!(counts, ["600", "100", "10"]);

    let pharma = gazette.table("pharma-targets").unwrap();
    let paragraphs = all_paragraphs(&gazette);
    let goal = |year: &str| {
        let id = format!("pharma-goal-{year}");
        let found = paragraphs
            .iter()
            .find(|(_, pid, _)| *pid == Some(id.as_str()));
        squeeze(found.unwrap().2)
    };
    for row in &pharma.rows {
        let (year, target) = (row[0].as_printed(), row[2].as_printed());
        assert!(goal(year).contains(&squeeze(target)), "{year}: {target}");
        assert!(goal(year).starts_with(&format!("到{year}年")));
    }
    let scale = |year: &str| {
        let row = pharma
            .rows
            .iter()
            .find(|r| r[0].as_printed() == year && r[1].as_printed() == "生物医药产业规模");
        row.unwrap()[3].as_printed().to_owned()
    };
    assert_eq!((scale("2023"), scale("2025")), ("150".into(), "500".into()));
}

#[test]
fn pharma_layout_names_are_read_from_box_one() {
    let gazette = gazette();
    let table = gazette.table("pharma-layout").unwrap();
    let paragraphs = all_paragraphs(&gazette);
    let text: String = [
        "pharma-layout-core",
        "pharma-layout-poles",
        "pharma-layout-points",
    ]
    .iter()
    .map(|id| {
        let found = paragraphs.iter().find(|(_, pid, _)| pid == &Some(*id));
        found.unwrap().2
    })
    .collect();
    for row in &table.rows {
        for cell in &row[2..] {
            for item in cell.as_printed().split('、').filter(|i| !i.is_empty()) {
                assert!(text.contains(item), "{item}");
            }
        }
    }
    let tiers: Vec<&str> = table.rows.iter().map(|r| r[0].as_printed()).collect();
    assert_eq!(tiers.iter().filter(|t| **t == "四极").count(), 4);
}

#[test]
fn contents_page_entries_and_pages() {
    let (gazette, source) = (gazette(), source());
    let squeezed = squeeze(&source);
    let entries: Vec<(Category, u32, &str)> = gazette
        .contents
        .iter()
        .map(|e| (e.category, e.page, e.document.as_str()))
        .collect();
    use Category::*;
    assert_eq!(
        entries,
        vec![
            (CityGovernment, 3, "land-price-notice"),
            (GovernmentOffice, 14, "sme-plan-notice"),
            (GovernmentOffice, 18, "housing-plan-notice"),
            (GovernmentOffice, 20, "pharma-plan-notice"),
            (Interpretation, 43, "land-price-interpretation"),
            (Interpretation, 45, "sme-plan-interpretation"),
            (Interpretation, 46, "pharma-plan-interpretation"),
            (Interpretation, 47, "housing-plan-interpretation"),
        ]
    );
    for entry in &gazette.contents {
        let printed = format!("{}/{}", entry.title, entry.page);
        assert!(squeezed.contains(&printed), "{printed}");
        let document = gazette.document(&entry.document).unwrap();
        assert_eq!(document.page, Some(entry.page));
        assert_eq!(document.category, entry.category);
    }
}

#[test]
fn document_numbers_dates_and_links() {
    let (gazette, source) = (gazette(), source());
    let squeezed = squeeze(&source);
    let expected = [
        (
            "land-price-notice",
            "驻政〔2023〕13号",
            "2023-04-24",
            "land-price-interpretation",
        ),
        (
            "sme-plan-notice",
            "驻政办〔2023〕12号",
            "2023-04-06",
            "sme-plan-interpretation",
        ),
        (
            "housing-plan-notice",
            "驻政办〔2023〕13号",
            "2023-04-16",
            "housing-plan-interpretation",
        ),
        (
            "pharma-plan-notice",
            "驻政办〔2023〕15号",
            "2023-04-25",
            "pharma-plan-interpretation",
        ),
    ];
    for (id, number, date, interpretation) in expected {
        let document = gazette.document(id).unwrap();
        assert_eq!(document.number.as_deref(), Some(number));
        assert!(squeezed.contains(number));
        let printed_date = document.date.unwrap();
        assert_eq!(printed_date.to_string(), date);
        let date = printed_date;
        assert!(squeezed.contains(&date.chinese()), "{id}");
        assert_eq!(document.interpretation.as_deref(), Some(interpretation));
        let back = gazette.document(interpretation).unwrap();
        assert_eq!(back.interprets.as_deref(), Some(id));
    }
    let ids: Vec<&str> = gazette.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "land-price-notice",
            "sme-plan-notice",
            "housing-plan-notice",
            "pharma-plan-notice",
            "land-price-interpretation",
            "sme-plan-interpretation",
            "pharma-plan-interpretation",
            "housing-plan-interpretation",
        ]
    );
}

#[test]
fn errata_are_recorded_and_applied() {
    let (gazette, source) = (gazette(), source());
    let text = issue_text(&gazette);
    assert_eq!(source.matches(" and ").count(), 2);
    assert_eq!(gazette.errata.len(), 2);
    for erratum in &gazette.errata {
        assert_eq!(source.matches(&erratum.printed).count(), 1);
        assert!(text.contains(&erratum.corrected));
        assert!(!text.contains(&erratum.printed));
        assert!(!erratum.reason.is_empty());
    }
    assert!(!text.contains(" and "));
}

#[test]
fn masthead_names_are_stored_without_inner_spaces() {
    let (gazette, source) = (gazette(), source());
    let board = &gazette.issue.editorial_board;
    assert_eq!(board.members.len(), 11);
    assert!(board.members.contains(&"冯磊".to_owned()));
    assert_eq!(board.editors, ["张小幸", "赵森森", "王文君"]);
    let squeezed = squeeze(&source);
    let names = board.members.iter().chain(&board.editors);
    for name in names
        .chain([&board.chief_editor])
        .chain(&board.deputy_chief_editors)
    {
        assert!(!name.contains(char::is_whitespace), "{name}");
        assert!(squeezed.contains(name.as_str()), "{name}");
    }
    let issue = &gazette.issue;
    assert_eq!(
        (issue.year, issue.number, issue.cumulative_number),
        (2023, 3, 125)
    );
    assert_eq!(issue.distribution.copies, 2000);
    assert_eq!(
        issue.mottos,
        ["传达政令", "宣传政策", "指导工作", "服务社会"]
    );
}
