//! The schematic of the benchmark regions in the window: one map per 用途 as in the printed
//! 附件2 (or all uses together), each with its own price legend; every region numbered, road
//! names in the margins; pan and zoom, hover details, and selection shared with the table view
//! (click selects the region's row; rows selected in the table are outlined here).
//!
//! Everything placed — regions, colours, numbers, leaders, road names, the fitted view — comes
//! from [`crate::schematic::scene`]; this file only paints it and turns the pointer into
//! selection and view changes.

use super::table_strings::{self as strings, Lang, Text};
use crate::model::{Table, land_price};
use crate::schematic::map::{MapView, UseScale, contrast, outline_for, selection_rim, views};
use crate::schematic::scene::{self, Label, REGION_FONT, ROAD_FONT, Scene};
use crate::schematic::view::{ScreenRect, Transform, dark_text_on, legend_ticks};
use crate::schematic::{
    BOUNDS_COLUMN, CODE_COLUMN, Layout, NUMBER_COLUMN, PRICE_COLUMN, RegionInput, USE_COLUMN,
    land_uses, layout, regions_from_table, svg::NOT_TO_SCALE,
};
use crate::table::{ClickKind, Store};
use eframe::egui::{self, Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Cities with more regions than this are laid out on a worker thread; the bundled 66 take
/// about a millisecond and stay synchronous, which keeps them simple to test.
const BACKGROUND_REGIONS: usize = 300;
/// Outline of regions selected in the table: a cyan that stands out from the red, amber and
/// violet ramps, drawn inside a rim of the theme's text colour so it reads on pale and deep
/// fills alike.
const SELECTED: Color32 = Color32::from_rgb(0, 200, 255);
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
    /// Each map with the number of regions on it.
    maps: Vec<(MapView, usize)>,
}

/// A layout being computed on a worker for a big city.
struct Pending {
    table: String,
    rows: usize,
    result: Receiver<Layout>,
}

/// The schematic's view state. The map chosen is remembered between runs; the view
/// transform, the layout and what was drawn last are not.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SchematicView {
    map: Option<MapView>,
    #[serde(skip)]
    cache: Option<Cached>,
    #[serde(skip)]
    pending: Option<Pending>,
    #[serde(skip)]
    transform: Option<Transform>,
    /// Refit to the window each frame until the clerk pans or zooms.
    #[serde(skip)]
    fitted: bool,
    /// The scene placed last, reused while only panning.
    #[serde(skip)]
    scene: Option<(MapView, Scene)>,
    #[serde(skip)]
    drawn: Vec<(String, Rect)>,
    #[serde(skip)]
    highlighted: Vec<String>,
    #[serde(skip)]
    pending_zoom: Option<f32>,
    /// A row to zoom to once the canvas knows its size (from the table's 在示意图中查看).
    #[serde(skip)]
    focus_row: Option<usize>,
}

impl SchematicView {
    /// Codes of the regions outlined as selected in the last frame drawn.
    pub fn highlighted_codes(&self) -> &[String] {
        &self.highlighted
    }

    /// Codes of the regions drawn in the last frame, with their screen rectangles (tests click
    /// on them; regions of other maps are absent).
    pub fn drawn_regions(&self) -> &[(String, Rect)] {
        &self.drawn
    }

    /// The scene painted last (regions, numbers, leaders, road names), for tests that check
    /// its labels at the window's real size.
    pub fn scene(&self) -> Option<&Scene> {
        self.scene.as_ref().map(|(_, scene)| scene)
    }

    /// The map shown (the first use's until another is chosen).
    pub fn map(&self) -> Option<&MapView> {
        self.map.as_ref()
    }

    /// Shows map `view`, fitted to the window.
    pub fn set_map(&mut self, view: MapView) {
        self.map = Some(view);
        self.fitted = true;
    }

    /// Shows the map of `land_use` zoomed to the region of table row `row`, as the table's
    /// double-click and 在示意图中查看 ask.
    pub fn show_region(&mut self, row: usize, land_use: &str) {
        self.set_map(MapView::Use(land_use.to_owned()));
        self.focus_row = Some(row);
    }

    /// Forgets the computed layout, as when another gazette file is opened; the next frame lays
    /// the regions out again.
    pub fn forget_layout(&mut self) {
        self.cache = None;
        self.pending = None;
        self.scene = None;
    }

