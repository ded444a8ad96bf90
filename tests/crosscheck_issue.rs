//! Cross-checks of the bundled issue: the 附件2 legends disagree with 附件1, and the app says so
//! instead of letting a clerk be misled.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::crosscheck::crosscheck;
use gazette_browser::model::load::embedded;

fn messages() -> Vec<String> {
    crosscheck(&embedded().unwrap())
        .into_iter()
        .map(|note| format!("[{}] {}", note.subject, note.message))
        .collect()
}

fn has(messages: &[String], needles: &[&str]) -> bool {
    messages
        .iter()
        .any(|m| needles.iter().all(|needle| m.contains(needle)))
}

#[test]
fn the_interpretation_counts_agree_with_the_table() {
    let notes = messages();
    for needle in [
        "合计：解读称 66 个，表中 66 行，一致",
        "商服：解读称 27 个，表中 27 行，一致",
        "住宅：解读称 27 个，表中 27 行，一致",
        "工业：解读称 12 个，表中 12 行，一致",
    ] {
        assert!(has(&notes, &[needle]), "missing {needle} in {notes:#?}");
    }
}

#[test]
fn the_residential_legend_lists_40_regions_all_at_3000() {
    let notes = messages();
    assert!(
        has(
            &notes,
            &["住宅", "图例列出 40 个区域；附件1 中住宅用地共 27 个区域"]
        ),
        "{notes:#?}"
    );
    assert!(
        has(&notes, &["13 个编号在附件1 中不存在", "411700Z70028"]),
        "{notes:#?}"
    );
    assert!(
        has(
            &notes,
            &[
                "27 个共有编号中有 27 处不同",
                "411700Z70001（图例 3000，附件1 5595）"
            ]
        ),
        "{notes:#?}"
    );
}

#[test]
fn the_industrial_legend_differs_in_names_and_prices() {
    let notes = messages();
    assert!(
        has(
            &notes,
            &[
                "工业",
                "图例「标定区域名称」",
                "12 处不同",
                "驻马店市天鸿置业有限公司"
            ]
        ),
        "{notes:#?}"
    );
    // Its 标定地价 column holds plot ratios; its prices stand in 备注, three of them differing.
    assert!(
        has(&notes, &["图例「标定地价」", "疑为错列", "设定容积率"]),
        "{notes:#?}"
    );
    assert!(
        has(
            &notes,
            &[
                "图例「备注」",
                "3 处不同",
                "411700G60001（图例 381，附件1 361）"
            ]
        ),
        "{notes:#?}"
    );
}

/// Confirmations and differences are told apart, so the window marks only the differences.
#[test]
fn agreements_are_not_findings_to_worry_about() {
    use gazette_browser::model::crosscheck::Finding;
    let notes = crosscheck(&embedded().unwrap());
    let finding = |needle: &str| {
        notes
            .iter()
            .find(|n| n.message.contains(needle))
            .unwrap_or_else(|| panic!("no note with {needle}"))
            .finding
    };
    assert_eq!(
        finding("合计：解读称 66 个，表中 66 行，一致"),
        Finding::Agrees
    );
    assert_eq!(
        finding("图例列出 12 个区域；附件1 中工业用地共 12 个区域"),
        Finding::Agrees
    );
    assert_eq!(finding("图例列出 40 个区域"), Finding::Differs);
    assert_eq!(finding("在附件1 中不存在"), Finding::Differs);
    assert_eq!(finding("处不同"), Finding::Differs);
    assert_eq!(
        notes
            .iter()
            .filter(|n| n.finding == Finding::Agrees)
            .count(),
        5,
        "four counts of the interpretation and the industrial legend's size"
    );
}
