//! Chinese line breaking (禁则) for the reader's paragraphs and headings. epaint 0.37 keeps
//! ，。》 off the start of a line but breaks after an opening mark when a Chinese character
//! follows, so 《 （ “ can end a line ("根据《" / "驻马店市…》"), and it splits 3298.21 or a code
//! at its punctuation when a line has no better place. Here a paragraph is broken into lines by
//! [`crate::line_break`] and each line is laid out by epaint without wrapping; the lines are
//! joined into one galley over the unchanged text, so selecting and copying a paragraph gives
//! the text as printed, with no line breaks added.

use crate::line_break::break_lines;
use eframe::egui::text::{ByteIndex, LayoutJob};
use eframe::egui::{self, Galley, Ui};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

/// `job` wrapped to `max_width` by the rules of Chinese typesetting. `slot` names the place
/// (one per block), whose last galley is reused while its text, marks and width are the same:
/// breaking a long plan on every frame would cost the reader its frame budget.
pub fn wrapped(ui: &Ui, slot: egui::Id, job: LayoutJob, max_width: f32) -> Arc<Galley> {
    let pixels_per_point = ui.ctx().pixels_per_point();
    let key = {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        job.hash(&mut hasher);
        max_width.to_bits().hash(&mut hasher);
        pixels_per_point.to_bits().hash(&mut hasher);
        hasher.finish()
    };
    let cached = ui.data(|d| d.get_temp::<(u64, Arc<Galley>)>(slot));
    if let Some((cached_key, galley)) = cached
        && cached_key == key
    {
        return galley;
    }
    let galley = lay_out(ui, job, max_width, pixels_per_point);
    ui.data_mut(|d| d.insert_temp(slot, (key, Arc::clone(&galley))));
    galley
}

/// A centred title, `size` points and strong, wrapped by the same rules as the paragraphs.
pub fn title(ui: &mut Ui, slot: egui::Id, text: &str, size: f32) -> egui::Response {
    let format = egui::TextFormat {
        font_id: egui::FontId::proportional(size),
        color: ui.visuals().strong_text_color(),
        ..Default::default()
    };
    let mut job = LayoutJob::single_section(text.to_owned(), format);
    job.halign = egui::Align::Center;
    let galley = wrapped(ui, slot, job, ui.available_width());
    ui.add(egui::Label::new(galley))
}

/// Breaks `job`'s text into lines, lays each out alone and stacks them.
fn lay_out(ui: &Ui, mut job: LayoutJob, max_width: f32, pixels_per_point: f32) -> Arc<Galley> {
    job.wrap.max_width = max_width;
    if !max_width.is_finite() || max_width <= 0.0 || job.text.is_empty() {
        return ui.ctx().fonts_mut(|fonts| fonts.layout_job(job));
    }
    let widths = advances(ui, &job);
    let mut next_width = widths.into_iter();
    let lines = break_lines(&job.text, |_| next_width.next().unwrap_or(0.0), max_width);
    let galleys: Vec<Arc<Galley>> = ui.ctx().fonts_mut(|fonts| {
        lines
            .iter()
            .map(|line| fonts.layout_job(line_job(&job, line.clone())))
            .collect()
    });
    // A line ends at a `\n` of the text (a hard break) or where the text was wrapped.
    let hard: Vec<bool> = lines
        .iter()
        .map(|line| job.text[line.end..].starts_with('\n'))
        .collect();
    let mut galley = Galley::concat(Arc::new(job), &galleys, pixels_per_point);
    // `concat` marks every joint as a `\n`; a wrapped joint has none in the text, and a
    // cursor or a selection counts characters by these marks.
    let mut row = 0;
    for (line, part) in galleys.iter().enumerate() {
        row += part.rows.len();
        if let Some(joint) = row
            .checked_sub(1)
            .and_then(|last| galley.rows.get_mut(last))
        {
            joint.ends_with_newline = hard[line];
        }
    }
    Arc::new(galley)
}

