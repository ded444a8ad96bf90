//! [`TableView`]: the egui table that draws one [`Table`]. What the clerk asked of the table
//! lives in the UI-free [`Store`]; the rows shown, when they are recomputed and on which thread,
//! in a [`Session`]. This file only draws them and turns clicks and keys into [`Store`] and
//! [`TableState`] changes: virtual rows (only the visible ones are built), header sorting,
//! filter popups, quick filter, filter chips, selection, details pane, status bar, column menu,
//! copy and export.

use super::print::{PrintFlow, print_file_name};
use super::schematic_view::has_schematic;
use super::table_cells::{self as cells, Figures, HeaderCell};
use super::table_export::{Desktop, ExportFlow};
use super::table_strings::{self as strings, Lang, Text};
use crate::desktop::DialogSupport;
use crate::export::RowChoice;
use crate::model::{Column, Gazette, Table};
use crate::table::{
    Busy, ClickKind, ColumnFilter, ColumnNeed, Frozen, NumberFormat, Progress, Reveal, Session,
    StatusFacts, Store, TableState, fit_widths, frozen_count, has_value_list, tsv,
};
use eframe::egui::{self, Key, RichText, Sense, Ui};
use egui_extras::{Column as Width, TableBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The table view of every table of the issue, one at a time. Serialising it keeps the last
/// export folder; the tables' layouts and sort keys are remembered by the [`Store`].
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TableView {
    /// The folder of the last export, offered first by the save dialog.
    pub last_folder: Option<PathBuf>,
    /// Whether the clerk folded the details pane away (`Some(false)`) or opened it; until
    /// then it follows the window's width ([`details_open_by_default`]).
    pub details_open: Option<bool>,
    /// The interface language; the shell sets it.
    #[serde(skip)]
    pub lang: Lang,
    /// The issue in file names (e.g. 2023年第3号); the shell sets it from the gazette.
    #[serde(skip)]
    pub issue_label: String,
    /// The session of the table shown last.
    #[serde(skip)]
    session: Option<Session>,
    #[serde(skip)]
    pub(super) export: ExportFlow,
    /// 打印…: the PDF being made, or the last one's result.
    #[serde(skip)]
    print: PrintFlow,
    /// 打印… was clicked this frame.
    #[serde(skip)]
    print_requested: bool,
    /// Whether the save dialog can appear; the shell sets it from the desktop.
    #[serde(skip)]
    pub dialogs: DialogSupport,
    /// The program that opens a folder; the shell sets it from the desktop.
    #[serde(skip)]
    pub folder_opener: Option<&'static str>,
    /// The gazette the shown tables belong to, shared so a large table's rows can be sorted,
    /// filtered and exported on a worker thread.
    #[serde(skip)]
    shared: Option<Arc<Gazette>>,
    /// What the shown columns need, measured once per table, columns and text size.
    #[serde(skip)]
    needs: Option<(NeedsKey, Vec<ColumnNeed>)>,
    /// Give the quick filter keyboard focus on the next frame (Ctrl+F in the table view).
    #[serde(skip)]
    focus_quick_filter: bool,
}

/// What the measured column needs depend on: table, its size, the shown columns, text size.
#[derive(PartialEq)]
struct NeedsKey {
    table: String,
    rows: usize,
    columns: Vec<usize>,
    text_size: u32,
}

/// The details pane's first width: a 12-character code or a 20-character 四至 line beside
/// its header.
const DETAILS_WIDTH: f32 = 280.0;

/// Below this width of the table view the details pane starts folded: at 1024×600 (922 points
/// of window) it took a third of the width and left the grid four columns. The clerk's own
/// choice, either way, is kept.
const DETAILS_FOLD_BELOW: f32 = 1100.0;

/// Whether the details pane is open before the clerk has chosen: only where the grid keeps
/// room for most of its columns beside it.
fn details_open_by_default(width: f32) -> bool {
    width >= DETAILS_FOLD_BELOW
}

/// Space above and below a row's text, in points.
const ROW_PADDING: f32 = 2.0;

/// How often a view waiting for a worker looks again.
const POLL: Duration = Duration::from_millis(30);

/// What happened while the table was drawn, applied after the drawing.
#[derive(Default)]
struct Actions {
    sort_click: Option<(usize, bool)>,
    row_click: Option<(usize, ClickKind)>,
    /// A row double-clicked: show it on the schematic.
    show_on_map: Option<usize>,
    widths: Vec<(usize, f32)>,
    /// The widths the table was asked for this frame; a body width that differs was dragged.
    requested: Vec<f32>,
    /// Whether the widths came from the clerk (else from the fit).
    user_sized: bool,
    /// 清除筛选 under "no rows match".
    clear_filters: bool,
}

impl TableView {
    /// Ctrl+F in the table view: the clerk's "find" there is the quick filter, as in a
    /// spreadsheet, so it takes the keyboard on the next frame.
    pub fn focus_quick_filter(&mut self) {
        self.focus_quick_filter = true;
    }

    /// A view in the given language.
    pub fn new(lang: Lang) -> Self {
        TableView {
            lang,
            ..TableView::default()
        }
    }

    /// Shares the gazette whose tables this view shows, so that a table of more than
    /// [`crate::table::BACKGROUND_ROWS`] rows is sorted, filtered and exported on a worker
    /// thread while the window keeps painting. Without it (or for a table not in it) everything
    /// stays on the UI thread.
    pub fn share(&mut self, gazette: Arc<Gazette>) {
        self.shared = Some(gazette);
    }

    /// Whether the current table's rows are being recomputed on a worker (the previous order
    /// is shown meanwhile).
    pub fn is_busy(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.busy().is_some())
    }

    /// The session of the table shown last, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The source rows shown, in shown order, for the current table (empty before any).
    pub fn shown_rows(&self) -> &[usize] {
        self.session.as_ref().map_or(&[], Session::visible)
    }

    /// Draws `table` with its toolbar, details pane and status bar into `ui`; what the clerk
    /// changes goes into `store`.
    pub fn show(&mut self, ui: &mut Ui, store: &mut Store, table: &Table) {
        let generation = store.generation();
        let mut session = self
            .session
            .take()
            .filter(|s| s.belongs_to(table, generation))
            .unwrap_or_else(|| Session::new(table, generation));
        let reveal = store.take_reveal(&table.id);
        let marked = store.marked_cell(&table.id);
        let state = store.fitted(table);
        // Before drawing: take a worker's answer, catch up with last frame's changes.
        session.update(table, self.shared.as_ref(), &state.query);
        let reveal = self
            .handle_keys(ui, state, &session, table)
            .map(|row| Reveal { row, column: None })
            .or(reveal);
        let selected_shown = session.status(table, &state.selection).selected;
        self.toolbar(ui, state, table, selected_shown);
        self.export_ui(ui, table, state, &session);
        self.print_ui(ui, table, state, &session, selected_shown);
        self.status_bar(ui, &mut session, table, state);
        let mut show_on_map = self.details_pane(ui, table, state);
        // The grid gets what the panels leave, and scrolls sideways when its columns are wider
        // than the window, so the price columns at the right stay reachable.
        let lang = self.lang;
        let needs = self.column_needs(ui, table, state, &session);
        let actions = egui::CentralPanel::default()
            .show(ui, |ui| {
                let available = ui.available_width();
                let frame = Frame {
                    table,
                    session: &session,
                    needs: &needs,
                    available,
                    marked,
                    lang,
                };
                table_ui(ui, &frame, state, reveal)
            })
            .inner;
        show_on_map = show_on_map.or(actions.show_on_map);
        apply(actions, state, &session);
        // After drawing: start on what this frame changed, so a worker begins at once.
        match session.update(table, self.shared.as_ref(), &state.query) {
            Progress::Changed => ui.ctx().request_repaint(),
            Progress::Working => ui.ctx().request_repaint_after(POLL),
            Progress::Unchanged => {}
        }
        self.session = Some(session);
        if let Some(row) = show_on_map.filter(|_| has_schematic(table)) {
            store.show_on_map(&table.id, row);
        }
    }

    /// What the shown columns need, measured again only when the table, its shown columns or
    /// the text size changed.
    fn column_needs(
        &mut self,
        ui: &Ui,
        table: &Table,
        state: &TableState,
        session: &Session,
    ) -> Vec<ColumnNeed> {
        let key = NeedsKey {
            table: table.id.clone(),
            rows: table.rows.len(),
            columns: state.layout.shown_columns(table.columns.len()),
            text_size: ui.text_style_height(&egui::TextStyle::Body).to_bits(),
        };
        if let Some((cached, needs)) = &self.needs
            && *cached == key
        {
            return needs.clone();
        }
        let formats = session.number_formats(table);
        let needs = cells::measure_needs(ui, table, &key.columns, formats, &Figures::of(ui));
        self.needs = Some((key, needs.clone()));
        needs
    }

    /// Ctrl+A, Esc, Ctrl+C, Ctrl+E and the arrow keys, unless a text field has the keyboard.
    /// Returns the row the arrow keys moved the focus to, to scroll into view.
    fn handle_keys(
        &mut self,
        ui: &mut Ui,
        state: &mut TableState,
        session: &Session,
        table: &Table,
    ) -> Option<usize> {
        if ui.ctx().text_edit_focused() || self.export.is_open() {
            return None;
        }
        // Esc first closes an open filter popup; only then does it clear the selection.
        let popup_open = egui::Popup::is_any_open(ui.ctx());
        let keys = ui.input_mut(|i| KeyPresses {
            select_all: i.consume_key(egui::Modifiers::COMMAND, Key::A),
            copy: i.consume_key(egui::Modifiers::COMMAND, Key::C)
                || i.events.iter().any(|e| matches!(e, egui::Event::Copy)),
            export: i.consume_key(egui::Modifiers::COMMAND, Key::E),
            escape: !popup_open && i.consume_key(egui::Modifiers::NONE, Key::Escape),
            up: i.key_pressed(Key::ArrowUp),
            down: i.key_pressed(Key::ArrowDown),
            shift: i.modifiers.shift,
        });
        let shown = session.visible();
        if keys.select_all {
            state.selection.select_all(shown);
        }
        if keys.escape {
            state.selection.clear();
        }
        if keys.up || keys.down {
            let delta = if keys.up { -1 } else { 1 };
            state.selection.move_focus(delta, keys.shift, shown);
        }
        if keys.copy {
            copy_selection(ui, table, state, shown);
        }
        if keys.export {
            let selected = RowChoice::Selected.count(&state.selection, shown, table.rows.len());
            self.export.open(RowChoice::preferred(selected));
        }
        (keys.up || keys.down)
            .then(|| state.selection.focused())
            .flatten()
    }

    /// Quick filter, filter chips with clear-all, the column menu and the export button, which
    /// names the selected rows it will export.
    fn toolbar(
        &mut self,
        ui: &mut Ui,
        state: &mut TableState,
        table: &Table,
        selected_shown: usize,
    ) {
        let lang = self.lang;
        let mut open_export = false;
        ui.horizontal_wrapped(|ui| {
            // Pinyin being composed is not filtered on: the table waits for 住宅.
            let (quick_filter, _) = super::ime::single_line(
                ui,
                &mut state.query.quick_filter,
                "quick-filter",
                |edit| {
                    edit.hint_text(Text::QuickFilterHint.get(lang))
                        .desired_width(220.0)
                },
            );
            if std::mem::take(&mut self.focus_quick_filter) {
                quick_filter.request_focus();
            }
            filter_chips(ui, state, table, lang);
            columns_menu(ui, state, table, lang);
            let label = strings::export_button(lang, selected_shown);
            open_export = ui.button(label).clicked();
            let can_print = !self.print.is_working() && self.shared.is_some();
            let print = egui::Button::new(lang.strings().print);
            self.print_requested = ui.add_enabled(can_print, print).clicked();
        });
        if open_export {
            self.export.open(RowChoice::preferred(selected_shown));
        }
    }

    /// Rows shown / total, selected, sums of summable columns over the selection, and what a
    /// worker is doing or why it failed.
    fn status_bar(
        &mut self,
        ui: &mut Ui,
        session: &mut Session,
        table: &Table,
        state: &TableState,
    ) {
        let lang = self.lang;
        let busy = session.busy();
        let formats = session.number_formats(table).to_vec();
        let line = status_text(
            table,
            session.status(table, &state.selection),
            &formats,
            lang,
        );
        let mut dismiss = false;
        egui::Panel::bottom(("table-status", &table.id)).show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some(busy) = busy {
                    ui.spinner();
                    ui.label(match busy {
                        Busy::Sorting => Text::Sorting.get(lang),
                        Busy::Filtering => Text::Filtering.get(lang),
                    });
                }
                ui.label(line);
            });
            if let Some(error) = session.error() {
                ui.horizontal_wrapped(|ui| {
                    let text = strings::rows_failed(lang, error);
                    ui.colored_label(ui.visuals().error_fg_color, text);
                    dismiss = ui.small_button(Text::Dismiss.get(lang)).clicked();
                });
            }
        });
        if dismiss {
            session.dismiss_error();
        }
    }

    /// Every field of the focused row, header beside value, and 在示意图中查看 for a table
    /// the schematic draws. Returns the row to show on the schematic when that was clicked.
    fn details_pane(&mut self, ui: &mut Ui, table: &Table, state: &TableState) -> Option<usize> {
        let lang = self.lang;
        let open = self
            .details_open
            .unwrap_or_else(|| details_open_by_default(ui.available_width()));
        if !open {
            self.folded_details(ui, table);
            return None;
        }
        let focused = state.selection.focused();
        egui::Panel::right(("table-details", &table.id))
            .resizable(true)
            .default_size(DETAILS_WIDTH)
            .show(ui, |ui| {
                // Filling the panel keeps its width: egui shrinks a panel to what it holds.
                ui.set_min_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.heading(Text::Details.get(lang));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let fold = ui
                            .small_button("»")
                            .on_hover_text(Text::HideDetails.get(lang));
                        if fold.clicked() {
                            self.details_open = Some(false);
                        }
                    });
                });
                match focused.and_then(|row| Some((row, table.rows.get(row)?))) {
                    Some((row, cells)) => {
                        let on_map =
                            has_schematic(table) && ui.button(Text::ShowOnMap.get(lang)).clicked();
                        details_grid(ui, table, cells);
                        on_map.then_some(row)
                    }
                    None => {
                        ui.weak(Text::NoFocus.get(lang));
                        None
                    }
                }
            })
            .inner
    }

    /// The details pane folded to a strip at the right edge, whose button opens it again.
    fn folded_details(&mut self, ui: &mut Ui, table: &Table) {
        let lang = self.lang;
        egui::Panel::right(("table-details-folded", &table.id))
            .resizable(false)
            .show(ui, |ui| {
                let button = egui::Button::new(Text::ShowDetailsVertical.get(lang)).frame(false);
                let clicked = ui
                    .add(button)
                    .on_hover_text(Text::ShowDetails.get(lang))
                    .clicked();
                if clicked {
                    self.details_open = Some(true);
                }
            });
    }

    /// 打印…: the rows an export would write (the selected ones if any, else every shown
    /// row; the shown columns) become a printout here, and a worker lays it out, writes the
    /// PDF and opens it; then the result line.
    fn print_ui(
        &mut self,
        ui: &mut Ui,
        table: &Table,
        state: &TableState,
        session: &Session,
        selected_shown: usize,
    ) {
        if std::mem::take(&mut self.print_requested)
            && let Some(gazette) = self.shared.clone()
        {
            let choice = RowChoice::preferred(selected_shown);
            let rows = choice.rows(&state.selection, session.visible(), table.rows.len());
            let columns = state.layout.shown_columns(table.columns.len());
            let job = crate::print::TableJob {
                gazette: &gazette,
                table,
                rows: &rows,
                columns: &columns,
                query: &state.query,
                chosen: choice.into(),
                shown: session.visible().len(),
                time: crate::print::export_time(),
            };
            let csv = crate::export::ExportFormat::Csv;
            let csv_name = crate::export::suggested_file_name(
                table,
                &self.issue_label,
                (choice, rows.len()),
                csv,
            );
            let name = print_file_name(csv_name.trim_end_matches(".csv"));
            let printout = job.printout();
            self.print.start(name, move || printout?.pdf());
        }
        self.print.ui(ui, self.lang);
    }

    /// The export dialog, the wait for the save dialog and the result message.
    fn export_ui(&mut self, ui: &mut Ui, table: &Table, state: &TableState, session: &Session) {
        let lang = self.lang;
        let shared = self.shared.clone();
        let desktop = Desktop {
            dialogs: self.dialogs,
            folder_opener: self.folder_opener,
        };
        self.export.ui(
            ui,
            table,
            shared,
            state,
            session.visible(),
            &self.issue_label,
            &mut self.last_folder,
            desktop,
            lang,
        );
    }
}

