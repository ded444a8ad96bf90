//! The documents of the issue, located in the source by line number.

use super::blocks::blocks;
use super::decisions::NO_LEGEND_NOTE;
use super::issue::contents;
use super::source::{Source, squeeze, tidy};
use gazette_browser::model::{Attachment, Block, Category, Date, Document};

/// Where a notice and the plan it issues sit in the source.
struct NoticeSpec {
    id: &'static str,
    short_title: &'static str,
    category: Category,
    title_lines: &'static [usize],
    number_line: usize,
    addressees_line: usize,
    body: (usize, usize),
    date_line: usize,
    /// The issued plan: title line and body lines; `None` for the land-price notice, whose
    /// attachments are built apart.
    plan: Option<(usize, (usize, usize))>,
    interpretation: &'static str,
}

/// Where an interpretation sits in the source.
struct InterpretationSpec {
    id: &'static str,
    short_title: &'static str,
    title_lines: &'static [usize],
    body: (usize, usize),
    interprets: &'static str,
}

const NOTICES: &[NoticeSpec] = &[
    NoticeSpec {
        id: "land-price-notice",
        short_title: "标定地价",
        category: Category::CityGovernment,
        title_lines: &[97],
        number_line: 99,
        addressees_line: 101,
        body: (103, 106),
        date_line: 108,
        plan: None,
        interpretation: "land-price-interpretation",
    },
    NoticeSpec {
        id: "sme-plan-notice",
        short_title: "中小企业培育",
        category: Category::GovernmentOffice,
        title_lines: &[287],
        number_line: 289,
        addressees_line: 291,
        body: (293, 293),
        date_line: 295,
        plan: Some((297, (299, 363))),
        interpretation: "sme-plan-interpretation",
    },
    NoticeSpec {
        id: "housing-plan-notice",
        short_title: "住房规划",
        category: Category::GovernmentOffice,
        title_lines: &[365],
        number_line: 367,
        addressees_line: 369,
        body: (371, 371),
        date_line: 373,
        plan: Some((375, (377, 401))),
        interpretation: "housing-plan-interpretation",
    },
    NoticeSpec {
        id: "pharma-plan-notice",
        short_title: "中国药谷",
        category: Category::GovernmentOffice,
        title_lines: &[403],
        number_line: 405,
        addressees_line: 407,
        body: (409, 409),
        date_line: 411,
        plan: Some((413, (415, 789))),
        interpretation: "pharma-plan-interpretation",
    },
];

const INTERPRETATIONS: &[InterpretationSpec] = &[
    InterpretationSpec {
        id: "land-price-interpretation",
        short_title: "标定地价解读",
        title_lines: &[791],
        body: (793, 855),
        interprets: "land-price-notice",
    },
    InterpretationSpec {
        id: "sme-plan-interpretation",
        short_title: "中小企业培育解读",
        title_lines: &[857, 859],
        body: (861, 881),
        interprets: "sme-plan-notice",
    },
    InterpretationSpec {
        id: "pharma-plan-interpretation",
        short_title: "中国药谷解读",
        title_lines: &[883],
        body: (885, 903),
        interprets: "pharma-plan-notice",
    },
    InterpretationSpec {
        id: "housing-plan-interpretation",
        short_title: "住房规划解读",
        title_lines: &[905, 907],
        body: (909, 953),
        interprets: "housing-plan-notice",
    },
];

/// Every document in reading order: the four notices, then the four interpretations.
pub fn documents(source: &Source) -> Vec<Document> {
    let mut out: Vec<Document> = NOTICES.iter().map(|spec| notice(source, spec)).collect();
    out.extend(
        INTERPRETATIONS
            .iter()
            .map(|spec| interpretation(source, spec)),
    );
    out
}

