//! The document reader: an outline that follows the reading position, the text at a readable
//! measure, 专栏 boxes framed, figure placeholders, tables as grids (each with a link to the
//! table view), the find bar (Ctrl+F), and the link to and from the interpretation. The
//! 数据核对 panel lives beside the tables it is about (`doc_tables`), not above the text.
//!
//! Blocks are drawn in the order of `Document::all_blocks`, counting as they go, so outline
//! entries, find matches and search hits (all indices into that list) land on the right block.

use super::Nav;
use super::strings::{Lang, Strings, fill};
use super::tables::{self, CURRENT, CellRef, HIGHLIGHT};
use crate::model::{Attachment, Block, Category, Document, Gazette};
use crate::reader::{FindState, OutlineEntry, block_text, current_entry, outline};
use eframe::egui::{self, Color32, RichText, text::LayoutJob};
use std::ops::Range;

/// Widest the text column grows, in points: about 40 Chinese characters a line.
const MEASURE: f32 = 760.0;
/// Body text size in points.
const BODY_SIZE: f32 = 16.0;
/// Line height as a multiple of the text size: generous, as Chinese prose needs.
const LINE_SPACING: f32 = 1.75;

/// The reading state of one document, kept while the app runs.
#[derive(Debug, Default)]
pub struct DocView {
    /// The outline, computed once.
    pub outline: Vec<OutlineEntry>,
    /// The find bar's query and matches.
    pub find: FindState,
    /// Whether the find bar is shown.
    pub find_open: bool,
    /// 打印…: the PDF of the document being made, or the last one's result.
    pub print: super::print::PrintFlow,
    /// Give the find box keyboard focus on the next frame.
    pub focus_find: bool,
    /// Scroll this block to the top on the next frame.
    pub scroll_to_block: Option<usize>,
    /// Scroll to the very top on the next frame.
    pub scroll_to_top: bool,
    /// Scroll the current find match into view on the next frame.
    scroll_to_match: bool,
    /// The first block on screen in the last frame: where the clerk is reading.
    pub first_visible: usize,
    /// A table cell to mark (a search hit), by table id.
    pub highlight_cell: Option<(String, CellRef)>,
    /// Scroll the marked cell into view on the next frame.
    pub scroll_to_cell: bool,
}

impl DocView {
    /// The reading state of `document` at its start.
    pub fn new(document: Option<&Document>) -> Self {
        DocView {
            outline: document.map(outline).unwrap_or_default(),
            ..Default::default()
        }
    }

    /// Opens the find bar and focuses it (Ctrl+F).
    pub fn open_find(&mut self) {
        self.find_open = true;
        self.focus_find = true;
    }

    /// Opens the find bar on `query` and shows its first match.
    pub fn start_find(&mut self, gazette: &Gazette, document: &Document, query: &str) {
        self.find.set_query(document, &gazette.tables, query, 0);
        self.find_open = true;
        self.scroll_to_match = true;
    }

    /// Shows a search hit: the match at `range` of `block`'s shown text becomes current.
    pub fn show_match(
        &mut self,
        gazette: &Gazette,
        document: &Document,
        block: usize,
        range: std::ops::Range<usize>,
    ) {
        self.find
            .show_range(document, &gazette.tables, block, range);
        self.find_open = true;
        self.scroll_to_match = true;
    }

    fn step(&mut self, forward: bool) {
        if forward {
            self.find.next();
        } else {
            self.find.previous();
        }
        self.scroll_to_match = true;
    }
}

/// Draws `document` with its outline and find bar; returns where a link asked to go.
pub fn show(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    document: &Document,
    view: &mut DocView,
    lang: Lang,
) -> Option<Nav> {
    let text = lang.strings();
    find_keys(ui, view);
    if view.find_open {
        egui::Panel::top(("find-bar", &document.id)).show(ui, |ui| {
            find_bar(ui, gazette, document, view, text);
        });
    }
    egui::Panel::left(("outline", &document.id))
        .default_size(240.0)
        .resizable(true)
        .show(ui, |ui| {
            print_button(ui, gazette, document, view, lang);
            outline_panel(ui, view, text);
        });
    let mut nav = None;
    egui::CentralPanel::default().show(ui, |ui| {
        nav = body(ui, gazette, document, view, lang);
    });
    nav
}