    /// Draws the schematic of `table`; clicks change the table's selection in `store`.
    pub fn show(&mut self, ui: &mut egui::Ui, table: &Table, store: &mut Store, lang: Lang) {
        if !has_schematic(table) {
            ui.label(Text::NoSchematic.get(lang));
            return;
        }
        if !self.prepare(table) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(Text::LayingOut.get(lang));
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        if let Some(row) = store.take_map_request(&table.id) {
            let land_use = table
                .column_index(USE_COLUMN)
                .and_then(|column| table.rows.get(row)?.get(column))
                .map(|cell| cell.as_printed().to_owned());
            match land_use {
                Some(land_use) => self.show_region(row, &land_use),
                None => self.focus_row = Some(row),
            }
        }
        let selected: BTreeSet<usize> = store.selected_rows(&table.id).clone();
        self.toolbar(ui, table, lang);
        self.footer(ui, table, selected.len(), lang);
        egui::CentralPanel::default().show(ui, |ui| {
            self.canvas(ui, table, &selected, store);
        });
    }

    /// Makes sure this table's layout is ready: computed now for a small city, on a worker for
    /// a big one. Returns false while the worker runs.
    fn prepare(&mut self, table: &Table) -> bool {
        let fresh = |t: &str, rows: usize| t == table.id && rows == table.rows.len();
        if self.cache.as_ref().is_some_and(|c| fresh(&c.table, c.rows)) {
            return true;
        }
        if let Some(pending) = &self.pending
            && fresh(&pending.table, pending.rows)
        {
            return match pending.result.try_recv() {
                Ok(layout) => {
                    self.pending = None;
                    self.store(table, layout);
                    true
                }
                Err(TryRecvError::Empty) => false,
                // The worker died (out of memory, a bug): draw nothing rather than wait forever.
                Err(TryRecvError::Disconnected) => {
                    self.pending = None;
                    self.store(table, Layout::default());
                    true
                }
            };
        }
        let regions = regions_from_table(table).unwrap_or_default();
        if regions.len() <= BACKGROUND_REGIONS {
            self.store(table, layout(&regions));
            return true;
        }
        self.pending = Some(Pending {
            table: table.id.clone(),
            rows: table.rows.len(),
            result: spawn_layout(regions),
        });
        false
    }

    fn store(&mut self, table: &Table, layout: Layout) {
        let maps = views(&layout)
            .into_iter()
            .map(|view| {
                let count = layout
                    .regions
                    .iter()
                    .filter(|r| view.shows(&r.input.land_use))
                    .count();
                (view, count)
            })
            .collect();
        let first_use = land_uses(&layout).into_iter().next();
        let chosen_exists = self.map.as_ref().is_some_and(|m| match m {
            MapView::Use(u) => layout.regions.iter().any(|r| &r.input.land_use == u),
            MapView::AllUses => true,
        });
        if !chosen_exists {
            self.map = Some(first_use.map_or(MapView::AllUses, MapView::Use));
        }
        self.cache = Some(Cached {
            table: table.id.clone(),
            rows: table.rows.len(),
            layout,
            maps,
        });
        self.scene = None;
        self.transform = None;
        self.fitted = true;
    }

