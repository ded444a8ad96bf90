//! The tables of a document in the window: a view switch above a document that owns tables
//! (正文 · 表格 · 示意图), the one [`TableView`] that serves every table of the issue, the
//! schematic of the benchmark regions, and the 数据核对 panel beside the tables it is about.
//!
//! The shell keeps one [`DocTables`] and persists it, so per-table state (sort keys, column
//! widths) and each document's chosen view survive a restart.

use super::schematic_view::{SchematicView, has_schematic};
use super::strings::Lang as ShellLang;
use super::table_strings::{self as strings, Lang, Text};
use super::table_view::TableView;
use crate::model::crosscheck::{
    CrossCheckNote, Finding, REGION_CODE_COLUMN, USE_COLUMN, crosscheck,
};
use crate::model::{Document, Gazette, Table};
use crate::table::Store;
use eframe::egui::{self, RichText};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The 数据核对 list grows to at least this before it scrolls (see [`CROSSCHECK_SHARE`]).
const CROSSCHECK_HEIGHT: f32 = 200.0;

/// The share of the height below the bars the notes may take when that is more: room to read
/// the long lists of differing codes.
const CROSSCHECK_SHARE: f32 = 0.45;

/// Room the table picker's drop-down leaves on its line for the 数据核对 button.
const CROSSCHECK_BUTTON_ROOM: f32 = 170.0;

/// Which view of a document is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocMode {
    /// The reader (正文).
    #[default]
    Text,
    /// The interactive table view (表格).
    Table,
    /// The schematic of the benchmark regions (示意图).
    Schematic,
}

impl DocMode {
    /// The mode a command-line or environment name means: `text`, `table` or `schematic`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim() {
            "text" => Some(DocMode::Text),
            "table" => Some(DocMode::Table),
            "schematic" => Some(DocMode::Schematic),
            _ => None,
        }
    }

    fn label(self) -> Text {
        match self {
            DocMode::Text => Text::ViewText,
            DocMode::Table => Text::ViewTable,
            DocMode::Schematic => Text::ViewSchematic,
        }
    }
}

/// The table side of every document: one table view, one schematic, and per document the view
/// shown and the table chosen.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DocTables {
    /// Query, layout and selection of every table, borrowed by the table view and the
    /// schematic alike.
    store: Store,
    table_view: TableView,
    schematic: SchematicView,
    modes: BTreeMap<String, DocMode>,
    chosen: BTreeMap<String, String>,
    #[serde(skip)]
    notes: Option<Vec<CrossCheckNote>>,
    /// Whether 数据核对's notes are shown above the table (its button sits in the view switch).
    #[serde(skip)]
    crosscheck_open: bool,
    /// The generation of the file the cross-check notes, the layout and the issue label were
    /// computed from (see [`Store::generation`]).
    #[serde(skip)]
    computed_for: Option<u64>,
}

impl DocTables {
    /// The one table view.
    pub fn table_view(&self) -> &TableView {
        &self.table_view
    }

    /// Ctrl+F while `document` shows its table: focuses the quick filter and returns true;
    /// false when the document shows its text (the reader's find bar takes Ctrl+F then).
    pub fn find_in_table(&mut self, gazette: &Gazette, document: &str) -> bool {
        let in_table = self.mode(gazette, document) == DocMode::Table;
        if in_table {
            self.table_view.focus_quick_filter();
        }
        in_table
    }

    /// Query, layout and selection of every table.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Another file was opened in place of the issue: what was computed from the old one goes.
    pub fn opened_another_file(&mut self) {
        self.store.opened_another_file();
    }

    /// Hands the open gazette to the table view, so big tables sort and filter on a worker
    /// while the window keeps painting (see [`TableView::share`]). Cheap when unchanged.
    pub fn share(&mut self, gazette: std::sync::Arc<Gazette>) {
        self.table_view.share(gazette);
    }

    /// The schematic's view state (layers, what it highlighted last).
    pub fn schematic(&self) -> &SchematicView {
        &self.schematic
    }