/// The status line: "显示 12 / 66 行　·　已选 3 行　·　土地面积合计 …", each sum formatted like
/// its column's cells (`1,501,120.53`).
fn status_text(
    table: &Table,
    facts: &StatusFacts,
    formats: &[Option<NumberFormat>],
    lang: Lang,
) -> String {
    let mut parts = vec![
        strings::rows_shown(lang, facts.shown, facts.total),
        strings::rows_selected(lang, facts.selected, facts.hidden_selected),
    ];
    for sum in facts.sums.iter().flatten() {
        let column = &table.columns[sum.column];
        let unit = column.unit.as_deref().unwrap_or("");
        let total = formats
            .get(sum.column)
            .copied()
            .flatten()
            .map_or_else(|| sum.to_string(), |format| format.value(sum.total));
        parts.push(strings::column_total(lang, &column.title, &total, unit));
    }
    parts.join("　·　")
}

/// Puts the selected shown rows (shown columns, header first) on the clipboard as TSV.
fn copy_selection(ui: &Ui, table: &Table, state: &TableState, shown: &[usize]) {
    let rows = state.selection.shown_selected(shown);
    if rows.is_empty() {
        return;
    }
    let columns = state.layout.shown_columns(table.columns.len());
    ui.ctx().copy_text(tsv(table, &rows, &columns, true));
}

