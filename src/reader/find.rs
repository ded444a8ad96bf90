//! Find in document (Ctrl+F): every match of a query in the shown text of a document's blocks
//! and in the cells of its tables, and which one the clerk is on.
//!
//! A clerk who looks for a price in 标定地价's 正文 looks for it in 附件1's grid: the tables are
//! part of what the reader shows, so find counts and visits their cells too, in reading order.

use super::block_text;
use crate::model::{Block, Document, Table};
use std::ops::Range;

/// One match: a byte range within the shown text of one block, or of one cell of the table a
/// block shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindMatch {
    /// Index into [`Document::all_blocks`].
    pub block: usize,
    /// Byte range within [`super::block_text`] of that block, or within the printed text of
    /// `cell`.
    pub range: Range<usize>,
    /// The table cell the match is in, when the block is a table.
    pub cell: Option<TableCell>,
}

/// A cell of a table drawn in a document, by row in printed order and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TableCell {
    /// Row index in printed order.
    pub row: usize,
    /// Column index.
    pub column: usize,
}

/// All non-overlapping matches of `query` in `document` and in the cells of the tables it shows
/// (looked up by id in `tables`), in reading order — a table row by row, left to right —
/// ignoring letter case. A blank query matches nothing.
pub fn find_matches(document: &Document, tables: &[Table], query: &str) -> Vec<FindMatch> {
    let needle: Vec<char> = query.trim().chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (block, item) in document.all_blocks().into_iter().enumerate() {
        if let Block::Table { table } = item {
            if let Some(table) = tables.iter().find(|t| &t.id == table) {
                out.extend(cell_matches(table, &needle, block));
            }
        } else if let Some(text) = block_text(item) {
            for range in matches_in(&text, &needle) {
                out.push(FindMatch {
                    block,
                    range,
                    cell: None,
                });
            }
        }
    }
    out
}

/// The matches in the printed cells of `table`, shown as block `block`.
fn cell_matches(table: &Table, needle: &[char], block: usize) -> Vec<FindMatch> {
    let mut out = Vec::new();
    for (row, cells) in table.rows.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            for range in matches_in(cell.as_printed(), needle) {
                out.push(FindMatch {
                    block,
                    range,
                    cell: Some(TableCell { row, column }),
                });
            }
        }
    }
    out
}

/// Byte ranges in `text` where the lowercased `needle` occurs, without overlaps.
fn matches_in(text: &str, needle: &[char]) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        match match_len(&chars[start..], needle) {
            Some(len) => {
                let begin = chars[start].0;
                let end = chars.get(start + len).map_or(text.len(), |(at, _)| *at);
                out.push(begin..end);
                start += len;
            }
            None => start += 1,
        }
    }
    out
}

/// How many chars of `hay` match `needle` from its start, ignoring case; `None` if they do not.
/// A char whose lowercase is several chars (İ) must match all of them.
fn match_len(hay: &[(usize, char)], needle: &[char]) -> Option<usize> {
    let mut matched = 0;
    for (used, (_, c)) in hay.iter().enumerate() {
        for lower in c.to_lowercase() {
            if needle.get(matched) != Some(&lower) {
                return None;
            }
            matched += 1;
        }
        if matched == needle.len() {
            return Some(used + 1);
        }
    }
    None
}

/// The find bar's state for one document: the query, its matches and the current one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindState {
    /// What the clerk typed.
    pub query: String,
    /// The matches of `query`, in reading order.
    pub matches: Vec<FindMatch>,
    /// Index into `matches` of the current match, if there is any match.
    pub current: Option<usize>,
}

impl FindState {
    /// Recomputes the matches for a new query; the current match becomes the first one at or
    /// after `from_block` (where the clerk is reading), wrapping to the first.
    pub fn set_query(
        &mut self,
        document: &Document,
        tables: &[Table],
        query: &str,
        from_block: usize,
    ) {
        self.query = query.to_owned();
        self.matches = find_matches(document, tables, query);
        self.current = if self.matches.is_empty() {
            None
        } else {
            Some(
                self.matches
                    .iter()
                    .position(|m| m.block >= from_block)
                    .unwrap_or(0),
            )
        };
    }

    /// Moves to the next match, wrapping from the last to the first.
    pub fn next(&mut self) {
        let count = self.matches.len();
        if count > 0 {
            self.current = Some(self.current.map_or(0, |i| (i + 1) % count));
        }
    }

    /// Moves to the previous match, wrapping from the first to the last.
    pub fn previous(&mut self) {
        let count = self.matches.len();
        if count > 0 {
            self.current = Some(self.current.map_or(count - 1, |i| (i + count - 1) % count));
        }
    }

    /// The current match.
    pub fn current_match(&self) -> Option<&FindMatch> {
        self.current.and_then(|i| self.matches.get(i))
    }

    /// Shows the match at `range` of `block` (a whole-issue search hit): the find bar takes the
    /// matched text as its query, so Next and Previous go on from there, and this very match is
    /// the current one — even where the find bar's own matching would not have found it (the
    /// search forgives spaces and full-width forms).
    pub fn show_range(
        &mut self,
        document: &Document,
        tables: &[Table],
        block: usize,
        range: Range<usize>,
    ) {
        let blocks = document.all_blocks();
        let matched = blocks
            .get(block)
            .and_then(|b| b.shown_text())
            .and_then(|text| text.get(range.clone()).map(str::to_owned))
            .unwrap_or_default();
        self.set_query(document, tables, &matched, block);
        let wanted = FindMatch {
            block,
            range,
            cell: None,
        };
        let position = match self.matches.iter().position(|m| *m == wanted) {
            Some(position) => position,
            None => {
                let at = self
                    .matches
                    .partition_point(|m| (m.block, m.range.start) < (block, wanted.range.start));
                self.matches.insert(at, wanted);
                at
            }
        };
        self.current = Some(position);
    }