    /// The schematic's view state, to change layers from outside (tests, options).
    pub fn schematic_mut(&mut self) -> &mut SchematicView {
        &mut self.schematic
    }

    /// The view shown for `document`: text unless it owns tables and another was chosen.
    pub fn mode(&self, gazette: &Gazette, document: &str) -> DocMode {
        let mode = self.modes.get(document).copied().unwrap_or_default();
        let tables = tables_of(gazette, document);
        match mode {
            DocMode::Table if tables.is_empty() => DocMode::Text,
            DocMode::Schematic if !tables.iter().any(|t| has_schematic(t)) => DocMode::Text,
            mode => mode,
        }
    }

    /// Shows `document` in `mode` (ignored later by [`DocTables::mode`] if it does not apply).
    pub fn set_mode(&mut self, document: &str, mode: DocMode) {
        self.modes.insert(document.to_owned(), mode);
    }

    /// Opens table `table_id` in the table view of its document, selecting and focusing `row`
    /// when given (a search hit, or "open in table view"). Returns the document's id.
    pub fn open_table(
        &mut self,
        gazette: &Gazette,
        table_id: &str,
        row: Option<usize>,
    ) -> Option<String> {
        let table = gazette.table(table_id)?;
        self.modes.insert(table.document.clone(), DocMode::Table);
        self.chosen
            .insert(table.document.clone(), table_id.to_owned());
        if let Some(row) = row.filter(|&r| r < table.rows.len()) {
            self.store.select(table_id, [row], Some(row));
        }
        Some(table.document.clone())
    }

    /// Opens table `table_id` in the table view and lands on cell (`row`, `column`), a search
    /// hit: the row selected, the cell scrolled into sight both ways and marked. Returns the
    /// document's id.
    pub fn land_on_cell(
        &mut self,
        gazette: &Gazette,
        table_id: &str,
        row: usize,
        column: usize,
    ) -> Option<String> {
        let document = self.open_table(gazette, table_id, None)?;
        let table = gazette.table(table_id)?;
        if row < table.rows.len() && column < table.columns.len() {
            self.store.land_on_cell(table_id, row, column);
        }
        Some(document)
    }