/// What one frame of the grid draws from.
struct Frame<'a> {
    table: &'a Table,
    session: &'a Session,
    /// What each shown column needs, in shown order.
    needs: &'a [ColumnNeed],
    /// The width the grid has on screen.
    available: f32,
    /// The cell a search hit landed on (source row, column), drawn marked.
    marked: Option<(usize, usize)>,
    lang: Lang,
}

/// The widths to ask of the grid: the clerk's where the clerk dragged, else the fit to the
/// width on screen; never narrower than a header needs.
fn requested_widths(
    ui: &Ui,
    frame: &Frame<'_>,
    columns: &[usize],
    layout: &crate::table::Layout,
) -> Vec<f32> {
    if layout.widths.is_empty() {
        let spacing = ui.spacing().item_spacing.x * columns.len().saturating_sub(1) as f32;
        let room = frame.available - spacing - ui.spacing().scroll.allocated_width();
        return fit_widths(frame.needs, room, cells::long_text_cap(ui));
    }
    columns
        .iter()
        .zip(frame.needs)
        .map(|(c, need)| {
            let remembered = layout.widths.get(c).copied();
            remembered.unwrap_or(need.natural).max(need.minimum)
        })
        .collect()
}

/// The grid itself: header with sort buttons and filter popups, then virtual rows. `reveal` is
/// a row to scroll into view (focused by the keyboard or selected from outside the table), and
/// for a search hit the column to scroll to sideways.
/// When the columns are wider than the window, the leading ones ([`frozen_count`]) stay in a
/// pane of their own while the others scroll sideways; both panes scroll up and down together.
fn table_ui(
    ui: &mut Ui,
    frame: &Frame<'_>,
    state: &mut TableState,
    reveal: Option<Reveal>,
) -> Actions {
    let table = frame.table;
    let columns = state.layout.shown_columns(table.columns.len());
    let requested = requested_widths(ui, frame, &columns, &state.layout);
    let header_height = cells::header_height(
        ui,
        &columns
            .iter()
            .zip(&requested)
            .map(|(&c, &width)| (&table.columns[c], width))
            .collect::<Vec<_>>(),
    );
    let identifies: Vec<bool> = columns
        .iter()
        .map(|&c| table.columns[c].kind == crate::model::ColumnKind::Code)
        .collect();
    let chosen = state.layout.frozen_shown(&columns);
    let frozen = frozen_count(&identifies, &requested, frame.available, chosen);
    let mut actions = Actions {
        user_sized: !state.layout.widths.is_empty(),
        requested: requested.clone(),
        ..Actions::default()
    };
    let scroll = SharedScroll::load(ui, &table.id);
    let mut offsets = [None, None];
    let pane = |range: std::ops::Range<usize>| Pane {
        columns: columns[range.clone()].to_vec(),
        widths: requested[range.clone()].to_vec(),
        needs: frame.needs[range].to_vec(),
        header_height,
    };
    if frozen == 0 {
        egui::ScrollArea::horizontal()
            .id_salt(("table-hscroll", &table.id))
            .show(ui, |ui| {
                pane_ui(
                    ui,
                    frame,
                    state,
                    &pane(0..columns.len()),
                    reveal,
                    None,
                    &mut actions,
                )
            });
    } else {
        let full = ui.available_rect_before_wrap();
        let split = full.left()
            + requested[..frozen].iter().sum::<f32>()
            + ui.spacing().item_spacing.x * frozen as f32;
        let left = full.with_max_x(split);
        let right = full.with_min_x(split);
        let builder = egui::UiBuilder::new().max_rect(left);
        let at = scroll.wanted(0);
        offsets[0] = ui
            .scope_builder(builder, |ui| {
                pane_ui(
                    ui,
                    frame,
                    state,
                    &pane(0..frozen),
                    reveal,
                    Some(at),
                    &mut actions,
                )
            })
            .inner;
        let builder = egui::UiBuilder::new().max_rect(right);
        let at = scroll.wanted(1);
        offsets[1] = ui
            .scope_builder(builder, |ui| {
                egui::ScrollArea::horizontal()
                    .id_salt(("table-hscroll", &table.id))
                    .show(ui, |ui| {
                        let rest = pane(frozen..columns.len());
                        pane_ui(ui, frame, state, &rest, reveal, Some(at), &mut actions)
                    })
                    .inner
            })
            .inner;
        // The edge of the frozen pane, as in a spreadsheet: a firmer line than a cell's.
        let color = ui.visuals().widgets.noninteractive.fg_stroke.color;
        let x = split - ui.spacing().item_spacing.x / 2.0;
        ui.painter().vline(
            x,
            full.y_range(),
            egui::Stroke::new(2.0, color.gamma_multiply(0.35)),
        );
    }
    if scroll.store(ui, offsets) {
        ui.ctx().request_repaint();
    }
    if frame.session.visible().is_empty() && !table.rows.is_empty() {
        actions.clear_filters = no_rows_note(ui, frame.lang);
    }
    actions
}

