//! Cross-checks of the content itself: where the issue disagrees with itself.
//!
//! The 附件2 map legends disagree with the 附件1 table they illustrate (the residential legend
//! lists 40 regions all at 3000, the industrial one has other names and its prices in the 备注
//! column), and the interpretation states region counts the table can be held to. These are
//! facts about the printed issue, not faults of the file: they are computed and shown, never
//! "fixed", and never make a file invalid — except that validation refuses a table whose counts
//! contradict its interpretation (see [`stated_count_comparisons`]).

use super::{Block, Category, Cell, ColumnKind, Gazette, Table};
use std::collections::BTreeMap;

/// One disagreement or confirmation found by cross-checking, for the 数据核对 panel and
/// `gazette-browser check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossCheckNote {
    /// What was compared, e.g. 附件2 住宅用地图例 ↔ 附件1.
    pub subject: String,
    /// What was found, in words a clerk can act on.
    pub message: String,
    /// Whether the two agree (a confirmation) or differ (something to look at), so the window
    /// can mark only the differences as warnings.
    pub finding: Finding,
}

/// What a cross-check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// The two sources agree.
    Agrees,
    /// They differ: something a clerk should look at.
    Differs,
}

impl Finding {
    fn of(agrees: bool) -> Finding {
        if agrees {
            Finding::Agrees
        } else {
            Finding::Differs
        }
    }
}

/// The column that identifies land use (用途) in a land-price table.
pub const USE_COLUMN: &str = super::land_price::USE;
/// The column of region codes in the main land-price table.
pub const REGION_CODE_COLUMN: &str = super::land_price::REGION_CODE;
/// The land-price column compared with the legends.
pub const LAND_PRICE_COLUMN: &str = super::land_price::LAND_PRICE;
/// The parcel-name column compared with a legend's 标定区域名称.
pub const PARCEL_NAME_COLUMN: &str = super::land_price::PARCEL_NAME;

/// How many regions of one use an interpretation states, against how many the table has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountComparison {
    /// Id of the counted table.
    pub table: String,
    /// Id of the interpretation that states the count.
    pub interpretation: String,
    /// The use as the interpretation names it (商服), or 合计 for the total.
    pub label: String,
    /// The number the interpretation states.
    pub stated: u64,
    /// The number of rows the table has for it.
    pub counted: u64,
}

/// All cross-check notes of the issue, in a stable order.
pub fn crosscheck(gazette: &Gazette) -> Vec<CrossCheckNote> {
    let mut notes = Vec::new();
    for comparison in stated_count_comparisons(gazette) {
        notes.push(count_note(gazette, &comparison));
    }
    for main in gazette.tables.iter().filter(|t| is_main_land_table(t)) {
        for legend in gazette.tables.iter().filter(|t| is_legend_of(t, main)) {
            notes.extend(legend_notes(main, legend));
        }
    }
    notes
}

/// The note for one stated count; the subject names the table by its printed title, which a
/// clerk recognises, not by its id.
fn count_note(gazette: &Gazette, comparison: &CountComparison) -> CrossCheckNote {
    let table = gazette
        .table(&comparison.table)
        .map_or(comparison.table.as_str(), |t| t.title.as_str());
    let agrees = comparison.stated == comparison.counted;
    let verdict = if agrees { "一致" } else { "不一致" };
    CrossCheckNote {
        finding: Finding::of(agrees),
        subject: format!("政策解读 ↔ {table}"),
        message: format!(
            "{}：解读称 {} 个，表中 {} 行，{verdict}",
            comparison.label, comparison.stated, comparison.counted
        ),
    }
}

/// Region counts stated in interpretations (…共划分66个标定区域,其中商服27个…) compared with
/// the rows of the interpreted document's tables that have a 用途 column.
pub fn stated_count_comparisons(gazette: &Gazette) -> Vec<CountComparison> {
    let mut out = Vec::new();
    for interpretation in &gazette.documents {
        if interpretation.category != Category::Interpretation {
            continue;
        }
        let Some(target) = &interpretation.interprets else {
            continue;
        };
        let text = paragraph_text(interpretation);
        for table in gazette.tables.iter().filter(|t| &t.document == target) {
            let Some(use_column) = table.column_index(USE_COLUMN) else {
                continue;
            };
            let counts = count_values(table, use_column);
            if let Some(stated) = number_before_unit(&text, "共划分", "个") {
                out.push(CountComparison {
                    table: table.id.clone(),
                    interpretation: interpretation.id.clone(),
                    label: "合计".to_owned(),
                    stated,
                    counted: table.rows.len() as u64,
                });
            }
            for (value, counted) in &counts {
                let label = value.strip_suffix("用地").unwrap_or(value);
                if let Some(stated) = number_before_unit(&text, label, "个") {
                    out.push(CountComparison {
                        table: table.id.clone(),
                        interpretation: interpretation.id.clone(),
                        label: label.to_owned(),
                        stated,
                        counted: *counted,
                    });
                }
            }
        }
    }
    out
}

