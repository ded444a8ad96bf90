//! How the table's cells and headers are drawn: numbers right-aligned with figures of one width,
//! headers that keep their whole title, unit, sort direction and filter button at every width
//! the table allows. What a cell or header *says* is decided in `table/` (the number format,
//! the sort keys); this file only lays it out.

use crate::model::Column;
use crate::table::highlight::match_ranges;
use crate::table::{NumberFormat, SortDirection};
use eframe::egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use eframe::egui::{
    self, Align, Color32, FontId, Galley, Layout, Rect, Response, Sense, TextStyle, Ui,
};
use std::ops::Range;
use std::sync::Arc;

/// The widths of digits in the body font: numbers are laid out with every digit as wide as the
/// widest, so equal places line up from row to row (tabular figures), whatever the font.
#[derive(Clone)]
pub(super) struct Figures {
    font: FontId,
    digit_widths: [f32; 10],
    widest: f32,
}

impl Figures {
    pub(super) fn of(ui: &Ui) -> Figures {
        let font = TextStyle::Body.resolve(ui.style());
        let mut digit_widths = [0.0; 10];
        ui.ctx().fonts_mut(|fonts| {
            for (digit, width) in ('0'..='9').zip(&mut digit_widths) {
                *width = fonts.glyph_width(&font, digit);
            }
        });
        let widest = digit_widths.iter().copied().fold(0.0, f32::max);
        Figures {
            font,
            digit_widths,
            widest,
        }
    }

    /// `text` as one layout job in which each narrower digit is padded to the widest.
    fn job(&self, text: &str) -> LayoutJob {
        let mut job = LayoutJob {
            text: text.to_owned(),
            ..LayoutJob::default()
        };
        let format = TextFormat {
            font_id: self.font.clone(),
            color: Color32::PLACEHOLDER,
            ..TextFormat::default()
        };
        for (start, c) in text.char_indices() {
            let padding = c
                .to_digit(10)
                .map_or(0.0, |d| self.widest - self.digit_widths[d as usize]);
            job.sections.push(LayoutSection {
                leading_space: padding,
                byte_range: ByteIndex(start)..ByteIndex(start + c.len_utf8()),
                format: format.clone(),
            });
        }
        job.wrap.max_rows = 1;
        job
    }
}

/// One body cell. A number of a numeric column reads formatted (`94,008.28`) and right-aligned;
/// anything else (text, codes, "--") as printed, left-aligned, cut with "…" when too long (the
/// whole text on hover). Words of the quick filter are marked, and a cut cell is cut so that
/// its first match stays in view. A `marked` cell, the one a search hit landed on, is painted
/// orange beneath its text.
pub(super) fn body_cell(
    ui: &mut Ui,
    printed: &str,
    format: Option<&NumberFormat>,
    figures: &Figures,
    quick_filter: &str,
    marked: bool,
) {
    if marked {
        mark_cell(ui);
    }
    let response = cell_text(ui, printed, format, figures, quick_filter);
    if marked {
        // Assistive technology (and the UI tests) hear which cell the search landed on.
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_selected(true));
    }
}

/// The cell's text as described on [`body_cell`]; returns its label.
fn cell_text(
    ui: &mut Ui,
    printed: &str,
    format: Option<&NumberFormat>,
    figures: &Figures,
    quick_filter: &str,
) -> Response {
    let matches = match_ranges(printed, quick_filter);
    if let Some(number) = format.and_then(|f| f.cell(printed)) {
        let mut job = figures.job(&number);
        if !matches.is_empty() {
            for section in &mut job.sections {
                section.format.background = match_background(ui);
            }
        }
        return ui
            .with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.add(egui::Label::new(job).selectable(false))
            })
            .inner;
    }
    if matches.is_empty() {
        return ui.add(egui::Label::new(printed).selectable(false).truncate());
    }
    let (text, matches) = keep_first_match_in_view(ui, printed, matches);
    let job = marked_job(ui, &text, &matches);
    let response = ui.add(egui::Label::new(job).selectable(false).truncate());
    if text != printed {
        return response.on_hover_text(printed);
    }
    response
}

/// The background and frame of the cell a search hit landed on, painted under its text: the
/// orange of the reader's current find match, so the eye looks for the same mark.
fn mark_cell(ui: &Ui) {
    let (fill, stroke) = if ui.visuals().dark_mode {
        (
            Color32::from_rgb(120, 62, 14),
            Color32::from_rgb(255, 150, 50),
        )
    } else {
        (super::tables::CURRENT, Color32::from_rgb(200, 90, 0))
    };
    ui.painter().rect(
        ui.max_rect(),
        2.0,
        fill,
        egui::Stroke::new(1.5, stroke),
        egui::StrokeKind::Inside,
    );
}

/// The background of a quick-filter match: a marker yellow that reads in both themes.
fn match_background(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 88, 16)
    } else {
        super::tables::HIGHLIGHT
    }
}