/// Some of the shown columns, drawn as one grid.
struct Pane {
    columns: Vec<usize>,
    widths: Vec<f32>,
    needs: Vec<ColumnNeed>,
    header_height: f32,
}

/// The vertical scroll position two panes share: each frame a pane reports where it is; one
/// that moved (the wheel over it) sets the position, and the other is told to follow.
struct SharedScroll {
    id: egui::Id,
    /// The shared position and where each pane was last frame.
    last: (f32, [f32; 2]),
}

impl SharedScroll {
    fn load(ui: &Ui, table: &str) -> SharedScroll {
        let id = ui.scope_id().with(("table-vscroll", table));
        let last = ui.data(|d| d.get_temp(id)).unwrap_or((0.0, [0.0; 2]));
        SharedScroll { id, last }
    }

    /// The offset to give pane `pane`: the shared one when the pane is elsewhere.
    fn wanted(&self, pane: usize) -> Option<f32> {
        let (shared, seen) = self.last;
        ((seen[pane] - shared).abs() > 0.5).then_some(shared)
    }

    /// Takes this frame's offsets; true when a pane moved by itself (the wheel over it) and
    /// the other must follow. A pane that was told where to go and stopped short (it is
    /// shorter) did not move by itself, so the two never chase each other.
    fn store(&self, ui: &Ui, offsets: [Option<f32>; 2]) -> bool {
        let [Some(left), Some(right)] = offsets else {
            return false;
        };
        let (shared, seen) = self.last;
        let now = [left, right];
        let moved = (0..2)
            .find(|&pane| self.wanted(pane).is_none() && (now[pane] - seen[pane]).abs() > 0.5)
            .map(|pane| now[pane]);
        ui.data_mut(|d| d.insert_temp(self.id, (moved.unwrap_or(shared), now)));
        moved.is_some()
    }
}

