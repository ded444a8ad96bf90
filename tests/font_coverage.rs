//! Every character the window can show from the bundled data and the interface strings has a
//! glyph in the embedded font, so nothing falls to the system fallback (which on a bare Linux
//! machine finds no CJK font and draws boxes). When this fails, re-run
//! `scripts/make-font-subset.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use skrifa::{FontRef, MetadataProvider};
use std::collections::BTreeSet;

const FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-subset.otf");

/// Characters of `text` that the font lacks (control characters aside).
fn missing(text: &str) -> BTreeSet<char> {
    let font = FontRef::new(FONT).unwrap();
    let charmap = font.charmap();
    text.chars()
        .filter(|c| !c.is_control())
        .filter(|c| charmap.map(*c).is_none())
        .collect()
}

#[test]
fn every_character_of_the_bundled_issue_has_a_glyph() {
    let ron = std::fs::read_to_string("assets/gazette-2023-03.ron").unwrap();
    assert_eq!(missing(&ron), BTreeSet::new());
}

#[test]
fn every_character_of_the_interface_strings_has_a_glyph() {
    let strings = std::fs::read_to_string("src/ui/strings.rs").unwrap();
    assert_eq!(missing(&strings), BTreeSet::new());
}

#[test]
fn all_of_gb2312_level_one_is_covered() {
    // A sample across the GB2312 level-1 hanzi range (啊 B0A1 … 座 D7F9) and common punctuation.
    assert_eq!(
        missing("啊阿埃挨哎唉哀皑癌蔼矮艾碍爱隘座驻马店公报。，、；：？！“”（）《》"),
        BTreeSet::new()
    );
}

#[test]
fn the_embedded_font_stays_under_four_megabytes() {
    assert!(FONT.len() < 4_000_000, "{} bytes", FONT.len());
}