    /// The note, the map switch and the zoom buttons.
    fn toolbar(&mut self, ui: &mut egui::Ui, table: &Table, lang: Lang) {
        let Some(cache) = &self.cache else {
            return;
        };
        let mut picked = None;
        let mut zoom = None;
        let current = self.map.clone();
        egui::Panel::top(("schematic-toolbar", &table.id)).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(NOT_TO_SCALE)
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
                ui.separator();
                ui.label(Text::Maps.get(lang));
                for (view, count) in &cache.maps {
                    let name = match view {
                        MapView::Use(land_use) => land_use.as_str(),
                        MapView::AllUses => Text::AllUses.get(lang),
                    };
                    let label = strings::layer(lang, name, *count);
                    if ui
                        .selectable_label(current.as_ref() == Some(view), label)
                        .clicked()
                    {
                        picked = Some(view.clone());
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
                // On a narrow window the help would take a second line from the map; it is
                // then a tooltip of the zoom buttons' row.
                let help = Text::SchematicHelp.get(lang);
                let font = egui::TextStyle::Body.resolve(ui.style());
                let width = ui.fonts_mut(|f| {
                    f.layout_no_wrap(help.to_owned(), font, Color32::GRAY)
                        .size()
                        .x
                });
                // What is left of this row (a wrapping row reports its whole width as available).
                let left_on_row = ui.max_rect().right() - ui.cursor().left();
                if left_on_row > width {
                    ui.label(RichText::new(help).weak());
                } else {
                    ui.label(RichText::new("？").weak()).on_hover_text(help);
                }
            });
        });
        if let Some(view) = picked {
            self.set_map(view);
        }
        match zoom {
            Some(factor) if factor > 0.0 => self.pending_zoom = Some(factor),
            Some(_) => self.fitted = true,
            None => {}
        }
    }

    /// Legend, selection count, and what could not be drawn as the 四至 say.
    fn footer(&self, ui: &mut egui::Ui, table: &Table, selected: usize, lang: Lang) {
        let (Some(cache), Some(view)) = (&self.cache, &self.map) else {
            return;
        };
        let scales = crate::schematic::map::scales(&cache.layout, view);
        egui::Panel::bottom(("schematic-footer", &table.id)).show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                for scale in &scales {
                    legend(ui, scale, lang);
                    ui.add_space(12.0);
                }
                ui.label(RichText::new(Text::NumbersAreSerials.get(lang)).strong());
                ui.add_space(12.0);
                legend_selected(ui, lang);
                ui.add_space(12.0);
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
            let unresolved: Vec<&String> = cache
                .layout
                .unresolved
                .iter()
                .filter(|note| mentions_shown(note, &cache.layout, view))
                .collect();
            if !unresolved.is_empty() {
                // Closed by default: the note is long and the map needs the height.
                egui::CollapsingHeader::new(RichText::new(Text::UnresolvedIntro.get(lang)).weak())
                    .id_salt("schematic-unresolved")
                    .show(ui, |ui| {
                        for note in unresolved {
                            ui.add(egui::Label::new(format!("• {note}")).wrap());
                        }
                        if cache.layout.unresolved_more > 0 {
                            ui.label(strings::more_overlaps(lang, cache.layout.unresolved_more));
                        }
                    });
            }
            ui.add_space(2.0);
        });
    }

    /// The transform for this frame: fitted, focused on a region, or the clerk's pan and zoom.
    fn frame_transform(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        layout: &Layout,
        view: &MapView,
        area: ScreenRect,
    ) -> Transform {
        let mut transform = match self.transform {
            Some(t) if !self.fitted => t,
            _ => scene::fit(layout, view, area),
        };
        if let Some(row) = self.focus_row.take()
            && let Some(focused) = scene::focus(layout, view, area, row)
        {
            transform = focused;
            self.fitted = false;
        }
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
        transform
    }

    /// The scene for `transform`: the last one moved when only the pan changed, else placed
    /// anew.
    fn scene_for(&mut self, layout: &Layout, view: &MapView, transform: Transform) -> &Scene {
        let reusable = self.scene.as_ref().is_some_and(|(v, s)| {
            v == view
                && s.transform.cell_w == transform.cell_w
                && s.transform.cell_h == transform.cell_h
        });
        let next = match &self.scene {
            Some((_, last)) if reusable => {
                let delta = [
                    transform.left - last.transform.left,
                    transform.bottom - last.transform.bottom,
                ];
                if delta == [0.0, 0.0] {
                    None
                } else {
                    Some(last.shifted(delta))
                }
            }
            _ => Some(scene::scene(layout, view, transform)),
        };
        if let Some(next) = next {
            self.scene = Some((view.clone(), next));
        }
        match &self.scene {
            Some((_, scene)) => scene,
            None => unreachable_scene(),
        }
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
        let (Some(cache), Some(view)) = (self.cache.take(), self.map.clone()) else {
            return;
        };
        let transform = self.frame_transform(ui, &response, &cache.layout, &view, area);
        let scene = self.scene_for(&cache.layout, &view, transform).clone();
        self.cache = Some(cache);
        let painter = painter.with_clip_rect(response.rect);
        let hovered = response
            .hover_pos()
            .and_then(|p| scene.region_at([p.x, p.y]));
        let highlighted = paint(ui, &painter, &scene, selected, hovered);
        self.highlighted = highlighted;
        self.drawn = scene
            .regions
            .iter()
            .map(|r| (r.code.clone(), egui_rect(&r.rect)))
            .collect();
        if let Some(row) = hovered {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip(ui, table, row));
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
            && let Some(row) = scene.region_at([pointer.x, pointer.y])
        {
            let kind = ClickKind {
                toggle: ui.input(|i| i.modifiers.command),
                extend: false,
            };
            store.click(&table.id, row, kind);
        }
    }
}

/// Never reached: [`SchematicView::scene_for`] has just stored a scene. An empty one keeps the
/// window drawing should that ever change.
fn unreachable_scene() -> &'static Scene {
    static EMPTY: std::sync::OnceLock<Scene> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Scene {
        regions: Vec::new(),
        roads: Vec::new(),
        road_labels: Vec::new(),
        region_labels: Vec::new(),
        scales: Vec::new(),
        transform: Transform {
            left: 0.0,
            bottom: 0.0,
            cell_w: 1.0,
            cell_h: 1.0,
        },
    })
}

/// Lays a big city out on the rayon pool, so the window keeps drawing (with a spinner); the
/// receiver gets the layout when it is done, or a disconnect if the job panicked.
fn spawn_layout(regions: Vec<RegionInput>) -> Receiver<Layout> {
    let (sender, receiver) = std::sync::mpsc::channel();
    rayon::spawn(move || {
        let _ = sender.send(layout(&regions));
    });
    receiver
}

