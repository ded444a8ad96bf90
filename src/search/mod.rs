//! Whole-issue search: documents, table cells and the cover, in reading order.
//!
//! Matching forgives what a clerk cannot see or does not think about: letter case, spaces (the
//! source prints "2022 年" where a clerk types "2022年") and full-width versus half-width forms
//! (（一） and (一)). Paragraphs are stored with their page-break splits rejoined, so a phrase
//! that a page break split in the print is found whole.
//!
//! Build a [`SearchIndex`] once per gazette and query it per keystroke; [`search`] is the
//! one-shot form.

use crate::model::Gazette;
use std::ops::Range;

/// Where a hit is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// A block of a document; `block` indexes [`crate::model::Document::all_blocks`].
    Block {
        /// Document id.
        document: String,
        /// Index into the document's blocks in reading order.
        block: usize,
    },
    /// A table cell; `row` and `column` index the table's rows and columns as stored.
    Cell {
        /// Table id.
        table: String,
        /// Row index in printed order.
        row: usize,
        /// Column index.
        column: usize,
    },
    /// The head of a document: its title, number, addressees or date.
    Document {
        /// Document id.
        document: String,
    },
    /// The cover, masthead, contents page or colophon (the 概览 tab).
    Overview,
}

/// One match with the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// Where the match is.
    pub place: Place,
    /// The matched text with some context around it, shortened with "…" where cut.
    pub context: String,
    /// Byte range of the match within `context`.
    pub match_range: Range<usize>,
    /// Byte range of the match within the whole text of its place: for a block, within
    /// [`crate::model::Block::shown_text`], so the reader marks exactly this match rather
    /// than searching for its text again.
    pub range: Range<usize>,
}

/// Searches the whole issue for `query`; at most `limit` hits, in reading order.
pub fn search(gazette: &Gazette, query: &str, limit: usize) -> Vec<SearchHit> {
    SearchIndex::new(gazette).search(query, limit)
}

/// Characters of context kept before a match.
const CONTEXT_BEFORE: usize = 24;
/// Characters of context kept after a match.
const CONTEXT_AFTER: usize = 48;

/// Tables with more rows than this are left out of the whole-issue search. A parcel register
/// of a million rows would make the index several gigabytes and take the window seconds to
/// build; such a table has its own quick filter, built for its size, and the results panel
/// names the tables left out. The issue's own tables have at most 66 rows.
pub const MAX_SEARCHED_TABLE_ROWS: usize = 20_000;

/// The issue's searchable texts, normalised once so each keystroke only scans.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    skipped_tables: Vec<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    place: Place,
    original: String,
    folded: Folded,
}

impl SearchIndex {
    /// Indexes every searchable text of `gazette` in reading order.
    pub fn new(gazette: &Gazette) -> Self {
        let mut index = SearchIndex::default();
        index.add_overview(gazette);
        for document in &gazette.documents {
            index.add_document(document);
        }
        for table in &gazette.tables {
            if table.rows.len() > MAX_SEARCHED_TABLE_ROWS {
                index.skipped_tables.push(table.id.clone());
                continue;
            }
            for (row_index, row) in table.rows.iter().enumerate() {
                for (column_index, cell) in row.iter().enumerate() {
                    index.push(
                        Place::Cell {
                            table: table.id.clone(),
                            row: row_index,
                            column: column_index,
                        },
                        cell.as_printed(),
                    );
                }
            }
        }
        index
    }

    /// Ids of the tables left out because they have more than [`MAX_SEARCHED_TABLE_ROWS`] rows.
    pub fn skipped_tables(&self) -> &[String] {
        &self.skipped_tables
    }

    fn push(&mut self, place: Place, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.entries.push(Entry {
            place,
            original: text.to_owned(),
            folded: Folded::new(text),
        });
    }

    fn add_overview(&mut self, gazette: &Gazette) {
        let issue = &gazette.issue;
        let board = &issue.editorial_board;
        let mut texts = vec![
            gazette.display_title(),
            issue.title_en.clone(),
            issue.sponsor.clone(),
            issue.editor.clone(),
            issue.distribution.scope.clone(),
            board.members.join(" "),
            board.chief_editor.clone(),
            board.deputy_chief_editors.join(" "),
            board.editors.join(" "),
        ];
        texts.extend(
            issue
                .colophon
                .iter()
                .map(|c| format!("{}：{}", c.label, c.value)),
        );
        texts.extend(gazette.contents.iter().map(|c| c.title.clone()));
        texts.extend(
            gazette
                .errata
                .iter()
                .map(|e| format!("{} → {}", e.printed, e.corrected)),
        );
        for text in texts {
            self.push(Place::Overview, &text);
        }
    }

    fn add_document(&mut self, document: &crate::model::Document) {
        let head = Place::Document {
            document: document.id.clone(),
        };
        self.push(head.clone(), &document.title);
        for text in [&document.number, &document.addressees]
            .into_iter()
            .flatten()
        {
            self.push(head.clone(), text);
        }
        if let Some(date) = &document.date {
            self.push(head.clone(), &date.chinese());
        }
        for (block_index, block) in document.all_blocks().into_iter().enumerate() {
            let place = Place::Block {
                document: document.id.clone(),
                block: block_index,
            };
            if let Some(text) = block.shown_text() {
                self.push(place, &text);
            }
        }
    }

