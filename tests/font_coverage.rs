//! Every character the window can show from the bundled data and the interface strings has a
//! glyph in the embedded font, so nothing falls to the system fallback (which on a bare Linux
//! machine finds no CJK font and draws boxes). When this fails, re-run
//! `scripts/make-font-subset.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use skrifa::{FontRef, MetadataProvider};
use std::collections::BTreeSet;

const FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-subset.otf");

/// Characters of `text` that neither the embedded font nor egui's built-in fonts (Latin,
/// symbols, icons) can draw; control characters aside.
fn missing(text: &str) -> BTreeSet<char> {
    let builtin = eframe::egui::FontDefinitions::default();
    let mut fonts = vec![FontRef::new(FONT).unwrap()];
    for data in builtin.font_data.values() {
        fonts.push(FontRef::from_index(data.bytes(), data.index).unwrap());
    }
    text.chars()
        .filter(|c| !c.is_control())
        .filter(|c| fonts.iter().all(|font| font.charmap().map(*c).is_none()))
        .collect()
}

/// Characters of `text` that the embedded font itself lacks.
fn missing_in_embedded(text: &str) -> BTreeSet<char> {
    let font = FontRef::new(FONT).unwrap();
    text.chars()
        .filter(|c| !c.is_control() && font.charmap().map(*c).is_none())
        .collect()
}

#[test]
fn every_character_of_the_bundled_issue_has_a_glyph() {
    let ron = std::fs::read_to_string("assets/gazette-2023-03.ron").unwrap();
    assert_eq!(missing_in_embedded(&ron), BTreeSet::new());
}

#[test]
fn every_character_of_the_interface_strings_has_a_glyph() {
    let mut checked = 0;
    for entry in std::fs::read_dir("src/ui").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains("strings") && name.ends_with(".rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(missing(&text), BTreeSet::new(), "{name}");
            checked += 1;
        }
    }
    assert!(checked >= 1, "no strings file found in src/ui");
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
