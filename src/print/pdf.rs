//! Drawing laid-out [`Page`]s into a PDF with krilla: text in the embedded font (krilla subsets
//! it to the glyphs used and writes the ToUnicode map, so the text can be selected and
//! searched), rectangles and lines in greys.

use super::font::{EMBEDDED_FONT, FontMetrics};
use super::layout::{Item, Measure, Page};
use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

/// What the PDF's document properties say.
#[derive(Debug, Clone, Default)]
pub struct Properties {
    /// The title (the table's or the document's).
    pub title: String,
    /// The subject: which gazette it comes from.
    pub subject: String,
}

/// The bytes of a PDF of `pages`. Fails only when krilla cannot build it (a fault of this
/// program, reported as such).
pub fn render(pages: &[Page], properties: &Properties) -> Result<Vec<u8>, String> {
    let font = Font::new(EMBEDDED_FONT.into(), 0)
        .ok_or_else(|| "the embedded font cannot be read".to_owned())?;
    let metrics = FontMetrics::embedded();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(properties.title.clone())
            .description(properties.subject.clone())
            .language("zh-CN".to_owned())
            .creator(format!("gazette-browser {}", env!("CARGO_PKG_VERSION"))),
    );
    for page in pages {
        let settings = PageSettings::from_wh(page.width, page.height)
            .ok_or_else(|| format!("a page of {} × {} pt", page.width, page.height))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw(&mut surface, item, &font, metrics);
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|error| format!("cannot build the PDF: {error:?}"))
}

fn draw(surface: &mut Surface<'_>, item: &Item, font: &Font, metrics: &FontMetrics) {
    match item {
        Item::Text {
            x,
            baseline,
            size,
            text,
        } => {
            let glyphs = glyphs(text, metrics);
            surface.set_fill(Some(Fill::default()));
            surface.set_stroke(None);
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                &glyphs,
                font.clone(),
                text,
                *size,
                false,
            );
        }
        Item::Rect {
            x,
            y,
            width,
            height,
            fill,
            stroke,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, width.max(0.01), height.max(0.01)) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_fill(fill.map(|grey| Fill {
                paint: luma::Color::new(grey).into(),
                ..Fill::default()
            }));
            surface.set_stroke(stroke.map(|width| Stroke {
                width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Item::Line { from, to, width } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                width: *width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
    }
}

/// One glyph per character, each mapped back to its character for the ToUnicode map. Chinese
/// needs no shaping; a character the font lacks draws as its missing-glyph box but is still
/// found by search.
fn glyphs(text: &str, metrics: &FontMetrics) -> Vec<KrillaGlyph> {
    text.char_indices()
        .map(|(start, c)| KrillaGlyph {
            glyph_id: GlyphId::new(metrics.glyph(c).unwrap_or(0)),
            text_range: start..start + c.len_utf8(),
            x_advance: metrics.advance(c),
            x_offset: 0.0,
            y_offset: 0.0,
            y_advance: 0.0,
            location: None,
        })
        .collect()
}