fn paragraph_text(document: &super::Document) -> String {
    document
        .all_blocks()
        .into_iter()
        .filter_map(|block| match block {
            Block::Paragraph { text, .. } | Block::Note { text } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The number written right after `marker` and right before `unit`, e.g. 商服27个 → 27.
fn number_before_unit(text: &str, marker: &str, unit: &str) -> Option<u64> {
    text.match_indices(marker).find_map(|(start, _)| {
        let rest = text[start + marker.len()..].trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = rest[digits.len()..].trim_start();
        if digits.is_empty() || !after.starts_with(unit) {
            return None;
        }
        digits.parse().ok()
    })
}

/// Each distinct value of a column with its number of rows, in order of first appearance.
fn count_values(table: &Table, column: usize) -> Vec<(String, u64)> {
    let mut counts: Vec<(String, u64)> = Vec::new();
    for row in &table.rows {
        let Some(value) = row.get(column).and_then(Cell::value) else {
            continue;
        };
        match counts.iter_mut().find(|(seen, _)| seen == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value.to_owned(), 1)),
        }
    }
    counts
}

fn is_main_land_table(table: &Table) -> bool {
    table.column_index(USE_COLUMN).is_some()
        && table.column_index(REGION_CODE_COLUMN).is_some()
        && table.column_index(LAND_PRICE_COLUMN).is_some()
}

fn code_column(table: &Table) -> Option<usize> {
    table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Code)
}

/// A legend is another table of the same document whose codes are region codes.
fn is_legend_of(table: &Table, main: &Table) -> bool {
    table.id != main.id && table.document == main.document && code_column(table).is_some()
}

fn legend_notes(main: &Table, legend: &Table) -> Vec<CrossCheckNote> {
    let (Some(main_code), Some(legend_code)) =
        (main.column_index(REGION_CODE_COLUMN), code_column(legend))
    else {
        return Vec::new();
    };
    let subject = format!("{} ↔ {}", legend.title, main.title);
    let by_code: BTreeMap<&str, &Vec<Cell>> = main
        .rows
        .iter()
        .filter_map(|row| Some((row.get(main_code)?.value()?, row)))
        .collect();
    let legend_codes: Vec<&str> = legend
        .rows
        .iter()
        .filter_map(|row| row.get(legend_code)?.value())
        .collect();
    let mut notes = Vec::new();
    let mut note = |finding: Finding, message: String| {
        notes.push(CrossCheckNote {
            subject: subject.clone(),
            message,
            finding,
        })
    };
    let uses = legend_uses(main, &by_code, &legend_codes);
    let use_label = uses.join("、");
    let main_count = count_rows_of_uses(main, &uses);
    note(
        Finding::of(legend_codes.len() == main_count),
        format!(
            "图例列出 {} 个区域；附件1 中{use_label}共 {main_count} 个区域",
            legend_codes.len()
        ),
    );
    let unknown: Vec<&str> = legend_codes
        .iter()
        .copied()
        .filter(|code| !by_code.contains_key(code))
        .collect();
    if !unknown.is_empty() {
        note(
            Finding::Differs,
            format!(
                "图例中有 {} 个编号在附件1 中不存在：{}",
                unknown.len(),
                summarize_codes(&unknown)
            ),
        );
    }
    let missing = codes_missing_from_legend(main, main_code, &uses, &legend_codes);
    if !missing.is_empty() {
        note(
            Finding::Differs,
            format!(
                "附件1 中有 {} 个{use_label}区域不在图例中：{}",
                missing.len(),
                summarize_codes(&missing)
            ),
        );
    }
    for (finding, message) in column_agreements(main, legend, legend_code, &by_code) {
        note(finding, message);
    }
    notes
}

fn legend_uses(main: &Table, by_code: &BTreeMap<&str, &Vec<Cell>>, codes: &[&str]) -> Vec<String> {
    let Some(use_column) = main.column_index(USE_COLUMN) else {
        return Vec::new();
    };
    let mut uses: Vec<String> = Vec::new();
    for code in codes {
        if let Some(value) = by_code
            .get(code)
            .and_then(|row| row.get(use_column)?.value())
            && !uses.iter().any(|u| u == value)
        {
            uses.push(value.to_owned());
        }
    }
    uses
}

/// The rows of 附件1 whose 用途 is one of `uses`.
fn rows_of_uses<'a>(main: &'a Table, uses: &'a [String]) -> impl Iterator<Item = &'a Vec<Cell>> {
    let use_column = main.column_index(USE_COLUMN);
    main.rows.iter().filter(move |row| {
        use_column
            .and_then(|column| row.get(column))
            .and_then(Cell::value)
            .is_some_and(|value| uses.iter().any(|u| u == value))
    })
}

fn count_rows_of_uses(main: &Table, uses: &[String]) -> usize {
    rows_of_uses(main, uses).count()
}

fn codes_missing_from_legend<'a>(
    main: &'a Table,
    main_code: usize,
    uses: &'a [String],
    legend_codes: &[&str],
) -> Vec<&'a str> {
    rows_of_uses(main, uses)
        .filter_map(|row| row.get(main_code)?.value())
        .filter(|code| !legend_codes.contains(code))
        .collect()
}

