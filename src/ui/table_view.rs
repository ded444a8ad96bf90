//! [`TableView`]: the egui table that draws one [`Table`] through the UI-free [`crate::table`]
//! logic. It only turns clicks and keys into [`TableState`] changes and paints the result: virtual
//! rows (only the visible ones are built), header sorting, filter popups, quick filter, filter
//! chips, selection, details pane, status bar, column menu, copy and export.

use super::background::{BACKGROUND_ROWS, Busy, RowsKey, RowsWorker, busy_with};
use super::table_export::ExportFlow;
use super::table_strings::{self as strings, Lang, Text};
use crate::model::{Column, Gazette, Table};
use crate::table::{
    ClickKind, ColumnFilter, SortDirection, TableIndex, TableState, column_sum,
    column_value_counts, has_value_list, tsv, visible_rows,
};
use eframe::egui::{self, Key, RichText, Sense, Ui};
use egui_extras::{Column as Width, TableBuilder};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The table view of every table of the issue. One instance can serve several tables: it keeps
/// a [`TableState`] per table id. Serialising it keeps what is worth remembering between runs
/// (column widths, hidden columns, sort keys, the last export folder), not filters or selection.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TableView {
    #[serde(serialize_with = "serialize_remembered")]
    states: BTreeMap<String, TableState>,
    /// The folder of the last export, offered first by the save dialog.
    pub last_folder: Option<PathBuf>,
    /// The interface language; the shell sets it.
    #[serde(skip)]
    pub lang: Lang,
    /// The issue in file names (e.g. 2023-03); the shell sets it from the gazette.
    #[serde(skip)]
    pub issue_label: String,
    #[serde(skip)]
    current: String,
    #[serde(skip)]
    cache: Option<ViewCache>,
    #[serde(skip)]
    pub(super) export: ExportFlow,
    #[serde(skip)]
    scroll_to: Option<usize>,
    /// The status bar's counts and sums, kept until the selection or the shown rows change:
    /// over a million selected rows they take longer than a frame to work out.
    #[serde(skip)]
    status: Option<StatusLine>,
    /// The gazette the shown tables belong to, shared so a large table's rows can be sorted,
    /// filtered and exported on a worker thread.
    #[serde(skip)]
    shared: Option<Arc<Gazette>>,
}

fn serialize_remembered<S: serde::Serializer>(
    states: &BTreeMap<String, TableState>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let kept: BTreeMap<&String, TableState> =
        states.iter().map(|(id, s)| (id, s.remembered())).collect();
    serde::Serialize::serialize(&kept, serializer)
}

/// What the view computed for the current table, recomputed only when the table or the
/// filters and sort keys change (not on every frame). For a large table the recomputation runs
/// on `worker` while `visible` keeps the previous order.
struct ViewCache {
    table: (String, usize, usize),
    worker: RowsWorker,
    key: RowsKey,
    visible: Vec<usize>,
    /// Each category column's values with their counts over the whole table, for the value
    /// list of its filter popup: counted when the popup first opens, not on every frame.
    value_counts: Vec<OnceCell<Vec<(String, usize)>>>,
}