    /// Makes the `nth` match (0-based) inside `block` current, e.g. to show a search hit;
    /// returns whether there was one.
    pub fn select_in_block(&mut self, block: usize, nth: usize) -> bool {
        let found = self
            .matches
            .iter()
            .enumerate()
            .filter(|(_, m)| m.block == block && m.cell.is_none())
            .nth(nth)
            .map(|(i, _)| i);
        if found.is_some() {
            self.current = found;
        }
        found.is_some()
    }

    /// "3/17" as the find bar shows it; "0/0" without matches.
    pub fn counter(&self) -> String {
        let position = self.current.map_or(0, |i| i + 1);
        format!("{position}/{}", self.matches.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Category};

    fn document(texts: &[&str]) -> Document {
        Document {
            id: "d".into(),
            short_title: "d".into(),
            category: Category::GovernmentOffice,
            issuer: String::new(),
            number: None,
            date: None,
            addressees: None,
            title: "d".into(),
            page: None,
            body: texts
                .iter()
                .map(|t| Block::Paragraph {
                    id: None,
                    text: (*t).into(),
                })
                .collect(),
            attachments: vec![],
            interpretation: None,
            interprets: None,
        }
    }

    #[test]
    fn finds_every_match_with_byte_ranges_of_the_shown_text() {
        let doc = document(&["中药材种植，中药材加工", "无", "发展中药材"]);
        let found = find_matches(&doc, &[], "中药材");
        let blocks: Vec<_> = found.iter().map(|m| m.block).collect();
        assert_eq!(blocks, [0, 0, 2]);
        assert_eq!(&"中药材种植，中药材加工"[found[1].range.clone()], "中药材");
    }

    #[test]
    fn ignores_letter_case_and_surrounding_spaces() {
        let doc = document(&["GDP 与 gdp 和 Gdp"]);
        assert_eq!(find_matches(&doc, &[], " gDp ").len(), 3);
        assert!(find_matches(&doc, &[], "  ").is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        let doc = document(&["aaaa"]);
        assert_eq!(find_matches(&doc, &[], "aa").len(), 2);
    }

    #[test]
    fn next_and_previous_wrap_around_and_the_counter_follows() {
        let doc = document(&["甲", "甲乙", "甲"]);
        let mut state = FindState::default();
        state.set_query(&doc, &[], "甲", 1);
        assert_eq!(state.counter(), "2/3", "starts where the clerk reads");
        state.next();
        state.next();
        assert_eq!(state.counter(), "1/3");
        state.previous();
        assert_eq!(state.counter(), "3/3");
        state.set_query(&doc, &[], "丙", 0);
        assert_eq!(state.counter(), "0/0");
        state.next();
        assert_eq!(state.current, None);
    }

    #[test]
    fn a_search_hit_marks_its_own_place_when_the_words_appear_with_and_without_a_space() {
        // The whole-issue search forgives spaces, so "2022 年" finds all three; the reader's
        // find matches only the two spelled with a space. The third hit must mark the third
        // occurrence, not the second "2022 年" found by searching for the text again.
        let paragraph = "2022 年开工，2022年建成，2022 年验收";
        let doc = document(&["无", paragraph]);
        let gazette_hits: Vec<std::ops::Range<usize>> = {
            let mut index = Vec::new();
            let mut from = 0;
            for needle in ["2022 年", "2022年", "2022 年"] {
                let at = from + paragraph[from..].find(needle).unwrap();
                index.push(at..at + needle.len());
                from = at + needle.len();
            }
            index
        };
        let mut state = FindState::default();
        for range in gazette_hits {
            state.show_range(&doc, &[], 1, range.clone());
            let current = state.current_match().unwrap();
            assert_eq!((current.block, current.range.clone()), (1, range));
        }
        assert_eq!(
            state.query, "2022 年",
            "the find bar goes on from the hit's text"
        );
    }

    #[test]
    fn a_search_hit_selects_the_nth_match_in_its_block() {
        let doc = document(&["甲", "甲乙甲"]);
        let mut state = FindState::default();
        state.set_query(&doc, &[], "甲", 0);
        assert!(state.select_in_block(1, 1));
        assert_eq!(state.counter(), "3/3");
        assert!(!state.select_in_block(0, 1));
    }

    #[test]
    fn find_counts_and_visits_the_cells_of_the_tables_the_document_shows() {
        let table = crate::table::fixture::land_prices();
        let mut doc = document(&["标定地价 4520 元", "无"]);
        doc.body.push(Block::Table {
            table: table.id.clone(),
        });
        doc.body.push(Block::Paragraph {
            id: None,
            text: "以上 4520".into(),
        });
        let tables = [table];
        let found = find_matches(&doc, &tables, "4520");
        let places: Vec<_> = found.iter().map(|m| (m.block, m.cell)).collect();
        assert_eq!(
            places,
            [
                (0, None),
                (2, Some(TableCell { row: 0, column: 6 })),
                (2, Some(TableCell { row: 5, column: 6 })),
                (3, None)
            ],
            "the cell between the paragraphs, in reading order"
        );
        assert_eq!(
            find_matches(&doc, &[], "4520").len(),
            2,
            "a table missing from the file is skipped, not an error"
        );
        let mut state = FindState::default();
        state.set_query(&doc, &tables, "4520", 1);
        assert_eq!(
            state.counter(),
            "2/4",
            "the cell is where the clerk reads from"
        );
        assert_eq!(
            state.current_match().and_then(|m| m.cell),
            Some(TableCell { row: 0, column: 6 })
        );
    }
}
