//! The schematic of the benchmark regions in the window: roads as grid lines with their names,
//! regions coloured by 地面单价 on one scale with a legend, a layer per 用途, pan and zoom, hover
//! details, and selection shared with the table view (click selects the region's row; rows
//! selected in the table are outlined here).
//!
//! Layout and geometry come from [`crate::schematic`]; this file only draws them and turns the
//! pointer into selection and view changes.

use super::table_strings::{self as strings, Lang, Text};
use crate::model::{Table, land_price};
use crate::schematic::view::{LabelPlacer, ScreenRect, Transform, dark_text_on, label_fits};
use crate::schematic::{
    Axis, BOUNDS_COLUMN, CODE_COLUMN, Layout, NUMBER_COLUMN, PRICE_COLUMN, PlacedRegion,
    USE_COLUMN, land_uses, layout, price_color, price_range, region_at, regions_from_table,
    svg::NOT_TO_SCALE,
};
use crate::table::{ClickKind, Store};
use eframe::egui::{self, Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Room around the drawing for road names, in points.
const MARGIN: f32 = 36.0;
/// Size of region numbers.
const REGION_LABEL_SIZE: f32 = 13.0;
/// Size of road names.
const ROAD_LABEL_SIZE: f32 = 11.0;
/// Opacity of region fills: regions of different uses share the grid, so the lower one shows
/// through a little.
const FILL_ALPHA: u8 = 215;
/// Outline of regions selected in the table: a blue that stands out from every colour of the
/// yellow–red scale and from the dark background.
const SELECTED: Color32 = Color32::from_rgb(40, 150, 255);
/// Wheel steps to zoom factor: one notch (about 50 points) zooms by about 10 %.
const WHEEL_ZOOM: f32 = 0.002;
/// Width of the hover tooltip: a region code and a 四至 line read without breaking mid-word.
const TOOLTIP_WIDTH: f32 = 380.0;
/// Columns shown in the hover tooltip, in order, when the table has them.
const TOOLTIP_COLUMNS: [&str; 7] = [
    NUMBER_COLUMN,
    CODE_COLUMN,
    USE_COLUMN,
    land_price::PARCEL_NAME,
    PRICE_COLUMN,
    land_price::FLOOR_PRICE,
    BOUNDS_COLUMN,
];

/// Whether `table` has what the schematic is drawn from (codes, uses and 四至).
pub fn has_schematic(table: &Table) -> bool {
    [CODE_COLUMN, USE_COLUMN, BOUNDS_COLUMN]
        .iter()
        .all(|title| table.column_index(title).is_some())
}

/// The layout of one table, computed once: the road ordering is the slow part.
struct Cached {
    table: String,
    rows: usize,
    layout: Layout,
    range: Option<(f64, f64)>,
    layers: Vec<(String, usize)>,
}

/// The schematic's view state. The hidden layers are remembered between runs; the view
/// transform, the cached layout and what was drawn last are not.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SchematicView {
    hidden: BTreeSet<String>,
    #[serde(skip)]
    cache: Option<Cached>,
    #[serde(skip)]
    transform: Option<Transform>,
    /// Refit to the window each frame until the clerk pans or zooms.
    #[serde(skip)]
    fitted: bool,
    #[serde(skip)]
    drawn: Vec<(String, Rect)>,
    #[serde(skip)]
    highlighted: Vec<String>,
    #[serde(skip)]
    pending_zoom: Option<f32>,
}

impl SchematicView {
    /// Codes of the regions outlined as selected in the last frame drawn.
    pub fn highlighted_codes(&self) -> &[String] {
        &self.highlighted
    }

    /// Codes of the regions drawn in the last frame, with their screen rectangles (tests click
    /// on them; a hidden layer's regions are absent).
    pub fn drawn_regions(&self) -> &[(String, Rect)] {
        &self.drawn
    }

    /// Forgets the computed layout, as when another gazette file is opened; the next frame lays
    /// the regions out again.
    pub fn forget_layout(&mut self) {
        self.cache = None;
    }