impl ViewCache {
    /// A cache showing `table` in printed order, which is right for no sort and no filters.
    fn new(table: &Table) -> ViewCache {
        ViewCache {
            table: shape(table),
            worker: RowsWorker::new(TableIndex::new(table)),
            key: RowsKey::default(),
            visible: (0..table.rows.len()).collect(),
            value_counts: table.columns.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// What a worker is computing, if anything.
    fn busy(&self) -> Option<Busy> {
        self.worker.pending().map(|p| busy_with(&self.key, p))
    }
}

/// The status bar's text for one table, language and selection.
#[derive(Debug, Clone, PartialEq)]
struct StatusLine {
    table: String,
    lang: Lang,
    parts: Vec<String>,
    /// False when the sums were left out because a worker held the index; then the line is
    /// worked out again next frame.
    complete: bool,
}

/// A table's id and shape, to tell whether a cache still belongs to it.
fn shape(table: &Table) -> (String, usize, usize) {
    (table.id.clone(), table.rows.len(), table.columns.len())
}

/// How often a view waiting for a worker looks again.
const POLL: Duration = Duration::from_millis(30);

/// What happened while the table was drawn, applied after the drawing.
#[derive(Default)]
struct Actions {
    sort_click: Option<(usize, bool)>,
    row_click: Option<(usize, ClickKind)>,
    widths: Vec<(usize, f32)>,
}

impl TableView {
    /// A view in the given language.
    pub fn new(lang: Lang) -> Self {
        TableView {
            lang,
            ..TableView::default()
        }
    }

    /// The selected source rows of the table shown last (empty before any is shown), for the
    /// schematic's highlighting.
    pub fn selected_rows(&self) -> &BTreeSet<usize> {
        static EMPTY: BTreeSet<usize> = BTreeSet::new();
        self.states
            .get(&self.current)
            .map_or(&EMPTY, |s| &s.selection.rows)
    }

    /// Selects `rows` of table `table_id` and focuses (and scrolls to) `focus`, as when a region
    /// is clicked in the schematic.
    pub fn set_selection(
        &mut self,
        table_id: &str,
        rows: impl IntoIterator<Item = usize>,
        focus: Option<usize>,
    ) {
        let state = self.states.entry(table_id.to_owned()).or_default();
        self.status = None;
        state.selection.rows = rows.into_iter().collect();
        state.selection.focused = focus;
        state.selection.anchor = focus;
        self.scroll_to = focus;
    }

    /// The view state of a table, if it has been shown or selected in.
    pub fn state(&self, table_id: &str) -> Option<&TableState> {
        self.states.get(table_id)
    }

    /// Shares the gazette whose tables this view shows, so that a table of more than
    /// [`BACKGROUND_ROWS`] rows is sorted, filtered and exported on a worker thread while the
    /// window keeps painting. Without it (or for a table not in it) everything stays on the
    /// UI thread. Sharing a different gazette (another file was opened) drops the computed
    /// rows and index, since a table of the same id and shape may hold other values.
    pub fn share(&mut self, gazette: Arc<Gazette>) {
        if !self
            .shared
            .as_ref()
            .is_some_and(|old| Arc::ptr_eq(old, &gazette))
        {
            self.cache = None;
            self.status = None;
        }
        self.shared = Some(gazette);
    }

    /// Whether the current table's rows are being recomputed on a worker (the previous order
    /// is shown meanwhile).
    pub fn is_busy(&self) -> bool {
        self.cache.as_ref().is_some_and(|c| c.busy().is_some())
    }

    /// The source rows shown, in shown order, for the current table (empty before any).
    pub fn shown_rows(&self) -> &[usize] {
        self.cache.as_ref().map_or(&[], |c| &c.visible)
    }

    /// Draws `table` with its toolbar, details pane and status bar into `ui`.
    pub fn show(&mut self, ui: &mut Ui, table: &Table) {
        self.prepare(ui, table);
        self.handle_keys(ui, table);
        self.toolbar(ui, table);
        self.export_ui(ui, table);
        self.status_bar(ui, table);
        self.details_pane(ui, table);
        self.refresh(ui, table);
        // The grid gets what the panels leave, and scrolls sideways when its columns are wider
        // than the window, so the price columns at the right stay reachable.
        let actions = egui::CentralPanel::default()
            .show(ui, |ui| {
                egui::ScrollArea::horizontal()
                    .id_salt(("table-hscroll", &table.id))
                    .show(ui, |ui| self.table_ui(ui, table))
                    .inner
            })
            .inner;
        self.apply(actions, table);
        if self.refresh(ui, table) {
            ui.ctx().request_repaint();
        }
        if self.is_busy() {
            ui.ctx().request_repaint_after(POLL);
        }
    }

    /// Makes the table current, fits its remembered state to its shape, builds its index.
    fn prepare(&mut self, ui: &Ui, table: &Table) {
        self.current.clone_from(&table.id);
        let state = self.states.entry(table.id.clone()).or_default();
        state.fit(table.rows.len(), table.columns.len());
        if self.cache.as_ref().is_none_or(|c| c.table != shape(table)) {
            self.cache = None;
            self.status = None;
        }
        self.refresh(ui, table);
    }

    /// The shared gazette, when `table` is large and is the shared gazette's table of that id.
    fn background_source(&self, table: &Table) -> Option<Arc<Gazette>> {
        let gazette = self.shared.as_ref()?;
        let same = gazette
            .table(&table.id)
            .is_some_and(|t| std::ptr::eq(t, table));
        (table.rows.len() > BACKGROUND_ROWS && same).then(|| Arc::clone(gazette))
    }

    /// Takes a finished worker result, and recomputes (or asks a worker to recompute) the
    /// visible rows if filters or sort changed; true when the shown rows changed.
    fn refresh(&mut self, ui: &Ui, table: &Table) -> bool {
        let background = self.background_source(table);
        let state = self.states.entry(table.id.clone()).or_default();
        let key = RowsKey::of(state);
        let mut cache = self.cache.take().unwrap_or_else(|| ViewCache::new(table));
        let mut changed = false;
        if let Some((done, rows)) = cache.worker.poll() {
            if let Some(rows) = rows {
                cache.visible = rows;
                changed = true;
            }
            cache.key = done;
        }
        if cache.key == key {
            if cache.worker.pending().is_some() {
                cache.worker.cancel(); // back to what is shown: nothing to wait for
            }
        } else if cache.worker.pending() != Some(&key) {
            match background {
                Some(gazette) => {
                    cache.worker.request(gazette, table.id.clone(), key);
                    ui.ctx().request_repaint_after(POLL);
                }
                None => {
                    cache.worker.cancel();
                    cache.visible = visible_rows(table, &cache.worker.index(), state);
                    cache.key = key;
                    changed = true;
                }
            }
        }
        self.cache = Some(cache);
        if changed {
            self.status = None;
        }
        changed
    }

    fn parts(&mut self) -> Option<(&mut TableState, &ViewCache)> {
        let state = self.states.get_mut(&self.current)?;
        Some((state, self.cache.as_ref()?))
    }

    /// Ctrl+A, Esc, Ctrl+C, Ctrl+E and the arrow keys, unless a text field has the keyboard.
    fn handle_keys(&mut self, ui: &mut Ui, table: &Table) {
        if ui.ctx().text_edit_focused() || self.export.is_open() {
            return;
        }
        let keys = ui.input_mut(|i| KeyPresses {
            select_all: i.consume_key(egui::Modifiers::COMMAND, Key::A),
            copy: i.consume_key(egui::Modifiers::COMMAND, Key::C)
                || i.events.iter().any(|e| matches!(e, egui::Event::Copy)),
            export: i.consume_key(egui::Modifiers::COMMAND, Key::E),
            escape: i.consume_key(egui::Modifiers::NONE, Key::Escape),
            up: i.key_pressed(Key::ArrowUp),
            down: i.key_pressed(Key::ArrowDown),
            shift: i.modifiers.shift,
        });
        let lang = self.lang;
        if keys.select_all || keys.escape || keys.up || keys.down {
            self.status = None;
        }
        let Some((state, cache)) = self.parts() else {
            return;
        };
        let shown = &cache.visible;
        if keys.select_all {
            state.selection.select_all(shown);
        }
        if keys.escape {
            state.selection.clear();
        }
        if keys.up || keys.down {
            let delta = if keys.up { -1 } else { 1 };
            state.selection.move_focus(delta, keys.shift, shown);
            self.scroll_to = self
                .states
                .get(&self.current)
                .and_then(|s| s.selection.focused);
        }
        if keys.copy {
            self.copy_selection(ui, table);
        }
        if keys.export {
            self.export.open(lang);
        }
    }

    /// Puts the selected shown rows (shown columns, header first) on the clipboard as TSV.
    fn copy_selection(&mut self, ui: &Ui, table: &Table) {
        let Some((state, cache)) = self.parts() else {
            return;
        };
        let rows = state.selection.shown_selected(&cache.visible);
        if rows.is_empty() {
            return;
        }
        let columns = state.shown_columns(table.columns.len());
        ui.ctx().copy_text(tsv(table, &rows, &columns, true));
    }

    /// Quick filter, filter chips with clear-all, the column menu and the export button.
    fn toolbar(&mut self, ui: &mut Ui, table: &Table) {
        let lang = self.lang;
        let mut open_export = false;
        if let Some((state, _)) = self.parts() {
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut state.quick_filter)
                        .hint_text(Text::QuickFilterHint.get(lang))
                        .desired_width(220.0),
                );
                filter_chips(ui, state, table, lang);
                columns_menu(ui, state, table, lang);
                open_export = ui.button(Text::Export.get(lang)).clicked();
            });
        }
        if open_export {
            self.export.open(lang);
        }
    }

    /// Rows shown / total, selected, and sums of summable columns over the selection.
    fn status_bar(&mut self, ui: &mut Ui, table: &Table) {
        let lang = self.lang;
        let fresh = self
            .status
            .as_ref()
            .is_some_and(|s| s.complete && s.table == table.id && s.lang == lang);
        if !fresh {
            self.status = self.status_line(table);
        }
        let parts = self.status.as_ref().map_or(&[][..], |s| &s.parts[..]);
        let Some(cache) = self.cache.as_ref() else {
            return;
        };
        let busy = cache.busy();
        egui::Panel::bottom(("table-status", &table.id)).show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some(busy) = busy {
                    ui.spinner();
                    ui.label(match busy {
                        Busy::Sorting => Text::Sorting.get(lang),
                        Busy::Filtering => Text::Filtering.get(lang),
                    });
                }
                ui.label(parts.join("　·　"));
            });
        });
    }

    /// Works out the status bar's text. While a worker holds the index the sums wait (the
    /// counts still show), and the line is incomplete until they are in.
    fn status_line(&mut self, table: &Table) -> Option<StatusLine> {
        let lang = self.lang;
        let (state, cache) = self.parts()?;
        let selection = &state.selection;
        let selected = selection.shown_selected(&cache.visible);
        // Not `hidden_count`, which would walk the shown rows a second time.
        let hidden = selection.rows.len() - selected.len();
        let mut parts = vec![
            strings::rows_shown(lang, cache.visible.len(), table.rows.len()),
            strings::rows_selected(lang, selected.len(), hidden),
        ];
        let mut complete = true;
        if !selected.is_empty() {
            match cache.worker.try_index() {
                Some(index) => parts.extend(sums(table, &index, &selected, lang)),
                None => complete = false,
            }
        }
        Some(StatusLine {
            table: table.id.clone(),
            lang,
            parts,
            complete,
        })
    }

    /// Every field of the focused row, header beside value.
    fn details_pane(&mut self, ui: &mut Ui, table: &Table) {
        let lang = self.lang;
        let focused = self
            .states
            .get(&self.current)
            .and_then(|s| s.selection.focused);
        egui::Panel::right(("table-details", &table.id))
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                ui.heading(Text::Details.get(lang));
                match focused.and_then(|row| table.rows.get(row)) {
                    Some(cells) => details_grid(ui, table, cells),
                    None => {
                        ui.weak(Text::NoFocus.get(lang));
                    }
                }
            });
    }

    /// The grid itself: header with sort buttons and filter popups, then virtual rows.
    fn table_ui(&mut self, ui: &mut Ui, table: &Table) -> Actions {
        let lang = self.lang;
        let scroll_to = self.scroll_to.take();
        let Some((state, cache)) = self.parts() else {
            return Actions::default();
        };
        let columns = state.shown_columns(table.columns.len());
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let modifiers = ui.input(|i| i.modifiers);
        let mut builder = TableBuilder::new(ui)
            .id_salt(("table", &table.id, &columns))
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for &c in &columns {
            builder = builder.column(column_width(&table.columns[c], state.widths.get(&c)));
        }
        if let Some(position) = scroll_to.and_then(|r| cache.visible.iter().position(|&v| v == r)) {
            builder = builder.scroll_to_row(position, Some(egui::Align::Center));
        }
        let mut actions = Actions::default();
        let view = builder.header(row_height + 4.0, |mut header| {
            for &c in &columns {
                header.col(|ui| header_cell(ui, table, c, state, cache, lang, &mut actions));
            }
        });
        view.body(|body| {
            actions.widths = columns
                .iter()
                .copied()
                .zip(body.widths().iter().copied())
                .collect();
            body.rows(row_height, cache.visible.len(), |mut row| {
                let source = cache.visible[row.index()];
                row.set_selected(state.selection.rows.contains(&source));
                for &c in &columns {
                    let text = table.rows[source]
                        .get(c)
                        .map_or("", |cell| cell.as_printed());
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).selectable(false).truncate());
                    });
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
        actions
    }

    fn apply(&mut self, actions: Actions, _table: &Table) {
        if actions.row_click.is_some() {
            self.status = None;
        }
        let Some((state, cache)) = self.parts() else {
            return;
        };
        if let Some((column, add)) = actions.sort_click {
            state.cycle_sort(column, add);
        }
        if let Some((row, kind)) = actions.row_click {
            state.selection.click(row, kind, &cache.visible);
        }
        for (column, width) in actions.widths {
            state.widths.insert(column, width);
        }
    }

    /// The export dialog, the wait for the save dialog and the result message.
    fn export_ui(&mut self, ui: &mut Ui, table: &Table) {
        let lang = self.lang;
        let issue = self.issue_label.clone();
        let mut last_folder = self.last_folder.clone();
        let background = self.background_source(table);
        let Some(cache) = self.cache.as_ref() else {
            return;
        };
        let Some(state) = self.states.get(&self.current) else {
            return;
        };
        self.export.ui(
            ui,
            table,
            background,
            state,
            &cache.visible,
            &issue,
            &mut last_folder,
            lang,
        );
        self.last_folder = last_folder;
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

/// A column's width: the remembered one, else a default by kind; resizable, clipped.
fn column_width(column: &Column, remembered: Option<&f32>) -> Width {
    use crate::model::ColumnKind::*;
    let default = match column.kind {
        Integer | Decimal => 90.0,
        Category => 80.0,
        Code => 110.0,
        Text => 180.0,
    };
    Width::initial(remembered.copied().unwrap_or(default))
        .at_least(36.0)
        .resizable(true)
        .clip(true)
}

/// The header text: the printed header, then ↑ / ↓ and the priority when several keys sort.
fn header_text(table: &Table, column: usize, state: &TableState) -> String {
    let header = table.columns[column].header();
    match state.sort_of(column) {
        None => header,
        Some((priority, direction)) => {
            let arrow = match direction {
                SortDirection::Ascending => "↑",
                SortDirection::Descending => "↓",
            };
            if state.sort.len() > 1 {
                format!("{header} {arrow}{priority}")
            } else {
                format!("{header} {arrow}")
            }
        }
    }
}

fn header_cell(
    ui: &mut Ui,
    table: &Table,
    column: usize,
    state: &mut TableState,
    cache: &ViewCache,
    lang: Lang,
    actions: &mut Actions,
) {
    let text = RichText::new(header_text(table, column, state)).strong();
    let clicked = ui.add(egui::Button::new(text).frame(false)).clicked();
    if clicked {
        let shift = ui.input(|i| i.modifiers.shift);
        actions.sort_click = Some((column, shift));
    }
    let active = state
        .filters
        .get(&column)
        .is_some_and(ColumnFilter::is_active);
    let icon = if active { "▼" } else { "▽" };
    ui.menu_button(icon, |ui| {
        filter_popup(ui, table, column, state, cache, lang)
    });
}

/// The filter popup of one column: value list with counts (category columns), min–max
/// (numeric columns), contains / exact text (the others), and a clear button.
fn filter_popup(
    ui: &mut Ui,
    table: &Table,
    column: usize,
    state: &mut TableState,
    cache: &ViewCache,
    lang: Lang,
) {
    ui.label(RichText::new(table.columns[column].header()).strong());
    let kind = table.columns[column].kind;
    if has_value_list(&table.columns[column]) {
        let counts = cache.value_counts.get(column).map_or(&[][..], |counts| {
            counts.get_or_init(|| column_value_counts(table, column))
        });
        value_list(ui, counts, column, state, lang);
    }
    if kind.is_numeric() {
        range_fields(ui, column, state, lang);
    } else {
        text_field(ui, column, state, lang);
    }
    if ui.button(Text::ClearColumnFilter.get(lang)).clicked() {
        state.filters.remove(&column);
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
    let mut chosen = match state.filters.get(&column) {
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
            state.filters.remove(&column);
        } else {
            state.set_filter(column, ColumnFilter::Values(chosen));
        }
    }
}

fn text_field(ui: &mut Ui, column: usize, state: &mut TableState, lang: Lang) {
    let mut text = match state.filters.get(&column) {
        Some(ColumnFilter::Text(text)) => text.clone(),
        _ => String::new(),
    };
    ui.label(Text::FilterContains.get(lang));
    let edit = egui::TextEdit::singleline(&mut text).hint_text(Text::FilterExactHint.get(lang));
    if ui.add(edit).changed() {
        state.set_filter(column, ColumnFilter::Text(text));
    }
}

/// Min and max fields; what is typed is kept as typed (so "4." or "-" can be finished) and
/// applied whenever it parses.
fn range_fields(ui: &mut Ui, column: usize, state: &mut TableState, lang: Lang) {
    let (min, max) = match state.filters.get(&column) {
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
            state.set_filter(column, ColumnFilter::Range { min, max });
        }
        ui.data_mut(|d| d.insert_temp(id, texts));
    }
}

fn bound_text(bound: Option<f64>) -> String {
    bound.map(|b| b.to_string()).unwrap_or_default()
}

fn parse_bound(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>().map(Some).map_err(|_| ())
}

/// One chip per active filter (click to remove it), then "clear filters".
fn filter_chips(ui: &mut Ui, state: &mut TableState, table: &Table, lang: Lang) {
    if !state.has_active_filters() {
        return;
    }
    let mut remove = None;
    for (&column, filter) in &state.filters {
        let chip = format!("{} ×", describe_filter(&table.columns[column], filter));
        if ui.small_button(chip).clicked() {
            remove = Some(column);
        }
    }
    if let Some(column) = remove {
        state.filters.remove(&column);
    }
    if ui.button(Text::ClearFilters.get(lang)).clicked() {
        state.clear_filters();
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
            state.hidden.clear();
        }
        for (c, column) in table.columns.iter().enumerate() {
            let mut shown = !state.hidden.contains(&c);
            if ui.checkbox(&mut shown, column.header()).changed() {
                state.set_hidden(c, !shown, count);
            }
        }
    });
}