/// F3 / Shift+F3 move between matches; Esc closes the find bar.
fn find_keys(ui: &mut egui::Ui, view: &mut DocView) {
    let (f3, shift, escape) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::F3),
            i.modifiers.shift,
            i.key_pressed(egui::Key::Escape),
        )
    });
    if f3 {
        view.find_open = true;
        view.step(!shift);
    }
    if escape && view.find_open {
        view.find_open = false;
    }
}

fn find_bar(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    document: &Document,
    view: &mut DocView,
    text: &Strings,
) {
    ui.horizontal(|ui| {
        let mut query = view.find.query.clone();
        let (response, changed) =
            super::ime::single_line(ui, &mut query, ("find", &document.id), |edit| {
                edit.hint_text(text.find_hint).desired_width(260.0)
            });
        if view.focus_find {
            response.request_focus();
            view.focus_find = false;
        }
        if changed {
            view.find
                .set_query(document, &gazette.tables, &query, view.first_visible);
            view.scroll_to_match = true;
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter {
            let backwards = ui.input(|i| i.modifiers.shift);
            view.step(!backwards);
            response.request_focus();
        }
        ui.label(RichText::new(view.find.counter()).monospace());
        if ui.button(text.find_previous).clicked() {
            view.step(false);
        }
        if ui.button(text.find_next).clicked() {
            view.step(true);
        }
        if ui.button(text.close).clicked() {
            view.find_open = false;
        }
    });
}

/// 打印… above the outline: the document's printout is copied here and laid out, written and
/// opened on a worker; then the result line.
fn print_button(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    document: &Document,
    view: &mut DocView,
    lang: Lang,
) {
    ui.add_space(6.0);
    let button = egui::Button::new(lang.strings().print);
    if ui.add_enabled(!view.print.is_working(), button).clicked() {
        let printout = crate::print::DocumentPrintout::of(gazette, document);
        let name = super::print::print_file_name(&document.short_title);
        view.print.start(name, move || printout.pdf());
    }
    view.print.ui(ui, lang);
}

fn outline_panel(ui: &mut egui::Ui, view: &mut DocView, text: &Strings) {
    ui.add_space(6.0);
    ui.label(RichText::new(text.outline).strong());
    ui.separator();
    if view.outline.is_empty() {
        ui.label(RichText::new(text.outline_empty).weak());
        return;
    }
    let current = current_entry(&view.outline, view.first_visible);
    let mut jump = None;
    egui::ScrollArea::vertical()
        .id_salt("outline-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, entry) in view.outline.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.add_space(f32::from(entry.level.saturating_sub(1)) * 12.0);
                    let selected = current == Some(index);
                    let response = ui.add(egui::Button::selectable(
                        selected,
                        RichText::new(&entry.label).strong_if(entry.level <= 1),
                    ));
                    if selected && view.scroll_to_block.is_none() {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        jump = Some(entry.block);
                    }
                });
            }
        });
    if let Some(block) = jump {
        view.scroll_to_block = Some(block);
    }
}

/// `RichText::strong` when `strong` holds.
trait StrongIf {
    fn strong_if(self, strong: bool) -> Self;
}

impl StrongIf for RichText {
    fn strong_if(self, strong: bool) -> Self {
        if strong { self.strong() } else { self }
    }
}

fn body(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    document: &Document,
    view: &mut DocView,
    lang: Lang,
) -> Option<Nav> {
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("reader", &document.id))
        .auto_shrink([false, false]);
    if std::mem::take(&mut view.scroll_to_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    let mut nav = None;
    scroll.show(ui, |ui| {
        let available = ui.available_width();
        let measure = available.min(MEASURE);
        let margin = ((available - measure) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_max_width(measure);
                nav = column(ui, gazette, document, view, lang);
            });
        });
    });
    nav
}