fn notice(source: &Source, spec: &NoticeSpec) -> Document {
    let title = joined_title(source, spec.title_lines);
    let issuer = title.split("关于").next().unwrap_or_default().to_owned();
    let attachments = match spec.plan {
        Some((title_line, (first, last))) => vec![Attachment {
            label: None,
            title: tidy(source.line(title_line)),
            body: blocks(source, first, last),
        }],
        None => land_price_attachments(source),
    };
    let addressees = tidy(source.expect(spec.addressees_line, ""));
    Document {
        id: spec.id.to_owned(),
        short_title: spec.short_title.to_owned(),
        category: spec.category,
        issuer,
        number: Some(squeeze(source.expect(spec.number_line, "驻政"))),
        date: Some(date(source.line(spec.date_line))),
        addressees: Some(addressees.trim_end_matches('：').to_owned()),
        page: page_of(source, spec.id),
        title,
        body: blocks(source, spec.body.0, spec.body.1),
        attachments,
        interpretation: Some(spec.interpretation.to_owned()),
        interprets: None,
    }
}

fn interpretation(source: &Source, spec: &InterpretationSpec) -> Document {
    Document {
        id: spec.id.to_owned(),
        short_title: spec.short_title.to_owned(),
        category: Category::Interpretation,
        issuer: String::new(),
        number: None,
        date: None,
        addressees: None,
        title: joined_title(source, spec.title_lines),
        page: page_of(source, spec.id),
        body: blocks(source, spec.body.0, spec.body.1),
        attachments: Vec::new(),
        interpretation: None,
        interprets: Some(spec.interprets.to_owned()),
    }
}

fn joined_title(source: &Source, lines: &[usize]) -> String {
    let raw: Vec<&str> = lines.iter().map(|&n| source.line(n).trim()).collect();
    squeeze(&raw.concat())
}

fn page_of(source: &Source, id: &str) -> Option<u32> {
    contents(source)
        .into_iter()
        .find(|entry| entry.document == id)
        .map(|entry| entry.page)
}

/// "2023 年 4 月 24 日" → 2023-04-24.
fn date(line: &str) -> Date {
    let text = squeeze(line);
    let parts: Vec<&str> = text.split(['年', '月', '日']).collect();
    let iso = format!("{}-{}-{}", parts[0], parts[1], parts[2]);
    Date::try_from(iso).unwrap_or_else(|e| panic!("{e}"))
}

/// 附件1 (the land-price table) and 附件2 (the three maps with their legends).
fn land_price_attachments(source: &Source) -> Vec<Attachment> {
    let list_entry = tidy(source.expect(106, "2.驻马店市中心城区标定区域"));
    vec![
        Attachment {
            label: Some(squeeze(source.expect(110, "附件 1"))),
            title: tidy(source.expect(112, "驻马店市中心城区标定地价公示信息表")),
            body: vec![Block::Table {
                table: "land-prices".to_owned(),
            }],
        },
        Attachment {
            label: Some(squeeze(source.expect(195, "附件 2"))),
            title: list_entry.trim_start_matches("2.").to_owned(),
            body: maps(source),
        },
    ]
}

fn maps(source: &Source) -> Vec<Block> {
    let mut out = vec![figure(source, 197, "商服用地")];
    out.push(note(NO_LEGEND_NOTE));
    out.extend(map_notes(source, 202));
    out.push(figure(source, 208, "住宅用地"));
    out.push(table("legend-residential"));
    out.extend(map_notes(source, 257));
    out.push(figure(source, 263, "工业用地"));
    out.push(table("legend-industrial"));
    out.extend(map_notes(source, 281));
    out
}

fn figure(source: &Source, line: usize, land_use: &str) -> Block {
    let caption = tidy(source.expect(line, "驻马店市中心城区"));
    assert!(caption.contains(land_use), "line {line}: {caption}");
    Block::Figure {
        number: None,
        caption,
    }
}

/// The three lines printed under each map: maker, scale, date.
fn map_notes(source: &Source, first: usize) -> Vec<Block> {
    let maker = source.expect(first, "驻马店市自然资源和规划局编制");
    let scale = source.expect(first + 2, "1:20,000");
    let date = source.expect(first + 4, "二〇二二年十二月");
    [maker, scale, date]
        .into_iter()
        .map(|t| note(&tidy(t)))
        .collect()
}

fn note(text: &str) -> Block {
    Block::Note {
        text: text.to_owned(),
    }
}

fn table(id: &str) -> Block {
    Block::Table {
        table: id.to_owned(),
    }
}