    /// The table chosen for `document` (the first, land-prices first, until another is).
    pub fn chosen_table<'g>(&self, gazette: &'g Gazette, document: &str) -> Option<&'g Table> {
        let tables = tables_of(gazette, document);
        self.chosen
            .get(document)
            .and_then(|id| tables.iter().find(|t| &t.id == id).copied())
            .or_else(|| tables.first().copied())
    }

    /// Whether the export's save dialog can appear; without it the export dialog offers a path
    /// field ([`crate::desktop`]).
    pub fn set_dialog_support(&mut self, dialogs: crate::desktop::DialogSupport) {
        self.table_view.dialogs = dialogs;
    }

    /// The program that opens a folder after an export; `None` shows the folder's path.
    pub fn set_folder_opener(&mut self, opener: Option<&'static str>) {
        self.table_view.folder_opener = opener;
    }

    /// Draws the view switch above a document that owns tables and, unless the text is
    /// chosen, the table view or the schematic. Returns true when it drew the content, false
    /// when the shell should draw the reader.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        gazette: &Gazette,
        document: &Document,
        shell_lang: ShellLang,
    ) -> bool {
        let lang = shell_lang;
        self.forget_if_replaced(gazette);
        self.table_view.lang = lang;
        let tables = tables_of(gazette, &document.id);
        if tables.is_empty() {
            return false;
        }
        self.switch_bar(ui, gazette, document, &tables, lang);
        match self.mode(gazette, &document.id) {
            DocMode::Text => false,
            DocMode::Table => {
                self.table_mode(ui, gazette, document, &tables, shell_lang);
                true
            }
            DocMode::Schematic => {
                if let Some(table) = tables.iter().find(|t| has_schematic(t)) {
                    self.schematic.show(ui, table, &mut self.store, lang);
                }
                true
            }
        }
    }

    /// 正文 · 表格 · 示意图 on one line with, in the table view, the table picker and the
    /// 数据核对 button (so a small screen keeps its height for rows), and in the text view the
    /// line pointing to the cross-check.
    fn switch_bar(
        &mut self,
        ui: &mut egui::Ui,
        gazette: &Gazette,
        document: &Document,
        tables: &[&Table],
        lang: Lang,
    ) {
        let current = self.mode(gazette, &document.id);
        let schematic = tables.iter().any(|t| has_schematic(t));
        let findings = if shows_crosscheck(tables) {
            self.notes(gazette).len()
        } else {
            0
        };
        let chosen = self
            .chosen_table(gazette, &document.id)
            .map(|t| t.id.clone());
        let mut picked = None;
        let mut picked_table = None;
        let mut open_crosscheck = false;
        let mut toggle_crosscheck = false;
        egui::Panel::top(("doc-view-switch", &document.id)).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for mode in [DocMode::Text, DocMode::Table, DocMode::Schematic] {
                    if mode == DocMode::Schematic && !schematic {
                        continue;
                    }
                    let label = RichText::new(mode.label().get(lang)).size(15.0);
                    if ui.selectable_label(current == mode, label).clicked() {
                        picked = Some(mode);
                    }
                }
                if current == DocMode::Table && tables.len() > 1 {
                    ui.separator();
                    picked_table = table_picker(ui, &document.id, tables, chosen.as_deref(), lang);
                }
                if current == DocMode::Table && shows_crosscheck(tables) {
                    ui.separator();
                    let label = RichText::new(strings::crosscheck_header(lang, findings));
                    toggle_crosscheck = ui.selectable_label(self.crosscheck_open, label).clicked();
                }
                if current == DocMode::Text && findings > 0 {
                    ui.separator();
                    let line = strings::crosscheck_line(lang, findings);
                    let link =
                        egui::Link::new(RichText::new(line).color(ui.visuals().warn_fg_color));
                    open_crosscheck = ui.add(link).clicked();
                }
            });
        });
        if toggle_crosscheck {
            self.crosscheck_open = !self.crosscheck_open;
        }
        if let Some(id) = picked_table {
            self.chosen.insert(document.id.clone(), id);
        }
        if open_crosscheck {
            picked = Some(DocMode::Table);
            self.crosscheck_open = true;
            if let Some(main) = tables.iter().find(|t| has_schematic(t)) {
                self.chosen.insert(document.id.clone(), main.id.clone());
            }
        }
        if let Some(mode) = picked {
            self.set_mode(&document.id, mode);
        }
    }

    /// The cross-check panel (for the land-price tables, when opened) and the table.
    fn table_mode(
        &mut self,
        ui: &mut egui::Ui,
        gazette: &Gazette,
        document: &Document,
        tables: &[&Table],
        shell_lang: ShellLang,
    ) {
        let Some(table) = self.chosen_table(gazette, &document.id) else {
            return;
        };
        if shows_crosscheck(tables) && self.crosscheck_open {
            self.crosscheck_panel(ui, gazette, &document.id, shell_lang);
        }
        self.table_view.show(ui, &mut self.store, table);
        // A double-click or 在示意图中查看: the schematic takes the row next frame.
        if self.store.wants_map(&table.id) {
            self.set_mode(&document.id, DocMode::Schematic);
            ui.ctx().request_repaint();
        }
    }

    /// Drops what was computed from another file than the one open now.
    fn forget_if_replaced(&mut self, gazette: &Gazette) {
        let generation = self.store.generation();
        if self.computed_for != Some(generation) {
            self.computed_for = Some(generation);
            self.notes = None;
            self.schematic.forget_layout();
            self.table_view.issue_label = crate::export::issue_label(&gazette.issue);
        }
    }

    /// The cross-check notes, computed once per gazette.
    fn notes(&mut self, gazette: &Gazette) -> &[CrossCheckNote] {
        self.notes.get_or_insert_with(|| crosscheck(gazette))
    }

    /// 数据核对 as a collapsible strip above the table: its header always shows the count.
    fn crosscheck_panel(
        &mut self,
        ui: &mut egui::Ui,
        gazette: &Gazette,
        document: &str,
        shell_lang: ShellLang,
    ) {
        let text = shell_lang.strings();
        let notes = self.notes(gazette).to_vec();
        egui::Panel::top(("crosscheck-strip", document)).show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(text.crosscheck_intro).weak()).wrap());
            if notes.is_empty() {
                ui.label(text.crosscheck_none);
            }
            egui::ScrollArea::vertical()
                .id_salt("crosscheck-notes")
                .max_height(CROSSCHECK_HEIGHT.max(ui.available_height() * CROSSCHECK_SHARE))
                .auto_shrink([false, true])
                .show(ui, |ui| notes_list(ui, &notes));
        });
    }
}

