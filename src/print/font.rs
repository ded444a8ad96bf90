//! The embedded Chinese font (Noto Sans SC, a subset covering GB2312 and every character of the
//! bundled issue) for the PDF: its character map and advances, read once with skrifa.

use super::layout::Measure;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded font file (SIL OFL 1.1, licence in `assets/fonts/OFL.txt`); the window uses
/// the same bytes.
pub const EMBEDDED_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

/// Each character's glyph and advance (in ems) in the embedded font.
#[derive(Debug)]
pub struct FontMetrics {
    glyphs: HashMap<char, (u32, f32)>,
    /// The advance of the font's "missing character" glyph, for characters it lacks.
    missing_advance: f32,
}

impl FontMetrics {
    /// The metrics of the embedded font, read on first use.
    pub fn embedded() -> &'static FontMetrics {
        static METRICS: OnceLock<FontMetrics> = OnceLock::new();
        METRICS.get_or_init(|| FontMetrics::read(EMBEDDED_FONT))
    }

    /// Reads a font's character map and advances. A font that cannot be read gives empty
    /// metrics (every character then measures one em and draws as the missing glyph); the
    /// embedded font is checked by the tests.
    pub fn read(data: &[u8]) -> FontMetrics {
        let Ok(font) = FontRef::new(data) else {
            return FontMetrics {
                glyphs: HashMap::new(),
                missing_advance: 1.0,
            };
        };
        let upem = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advance = |glyph| metrics.advance_width(glyph).unwrap_or(upem) / upem;
        let glyphs = font
            .charmap()
            .mappings()
            .filter_map(|(code, glyph)| {
                let c = char::from_u32(code)?;
                Some((c, (glyph.to_u32(), advance(glyph))))
            })
            .collect();
        FontMetrics {
            glyphs,
            missing_advance: advance(skrifa::GlyphId::NOTDEF),
        }
    }

    /// The glyph of `c`, or `None` when the font lacks it.
    pub fn glyph(&self, c: char) -> Option<u32> {
        self.glyphs.get(&c).map(|(glyph, _)| *glyph)
    }
}

impl Measure for FontMetrics {
    fn advance(&self, c: char) -> f32 {
        self.glyphs
            .get(&c)
            .map_or(self.missing_advance, |(_, advance)| *advance)
    }
}
