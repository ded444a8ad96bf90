//! Whole-issue search (Ctrl+K): the box in the top bar and the results panel. The matching is
//! `crate::search`'s; this only shows hits grouped by where they are and turns a click into
//! navigation that opens the place and marks the match.

use super::Nav;
use super::strings::{Lang, Strings, fill};
use super::tables::HIGHLIGHT;
use crate::model::Gazette;
use crate::search::{Place, SearchHit, SearchIndex};
use eframe::egui::{self, Color32, RichText, text::LayoutJob};

/// Most hits listed; the count above the list still tells how many there are.
const LIMIT: usize = 300;

/// The search box's text, its hits and whether the results panel is shown.
pub struct SearchPanel {
    index: SearchIndex,
    query: String,
    hits: Vec<SearchHit>,
    total: usize,
    open: bool,
    focus: bool,
}

impl SearchPanel {
    /// An empty search over `gazette`, its index built once.
    pub fn new(gazette: &Gazette) -> Self {
        SearchPanel {
            index: SearchIndex::new(gazette),
            query: String::new(),
            hits: Vec::new(),
            total: 0,
            open: false,
            focus: false,
        }
    }

    /// Gives the search box keyboard focus on the next frame (Ctrl+K).
    pub fn request_focus(&mut self) {
        self.focus = true;
    }

    /// Whether the results panel is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The search box of the top bar; Enter opens the first hit.
    pub fn search_box(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Nav> {
        let edit = egui::TextEdit::singleline(&mut self.query)
            .hint_text(lang.strings().search_hint)
            .desired_width(280.0);
        let response = ui.add(edit);
        if std::mem::take(&mut self.focus) {
            response.request_focus();
        }
        // Back in the box (Ctrl+K or a click), the clerk gets the results of what is typed.
        if response.gained_focus() {
            self.open = !self.query.trim().is_empty();
        }
        // Half-typed pinyin is not searched for; the committed characters are.
        if response.changed() && !super::ime::composing(ui.ctx()) {
            self.refresh();
        }
        if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.open = false;
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        (enter && !self.hits.is_empty()).then(|| self.go_to(0))
    }

    /// Where hit `index` goes. A table needs the width the results take: for a cell the list
    /// closes, and the search box brings it back with the same hits.
    fn go_to(&mut self, index: usize) -> Nav {
        if matches!(self.hits[index].place, Place::Cell { .. }) {
            self.open = false;
        }
        nav_for(&self.hits, index)
    }

    /// A search over a newly opened `gazette` that keeps what the clerk typed and whether the
    /// results were shown, with the hits of the new issue.
    pub fn for_new_issue(&self, gazette: &Gazette) -> Self {
        let mut panel = SearchPanel::new(gazette);
        panel.set_query(&self.query);
        panel.open = self.open;
        panel
    }

    /// Types `query` into the search box and lists its hits.
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_owned();
        self.refresh();
    }

    fn refresh(&mut self) {
        self.hits = self.index.search(&self.query, LIMIT);
        self.total = self.index.count(&self.query);
        self.open = !self.query.trim().is_empty();
    }

    /// The results panel; returns the place of a clicked hit.
    pub fn results(&mut self, ui: &mut egui::Ui, gazette: &Gazette, lang: Lang) -> Option<Nav> {
        let text = lang.strings();
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(text.search_results).strong());
            ui.label(self.summary(text));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(text.close).clicked() {
                    self.open = false;
                }
            });
        });
        self.skipped_tables_note(ui, gazette, text);
        ui.separator();
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("search-results")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut group = None;
                for (index, hit) in self.hits.iter().enumerate() {
                    let name = group_name(gazette, &hit.place, text);
                    if group.as_ref() != Some(&name) {
                        ui.add_space(6.0);
                        ui.label(RichText::new(&name).strong());
                        group = Some(name);
                    }
                    if hit_row(ui, gazette, hit, text).clicked() {
                        clicked = Some(index);
                    }
                }
            });
        clicked.map(|index| self.go_to(index))
    }

    /// Names the tables the search left out for their size, and where to search them instead.
    fn skipped_tables_note(&self, ui: &mut egui::Ui, gazette: &Gazette, text: &Strings) {
        let skipped = self.index.skipped_tables();
        if skipped.is_empty() {
            return;
        }
        let titles: Vec<&str> = skipped
            .iter()
            .map(|id| gazette.table(id).map_or(id.as_str(), |t| t.title.as_str()))
            .collect();
        ui.add(
            egui::Label::new(
                RichText::new(fill(text.search_skipped_tables, titles.join("、")))
                    .small()
                    .weak(),
            )
            .wrap(),
        );
    }

    fn summary(&self, text: &Strings) -> String {
        if self.total == 0 {
            return text.search_none.to_owned();
        }
        let mut summary = fill(text.search_count, self.total);
        if self.hits.len() < self.total {
            summary.push_str(&fill(text.search_capped, self.hits.len()));
        }
        summary
    }
}

/// The heading a hit is listed under: its document, its table, or the cover.
fn group_name(gazette: &Gazette, place: &Place, text: &Strings) -> String {
    let document_title = |id: &str| {
        gazette
            .document(id)
            .map_or_else(|| id.to_owned(), |d| d.short_title.clone())
    };
    match place {
        Place::Block { document, .. } | Place::Document { document } => document_title(document),
        Place::Cell { table, .. } => {
            let title = gazette.table(table).map_or(table.as_str(), |t| &t.title);
            fill(text.search_group_table, title)
        }
        Place::Overview => text.search_group_overview.to_owned(),
    }
}

/// One hit: its context with the match marked, and for a cell its row and column.
fn hit_row(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    hit: &SearchHit,
    text: &Strings,
) -> egui::Response {
    let mut job = LayoutJob::default();
    let format = egui::TextFormat {
        font_id: egui::FontId::proportional(14.0),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    if let Place::Cell { table, row, column } = &hit.place {
        let header = gazette
            .table(table)
            .and_then(|t| t.columns.get(*column))
            .map_or_else(String::new, |c| c.title.clone());
        let mut weak = format.clone();
        weak.color = ui.visuals().weak_text_color();
        job.append(
            &format!("{} · {header}：", fill(text.search_cell_row, row + 1)),
            0.0,
            weak,
        );
    }
    let context = &hit.context;
    let range = hit.match_range.clone();
    if context.get(range.clone()).is_some() {
        job.append(&context[..range.start], 0.0, format.clone());
        let mut marked = format.clone();
        marked.background = HIGHLIGHT;
        marked.color = Color32::BLACK;
        job.append(&context[range.clone()], 0.0, marked);
        job.append(&context[range.end..], 0.0, format);
    } else {
        job.append(context, 0.0, format);
    }
    let button = egui::Button::new(job).frame(false).wrap();
    let response = ui.add(button);
    ui.add_space(2.0);
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// Where clicking hit `index` goes; for a block, the match to mark is the hit's own place.
fn nav_for(hits: &[SearchHit], index: usize) -> Nav {
    let hit = &hits[index];
    match &hit.place {
        Place::Block { document, block } => Nav::Block {
            document: document.clone(),
            block: *block,
            mark: Some(hit.range.clone()),
        },
        Place::Cell { table, row, column } => Nav::Cell {
            table: table.clone(),
            row: *row,
            column: *column,
        },
        Place::Document { document } => Nav::Document(document.clone()),
        Place::Overview => Nav::Tab(super::Tab::Overview),
    }
}