fn details_grid(ui: &mut Ui, table: &Table, cells: &[crate::model::Cell]) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("details-grid")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (column, cell) in table.columns.iter().zip(cells) {
                    ui.label(RichText::new(column.header()).weak());
                    ui.add(egui::Label::new(cell.as_printed()).wrap());
                    ui.end_row();
                }
            });
    });
}

/// "土地面积合计 … m²" for each summable column over `rows`.
fn sums(table: &Table, index: &TableIndex, rows: &[usize], lang: Lang) -> Vec<String> {
    (0..table.columns.len())
        .filter_map(|c| column_sum(table, index, c, rows))
        .map(|sum| {
            let column = &table.columns[sum.column];
            let unit = column.unit.as_deref().unwrap_or("");
            strings::column_total(lang, &column.title, &sum.to_string(), unit)
        })
        .collect()
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
        state.cycle_sort(6, false);
        assert_eq!(header_text(&table, 6, &state), "地面单价(元/m²) ↑");
        state.cycle_sort(4, true);
        state.cycle_sort(4, true);
        assert_eq!(header_text(&table, 4, &state), "土地面积(m²) ↓2");
        assert_eq!(header_text(&table, 0, &state), "序号");
    }

    #[test]
    fn persistence_keeps_layout_not_selection() {
        let mut view = TableView::default();
        view.set_selection("land-prices", [1, 2], Some(1));
        view.states
            .get_mut("land-prices")
            .unwrap()
            .cycle_sort(6, false);
        view.last_folder = Some(PathBuf::from("/home/clerk"));
        let text = ron::to_string(&view).unwrap();
        let back: TableView = ron::from_str(&text).unwrap();
        let state = back.state("land-prices").unwrap();
        assert_eq!(state.sort.len(), 1);
        assert!(state.selection.rows.is_empty());
        assert_eq!(back.last_folder, Some(PathBuf::from("/home/clerk")));
    }
}
