//! Where the quick filter's words appear in a cell, so the window can mark them (and keep them
//! out of the "…" of a cut cell). Matching is the quick filter's own: every word,
//! case-insensitively, anywhere in the printed text.

use std::ops::Range;

/// Byte ranges of `text` where a word of `quick_filter` appears, in order, overlaps merged.
pub fn match_ranges(text: &str, quick_filter: &str) -> Vec<Range<usize>> {
    let words: Vec<String> = quick_filter
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // The lowercased text, and for each of its bytes the byte of `text` it came from, since
    // lowercasing can change a character's length (İ → i̇).
    let mut lowered = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            let before = lowered.len();
            lowered.push(lower);
            origin.extend(std::iter::repeat_n(start, lowered.len() - before));
        }
    }
    let end_of = |lowered_end: usize| origin.get(lowered_end).copied().unwrap_or(text.len());
    let mut ranges: Vec<Range<usize>> = words
        .iter()
        .flat_map(|word| {
            lowered
                .match_indices(word.as_str())
                .map(|(at, found)| origin[at]..end_of(at + found.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_case_insensitively_and_overlaps_merge() {
        let text = "东至京广铁路、西至文明大道";
        let ranges = match_ranges(text, "文明 京广");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["京广", "文明"]);
        assert_eq!(match_ranges("411700Z70001", "z7"), vec![6..8]);
        assert_eq!(match_ranges("aaaa", "aa a"), vec![0..4]);
        assert!(match_ranges("住宅用地", "  ").is_empty());
        assert!(match_ranges("住宅用地", "商服").is_empty());
    }

    #[test]
    fn ranges_stay_on_the_original_text_when_lowercasing_changes_lengths() {
        let text = "İSTANBUL 路";
        let ranges = match_ranges(text, "路");
        assert_eq!(&text[ranges[0].clone()], "路");
        let ranges = match_ranges(text, "stan");
        assert_eq!(&text[ranges[0].clone()], "STAN");
    }
}
