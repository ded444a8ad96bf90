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

/// Draws `table` as a read-only grid with its title and headers.
pub fn show_table(ui: &mut egui::Ui, table: &Table) {
    show_table_highlighted(ui, table, None, false);
}

/// Draws `table`, marking `highlight` and, when `scroll` is set, scrolling it into view.
pub fn show_table_highlighted(
    ui: &mut egui::Ui,
    table: &Table,
    highlight: Option<CellRef>,
    scroll: bool,
) {
    ui.label(RichText::new(&table.title).strong());
    egui::ScrollArea::horizontal()
        .id_salt(("table", &table.id))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new(("grid", &table.id))
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for column in &table.columns {
                        ui.label(RichText::new(column.header()).strong());
                    }
                    ui.end_row();
                    for (row_index, row) in table.rows.iter().enumerate() {
                        for (column, cell) in row.iter().enumerate() {
                            let marked = highlight
                                == Some(CellRef {
                                    row: row_index,
                                    column,
                                });
                            let response = cell_label(ui, cell, marked);
                            if marked && scroll {
                                response.scroll_to_me(Some(egui::Align::Center));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

fn cell_label(ui: &mut egui::Ui, cell: &Cell, marked: bool) -> egui::Response {
    let mut text = RichText::new(cell.as_printed());
    if marked {
        text = text.background_color(HIGHLIGHT).color(Color32::BLACK);
    }
    ui.label(text)
}