/// `text` as a layout job with `matches` on the marker background.
fn marked_job(ui: &Ui, text: &str, matches: &[Range<usize>]) -> LayoutJob {
    let font = TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font,
        color: Color32::PLACEHOLDER,
        ..TextFormat::default()
    };
    let marked = TextFormat {
        background: match_background(ui),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for range in matches {
        job.append(&text[at..range.start], 0.0, plain.clone());
        job.append(&text[range.clone()], 0.0, marked.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// When the first match of a long cell would fall into its "…", the cell starts a little before
/// the match instead ("…西至文明大道"), so a clerk always sees why the row is shown.
fn keep_first_match_in_view(
    ui: &Ui,
    printed: &str,
    matches: Vec<Range<usize>>,
) -> (String, Vec<Range<usize>>) {
    let Some(first) = matches.first().cloned() else {
        return (printed.to_owned(), matches);
    };
    let font = TextStyle::Body.resolve(ui.style());
    let width = |text: &str| {
        ui.ctx()
            .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), Color32::PLACEHOLDER))
            .size()
            .x
    };
    let room = ui.available_width() - width("…");
    if width(&printed[..first.end]) <= room {
        return (printed.to_owned(), matches);
    }
    // Two characters of context before the match.
    let start = printed[..first.start]
        .char_indices()
        .rev()
        .nth(1)
        .map_or(first.start, |(i, _)| i);
    let shift = |at: usize| at - start + "…".len();
    let kept = matches
        .into_iter()
        .filter(|r| r.start >= start)
        .map(|r| shift(r.start)..shift(r.end))
        .collect();
    (format!("…{}", &printed[start..]), kept)
}

/// The sort mark of a header: ▲ / ▼, with the key's priority when several keys sort.
pub(super) fn sort_mark(sort: Option<(usize, SortDirection)>, keys: usize) -> Option<String> {
    let (priority, direction) = sort?;
    let arrow = match direction {
        SortDirection::Ascending => "▲",
        SortDirection::Descending => "▼",
    };
    Some(if keys > 1 {
        format!("{arrow}{priority}")
    } else {
        arrow.to_owned()
    })
}

/// The header's name for assistive technology and tests: the printed header and its sort mark,
/// e.g. "地面单价(元/m²) ▲" — the same whether it is drawn on one line or three.
pub(super) fn header_label(column: &Column, mark: Option<&str>) -> String {
    match mark {
        Some(mark) => format!("{} {mark}", column.header()),
        None => column.header(),
    }
}

/// Room kept at a header's right for the sort mark (up to "▼9") and the filter button.
pub(super) fn controls_width(ui: &Ui) -> f32 {
    let font = TextStyle::Body.resolve(ui.style());
    let mark = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap("▼9".to_owned(), font, Color32::PLACEHOLDER))
        .size()
        .x;
    mark + filter_button_width(ui) + 2.0 * ui.spacing().item_spacing.x
}

fn filter_button_width(ui: &Ui) -> f32 {
    let font = TextStyle::Button.resolve(ui.style());
    let icon = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap("▽".to_owned(), font, Color32::PLACEHOLDER))
        .size()
        .x;
    icon + 2.0 * ui.spacing().button_padding.x
}

/// The header's text laid out in `width`: "title(unit)" on one line when it fits, else the
/// title (wrapping between characters) with the unit on a line of its own.
pub(super) fn header_galley(ui: &Ui, column: &Column, width: f32) -> Arc<Galley> {
    let font = TextStyle::Body.resolve(ui.style());
    let strong = ui.visuals().strong_text_color();
    let one_line = column.header();
    let fits = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap(one_line.clone(), font.clone(), strong))
        .size()
        .x
        <= width;
    let text = match (&column.unit, fits) {
        (Some(unit), false) => format!("{}\n({unit})", column.title),
        _ => one_line,
    };
    ui.ctx()
        .fonts_mut(|f| f.layout(text, font, strong, width.max(1.0)))
}

/// The narrowest a column may be dragged: its title on at most two lines, its unit on one, and
/// the sort mark and filter button beside them, all whole.
pub(super) fn min_header_width(ui: &Ui, column: &Column) -> f32 {
    let font = TextStyle::Body.resolve(ui.style());
    let width = |text: String| {
        ui.ctx()
            .fonts_mut(|f| f.layout_no_wrap(text, font.clone(), Color32::PLACEHOLDER))
            .size()
            .x
    };
    let chars: Vec<char> = column.title.chars().collect();
    let half = chars.len().div_ceil(2);
    let first: String = chars[..half].iter().collect();
    let second: String = chars[half..].iter().collect();
    let unit = column
        .unit
        .as_ref()
        .map_or(0.0, |unit| width(format!("({unit})")));
    let text = width(first).max(width(second)).max(unit);
    (text + controls_width(ui) + 2.0 * ui.spacing().item_spacing.x).ceil()
}

/// What one header cell shows and how it is named.
pub(super) struct HeaderCell<'a> {
    pub column: &'a Column,
    pub mark: Option<String>,
    pub filtered: bool,
}