    /// Shows or hides the regions of one land use.
    pub fn set_layer(&mut self, land_use: &str, visible: bool) {
        if visible {
            self.hidden.remove(land_use);
        } else {
            self.hidden.insert(land_use.to_owned());
        }
    }

    /// Whether the regions of `land_use` are shown.
    pub fn layer_visible(&self, land_use: &str) -> bool {
        !self.hidden.contains(land_use)
    }

    /// Draws the schematic of `table`; clicks change the table's selection in `store`.
    pub fn show(&mut self, ui: &mut egui::Ui, table: &Table, store: &mut Store, lang: Lang) {
        if !has_schematic(table) {
            ui.label(Text::NoSchematic.get(lang));
            return;
        }
        self.prepare(table);
        let selected: BTreeSet<usize> = store.selected_rows(&table.id).clone();
        self.toolbar(ui, table, lang);
        self.footer(ui, table, selected.len(), lang);
        egui::CentralPanel::default().show(ui, |ui| {
            self.canvas(ui, table, &selected, store);
        });
    }

    /// Computes the layout if this table has not been laid out yet.
    fn prepare(&mut self, table: &Table) {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.table == table.id && c.rows == table.rows.len());
        if fresh {
            return;
        }
        let layout = regions_from_table(table)
            .map(|regions| layout(&regions))
            .unwrap_or_default();
        let layers = land_uses(&layout)
            .into_iter()
            .map(|land_use| {
                let count = layout
                    .regions
                    .iter()
                    .filter(|r| r.input.land_use == land_use)
                    .count();
                (land_use, count)
            })
            .collect();
        self.cache = Some(Cached {
            table: table.id.clone(),
            rows: table.rows.len(),
            range: price_range(&layout),
            layout,
            layers,
        });
        self.transform = None;
        self.fitted = true;
    }

    /// The note, the layer checkboxes and the zoom buttons.
    fn toolbar(&mut self, ui: &mut egui::Ui, table: &Table, lang: Lang) {
        let Some(cache) = &self.cache else {
            return;
        };
        let mut toggles = Vec::new();
        let mut zoom = None;
        egui::Panel::top(("schematic-toolbar", &table.id)).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(NOT_TO_SCALE)
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
                ui.separator();
                ui.label(Text::Layers.get(lang));
                for (land_use, count) in &cache.layers {
                    let mut on = !self.hidden.contains(land_use);
                    let label = strings::layer(lang, land_use, *count);
                    if ui.checkbox(&mut on, label).changed() {
                        toggles.push((land_use.clone(), on));
                    }
                }
                ui.separator();
                if ui.button(Text::Fit.get(lang)).clicked() {
                    zoom = Some(0.0);
                }
                if ui.button(Text::ZoomIn.get(lang)).clicked() {
                    zoom = Some(1.25);
                }
                if ui.button(Text::ZoomOut.get(lang)).clicked() {
                    zoom = Some(0.8);
                }
                ui.label(RichText::new(Text::SchematicHelp.get(lang)).weak());
            });
        });
        for (land_use, on) in toggles {
            self.set_layer(&land_use, on);
        }
        match zoom {
            Some(factor) if factor > 0.0 => self.pending_zoom = Some(factor),
            Some(_) => self.fitted = true,
            None => {}
        }
    }

    /// Legend, selection count, and what could not be drawn as the 四至 say.
    fn footer(&self, ui: &mut egui::Ui, table: &Table, selected: usize, lang: Lang) {
        let Some(cache) = &self.cache else {
            return;
        };
        egui::Panel::bottom(("schematic-footer", &table.id)).show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                if let Some(range) = cache.range {
                    legend(ui, range, lang);
                    ui.add_space(16.0);
                }
                legend_selected(ui, lang);
                ui.add_space(16.0);
                ui.label(strings::regions_selected(lang, selected));
            });
            if !cache.layout.unplaced.is_empty() {
                ui.label(RichText::new(Text::Unplaced.get(lang)).strong());
                for region in &cache.layout.unplaced {
                    let line = format!(
                        "• {}（{}）：{}",
                        region.input.code, region.input.label, region.reason
                    );
                    ui.add(egui::Label::new(line).wrap());
                }
            }
            if !cache.layout.unresolved.is_empty() {
                ui.label(RichText::new(Text::UnresolvedIntro.get(lang)).weak());
                for note in &cache.layout.unresolved {
                    ui.add(egui::Label::new(format!("• {note}")).wrap());
                }
            }
            ui.add_space(2.0);
        });
    }

    /// The drawing itself, with pan, zoom, hover and click.
    fn canvas(
        &mut self,
        ui: &mut egui::Ui,
        table: &Table,
        selected: &BTreeSet<usize>,
        store: &mut Store,
    ) {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let area = screen_rect(response.rect);
        let Some(cache) = &self.cache else {
            return;
        };
        let (width, height) = (cache.layout.width, cache.layout.height);
        let mut transform = match self.transform {
            Some(t) if !self.fitted => t,
            _ => Transform::fit(width, height, area, MARGIN),
        };
        if let Some(factor) = self.pending_zoom.take() {
            transform = transform.zoomed(factor, area.center());
            self.fitted = false;
        }
        if response.dragged() {
            let delta = response.drag_delta();
            transform = transform.panned([delta.x, delta.y]);
            self.fitted = false;
        }
        if response.hovered() {
            let (scroll, pinch, pointer) = ui.input(|i| {
                (
                    i.smooth_scroll_delta.y,
                    i.zoom_delta(),
                    i.pointer.hover_pos(),
                )
            });
            let factor = (scroll * WHEEL_ZOOM).exp() * pinch;
            if let (Some(pointer), true) = (pointer, (factor - 1.0).abs() > f32::EPSILON) {
                transform = transform.zoomed(factor, [pointer.x, pointer.y]);
                self.fitted = false;
            }
        }
        self.transform = Some(transform);
        let hidden = &self.hidden;
        let visible = |land_use: &str| !hidden.contains(land_use);
        let painter = painter.with_clip_rect(response.rect);
        let hovered = response
            .hover_pos()
            .and_then(|p| {
                let (gx, gy) = transform.to_grid([p.x, p.y]);
                region_at(&cache.layout, gx, gy, visible)
            })
            .map(|r| r.input.row);
        let drawn = draw_regions(ui, &painter, cache, &transform, &visible, selected, hovered);
        draw_roads(ui, &painter, &cache.layout, &transform, drawn.placer);
        self.highlighted = drawn.highlighted;
        self.drawn = drawn.rects;
        if let Some(row) = hovered {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip(ui, table, row));
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let (gx, gy) = transform.to_grid([pointer.x, pointer.y]);
            if let Some(region) = region_at(&cache.layout, gx, gy, visible) {
                let kind = ClickKind {
                    toggle: ui.input(|i| i.modifiers.command),
                    extend: false,
                };
                store.click(&table.id, region.input.row, kind);
            }
        }
    }
}

