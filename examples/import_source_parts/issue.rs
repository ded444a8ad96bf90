//! Cover, editorial board, contents page and colophon.

use super::source::{Source, squeeze, tidy};
use gazette_browser::model::{
    Category, ContentsEntry, Distribution, EditorialBoard, Issue, LabeledValue, YearMonth,
};

/// One entry of the contents page: its section, the lines holding its title and "/page", and
/// the document it points to. The contents page is laid out around the editorial board, so
/// the pharma notice's entry (line 85) sits apart from its section heading (line 31).
const CONTENTS: &[(Category, &[usize], &str)] = &[
    (
        Category::CityGovernment,
        &[25, 26, 27, 29],
        "land-price-notice",
    ),
    (
        Category::GovernmentOffice,
        &[33, 34, 35, 37],
        "sme-plan-notice",
    ),
    (
        Category::GovernmentOffice,
        &[39, 40, 41, 43],
        "housing-plan-notice",
    ),
    (Category::GovernmentOffice, &[85], "pharma-plan-notice"),
    (Category::Interpretation, &[89], "land-price-interpretation"),
    (Category::Interpretation, &[91], "sme-plan-interpretation"),
    (
        Category::Interpretation,
        &[93],
        "pharma-plan-interpretation",
    ),
    (
        Category::Interpretation,
        &[95],
        "housing-plan-interpretation",
    ),
];

/// The contents page entries in printed order.
pub fn contents(source: &Source) -> Vec<ContentsEntry> {
    source.expect(23, "【市政府文件】");
    source.expect(31, "【市政府办公室文件】");
    source.expect(87, "【政策解读】");
    CONTENTS
        .iter()
        .map(|(category, lines, document)| {
            let raw: Vec<&str> = lines.iter().map(|&n| source.line(n)).collect();
            let text = squeeze(&raw.concat());
            let (title, page) = text
                .rsplit_once('/')
                .unwrap_or_else(|| panic!("no page number in contents entry {text}"));
            ContentsEntry {
                category: *category,
                title: title.to_owned(),
                page: page.parse().unwrap_or_else(|_| panic!("page {page}")),
                document: (*document).to_owned(),
            }
        })
        .collect()
}

/// The cover, masthead and colophon facts.
pub fn issue(source: &Source) -> Issue {
    let (number, cumulative_number) = issue_numbers(source.expect(15, "第3号"));
    assert_eq!(squeeze(source.line(69)), squeeze(source.line(15)));
    Issue {
        title: squeeze(source.expect(8, "驻马店市人民政府公报")),
        title_en: format!(
            "{} {}",
            source.expect(10, "GAZETTE").trim(),
            source.expect(11, "OF ZHUMADIAN").trim()
        ),
        year: source.expect(13, "2023").trim().parse().unwrap(),
        number,
        cumulative_number,
        published: published(source),
        sponsor: colophon_value(source, 955, "主办单位"),
        editor: colophon_value(source, 956, "编辑出版"),
        editorial_board: board(source),
        distribution: distribution(source),
        labels: vec![
            tidy(source.expect(3, "内部资料")),
            tidy(source.expect(4, "免费交流")),
        ],
        mottos: [73, 75, 77, 79]
            .iter()
            .map(|&n| tidy(source.line(n)))
            .collect(),
        colophon: [958, 960, 961, 962, 963]
            .iter()
            .map(|&n| labeled(source.line(n)))
            .collect(),
    }
}

/// "第3号（总第125号）" → (3, 125).
fn issue_numbers(line: &str) -> (u32, u32) {
    let digits: Vec<u32> = squeeze(line)
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().unwrap())
        .collect();
    (digits[0], digits[1])
}

fn published(source: &Source) -> YearMonth {
    let text = colophon_value(source, 957, "出版日期");
    let (year, rest) = text.split_once('年').unwrap();
    let month = rest.trim_end_matches('月');
    YearMonth::try_from(format!("{year}-{month}")).unwrap()
}

fn labeled(line: &str) -> LabeledValue {
    let text = tidy(line);
    let (label, value) = text
        .split_once('：')
        .unwrap_or_else(|| panic!("no label in {text}"));
    LabeledValue {
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

fn colophon_value(source: &Source, line: usize, label: &str) -> String {
    let entry = labeled(source.expect(line, label));
    assert_eq!(entry.label, label);
    entry.value
}

/// The text after the label of a "主 编：毕俊德" line, its spaces kept (they separate names).
fn after_colon(source: &Source, line: usize, label: &str) -> String {
    let text = source.expect(line, label);
    let (_, value) = text.split_once('：').unwrap();
    value.trim().to_owned()
}

fn board(source: &Source) -> EditorialBoard {
    source.expect(45, "《驻马店市人民政府公报》编辑委员会");
    source.expect(47, "委员：");
    source.expect(57, "《驻马店市人民政府公报》编辑部");
    let members = [49, 51, 53, 55]
        .iter()
        .flat_map(|&n| names(source.line(n)))
        .collect();
    let mut editors = names(&after_colon(source, 63, "编辑："));
    editors.extend(names(source.line(65)));
    EditorialBoard {
        members,
        chief_editor: squeeze(&after_colon(source, 59, "主编：")),
        deputy_chief_editors: names(&after_colon(source, 61, "副主编：")),
        editors,
    }
}

/// Names separated by spaces, where a two-character name is printed with a space inside
/// ("冯 磊"): two single characters in a row make one name, stored without the space.
fn names(line: &str) -> Vec<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let single = |t: &str| t.chars().count() == 1;
        if single(tokens[i]) {
            assert!(i + 1 < tokens.len() && single(tokens[i + 1]), "{line}");
            out.push(format!("{}{}", tokens[i], tokens[i + 1]));
            i += 2;
        } else {
            out.push(tokens[i].to_owned());
            i += 1;
        }
    }
    out
}

fn distribution(source: &Source) -> Distribution {
    let copies_line = squeeze(source.expect(83, "（共 2000 份）"));
    let copies = copies_line
        .trim_start_matches("（共")
        .trim_end_matches("份）")
        .parse()
        .unwrap();
    Distribution {
        scope: tidy(&after_colon(source, 81, "发放范围：")),
        copies,
    }
}