/// One grid of some columns. `scroll` is `Some` for one of two panes that scroll together: the
/// offset to move to (if any), and the pane returns where it is.
fn pane_ui(
    ui: &mut Ui,
    frame: &Frame<'_>,
    state: &mut TableState,
    pane: &Pane,
    reveal: Option<Reveal>,
    scroll: Option<Option<f32>>,
    actions: &mut Actions,
) -> Option<f32> {
    let (table, session, lang) = (frame.table, frame.session, frame.lang);
    let columns = &pane.columns;
    // Compact rows, as in a spreadsheet: a 1024×600 screen shows a dozen of them.
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ROW_PADDING;
    let modifiers = ui.input(|i| i.modifiers);
    // A new width asked for (a new fit, or the clerk's widths restored) must replace what the
    // grid remembers of last frame's.
    let asked_id = ui.scope_id().with(("table-widths", &table.id, columns));
    let asked: Vec<i32> = pane.widths.iter().map(|w| w.round() as i32).collect();
    let width_changed = ui.data(|d| d.get_temp::<Vec<i32>>(asked_id)) != Some(asked.clone());
    ui.data_mut(|d| d.insert_temp(asked_id, asked));
    let figures = Figures::of(ui);
    let mut builder = TableBuilder::new(ui)
        .id_salt(("table", &table.id, columns))
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (width, need) in pane.widths.iter().zip(&pane.needs) {
        builder = builder.column(
            Width::initial(*width)
                .at_least(need.minimum)
                .resizable(true)
                .clip(true),
        );
    }
    if width_changed {
        builder.reset();
    }
    if let Some(offset) = scroll.flatten() {
        builder = builder.vertical_scroll_offset(offset);
    }
    let visible = session.visible();
    if let Some(position) = reveal.and_then(|r| visible.iter().position(|&v| v == r.row)) {
        builder = builder.scroll_to_row(position, Some(egui::Align::Center));
    }
    let sideways_to = reveal
        .and_then(|r| r.column)
        .filter(|c| columns.contains(c));
    let mut sideways_rect = None;
    let formats = session.number_formats(table);
    // Cloned: the header's filter popups change the query while the rows are drawn after it.
    let quick_filter = state.query.quick_filter.clone();
    let view = builder.header(pane.header_height, |mut header| {
        for &c in columns {
            let (rect, _) =
                header.col(|ui| header_cell(ui, table, c, state, session, lang, actions));
            if sideways_to == Some(c) {
                sideways_rect = Some(rect);
            }
        }
    });
    let output = view.body(|body| {
        actions
            .widths
            .extend(columns.iter().copied().zip(body.widths().iter().copied()));
        body.rows(row_height, visible.len(), |mut row| {
            let source = visible[row.index()];
            row.set_selected(state.selection.rows().contains(&source));
            for &c in columns {
                let text = table.rows[source]
                    .get(c)
                    .map_or("", |cell| cell.as_printed());
                let format = formats.get(c).and_then(Option::as_ref);
                let marked = frame.marked == Some((source, c));
                row.col(|ui| {
                    cells::body_cell(ui, text, format, &figures, &quick_filter, marked);
                });
            }
            if row.response().double_clicked() {
                actions.show_on_map = Some(source);
            }
            if row.response().clicked() {
                let kind = ClickKind {
                    toggle: modifiers.command,
                    extend: modifiers.shift,
                };
                actions.row_click = Some((source, kind));
            }
        });
    });
    // The header's column, for its x: the body's own scroll area takes the row's target (and
    // drops any sideways one), so the sideways one is asked of the area around the grid after.
    if let Some(rect) = sideways_rect {
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    scroll.map(|_| output.state.clamped_offset().y)
}

/// "没有符合条件的行" where the rows would be, with 清除筛选. Returns whether that was clicked.
fn no_rows_note(ui: &mut Ui, lang: Lang) -> bool {
    ui.add_space(ui.text_style_height(&egui::TextStyle::Body));
    ui.horizontal(|ui| {
        ui.add_space(ui.spacing().item_spacing.x * 2.0);
        ui.label(RichText::new(Text::NoMatchingRows.get(lang)).strong());
        ui.button(Text::ClearFiltersPlain.get(lang)).clicked()
    })
    .inner
}

/// Applies what the drawing collected to the table's state.
fn apply(actions: Actions, state: &mut TableState, session: &Session) {
    if let Some((column, add)) = actions.sort_click {
        state.query.cycle_sort(column, add);
    }
    if let Some((row, kind)) = actions.row_click {
        state.selection.click(row, kind, session.visible());
    }
    if actions.clear_filters {
        state.query.clear_filters();
    }
    // The fit is kept until the clerk drags a column; from then on the widths are the clerk's.
    let dragged = actions
        .widths
        .iter()
        .zip(&actions.requested)
        .any(|((_, body), asked)| (body - asked).abs() > 1.0);
    if actions.user_sized || dragged {
        for (column, width) in actions.widths {
            state.layout.widths.insert(column, width);
        }
    }
}

/// Keys pressed this frame that the table acts on.
struct KeyPresses {
    select_all: bool,
    copy: bool,
    export: bool,
    escape: bool,
    up: bool,
    down: bool,
    shift: bool,
}

fn header_cell(
    ui: &mut Ui,
    table: &Table,
    column: usize,
    state: &mut TableState,
    session: &Session,
    lang: Lang,
    actions: &mut Actions,
) {
    let cell = HeaderCell {
        column: &table.columns[column],
        mark: cells::sort_mark(state.query.sort_of(column), state.query.sort.len()),
        filtered: state
            .query
            .filters
            .get(&column)
            .is_some_and(ColumnFilter::is_active),
    };
    let clicked = cells::header_cell(ui, &cell, |ui| {
        filter_popup(ui, table, column, state, session, lang)
    });
    if clicked {
        let shift = ui.input(|i| i.modifiers.shift);
        actions.sort_click = Some((column, shift));
    }
}

/// The filter popup of one column: value list with counts (category columns), min–max
/// (numeric columns), contains / exact text (the others), and a clear button.
fn filter_popup(
    ui: &mut Ui,
    table: &Table,
    column: usize,
    state: &mut TableState,
    session: &Session,
    lang: Lang,
) {
    ui.label(RichText::new(table.columns[column].header()).strong());
    let kind = table.columns[column].kind;
    if has_value_list(&table.columns[column]) {
        value_list(ui, session.value_counts(table, column), column, state, lang);
    }
    if kind.is_numeric() {
        range_fields(ui, column, state, lang);
    } else {
        text_field(ui, column, state, lang);
    }
    if ui.button(Text::ClearColumnFilter.get(lang)).clicked() {
        state.query.filters.remove(&column);
        ui.close();
    }
}

fn value_list(
    ui: &mut Ui,
    counts: &[(String, usize)],
    column: usize,
    state: &mut TableState,
    lang: Lang,
) {
    let all: BTreeSet<String> = counts.iter().map(|(v, _)| v.clone()).collect();
    let mut chosen = match state.query.filters.get(&column) {
        Some(ColumnFilter::Values(values)) => values.clone(),
        _ => all.clone(),
    };
    let mut changed = false;
    if ui.button(Text::AllValues.get(lang)).clicked() {
        chosen.clone_from(&all);
        changed = true;
    }
    for (value, count) in counts {
        let mut on = chosen.contains(value);
        if ui.checkbox(&mut on, format!("{value}  {count}")).changed() {
            if on {
                chosen.insert(value.clone());
            } else {
                chosen.remove(value);
            }
            changed = true;
        }
    }
    if changed {
        if chosen == all {
            state.query.filters.remove(&column);
        } else {
            state.query.set_filter(column, ColumnFilter::Values(chosen));
        }
    }
}

fn text_field(ui: &mut Ui, column: usize, state: &mut TableState, lang: Lang) {
    let mut text = match state.query.filters.get(&column) {
        Some(ColumnFilter::Text(text)) => text.clone(),
        _ => String::new(),
    };
    ui.label(Text::FilterContains.get(lang));
    let (_, changed) = super::ime::single_line(ui, &mut text, ("filter", column), |edit| {
        edit.hint_text(Text::FilterExactHint.get(lang))
    });
    if changed {
        state.query.set_filter(column, ColumnFilter::Text(text));
    }
}

/// Min and max fields; what is typed is kept as typed (so "4." or "-" can be finished) and
/// applied whenever it parses.
fn range_fields(ui: &mut Ui, column: usize, state: &mut TableState, lang: Lang) {
    let (min, max) = match state.query.filters.get(&column) {
        Some(ColumnFilter::Range { min, max }) => (*min, *max),
        _ => (None, None),
    };
    let id = ui.scope_id().with(("range", column));
    let mut texts: [String; 2] = ui.data_mut(|d| {
        d.get_temp_mut_or_insert_with(id, || [bound_text(min), bound_text(max)])
            .clone()
    });
    let mut changed = false;
    for (text, label) in texts.iter_mut().zip([Text::Min, Text::Max]) {
        ui.horizontal(|ui| {
            ui.label(label.get(lang));
            changed |= ui
                .add(egui::TextEdit::singleline(text).desired_width(90.0))
                .changed();
        });
    }
    if changed {
        let parsed = [parse_bound(&texts[0]), parse_bound(&texts[1])];
        if let [Ok(min), Ok(max)] = parsed {
            state
                .query
                .set_filter(column, ColumnFilter::Range { min, max });
        }
        ui.data_mut(|d| d.insert_temp(id, texts));
    }
}

fn bound_text(bound: Option<f64>) -> String {
    bound.map(|b| b.to_string()).unwrap_or_default()
}

/// An empty field is no bound; anything else must be a number.
fn parse_bound(text: &str) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::model::parse_number(text).map(Some).ok_or(())
}