fn screen_rect(rect: Rect) -> ScreenRect {
    ScreenRect {
        left: rect.left(),
        top: rect.top(),
        right: rect.right(),
        bottom: rect.bottom(),
    }
}

fn egui_rect(rect: &ScreenRect) -> Rect {
    Rect::from_min_max(
        Pos2::new(rect.left, rect.top),
        Pos2::new(rect.right, rect.bottom),
    )
}

fn color_of(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// What drawing the regions produced: the labels' reserved room, what is outlined, where each
/// region landed.
struct Drawn {
    placer: LabelPlacer,
    highlighted: Vec<String>,
    rects: Vec<(String, Rect)>,
}

/// Regions from largest to smallest (a small region drawn over a large one stays visible, and
/// is the one the pointer picks), numbered where the number fits.
fn draw_regions(
    ui: &egui::Ui,
    painter: &egui::Painter,
    cache: &Cached,
    transform: &Transform,
    visible: &dyn Fn(&str) -> bool,
    selected: &BTreeSet<usize>,
    hovered: Option<usize>,
) -> Drawn {
    let mut regions: Vec<&PlacedRegion> = cache
        .layout
        .regions
        .iter()
        .filter(|r| visible(&r.input.land_use))
        .collect();
    let area = |r: &PlacedRegion| (r.rect.east - r.rect.west) * (r.rect.north - r.rect.south);
    regions.sort_by_key(|r| std::cmp::Reverse(area(r)));
    let outline = Stroke::new(1.0, Color32::from_gray(60));
    let mut rects = Vec::new();
    for region in &regions {
        let rect = egui_rect(&transform.rect(&region.rect));
        let rgb = fill_of(region, cache.range);
        painter.rect_filled(rect, 0.0, color_of(rgb).gamma_multiply_u8(FILL_ALPHA));
        painter.rect_stroke(rect, 0.0, outline, StrokeKind::Inside);
        rects.push((region.input.code.clone(), rect));
    }
    let mut highlighted = Vec::new();
    for region in &regions {
        let rect = egui_rect(&transform.rect(&region.rect));
        if selected.contains(&region.input.row) {
            painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(5.0, Color32::BLACK),
                StrokeKind::Inside,
            );
            painter.rect_stroke(rect, 0.0, Stroke::new(3.0, SELECTED), StrokeKind::Inside);
            highlighted.push(region.input.code.clone());
        } else if hovered == Some(region.input.row) {
            let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
            painter.rect_stroke(rect, 0.0, stroke, StrokeKind::Inside);
        }
    }
    let mut placer = LabelPlacer::new();
    for region in regions.iter().rev() {
        let room = transform.rect(&region.rect);
        let rgb = fill_of(region, cache.range);
        let color = if dark_text_on(rgb) {
            Color32::BLACK
        } else {
            Color32::WHITE
        };
        let galley = painter.layout_no_wrap(
            region.input.label.clone(),
            FontId::proportional(REGION_LABEL_SIZE),
            color,
        );
        let size = [galley.size().x, galley.size().y];
        let spot = ScreenRect::centered(room.center(), size);
        if label_fits(size, &room, 1.0) && placer.place(spot) {
            painter.galley(Pos2::new(spot.left, spot.top), galley, color);
        }
    }
    highlighted.sort();
    Drawn {
        placer,
        highlighted,
        rects,
    }
}

