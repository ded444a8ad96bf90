//! Tables inside documents drawn as read-only grids. The interactive table widget (sorting,
//! filters, selection, export) replaces this where a clerk works with a table; here every table
//! at least reads as a table, with its printed headers and cells.

use crate::model::{Cell, Table};
use eframe::egui::{self, Color32, RichText};

/// A table cell to show highlighted (a whole-issue search hit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef {
    /// Row index in printed order.
    pub row: usize,
    /// Column index.
    pub column: usize,
}

/// Background of a highlighted cell or match.
pub const HIGHLIGHT: Color32 = Color32::from_rgb(255, 214, 102);
/// Background of the current find match or search hit (the others use [`HIGHLIGHT`]).
pub const CURRENT: Color32 = Color32::from_rgb(255, 150, 50);

/// Draws `table` as a read-only grid with its title and headers.
pub fn show_table(ui: &mut egui::Ui, table: &Table) {
    show_table_marked(ui, table, &[], None);
}

/// Draws `table`, marking the cells of `marks` (find matches; `true` for the current one) and
/// scrolling `scroll_to` into view, both ways: a price sits far right in 附件1's grid.
///
/// A long table sits in a box at most [`BOX_SHARE`] of the reader's height, with its header
/// above the rows, so the header stays while the rows scroll and the horizontal scroll bar is
/// on screen (it was at the foot of 66 rows, out of sight). The wheel scrolls the box, then the
/// document once the box reaches its end.
///
/// Rows out of the box's view are not built: each keeps the height it had when last drawn, and
/// every column keeps the width of its widest cell so far, so the grid does not shift while
/// scrolling and the header stays over its column. Laying out all 66 × 13 cells of 附件1 on
/// every frame was most of the 标定地价 document's frame time.
pub fn show_table_marked(
    ui: &mut egui::Ui,
    table: &Table,
    marks: &[(CellRef, bool)],
    scroll_to: Option<CellRef>,
) {
    ui.label(RichText::new(&table.title).strong());
    let sizes_id = ui.scope_id().with(("table-sizes", &table.id));
    let mut sizes: GridSizes = ui.data(|d| d.get_temp(sizes_id)).unwrap_or_default();
    sizes.fit(table, ui.ctx().pixels_per_point());
    let box_height = (ui.clip_rect().height() * BOX_SHARE).max(MIN_BOX_HEIGHT);
    let mut target = None;
    // The space below a block of the reader is unbounded (it scrolls), and egui sizes a scroll
    // area inside by that: the box is given its height here.
    let room = egui::vec2(ui.available_width(), box_height + HEADER_ROOM);
    let shown = ui.allocate_ui(room, |ui| {
        // Solid bars, not egui's floating ones that show only under the pointer: the clerk
        // must see that 附件1 goes on to the right and below.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt(("table", &table.id))
            .auto_shrink([false, true])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                header_row(ui, table, &mut sizes);
                egui::ScrollArea::vertical()
                    .id_salt(("table-rows", &table.id))
                    .max_height(box_height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        target = rows_grid(ui, table, &mut sizes, marks, scroll_to);
                    });
                // A scroll area takes both axes' targets: the rows' box took the horizontal part
                // of the cell's, so this area gets it again here.
                if let Some(rect) = target {
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
            });
    });
    // And the reader brings the whole box on screen.
    if target.is_some() {
        ui.scroll_to_rect(shown.response.rect, Some(egui::Align::Center));
    }
    ui.data_mut(|d| d.insert_temp(sizes_id, sizes));
}

/// Tallest a table's box grows, as a share of the reader's height.
const BOX_SHARE: f32 = 0.6;
/// Shortest a long table's box gets, in points, however small the window.
const MIN_BOX_HEIGHT: f32 = 160.0;
/// Height allowed for the header row and its rule above the box of rows.
const HEADER_ROOM: f32 = 48.0;
/// Space between columns and between rows of a grid.
const SPACING: egui::Vec2 = egui::vec2(14.0, 6.0);

/// The column headers, each as wide as its column's widest cell so far.
fn header_row(ui: &mut egui::Ui, table: &Table, sizes: &mut GridSizes) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = SPACING.x;
        for (column, title) in table.columns.iter().enumerate() {
            ui.scope(|ui| {
                ui.set_min_width(sizes.widths[column]);
                let label = ui.label(RichText::new(title.header()).strong());
                sizes.widths[column] = sizes.widths[column].max(label.rect.width());
            });
        }
    });
    ui.separator();
}

/// The rows, those near the view built and the others kept as their last height. Returns the
/// rectangle of `scroll_to` when it was drawn (and asked to scroll into view).
fn rows_grid(
    ui: &mut egui::Ui,
    table: &Table,
    sizes: &mut GridSizes,
    marks: &[(CellRef, bool)],
    scroll_to: Option<CellRef>,
) -> Option<egui::Rect> {
    let mut target = None;
    egui::Grid::new(("grid", &table.id))
        .striped(true)
        .spacing(SPACING)
        // The header above is laid out by the same widths, without egui's 40-point minimum.
        .min_col_width(0.0)
        .show(ui, |ui| {
            // A row is built in the frame it comes into view, so no margin is needed.
            let visible = ui.clip_rect();
            for (row_index, row) in table.rows.iter().enumerate() {
                let top = ui.cursor().top();
                if let Some(height) = sizes.heights[row_index]
                    && scroll_to.is_none()
                    && (top + height < visible.top() || top > visible.bottom())
                {
                    ui.allocate_space(egui::vec2(0.0, height));
                    ui.end_row();
                    continue;
                }
                let mut height: f32 = 0.0;
                for (column, cell) in row.iter().enumerate() {
                    let here = CellRef {
                        row: row_index,
                        column,
                    };
                    let mark = marks.iter().find(|(c, _)| *c == here).map(|m| m.1);
                    let width = sizes.widths.get(column).copied().unwrap_or_default();
                    let response = ui
                        .scope(|ui| {
                            ui.set_min_width(width);
                            cell_label(ui, cell, mark)
                        })
                        .inner;
                    if scroll_to == Some(here) {
                        response.scroll_to_me(Some(egui::Align::Center));
                        target = Some(response.rect);
                    }
                    height = height.max(response.rect.height());
                    if let Some(widest) = sizes.widths.get_mut(column) {
                        *widest = width.max(response.rect.width());
                    }
                }
                sizes.heights[row_index] = Some(height);
                ui.end_row();
            }
        });
    target
}

/// What a reader grid remembers between frames: each column's widest cell and each row's
/// height, for one zoom level and table shape.
#[derive(Debug, Clone, Default)]
struct GridSizes {
    zoom: f32,
    widths: Vec<f32>,
    heights: Vec<Option<f32>>,
}

impl GridSizes {
    /// Starts over when the zoom or the table's shape differ from what was measured.
    fn fit(&mut self, table: &Table, zoom: f32) {
        if self.zoom != zoom
            || self.widths.len() != table.columns.len()
            || self.heights.len() != table.rows.len()
        {
            *self = GridSizes {
                zoom,
                widths: vec![0.0; table.columns.len()],
                heights: vec![None; table.rows.len()],
            };
        }
    }
}

/// A cell's printed text; `mark` is `Some(current)` for a cell holding a find match.
fn cell_label(ui: &mut egui::Ui, cell: &Cell, mark: Option<bool>) -> egui::Response {
    let mut text = RichText::new(cell.as_printed());
    if let Some(current) = mark {
        let background = if current { CURRENT } else { HIGHLIGHT };
        text = text.background_color(background).color(Color32::BLACK);
    }
    ui.label(text)
}