/// The text column: head, links, cross-check, body, signature date, attachments.
fn column(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    document: &Document,
    view: &mut DocView,
    lang: Lang,
) -> Option<Nav> {
    let text = lang.strings();
    let nav = head(ui, gazette, document, text);
    let mut drawer = Drawer {
        gazette,
        view,
        text,
        lang,
        index: 0,
        first_visible: None,
        clip_top: ui.clip_rect().top(),
        nav: None,
    };
    drawer.blocks(ui, &document.body);
    if let Some(date) = &document.date {
        ui.add_space(12.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.label(RichText::new(date.chinese()).size(BODY_SIZE));
        });
    }
    for attachment in &document.attachments {
        drawer.attachment(ui, attachment);
    }
    let last = drawer.index.saturating_sub(1);
    let nav = nav.or(drawer.nav.take());
    view.first_visible = drawer.first_visible.unwrap_or(last);
    // Room below the end, so the last headings can still be scrolled to the top when jumped to.
    ui.add_space(ui.clip_rect().height() * 0.8);
    nav
}

/// Title, number, facts and the link between a document and its interpretation.
fn head(ui: &mut egui::Ui, gazette: &Gazette, document: &Document, text: &Strings) -> Option<Nav> {
    let mut nav = None;
    ui.add_space(12.0);
    ui.vertical_centered(|ui| {
        let slot = ui.scope_id().with(("title", &document.id));
        super::kinsoku::title(ui, slot, &document.title, 24.0);
        if let Some(number) = &document.number {
            ui.label(RichText::new(number).size(BODY_SIZE));
        }
    });
    ui.add_space(6.0);
    let facts = document_facts(document, text);
    if !facts.is_empty() {
        ui.label(RichText::new(facts).weak());
    }
    if let Some((label, target)) = interpretation_link(gazette, document, text)
        && ui.link(label).clicked()
    {
        nav = Some(Nav::Document(target));
    }
    ui.separator();
    if let Some(addressees) = &document.addressees {
        ui.label(RichText::new(format!("{addressees}：")).size(BODY_SIZE));
    }
    nav
}

fn document_facts(document: &Document, text: &Strings) -> String {
    let mut facts = Vec::new();
    if !document.issuer.is_empty() {
        facts.push(format!("{}：{}", text.doc_issuer, document.issuer));
    }
    if let Some(date) = &document.date {
        facts.push(format!("{}：{}", text.doc_date, date.chinese()));
    }
    if let Some(page) = document.page {
        facts.push(format!("{}：{}", text.doc_page, page));
    }
    facts.join("　　")
}

/// The link text and target between a document and its interpretation, whichever way it goes.
fn interpretation_link(
    gazette: &Gazette,
    document: &Document,
    text: &Strings,
) -> Option<(String, String)> {
    if let Some(id) = &document.interpretation {
        gazette.document(id)?;
        return Some((text.read_interpretation.to_owned(), id.clone()));
    }
    let id = document.interprets.as_ref()?;
    let target = gazette.document(id)?;
    Some((fill(text.back_to_document, &target.short_title), id.clone()))
}

/// Draws blocks in reading order, counting them as `all_blocks` does.
struct Drawer<'a> {
    gazette: &'a Gazette,
    view: &'a mut DocView,
    text: &'a Strings,
    lang: Lang,
    index: usize,
    first_visible: Option<usize>,
    clip_top: f32,
    /// Where a link in a block asked to go ("open in table view").
    nav: Option<Nav>,
}