/// One chip per active filter (click to remove it), then "clear filters".
fn filter_chips(ui: &mut Ui, state: &mut TableState, table: &Table, lang: Lang) {
    if !state.query.has_active_filters() {
        return;
    }
    let mut remove = None;
    for (&column, filter) in &state.query.filters {
        let chip = format!("{} ×", describe_filter(&table.columns[column], filter));
        if ui.small_button(chip).clicked() {
            remove = Some(column);
        }
    }
    if let Some(column) = remove {
        state.query.filters.remove(&column);
    }
    if ui.button(Text::ClearFilters.get(lang)).clicked() {
        state.query.clear_filters();
    }
}

/// A filter in a few symbols, e.g. "地面单价 ≥ 4000", "用途: 住宅用地".
fn describe_filter(column: &Column, filter: &ColumnFilter) -> String {
    let name = &column.title;
    match filter {
        ColumnFilter::Text(text) => match text.trim().strip_prefix('=') {
            Some(exact) => format!("{name} = {}", exact.trim()),
            None => format!("{name} ∋ {}", text.trim()),
        },
        ColumnFilter::Range {
            min: Some(lo),
            max: None,
        } => format!("{name} ≥ {lo}"),
        ColumnFilter::Range {
            min: None,
            max: Some(hi),
        } => format!("{name} ≤ {hi}"),
        ColumnFilter::Range {
            min: Some(lo),
            max: Some(hi),
        } => format!("{name} {lo}–{hi}"),
        ColumnFilter::Range { .. } => name.clone(),
        ColumnFilter::Values(values) => {
            let list: Vec<&str> = values.iter().map(String::as_str).collect();
            format!("{name}: {}", list.join("、"))
        }
    }
}