/// How far each character of `job` (but `\n`) moves the pen, in text order, as epaint lays it
/// out: its own font, a fallback font's glyph for a character the first lacks (the indent's
/// U+3000), kerning and letter spacing included. A glyph's own width alone made a first line
/// overflow the column.
fn advances(ui: &Ui, job: &LayoutJob) -> Vec<f32> {
    let mut unwrapped = job.clone();
    unwrapped.wrap = egui::text::TextWrapping::no_max_width();
    let galley = ui.ctx().fonts_mut(|fonts| fonts.layout_job(unwrapped));
    galley
        .rows
        .iter()
        .flat_map(|row| {
            let glyphs = &row.row.glyphs;
            glyphs.iter().enumerate().map(move |(at, glyph)| {
                glyphs
                    .get(at + 1)
                    .map_or(glyph.advance_width, |next| next.pos.x - glyph.pos.x)
            })
        })
        .collect()
}

/// The part `line` of `job`, its sections cut to it, on one unwrapped line.
fn line_job(job: &LayoutJob, line: Range<usize>) -> LayoutJob {
    let mut sections: Vec<_> = job
        .sections
        .iter()
        .filter(|s| s.byte_range.start.0 < line.end && s.byte_range.end.0 > line.start)
        .map(|s| {
            let mut section = s.clone();
            let start = s.byte_range.start.0.max(line.start);
            let end = s.byte_range.end.0.min(line.end);
            if start != s.byte_range.start.0 {
                section.leading_space = 0.0;
            }
            section.byte_range = ByteIndex(start - line.start)..ByteIndex(end - line.start);
            section
        })
        .collect();
    if sections.is_empty()
        && let Some(last) = job.sections.last()
    {
        // An empty line keeps the height of the text around it.
        let mut section = last.clone();
        section.byte_range = ByteIndex::ZERO..ByteIndex::ZERO;
        sections.push(section);
    }
    LayoutJob {
        text: job.text[line].to_owned(),
        sections,
        wrap: egui::text::TextWrapping::no_max_width(),
        halign: job.halign,
        justify: false,
        round_output_to_gui: job.round_output_to_gui,
        ..LayoutJob::default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// The rows of `text` laid out at `width` points in the program's own Chinese font.
    fn rows_of(text: &str, width: f32) -> (Arc<Galley>, Vec<String>) {
        let ctx = egui::Context::default();
        super::super::fonts::install(&ctx);
        let mut galley = None;
        // The fonts are loaded by the first pass; the second lays out with them.
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let format = egui::TextFormat {
                    font_id: egui::FontId::proportional(16.0),
                    ..Default::default()
                };
                let mut job = LayoutJob::default();
                job.append(text, 0.0, format);
                galley = Some(wrapped(ui, ui.scope_id().with("test"), job, width));
            });
            // No renderer takes the font atlas here.
            output.textures_delta.clear();
        }
        let galley = galley.unwrap();
        let rows = galley
            .rows
            .iter()
            .map(|row| row.row.glyphs.iter().map(|g| g.chr).collect())
            .collect();
        (galley, rows)
    }

    const TEXT: &str = "根据《驻马店市人民政府关于公布驻马店市中心城区标定地价的通知》（驻政〔2023〕12号），\
        土地面积3298.21平方米，编号411700S50001，“七通一平”。";

    #[test]
    fn no_opening_mark_ends_a_row_and_no_closing_mark_starts_one() {
        // From seven characters a line: narrower, a code alone is wider than a line and must break.
        for width in (120..=400).step_by(7) {
            let (_, rows) = rows_of(TEXT, width as f32);
            for row in &rows {
                assert!(!row.ends_with(['《', '（', '“', '〔']), "{width}: {rows:?}");
                assert!(
                    !row.starts_with(['，', '。', '》', '）', '”', '〕']),
                    "{width}: {rows:?}"
                );
            }
            for number in ["3298.21", "411700S50001"] {
                assert!(
                    rows.iter().any(|row| row.contains(number)),
                    "{width}: {number} whole in {rows:?}"
                );
            }
        }
    }

    #[test]
    fn the_text_stays_as_printed_for_copying_and_the_cursor() {
        let text = format!("{TEXT}\n第二段。");
        let (galley, rows) = rows_of(&text, 120.0);
        assert!(rows.len() > 4, "{rows:?}");
        assert_eq!(galley.text(), text, "no line break added to the text");
        assert_eq!(rows.concat(), text.replace('\n', ""));
        let hard_breaks = galley.rows.iter().filter(|r| r.ends_with_newline).count();
        assert_eq!(hard_breaks, 1, "only the printed \\n is a newline");
        let chars = text.chars().count();
        let end = galley.end();
        assert_eq!(end.index.0, chars, "the cursor counts every character once");
    }
}
