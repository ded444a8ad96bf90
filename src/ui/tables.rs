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
/// Rows far off screen are not built: each keeps the height it had when last drawn, and the
/// header cells keep every column as wide as its widest cell so far, so the grid does not
/// shift while scrolling. Laying out all 66 × 13 cells of 附件1 on every frame was most of the
/// 标定地价 document's frame time.
pub fn show_table_marked(
    ui: &mut egui::Ui,
    table: &Table,
    marks: &[(CellRef, bool)],
    scroll_to: Option<CellRef>,
) {
    let scroll = scroll_to.is_some();
    let mut target = None;
    ui.label(RichText::new(&table.title).strong());
    let sizes_id = ui.scope_id().with(("table-sizes", &table.id));
    let mut sizes: GridSizes = ui.data(|d| d.get_temp(sizes_id)).unwrap_or_default();
    sizes.fit(table, ui.ctx().pixels_per_point());
    // The scroll bar always shows: a clerk must see that 附件1 goes on to the right.
    egui::ScrollArea::horizontal()
        .id_salt(("table", &table.id))
        .auto_shrink([false, true])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            egui::Grid::new(("grid", &table.id))
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for (column, title) in table.columns.iter().enumerate() {
                        ui.scope(|ui| {
                            ui.set_min_width(sizes.widths[column]);
                            ui.label(RichText::new(title.header()).strong());
                        });
                    }
                    ui.end_row();
                    // A row is built in the frame it comes into view, so no margin is needed.
                    let visible = ui.clip_rect();
                    for (row_index, row) in table.rows.iter().enumerate() {
                        let top = ui.cursor().top();
                        if let Some(height) = sizes.heights[row_index]
                            && !scroll
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
                            let response = cell_label(ui, cell, mark);
                            if scroll_to == Some(here) {
                                response.scroll_to_me(Some(egui::Align::Center));
                                target = Some(response.rect);
                            }
                            height = height.max(response.rect.height());
                            if let Some(width) = sizes.widths.get_mut(column) {
                                *width = width.max(response.rect.width());
                            }
                        }
                        sizes.heights[row_index] = Some(height);
                        ui.end_row();
                    }
                });
        });
    // A scroll area takes both axes' targets, so the horizontal one above swallowed the
    // vertical part: the reader's own scroll area gets it from here.
    if let Some(rect) = target {
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    ui.data_mut(|d| d.insert_temp(sizes_id, sizes));
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