/// The tables of a document to choose from: their titles side by side where they fit on the
/// line, else one drop-down list. Returns the table picked.
fn table_picker(
    ui: &mut egui::Ui,
    document: &str,
    tables: &[&Table],
    chosen: Option<&str>,
    lang: Lang,
) -> Option<String> {
    let mut picked = None;
    ui.label(RichText::new(Text::TablePicker.get(lang)).weak());
    let font = egui::TextStyle::Button.resolve(ui.style());
    let needed: f32 = tables
        .iter()
        .map(|t| {
            let galley = ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(t.title.clone(), font.clone(), egui::Color32::PLACEHOLDER)
            });
            galley.size().x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
        })
        .sum();
    if needed + CROSSCHECK_BUTTON_ROOM <= ui.available_size_before_wrap().x {
        for candidate in tables {
            let selected = Some(candidate.id.as_str()) == chosen;
            if ui.selectable_label(selected, &candidate.title).clicked() {
                picked = Some(candidate.id.clone());
            }
        }
        return picked;
    }
    let current = tables
        .iter()
        .find(|t| Some(t.id.as_str()) == chosen)
        .map_or("", |t| t.title.as_str());
    let shown = egui::ComboBox::from_id_salt(("table-picker", document))
        .selected_text(current)
        .width((ui.available_size_before_wrap().x - CROSSCHECK_BUTTON_ROOM).max(160.0))
        .truncate()
        .show_ui(ui, |ui| {
            for candidate in tables {
                let selected = Some(candidate.id.as_str()) == chosen;
                if ui.selectable_label(selected, &candidate.title).clicked() {
                    picked = Some(candidate.id.clone());
                }
            }
        });
    // Named by the label before it, for screen readers.
    let name = Text::TablePicker.get(lang);
    shown
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
    picked
}

/// The tables a document owns, the one the schematic draws from first.
pub fn tables_of<'g>(gazette: &'g Gazette, document: &str) -> Vec<&'g Table> {
    let mut tables: Vec<&Table> = gazette
        .tables
        .iter()
        .filter(|t| t.document == document)
        .collect();
    tables.sort_by_key(|t| !has_schematic(t));
    tables
}

/// Whether the tables include the land-price table the cross-checks are about.
fn shows_crosscheck(tables: &[&Table]) -> bool {
    tables.iter().any(|t| {
        t.column_index(USE_COLUMN).is_some() && t.column_index(REGION_CODE_COLUMN).is_some()
    })
}

/// The cross-check notes, each subject once with its findings under it: a difference in the
/// warning colour, a confirmation in plain weak text, so only what needs a look stands out.
fn notes_list(ui: &mut egui::Ui, notes: &[CrossCheckNote]) {
    let mut subject = None;
    for note in notes {
        if subject != Some(&note.subject) {
            subject = Some(&note.subject);
            ui.add_space(4.0);
            ui.add(egui::Label::new(RichText::new(&note.subject).strong()).wrap());
        }
        let text = match note.finding {
            Finding::Differs => {
                RichText::new(format!("▲ {}", note.message)).color(ui.visuals().warn_fg_color)
            }
            Finding::Agrees => RichText::new(format!("• {}", note.message)).weak(),
        };
        ui.add(egui::Label::new(text).wrap());
    }
}