/// Whether an unresolved-overlap note is about a region on map `view`.
fn mentions_shown(note: &str, layout: &Layout, view: &MapView) -> bool {
    layout
        .regions
        .iter()
        .any(|r| view.shows(&r.input.land_use) && note.contains(&r.input.code))
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

fn pos(point: [f32; 2]) -> Pos2 {
    Pos2::new(point[0], point[1])
}

/// Paints `scene`; returns the codes of the regions outlined as selected.
fn paint(
    ui: &egui::Ui,
    painter: &egui::Painter,
    scene: &Scene,
    selected: &BTreeSet<usize>,
    hovered: Option<usize>,
) -> Vec<String> {
    // The canvas lies on the central panel, so that is what the regions stand out from.
    let background = ui.visuals().panel_fill;
    let bg = [background.r(), background.g(), background.b()];
    let outline = Stroke::new(1.0, color_of(outline_for(bg)));
    let text_color = ui.visuals().strong_text_color();
    for region in &scene.regions {
        let rect = egui_rect(&region.rect);
        painter.rect_filled(rect, 0.0, color_of(region.fill));
        painter.rect_stroke(rect, 0.0, outline, StrokeKind::Inside);
    }
    let line = Stroke::new(1.5, ui.visuals().text_color().gamma_multiply(0.6));
    for road in &scene.roads {
        painter.line_segment([pos(road.from), pos(road.to)], line);
    }
    let mut highlighted = Vec::new();
    for region in &scene.regions {
        let rect = egui_rect(&region.rect);
        if selected.contains(&region.row) {
            let rim = color_of(selection_rim(region.fill));
            painter.rect_stroke(rect, 0.0, Stroke::new(5.0, rim), StrokeKind::Inside);
            painter.rect_stroke(rect, 0.0, Stroke::new(3.0, SELECTED), StrokeKind::Inside);
            highlighted.push(region.code.clone());
        } else if hovered == Some(region.row) {
            painter.rect_stroke(rect, 0.0, Stroke::new(2.5, text_color), StrokeKind::Inside);
        }
    }
    let leader = Stroke::new(1.0, text_color);
    for label in &scene.road_labels {
        paint_label(painter, label, ROAD_FONT, ui.visuals().text_color(), leader);
    }
    for label in &scene.region_labels {
        let fill = label
            .row
            .and_then(|row| scene.region_of_row(row))
            .map_or(bg, |r| r.fill);
        let color = match label.leader {
            Some(_) => text_color,
            None if dark_text_on(fill) => Color32::BLACK,
            None => Color32::WHITE,
        };
        if let Some([_, to]) = label.leader {
            painter.circle_filled(pos(to), 2.5, text_color);
        }
        paint_label(painter, label, REGION_FONT, color, leader);
    }
    highlighted.sort();
    debug_assert!(contrast(outline_for(bg), bg) > 3.0);
    highlighted
}

/// A label's text centred in its rectangle, and its leader if it has one.
fn paint_label(painter: &egui::Painter, label: &Label, font: f32, color: Color32, leader: Stroke) {
    if let Some([from, to]) = label.leader {
        painter.line_segment([pos(from), pos(to)], leader);
    }
    painter.text(
        egui_rect(&label.rect).center(),
        egui::Align2::CENTER_CENTER,
        &label.text,
        FontId::proportional(font),
        color,
    );
}

/// One use's price scale as a colour bar with ticks in 元/m².
fn legend(ui: &mut egui::Ui, scale: &UseScale, lang: Lang) {
    ui.label(strings::scale_title(lang, &scale.land_use));
    let (rect, _) = ui.allocate_exact_size(egui::vec2(140.0, 30.0), Sense::hover());
    let Some(range) = scale.range else {
        return;
    };
    let bar = Rect::from_min_size(rect.min, egui::vec2(rect.width(), 12.0));
    let steps = 48;
    let step = bar.width() / steps as f32;
    let painter = ui.painter();
    for i in 0..steps {
        let t = (f64::from(i) + 0.5) / f64::from(steps);
        let x = bar.left() + step * i as f32;
        let cell = Rect::from_min_max(
            Pos2::new(x, bar.top()),
            Pos2::new(x + step + 0.5, bar.bottom()),
        );
        painter.rect_filled(cell, 0.0, color_of(scale.ramp.at(t)));
    }
    let text_color = ui.visuals().text_color();
    painter.rect_stroke(bar, 0.0, Stroke::new(1.0, text_color), StrokeKind::Outside);
    let ticks = legend_ticks(range, 2);
    for (i, tick) in ticks.iter().enumerate() {
        let t = (tick - range.0) / (range.1 - range.0).max(f64::EPSILON);
        let x = bar.left() + bar.width() * t as f32;
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
    let text_color = ui.visuals().strong_text_color();
    ui.painter()
        .rect_stroke(rect, 0.0, Stroke::new(5.0, text_color), StrokeKind::Inside);
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