impl Drawer<'_> {
    fn attachment(&mut self, ui: &mut egui::Ui, attachment: &Attachment) {
        ui.add_space(24.0);
        let start = ui.cursor().top();
        if let Some(label) = &attachment.label {
            ui.label(RichText::new(label).size(BODY_SIZE).strong());
        }
        ui.vertical_centered(|ui| {
            let slot = ui.scope_id().with(("attachment-title", self.index));
            super::kinsoku::title(ui, slot, &attachment.title, 20.0);
        });
        ui.add_space(8.0);
        if self.view.scroll_to_block == Some(self.index) && !attachment.body.is_empty() {
            let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), start..=start + 1.0);
            ui.scroll_to_rect(rect, Some(egui::Align::TOP));
            self.view.scroll_to_block = None;
        }
        self.blocks(ui, &attachment.body);
    }

    fn blocks(&mut self, ui: &mut egui::Ui, blocks: &[Block]) {
        for block in blocks {
            self.block(ui, block);
        }
    }

    fn block(&mut self, ui: &mut egui::Ui, block: &Block) {
        let index = self.index;
        self.index += 1;
        let response = match block {
            Block::Box { blocks, .. } => self.boxed(ui, block, blocks),
            Block::Table { table } => self.table(ui, table),
            _ => self.text_block(ui, block, index),
        };
        self.place(ui, index, response.rect);
    }

    /// Records where block `index` landed: the reading position and pending jumps.
    fn place(&mut self, ui: &mut egui::Ui, index: usize, rect: egui::Rect) {
        if self.first_visible.is_none() && rect.bottom() > self.clip_top + 4.0 {
            self.first_visible = Some(index);
        }
        if self.view.scroll_to_block == Some(index) {
            ui.scroll_to_rect(rect, Some(egui::Align::TOP));
            self.view.scroll_to_block = None;
        }
    }

    fn text_block(&mut self, ui: &mut egui::Ui, block: &Block, index: usize) -> egui::Response {
        let shown = block_text(block).unwrap_or_default();
        let marks = self.marks(index);
        let (size, strong, indent) = match block {
            Block::Heading { level, .. } => (heading_size(*level), true, false),
            Block::Paragraph { .. } => (BODY_SIZE, false, true),
            _ => (BODY_SIZE, false, false),
        };
        if matches!(block, Block::Heading { .. }) {
            ui.add_space(size * 0.5);
        }
        let job = layout(ui, &shown, &marks, size, strong, indent);
        let response = if let Block::Figure { .. } = block {
            self.figure(ui, job)
        } else {
            let slot = ui.scope_id().with(("block-text", index));
            let galley = super::kinsoku::wrapped(ui, slot, job, ui.available_width());
            ui.add(egui::Label::new(galley))
        };
        ui.add_space(BODY_SIZE * 0.5);
        self.scroll_to_current_match(&response, index);
        response
    }

    /// Highlight ranges of the find matches in block `index`, and which one is current.
    fn marks(&self, index: usize) -> Vec<(Range<usize>, bool)> {
        let find = &self.view.find;
        let current = find.current;
        find.matches
            .iter()
            .enumerate()
            .filter(|(_, m)| m.block == index && m.cell.is_none())
            .map(|(i, m)| (m.range.clone(), Some(i) == current))
            .collect()
    }

    /// The cells of table block `index` holding find matches, and whether each is the current
    /// one; a cell with several matches is listed once, current if any of them is.
    fn cell_marks(&self, index: usize) -> Vec<(CellRef, bool)> {
        let find = &self.view.find;
        let mut marks: Vec<(CellRef, bool)> = Vec::new();
        for (i, found) in find.matches.iter().enumerate() {
            let Some(cell) = found.cell.filter(|_| found.block == index) else {
                continue;
            };
            let cell = CellRef {
                row: cell.row,
                column: cell.column,
            };
            let current = Some(i) == find.current;
            match marks.iter_mut().find(|(c, _)| *c == cell) {
                Some(mark) => mark.1 |= current,
                None => marks.push((cell, current)),
            }
        }
        marks
    }

    fn scroll_to_current_match(&mut self, response: &egui::Response, index: usize) {
        let is_current = self.view.find.current_match().map(|m| m.block) == Some(index);
        if is_current && self.view.scroll_to_match {
            response.scroll_to_me(Some(egui::Align::Center));
            self.view.scroll_to_match = false;
            self.view.scroll_to_block = None;
        }
    }

    fn figure(&mut self, ui: &mut egui::Ui, caption: LayoutJob) -> egui::Response {
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .corner_radius(4.0)
            .inner_margin(16.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.vertical_centered(|ui| {
                    ui.add(egui::Label::new(caption).wrap());
                    ui.label(RichText::new(self.text.figure_placeholder).weak());
                });
            })
            .response
    }

    fn boxed(&mut self, ui: &mut egui::Ui, block: &Block, inner: &[Block]) -> egui::Response {
        let index = self.index - 1;
        let title = block_text(block).unwrap_or_default();
        let marks = self.marks(index);
        let response = egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, Color32::from_rgb(180, 60, 60)))
            .inner_margin(14.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let job = layout(ui, &title, &marks, BODY_SIZE + 1.0, true, false);
                let heading = ui.add(egui::Label::new(job).wrap());
                self.scroll_to_current_match(&heading, index);
                ui.add_space(6.0);
                self.blocks(ui, inner);
            })
            .response;
        ui.add_space(BODY_SIZE * 0.5);
        response
    }

    fn table(&mut self, ui: &mut egui::Ui, id: &str) -> egui::Response {
        let index = self.index - 1;
        let Some(table) = self.gazette.table(id) else {
            return ui.label(RichText::new(id).weak());
        };
        let mut marks = self.cell_marks(index);
        let mut scroll_to = None;
        if let Some((table_id, cell)) = &self.view.highlight_cell
            && table_id == id
        {
            marks.push((*cell, true));
            if std::mem::take(&mut self.view.scroll_to_cell) {
                scroll_to = Some(*cell);
            }
        }
        let current_match = self.view.find.current_match().filter(|m| m.block == index);
        if let Some(cell) = current_match.and_then(|m| m.cell)
            && std::mem::take(&mut self.view.scroll_to_match)
        {
            scroll_to = Some(CellRef {
                row: cell.row,
                column: cell.column,
            });
        }
        if scroll_to.is_some() {
            self.view.scroll_to_block = None;
        }
        let lang = self.lang;
        let response = ui
            .scope(|ui| {
                // Above the grid, so the link is on screen where a long table starts.
                let link = super::table_strings::Text::OpenInTableView.get(lang);
                if ui.link(link).clicked() {
                    self.nav = Some(Nav::Table {
                        table: id.to_owned(),
                        row: None,
                    });
                }
                tables::show_table_marked(ui, table, &marks, scroll_to);
            })
            .response;
        ui.add_space(BODY_SIZE);
        response
    }
}