/// Draws a header cell: the text (click to sort) at the left, the sort mark and the filter
/// button at the right, always inside the cell. Returns whether the text was clicked, and
/// shows the filter popup (its contents drawn by `popup`) until Esc or a click outside.
pub(super) fn header_cell(ui: &mut Ui, cell: &HeaderCell<'_>, popup: impl FnOnce(&mut Ui)) -> bool {
    let rect = ui.available_rect_before_wrap();
    let controls = controls_width(ui);
    let text_width = (rect.width() - controls).max(1.0);
    let galley = header_galley(ui, cell.column, text_width);
    let text_rect =
        Rect::from_min_max(rect.min, egui::pos2(rect.right() - controls, rect.bottom()));
    let response = ui.allocate_rect(text_rect, Sense::click());
    let label = header_label(cell.column, cell.mark.as_deref());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), &label));
    let color = if response.hovered() {
        ui.visuals().widgets.hovered.fg_stroke.color
    } else {
        ui.visuals().strong_text_color()
    };
    let top = rect.top() + (rect.height() - galley.size().y).max(0.0) / 2.0;
    ui.painter()
        .galley(egui::pos2(rect.left(), top), galley, color);
    let controls_rect =
        Rect::from_min_max(egui::pos2(rect.right() - controls, rect.top()), rect.max);
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(controls_rect)
            .layout(Layout::right_to_left(Align::Center)),
        |ui| {
            let icon = if cell.filtered { "▼" } else { "▽" };
            let config = egui::containers::menu::MenuConfig::new()
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::MenuButton::new(icon)
                .config(config)
                .ui(ui, popup);
            if let Some(mark) = &cell.mark {
                ui.label(egui::RichText::new(mark).strong());
            }
        },
    );
    response.clicked()
}

/// The header row's height: enough for the tallest header at the widths the columns have.
pub(super) fn header_height(ui: &Ui, columns: &[(&Column, f32)]) -> f32 {
    let controls = controls_width(ui);
    let tallest = columns
        .iter()
        .map(|(column, width)| {
            header_galley(ui, column, (width - controls).max(1.0))
                .size()
                .y
        })
        .fold(ui.text_style_height(&TextStyle::Body), f32::max);
    tallest + 6.0
}

/// Rows whose cells are measured for a column's natural width: enough for any gazette table,
/// bounded so a million-row table is measured in a moment.
const MEASURED_ROWS: usize = 20_000;

/// Cells per column laid out to find its widest: the ones with the most characters.
const MEASURED_CELLS: usize = 8;

/// What each of `columns` needs (see [`ColumnNeed`]), measured with the current fonts. Costly
/// for a big table: the view keeps the answer until the table, columns or text size change.
pub(super) fn measure_needs(
    ui: &Ui,
    table: &crate::model::Table,
    columns: &[usize],
    formats: &[Option<NumberFormat>],
    figures: &Figures,
) -> Vec<crate::table::ColumnNeed> {
    let padding = 2.0 * ui.spacing().item_spacing.x + 2.0;
    let controls = controls_width(ui);
    let body = TextStyle::Body.resolve(ui.style());
    let width = |text: String| {
        ui.ctx()
            .fonts_mut(|f| f.layout_no_wrap(text, body.clone(), Color32::PLACEHOLDER))
            .size()
            .x
    };
    columns
        .iter()
        .map(|&c| {
            let column = &table.columns[c];
            let format = formats.get(c).copied().flatten();
            let header = width(column.header()) + controls + padding;
            let cells = longest_cells(table, c)
                .into_iter()
                .map(|printed| match format.and_then(|f| f.cell(printed)) {
                    Some(number) => figures.widest * number.len() as f32,
                    None => width(printed.to_owned()),
                })
                .fold(0.0, f32::max);
            crate::table::ColumnNeed {
                minimum: min_header_width(ui, column),
                natural: header.max(cells + padding).ceil(),
                long_text: column.kind == crate::model::ColumnKind::Text,
            }
        })
        .collect()
}

/// The printed cells of `column` with the most characters, among the first rows.
fn longest_cells(table: &crate::model::Table, column: usize) -> Vec<&str> {
    let mut cells: Vec<&str> = table
        .rows
        .iter()
        .take(MEASURED_ROWS)
        .filter_map(|row| row.get(column).map(crate::model::Cell::as_printed))
        .collect();
    cells.sort_unstable_by_key(|cell| std::cmp::Reverse(cell.chars().count()));
    cells.dedup();
    cells.truncate(MEASURED_CELLS);
    cells
}

/// The most a long-text column takes while others lack room: about twenty characters.
pub(super) fn long_text_cap(ui: &Ui) -> f32 {
    20.0 * ui.text_style_height(&TextStyle::Body)
}

/// The width of `text` on one line in the body font.
pub(super) fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = TextStyle::Body.resolve(ui.style());
    ui.ctx()
        .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER))
        .size()
        .x
}