fn columns_menu(ui: &mut Ui, state: &mut TableState, table: &Table, lang: Lang) {
    let count = table.columns.len();
    ui.menu_button(Text::Columns.get(lang), |ui| {
        if ui.button(Text::ShowAllColumns.get(lang)).clicked() {
            state.layout.hidden.clear();
        }
        if ui.button(Text::FitColumns.get(lang)).clicked() {
            state.layout.widths.clear();
        }
        for (c, column) in table.columns.iter().enumerate() {
            let mut shown = !state.layout.hidden.contains(&c);
            if ui.checkbox(&mut shown, column.header()).changed() {
                state.layout.set_hidden(c, !shown, count);
            }
        }
        ui.separator();
        frozen_choice(ui, &mut state.layout.frozen, table, lang);
    });
}

/// Most leading columns offered to freeze: 序号 to 标定区域编号 and one more.
const FROZEN_OFFERED: usize = 4;

/// 冻结列: the program's choice, none, or through one of the first columns.
fn frozen_choice(ui: &mut Ui, frozen: &mut Frozen, table: &Table, lang: Lang) {
    ui.label(RichText::new(Text::FrozenColumns.get(lang)).weak());
    ui.radio_value(frozen, Frozen::Automatic, Text::FrozenAutomatic.get(lang));
    ui.radio_value(frozen, Frozen::Nothing, Text::FrozenNothing.get(lang));
    for (c, column) in table.columns.iter().enumerate().take(FROZEN_OFFERED) {
        ui.radio_value(
            frozen,
            Frozen::Through(c),
            strings::frozen_through(lang, &column.title),
        );
    }
}