/// For every legend column other than the code and 序号, the 附件1 column it agrees with most
/// often on the shared codes, with the rows where it does not.
fn column_agreements(
    main: &Table,
    legend: &Table,
    legend_code: usize,
    by_code: &BTreeMap<&str, &Vec<Cell>>,
) -> Vec<(Finding, String)> {
    let joined: Vec<(&str, &Vec<Cell>, &Vec<Cell>)> = legend
        .rows
        .iter()
        .filter_map(|row| {
            let code = row.get(legend_code)?.value()?;
            Some((code, row, *by_code.get(code)?))
        })
        .collect();
    if joined.is_empty() {
        return Vec::new();
    }
    let mut messages = Vec::new();
    for (index, column) in legend.columns.iter().enumerate() {
        if index == legend_code || column.title == super::land_price::NUMBER {
            continue;
        }
        let target = counterpart_column(main, legend, index, &joined);
        let Some(target) = target else { continue };
        let differing: Vec<String> = joined
            .iter()
            .filter_map(|(code, legend_row, main_row)| {
                let printed = legend_row.get(index)?.as_printed();
                let main_value = main_row.get(target)?.as_printed();
                (printed != main_value)
                    .then(|| format!("{code}（图例 {printed}，附件1 {main_value}）"))
            })
            .collect();
        let title = &main.columns[target].title;
        if differing.is_empty() {
            messages.push((
                Finding::Agrees,
                format!(
                    "图例「{}」与附件1「{title}」在 {} 个共有编号上全部一致",
                    column.title,
                    joined.len()
                ),
            ));
        } else {
            let mut message = format!(
                "图例「{}」与附件1「{title}」在 {} 个共有编号中有 {} 处不同：{}",
                column.title,
                joined.len(),
                differing.len(),
                summarize_list(&differing)
            );
            if differing.len() == joined.len()
                && let Some((other, agreeing)) = best_agreement(main, index, &joined)
                && other != target
            {
                message.push_str(&format!(
                    "；该列数值反而与附件1「{}」在 {agreeing} 个编号上一致，疑为错列",
                    main.columns[other].title
                ));
            }
            messages.push((Finding::Differs, message));
        }
    }
    messages
}

/// The 附件1 column a legend column should be compared with: the one with the same meaning
/// (标定地价 ↔ 地面单价, 标定区域名称 ↔ 标准宗地名称), else the one it agrees with most.
fn counterpart_column(
    main: &Table,
    legend: &Table,
    index: usize,
    joined: &[(&str, &Vec<Cell>, &Vec<Cell>)],
) -> Option<usize> {
    let title = legend.columns.get(index)?.title.as_str();
    let by_meaning = if title.starts_with("标定地价") {
        main.column_index(LAND_PRICE_COLUMN)
    } else if title.contains("名称") {
        main.column_index(PARCEL_NAME_COLUMN)
    } else {
        None
    };
    if by_meaning.is_some() {
        return by_meaning;
    }
    best_agreement(main, index, joined).map(|(target, _)| target)
}

/// The 附件1 column whose printed values equal legend column `index` on the most shared codes,
/// with that number of codes; `None` when no column agrees anywhere.
fn best_agreement(
    main: &Table,
    index: usize,
    joined: &[(&str, &Vec<Cell>, &Vec<Cell>)],
) -> Option<(usize, usize)> {
    let agreement = |target: usize| {
        joined
            .iter()
            .filter(|(_, l, m)| {
                let value = l.get(index).map(Cell::as_printed);
                value.is_some() && value != Some("") && value == m.get(target).map(Cell::as_printed)
            })
            .count()
    };
    (0..main.columns.len())
        .map(|target| (agreement(target), target))
        .filter(|(count, _)| *count > 0)
        .max_by_key(|(count, target)| (*count, std::cmp::Reverse(*target)))
        .map(|(count, target)| (target, count))
}

fn summarize_codes(codes: &[&str]) -> String {
    let owned: Vec<String> = codes.iter().map(|c| (*c).to_owned()).collect();
    summarize_list(&owned)
}

/// Up to eight items, then "等 N 个".
fn summarize_list(items: &[String]) -> String {
    const SHOWN: usize = 8;
    if items.len() <= SHOWN {
        items.join("、")
    } else {
        format!("{} 等 {} 个", items[..SHOWN].join("、"), items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_numbers_are_read_before_their_unit() {
        let text = "市中心城区标定地价共划分66个标定区域,其中商服27个,住宅27个,工业12个。";
        assert_eq!(number_before_unit(text, "共划分", "个"), Some(66));
        assert_eq!(number_before_unit(text, "商服", "个"), Some(27));
        assert_eq!(number_before_unit(text, "工业", "个"), Some(12));
        assert_eq!(number_before_unit(text, "仓储", "个"), None);
        assert_eq!(number_before_unit("住宅用地为70年", "住宅", "个"), None);
    }

    #[test]
    fn long_lists_are_shortened_with_a_count() {
        let items: Vec<String> = (1..=10).map(|i| i.to_string()).collect();
        assert_eq!(summarize_list(&items), "1、2、3、4、5、6、7、8 等 10 个");
        assert_eq!(summarize_list(&items[..2]), "1、2");
    }
}