    /// Up to `limit` hits for `query` in reading order; nothing for a blank query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let needle = Folded::new(query).text;
        if needle.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for entry in &self.entries {
            for found in entry.folded.find_all(&needle) {
                hits.push(entry.hit(found));
                if hits.len() >= limit {
                    return hits;
                }
            }
        }
        hits
    }

    /// How many matches `query` has in the whole issue (for "N results" when hits are capped).
    pub fn count(&self, query: &str) -> usize {
        let needle = Folded::new(query).text;
        if needle.is_empty() {
            return 0;
        }
        self.entries
            .iter()
            .map(|entry| entry.folded.find_all(&needle).count())
            .sum()
    }
}

/// The searchable text of a block: what the reader shows for it.
impl Entry {
    /// A hit for the match covering `original` bytes `found`, with context around it.
    fn hit(&self, found: Range<usize>) -> SearchHit {
        let text = &self.original;
        let start = back_chars(text, found.start, CONTEXT_BEFORE);
        let end = forward_chars(text, found.end, CONTEXT_AFTER);
        let prefix = if start > 0 { "…" } else { "" };
        let suffix = if end < text.len() { "…" } else { "" };
        let context = format!("{prefix}{}{suffix}", &text[start..end]);
        let offset = prefix.len();
        SearchHit {
            place: self.place.clone(),
            context,
            match_range: offset + found.start - start..offset + found.end - start,
            range: found,
        }
    }
}

fn back_chars(text: &str, from: usize, count: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(index, _)| index)
}

fn forward_chars(text: &str, from: usize, count: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(index, _)| from + index)
}

/// Text folded for matching, with a map back to byte offsets of the original.
#[derive(Debug, Clone)]
struct Folded {
    /// Lower-cased, half-width, without whitespace.
    text: String,
    /// For each byte of `text`: (start, end) byte offsets of the original character.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (start, ch) in original.char_indices() {
            if ch.is_whitespace() {
                continue;
            }
            let end = start + ch.len_utf8();
            for folded in fold_char(ch) {
                let before = text.len();
                text.push(folded);
                origin.extend(std::iter::repeat_n((start, end), text.len() - before));
            }
        }
        Folded { text, origin }
    }

    /// Byte ranges in the original text of every non-overlapping match of `needle`.
    fn find_all<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.text
            .match_indices(needle)
            .filter_map(move |(at, matched)| {
                let first = self.origin.get(at)?;
                let last = self.origin.get(at + matched.len() - 1)?;
                Some(first.0..last.1)
            })
    }
}

/// Folds a character for matching: full-width ASCII forms to half-width, then lower case.
fn fold_char(ch: char) -> impl Iterator<Item = char> {
    let half = match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' => ' ',
        _ => ch,
    };
    half.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_too_big_for_the_issue_search_is_left_out_and_named() {
        let mut gazette = crate::model::load::embedded().unwrap();
        let small = SearchIndex::new(&gazette);
        assert!(small.skipped_tables().is_empty());
        assert!(
            small.count("411700S50001") > 0,
            "the printed table is searched"
        );
        crate::synthetic::grow_land_prices(&mut gazette, MAX_SEARCHED_TABLE_ROWS + 1, 7).unwrap();
        let big = SearchIndex::new(&gazette);
        assert_eq!(big.skipped_tables(), [crate::synthetic::GROWN_TABLE]);
        let hits = big.search("411700", 1000);
        assert!(
            hits.iter()
                .all(|hit| !matches!(&hit.place, Place::Cell { table, .. }
                if table == crate::synthetic::GROWN_TABLE)),
            "no hit in the table left out"
        );
        assert!(big.count("驻马店") > 0, "the documents are still searched");
    }

    #[test]
    fn folding_ignores_spaces_case_and_width() {
        let folded = Folded::new("驻马店市中心城区 2022 年标定地价（一）IMS");
        let needle = Folded::new("2022年标定地价(一)ims").text;
        let found: Vec<_> = folded.find_all(&needle).collect();
        assert_eq!(found.len(), 1);
        let original = "驻马店市中心城区 2022 年标定地价（一）IMS";
        assert_eq!(&original[found[0].clone()], "2022 年标定地价（一）IMS");
    }

    #[test]
    fn context_is_cut_at_character_boundaries_with_ellipses() {
        let text = "一二三四五六七八九十".repeat(10);
        let entry = Entry {
            place: Place::Overview,
            original: text.clone(),
            folded: Folded::new(&text),
        };
        let at = text.char_indices().nth(50).unwrap().0;
        let hit = entry.hit(at..at + 3);
        assert!(hit.context.starts_with('…') && hit.context.ends_with('…'));
        assert_eq!(&hit.context[hit.match_range.clone()], "一");
        assert_eq!(
            hit.context.chars().count(),
            CONTEXT_BEFORE + 1 + CONTEXT_AFTER + 2
        );
    }

    #[test]
    fn a_blank_query_finds_nothing() {
        let index = SearchIndex::default();
        assert!(index.search("   ", 10).is_empty());
        assert_eq!(index.count(""), 0);
    }
}