/// Every field of the focused row: its header, and beside it the value broken into lines by
/// the rules of Chinese typesetting ([`crate::line_break`]): never inside a code or number,
/// no 《 at a line end, no ， at a line start.
fn details_grid(ui: &mut Ui, table: &Table, cells: &[crate::model::Cell]) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let header_width = table
        .columns
        .iter()
        .map(|column| cells::text_width(ui, &column.header()))
        .fold(0.0, f32::max)
        .min(ui.available_width() * 0.45);
    egui::ScrollArea::vertical().show(ui, |ui| {
        let spacing = ui.spacing().item_spacing.x;
        let value_width = (ui.available_width() - header_width - spacing - 2.0).max(40.0);
        for (column, cell) in table.columns.iter().zip(cells) {
            let value = ui.ctx().fonts_mut(|fonts| {
                crate::line_break::with_line_breaks(
                    cell.as_printed(),
                    |c| fonts.glyph_width(&font, c),
                    value_width,
                )
            });
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(header_width, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(header_width);
                        ui.add(egui::Label::new(RichText::new(column.header()).weak()).wrap());
                    },
                );
                ui.add(egui::Label::new(value).extend());
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_described_in_a_few_symbols() {
        let table = crate::table::fixture::land_prices();
        let price = &table.columns[6];
        let range = ColumnFilter::Range {
            min: Some(4000.0),
            max: None,
        };
        assert_eq!(describe_filter(price, &range), "地面单价 ≥ 4000");
        let values = ColumnFilter::Values(BTreeSet::from(["住宅用地".to_owned()]));
        assert_eq!(
            describe_filter(&table.columns[1], &values),
            "用途: 住宅用地"
        );
        let exact = ColumnFilter::Text("=置地".into());
        assert_eq!(
            describe_filter(&table.columns[3], &exact),
            "标准宗地名称 = 置地"
        );
    }

    #[test]
    fn headers_show_direction_and_priority_when_several_keys_sort() {
        let table = crate::table::fixture::land_prices();
        let mut state = TableState::default();
        let label = |state: &TableState, column: usize| {
            let mark = cells::sort_mark(state.query.sort_of(column), state.query.sort.len());
            cells::header_label(&table.columns[column], mark.as_deref())
        };
        state.query.cycle_sort(6, false);
        assert_eq!(label(&state, 6), "地面单价(元/m²) ▲");
        state.query.cycle_sort(4, true);
        state.query.cycle_sort(4, true);
        assert_eq!(label(&state, 4), "土地面积(m²) ▼2");
        assert_eq!(label(&state, 6), "地面单价(元/m²) ▲1");
        assert_eq!(label(&state, 0), "序号");
    }
}