fn heading_size(level: u8) -> f32 {
    match level {
        1 => 20.0,
        2 => 18.0,
        _ => BODY_SIZE + 1.0,
    }
}

/// The text laid out at `size`, with find matches highlighted and, for paragraphs, the
/// customary two-character first-line indent.
fn layout(
    ui: &egui::Ui,
    text: &str,
    marks: &[(Range<usize>, bool)],
    size: f32,
    strong: bool,
    indent: bool,
) -> LayoutJob {
    let color = if strong {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let format = egui::TextFormat {
        font_id: egui::FontId::proportional(size),
        color,
        line_height: Some(size * LINE_SPACING),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    if indent {
        job.append("\u{3000}\u{3000}", 0.0, format.clone());
    }
    let mut at = 0;
    for (range, current) in marks {
        if range.start < at || range.end > text.len() {
            continue;
        }
        job.append(&text[at..range.start], 0.0, format.clone());
        let mut marked = format.clone();
        marked.background = if *current { CURRENT } else { HIGHLIGHT };
        marked.color = Color32::BLACK;
        job.append(&text[range.clone()], 0.0, marked);
        at = range.end;
    }
    job.append(&text[at..], 0.0, format);
    job
}

/// The row of interpretations on the 政策解读 tab; returns the one clicked.
pub fn interpretation_picker(
    ui: &mut egui::Ui,
    gazette: &Gazette,
    selected: &str,
    lang: Lang,
) -> Option<Nav> {
    let mut nav = None;
    egui::Panel::top("interpretation-picker").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(lang.strings().interpretations_list).weak());
            for document in &gazette.documents {
                if document.category != Category::Interpretation {
                    continue;
                }
                let is_selected = document.id == selected;
                if ui
                    .selectable_label(
                        is_selected,
                        super::strings::short_title(lang, &document.short_title),
                    )
                    .clicked()
                    && !is_selected
                {
                    nav = Some(Nav::Document(document.id.clone()));
                }
            }
        });
    });
    nav
}