fn fill_of(region: &PlacedRegion, range: Option<(f64, f64)>) -> [u8; 3] {
    match (region.input.price, range) {
        (Some(price), Some(range)) => price_color(price, range),
        _ => [160, 160, 160],
    }
}

/// Each road as the stretch of its grid line its regions touch, named where there is room:
/// east–west names above the line at its west end, north–south names written downwards
/// beside the line, as Chinese is on vertical signs.
fn draw_roads(
    ui: &egui::Ui,
    painter: &egui::Painter,
    layout: &Layout,
    transform: &Transform,
    mut placer: LabelPlacer,
) {
    let line = Stroke::new(1.5, ui.visuals().weak_text_color());
    let text_color = ui.visuals().text_color();
    let backdrop = ui.visuals().extreme_bg_color.gamma_multiply_u8(200);
    for road in &layout.roads {
        let (from, to) = match road.axis {
            Axis::NorthSouth => (
                transform.to_screen(road.position as f32, road.extent.0 as f32),
                transform.to_screen(road.position as f32, road.extent.1 as f32),
            ),
            Axis::EastWest => (
                transform.to_screen(road.extent.0 as f32, road.position as f32),
                transform.to_screen(road.extent.1 as f32, road.position as f32),
            ),
        };
        let (from, to) = (Pos2::new(from[0], from[1]), Pos2::new(to[0], to[1]));
        painter.line_segment([from, to], line);
        let text = match road.axis {
            Axis::EastWest => road.name.clone(),
            Axis::NorthSouth => road
                .name
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let galley =
            painter.layout_no_wrap(text, FontId::proportional(ROAD_LABEL_SIZE), text_color);
        let size = galley.size();
        let length = (to - from).length();
        let (along, spot) = match road.axis {
            Axis::EastWest => (
                size.x,
                Rect::from_min_size(Pos2::new(from.x + 3.0, from.y - size.y - 1.0), size),
            ),
            Axis::NorthSouth => {
                let middle = Pos2::new(from.x + 3.0, (from.y + to.y - size.y) / 2.0);
                (size.y, Rect::from_min_size(middle, size))
            }
        };
        if along + 6.0 <= length && placer.place(screen_rect(spot)) {
            painter.rect_filled(spot.expand(1.0), 2.0, backdrop);
            painter.galley(spot.min, galley, text_color);
        }
    }
}

/// The price scale as a colour bar with ticks in 元/m².
fn legend(ui: &mut egui::Ui, range: (f64, f64), lang: Lang) {
    ui.label(Text::LegendTitle.get(lang));
    let (rect, _) = ui.allocate_exact_size(egui::vec2(260.0, 30.0), Sense::hover());
    let bar = Rect::from_min_size(rect.min, egui::vec2(rect.width(), 12.0));
    let steps = 64;
    let step = bar.width() / steps as f32;
    let painter = ui.painter();
    for i in 0..steps {
        let t = (f64::from(i) + 0.5) / f64::from(steps);
        let price = range.0 + (range.1 - range.0) * t;
        let x = bar.left() + step * i as f32;
        let cell = Rect::from_min_max(
            Pos2::new(x, bar.top()),
            Pos2::new(x + step + 0.5, bar.bottom()),
        );
        painter.rect_filled(cell, 0.0, color_of(price_color(price, range)));
    }
    let ticks = crate::schematic::view::legend_ticks(range, 5);
    let text_color = ui.visuals().text_color();
    for (i, tick) in ticks.iter().enumerate() {
        let t = (tick - range.0) / (range.1 - range.0).max(f64::EPSILON);
        let x = bar.left() + bar.width() * t as f32;
        painter.line_segment(
            [Pos2::new(x, bar.bottom()), Pos2::new(x, bar.bottom() + 3.0)],
            Stroke::new(1.0, text_color),
        );
        let align = match i {
            0 => egui::Align2::LEFT_TOP,
            _ if i + 1 == ticks.len() => egui::Align2::RIGHT_TOP,
            _ => egui::Align2::CENTER_TOP,
        };
        painter.text(
            Pos2::new(x, bar.bottom() + 3.0),
            align,
            format!("{tick:.0}"),
            FontId::proportional(11.0),
            text_color,
        );
    }
}

/// A swatch of the selection outline with its meaning.
fn legend_selected(ui: &mut egui::Ui, lang: Lang) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), Sense::hover());
    ui.painter()
        .rect_stroke(rect, 0.0, Stroke::new(3.0, SELECTED), StrokeKind::Inside);
    ui.label(Text::LegendSelected.get(lang));
}

/// The hovered region's row: code, use, name, prices and 四至, as printed in the table.
fn tooltip(ui: &mut egui::Ui, table: &Table, row: usize) {
    let Some(cells) = table.rows.get(row) else {
        return;
    };
    ui.set_min_width(TOOLTIP_WIDTH);
    egui::Grid::new("schematic-tooltip")
        .num_columns(2)
        .show(ui, |ui| {
            for title in TOOLTIP_COLUMNS {
                let Some(column) = table.column_index(title) else {
                    continue;
                };
                let header = table.columns[column].header();
                let value = cells.get(column).map_or("", |c| c.as_printed());
                ui.label(RichText::new(header).weak());
                let label = egui::Label::new(RichText::new(value).strong());
                if value.chars().count() > 16 {
                    ui.add_sized([TOOLTIP_WIDTH - 110.0, 0.0], label.wrap());
                } else {
                    ui.add(label.extend());
                }
                ui.end_row();
            }
        });
}
