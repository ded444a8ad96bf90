//! The browser window: eframe / egui over the model, with no logic of its own beyond turning
//! clicks into navigation. Tabs come from the data: 概览, one per document, and 政策解读.
//!
//! [`run`] opens the native window; [`App`] can also be built headless (egui_kittest) with
//! [`App::new`].

pub mod doc_tables;
pub mod file_strings;
mod fonts;
mod icon;
mod ime;
mod kinsoku;
pub mod notices;
mod open_file;
mod overview;
pub mod print;
mod reader;
pub mod schematic_view;
mod search_panel;
pub mod settings;
pub mod strings;
mod table_cells;
pub mod table_export;
pub mod table_strings;
pub mod table_view;
pub mod tables;

pub use fonts::{FONT_NAME, NOTO_SANS_SC};
pub use icon::icon;

use crate::desktop;
use crate::model::{Block, Category, Document, Gazette};
use crate::startup::window_fit;
use doc_tables::{DocMode, DocTables};
use eframe::egui;
use notices::{Notice, Notices};
use open_file::{FileAction, Files};
use reader::DocView;
use search_panel::SearchPanel;
use serde::{Deserialize, Serialize};
use settings::Settings;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use strings::Lang;
use tables::CellRef;

/// The app id: names the settings folder and, on Linux desktops, matches the .desktop file.
pub const APP_ID: &str = "gazette-browser";

/// Storage key of the table side: table view state, each document's view.
const KEY_DOC_TABLES: &str = "doc-tables";

/// How to open the window, beyond the gazette itself.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Open this tab instead of the one remembered from the last run: `overview`,
    /// `interpretations`, or a document id (see `gazette-browser docs`). Lets a shortcut or a
    /// screenshot open straight on a document.
    pub tab: Option<String>,
    /// Interface language for this run, overriding the remembered one.
    pub lang: Option<Lang>,
    /// Start with this whole-issue search typed in and its results shown.
    pub search: Option<String>,
    /// Start with the find bar of the opened document showing this query.
    pub find: Option<String>,
    /// Open the document's view `text`, `table` or `schematic` (where it has one), so a
    /// screenshot can show the table view or the schematic.
    pub view: Option<String>,
    /// Show this map on the schematic: a 用途 such as `住宅用地`, or `all` for every use
    /// (screenshots of each map).
    pub map: Option<String>,
    /// `light` or `dark` instead of following the system (screenshots of both themes).
    pub theme: Option<String>,
    /// Open this gazette file once the window is up (`--gazette FILE`), instead of the file
    /// remembered from the last run. It loads on a worker with progress shown; if it cannot be
    /// used, the window stays on the issue it started with and says why.
    pub open: Option<PathBuf>,
}

/// Why [`run`] returned before the window ran to its end.
#[derive(Debug)]
pub enum WindowError {
    /// The renderer could not start and no window was shown; the gazette comes back so the
    /// next renderer can be tried with it.
    NotStarted {
        /// The gazette passed in, unused.
        gazette: Box<Gazette>,
        /// eframe's error.
        error: String,
    },
    /// The window was up, then failed.
    AfterStart(String),
}

/// Opens the native window on `gazette` with `renderer` and returns when it is closed. The
/// order of renderers and the fallback are decided in [`crate::startup`]; this only tells a
/// renderer that could not start (the app was never created) from a window that failed later.
pub fn run(
    gazette: Gazette,
    options: RunOptions,
    renderer: crate::startup::Renderer,
) -> Result<(), WindowError> {
    // 打印… opens its PDF with the desktop's opener; only the real window sets it, so tests
    // (which build an App without `run`) never open a viewer.
    let facts = desktop::DesktopFacts::of_this_machine();
    print::set_viewer(desktop::folder_opener(&facts).filter(|_| !facts.turned_off));
    let viewport = egui::ViewportBuilder::default()
        .with_title(window_title(
            &gazette,
            &Source::Embedded,
            options.lang.unwrap_or_default(),
        ))
        .with_app_id(APP_ID)
        .with_icon(icon())
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size(MIN_INNER_SIZE);
    let Some(renderer) = eframe_renderer(renderer) else {
        return Err(WindowError::NotStarted {
            gazette: Box::new(gazette),
            error: format!("{renderer} is not built into this program"),
        });
    };
    let native = eframe::NativeOptions {
        viewport,
        renderer,
        persist_window: true,
        ..Default::default()
    };
    // The app takes the gazette out of this slot when eframe creates it; a gazette still here
    // after an error means the window never started.
    let slot = std::rc::Rc::new(std::cell::RefCell::new(Some(gazette)));
    let app_slot = std::rc::Rc::clone(&slot);
    let result = eframe::run_native(
        APP_ID,
        native,
        Box::new(move |cc| {
            let gazette = app_slot
                .borrow_mut()
                .take()
                .ok_or("the window was created twice")?;
            let mut app = App::new(gazette, cc.storage);
            app.apply_options(&options);
            Ok(Box::new(app))
        }),
    );
    let unused = slot.borrow_mut().take();
    match (result, unused) {
        (Ok(()), _) => Ok(()),
        (Err(err), Some(gazette)) => Err(WindowError::NotStarted {
            gazette: Box::new(gazette),
            error: err.to_string(),
        }),
        (Err(err), None) => Err(WindowError::AfterStart(err.to_string())),
    }
}

/// eframe's renderer for ours; `None` for one this build does not contain.
fn eframe_renderer(renderer: crate::startup::Renderer) -> Option<eframe::Renderer> {
    match renderer {
        crate::startup::Renderer::Glow => Some(eframe::Renderer::Glow),
        #[cfg(feature = "wgpu")]
        crate::startup::Renderer::Wgpu => Some(eframe::Renderer::Wgpu),
        #[cfg(not(feature = "wgpu"))]
        crate::startup::Renderer::Wgpu => None,
    }
}

/// The window title: the title, the file it came from (unless built in) and the
/// program's name, so a clerk with two windows knows which file each shows.
fn window_title(gazette: &Gazette, source: &Source, lang: Lang) -> String {
    let app = lang.strings().app_name;
    match source {
        Source::Embedded => format!("{} — {app}", gazette.display_title()),
        Source::File(path) => format!(
            "{} — {} — {app}",
            gazette.display_title(),
            open_file::file_name(path)
        ),
    }
}

/// Where the shown gazette came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The issue built into the program.
    Embedded,
    /// A file the clerk opened (or the command line named).
    File(PathBuf),
}

/// A tab of the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// 概览: cover, contents, errata, provenance.
    Overview,
    /// One document (not an interpretation), by id.
    Document(String),
    /// 政策解读, showing the interpretation with this id.
    Interpretation(String),
}

/// Where a click asks to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Nav {
    /// Open a tab at its top.
    Tab(Tab),
    /// Open a document at its start.
    Document(String),
    /// Open a document at a block, optionally marking the match at a byte range of the
    /// block's shown text.
    Block {
        document: String,
        block: usize,
        mark: Option<std::ops::Range<usize>>,
    },
    /// Open a table in its document's table view, selecting a row if given.
    Table { table: String, row: Option<usize> },
    /// Open the document holding a table and mark one cell.
    Cell {
        table: String,
        row: usize,
        column: usize,
    },
}

/// The browser app: the gazette, the open tab, and each document's reading state.
pub struct App {
    /// Shared so workers (sorting a big table, exporting it) can read it off the UI thread.
    gazette: Arc<Gazette>,
    source: Source,
    lang: Lang,
    theme: egui::ThemePreference,
    tab: Tab,
    views: HashMap<String, DocView>,
    search: SearchPanel,
    tables: DocTables,
    fonts_installed: bool,
    /// Whether the window was checked against the monitor's size ([`App::fit_window`]).
    window_fitted: bool,
    title_shown: Option<String>,
    files: Files,
    notices: Notices,
}

impl App {
    /// Builds the app on `gazette` (the built-in issue), restoring language and tab from
    /// `storage` when given (the window size eframe restores itself), and starts reopening the
    /// file open at the end of the last run. Unusable settings are reset with a notice. Without
    /// storage it starts in Chinese on 概览.
    pub fn new(gazette: Gazette, storage: Option<&dyn eframe::Storage>) -> Self {
        let (settings, reset) = Settings::load(storage);
        let tab = settings
            .tab
            .filter(|tab| tab_exists(&gazette, tab))
            .unwrap_or(Tab::Overview);
        let search = SearchPanel::new(&gazette);
        let tables = storage
            .and_then(|s| eframe::get_value::<DocTables>(s, KEY_DOC_TABLES))
            .unwrap_or_default();
        let facts = desktop::DesktopFacts::of_this_machine();
        let dialogs = desktop::dialog_support(&facts);
        let mut tables = tables;
        tables.set_dialog_support(dialogs);
        tables.set_folder_opener(desktop::folder_opener(&facts));
        let mut app = App {
            tables,
            gazette: Arc::new(gazette),
            source: Source::Embedded,
            lang: settings.lang,
            theme: settings.theme,
            tab,
            views: HashMap::new(),
            search,
            fonts_installed: false,
            window_fitted: false,
            title_shown: None,
            files: Files::new(dialogs),
            notices: Notices::default(),
        };
        if let Some(reset) = reset {
            app.notices.push(Notice::SettingsReset(reset));
        }
        if let Some(path) = settings.last_file {
            app.files.open(path, true);
        }
        app
    }

    /// Applies command-line choices over the remembered ones; an unknown tab is ignored.
    pub fn apply_options(&mut self, options: &RunOptions) {
        if let Some(path) = &options.open {
            self.open_path(path.clone());
        }
        if let Some(lang) = options.lang {
            self.lang = lang;
        }
        if let Some(tab) = options.tab.as_deref().and_then(|t| self.tab_named(t)) {
            self.tab = tab;
        }
        if let (Some(mode), Some(id)) = (
            options.view.as_deref().and_then(DocMode::parse),
            self.open_document().map(str::to_owned),
        ) {
            self.tables.set_mode(&id, mode);
        }
        match options.theme.as_deref() {
            Some("light") => self.theme = egui::ThemePreference::Light,
            Some("dark") => self.theme = egui::ThemePreference::Dark,
            _ => {}
        }
        if let Some(map) = options.map.as_deref() {
            let view = match map {
                "all" => crate::schematic::map::MapView::AllUses,
                land_use => crate::schematic::map::MapView::Use(land_use.to_owned()),
            };
            self.tables.schematic_mut().set_map(view);
        }
        if let Some(query) = &options.search {
            self.search.set_query(query);
        }
        if let (Some(query), Some(id)) = (&options.find, self.open_document().map(str::to_owned)) {
            let gazette = &self.gazette;
            let view = self
                .views
                .entry(id.clone())
                .or_insert_with(|| DocView::new(gazette.document(&id)));
            if let Some(document) = gazette.document(&id) {
                view.start_find(gazette, document, query);
            }
        }
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The open tab.
    pub fn tab(&self) -> &Tab {
        &self.tab
    }

    /// The table side: the one table view, the schematic, each document's view.
    pub fn doc_tables(&self) -> &DocTables {
        &self.tables
    }

    /// See [`App::doc_tables`]; for changing layers or selection from outside (tests).
    pub fn doc_tables_mut(&mut self) -> &mut DocTables {
        &mut self.tables
    }

    /// The view shown for the open document (text for 概览 and documents without tables).
    pub fn doc_mode(&self) -> DocMode {
        self.open_document()
            .map_or(DocMode::Text, |id| self.tables.mode(&self.gazette, id))
    }

    /// The tab a command-line name means: `overview`, `interpretations` or a document id.
    fn tab_named(&self, name: &str) -> Option<Tab> {
        match name {
            "overview" => Some(Tab::Overview),
            "interpretations" => first_interpretation(&self.gazette).map(Tab::Interpretation),
            id => self.gazette.document(id).map(tab_of),
        }
    }

    /// The tabs in order: 概览, each document, then 政策解读 if the issue has interpretations.
    fn tabs(&self) -> Vec<(Tab, String)> {
        let text = self.lang.strings();
        let mut tabs = vec![(Tab::Overview, text.tab_overview.to_owned())];
        for document in &self.gazette.documents {
            if document.category != Category::Interpretation {
                tabs.push((
                    Tab::Document(document.id.clone()),
                    strings::short_title(self.lang, &document.short_title).to_owned(),
                ));
            }
        }
        if let Some(first) = first_interpretation(&self.gazette) {
            tabs.push((
                Tab::Interpretation(first),
                text.tab_interpretations.to_owned(),
            ));
        }
        tabs
    }

    fn view(&mut self, document: &str) -> &mut DocView {
        let gazette = &self.gazette;
        self.views
            .entry(document.to_owned())
            .or_insert_with(|| DocView::new(gazette.document(document)))
    }

    /// Goes where a click asked.
    fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Tab(tab) => self.tab = tab,
            Nav::Document(id) => {
                if let Some(tab) = self.gazette.document(&id).map(tab_of) {
                    self.tab = tab;
                    self.view(&id).scroll_to_top = true;
                }
            }
            Nav::Block {
                document,
                block,
                mark,
            } => self.open_block(&document, block, mark),
            Nav::Table { table, row } => self.open_table(&table, row),
            Nav::Cell { table, row, column } => {
                self.open_cell(&table, CellRef { row, column });
                self.land_in_table(&table, row, column);
            }
        }
    }

    fn open_block(&mut self, id: &str, block: usize, mark: Option<std::ops::Range<usize>>) {
        let Some(tab) = self.gazette.document(id).map(tab_of) else {
            return;
        };
        self.tab = tab;
        let gazette = &self.gazette;
        let view = self
            .views
            .entry(id.to_owned())
            .or_insert_with(|| DocView::new(gazette.document(id)));
        view.scroll_to_block = Some(block);
        if let (Some(range), Some(document)) = (mark, gazette.document(id)) {
            view.show_match(gazette, document, block, range);
        }
    }

    /// Shows a table in its document's table view (a search hit or "open in table view").
    fn open_table(&mut self, table: &str, row: Option<usize>) {
        if let Some(tab) = self
            .tables
            .open_table(&self.gazette, table, row)
            .and_then(|id| self.gazette.document(&id).map(tab_of))
        {
            self.tab = tab;
        }
    }

    /// Shows a search hit's cell in its document's table view, marked.
    fn land_in_table(&mut self, table: &str, row: usize, column: usize) {
        if let Some(tab) = self
            .tables
            .land_on_cell(&self.gazette, table, row, column)
            .and_then(|id| self.gazette.document(&id).map(tab_of))
        {
            self.tab = tab;
        }
    }

    fn open_cell(&mut self, table_id: &str, cell: CellRef) {
        let Some(table) = self.gazette.table(table_id) else {
            return;
        };
        let document = table.document.clone();
        let block = self
            .gazette
            .document(&document)
            .and_then(|d| table_block(d, table_id));
        if let Some(tab) = self.gazette.document(&document).map(tab_of) {
            self.tab = tab;
        }
        let view = self.view(&document);
        view.highlight_cell = Some((table_id.to_owned(), cell));
        view.scroll_to_cell = true;
        view.scroll_to_block = block;
    }

    /// The id of the document shown in the open tab, if any.
    fn open_document(&self) -> Option<&str> {
        match &self.tab {
            Tab::Overview => None,
            Tab::Document(id) | Tab::Interpretation(id) => Some(id),
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let search = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        if ctx.input_mut(|i| i.consume_shortcut(&search)) {
            self.search.request_focus();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&find))
            && let Some(id) = self.open_document().map(str::to_owned)
            && !self.tables.find_in_table(&self.gazette, &id)
        {
            self.view(&id).open_find();
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Option<Nav> {
        let text = self.lang.strings();
        let mut nav = None;
        ui.horizontal(|ui| {
            match open_file::file_menu(ui, self.lang) {
                Some(FileAction::Choose) => self.choose_file(),
                Some(FileAction::OpenEmbedded) => self.open_embedded(),
                None => {}
            }
            self.view_menu(ui);
            ui.label(egui::RichText::new(text.app_name).strong());
            ui.separator();
            ui.label(self.gazette.display_title());
            self.source_label(ui);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.menu_button(text.menu_language, |ui| {
                    for lang in Lang::ALL {
                        if ui
                            .selectable_label(self.lang == lang, lang.native_name())
                            .clicked()
                        {
                            self.lang = lang;
                            ui.close();
                        }
                    }
                });
                nav = self.search.search_box(ui, self.lang);
            });
        });
        nav
    }

    /// 视图: text size with its shortcuts (egui handles the keys themselves) and the theme.
    fn view_menu(&mut self, ui: &mut egui::Ui) {
        let text = self.lang.strings();
        ui.menu_button(text.menu_view, |ui| {
            let ctx = ui.ctx().clone();
            use egui::gui_zoom::{self, kb_shortcuts};
            let item = |ui: &mut egui::Ui, label: &str, shortcut| {
                let button = egui::Button::new(label).shortcut_text(ctx.format_shortcut(shortcut));
                ui.add(button).clicked()
            };
            if item(ui, text.zoom_in, &kb_shortcuts::ZOOM_IN) {
                gui_zoom::zoom_in(&ctx);
            }
            if item(ui, text.zoom_out, &kb_shortcuts::ZOOM_OUT) {
                gui_zoom::zoom_out(&ctx);
            }
            if item(ui, text.zoom_reset, &kb_shortcuts::ZOOM_RESET) {
                ctx.set_zoom_factor(1.0);
            }
            ui.separator();
            ui.label(text.theme);
            for (theme, label) in [
                (egui::ThemePreference::Light, text.theme_light),
                (egui::ThemePreference::Dark, text.theme_dark),
                (egui::ThemePreference::System, text.theme_system),
            ] {
                if ui.radio_value(&mut self.theme, theme, label).clicked() {
                    ctx.set_theme(theme);
                }
            }
        });
    }

    fn tab_bar(&mut self, ui: &mut egui::Ui) -> Option<Nav> {
        let mut nav = None;
        ui.horizontal_wrapped(|ui| {
            for (tab, title) in self.tabs() {
                let selected = std::mem::discriminant(&tab) == std::mem::discriminant(&self.tab)
                    && (matches!(tab, Tab::Interpretation(_)) || tab == self.tab);
                let label = egui::RichText::new(title).size(16.0);
                if ui.selectable_label(selected, label).clicked() && !selected {
                    nav = Some(Nav::Tab(tab));
                }
            }
        });
        nav
    }

    fn content(&mut self, ui: &mut egui::Ui) -> Option<Nav> {
        match self.tab.clone() {
            Tab::Overview => overview::show(ui, &self.gazette, self.lang),
            Tab::Document(id) => self.document_tab(ui, &id),
            Tab::Interpretation(id) => {
                let picked = reader::interpretation_picker(ui, &self.gazette, &id, self.lang);
                let nav = self.document_tab(ui, &id);
                picked.or(nav)
            }
        }
    }

    fn document_tab(&mut self, ui: &mut egui::Ui, id: &str) -> Option<Nav> {
        let lang = self.lang;
        self.tables.share(std::sync::Arc::clone(&self.gazette));
        let gazette = &self.gazette;
        let document = gazette.document(id)?;
        if self.tables.show(ui, gazette, document, lang) {
            return None;
        }
        let view = self
            .views
            .entry(id.to_owned())
            .or_insert_with(|| DocView::new(Some(document)));
        reader::show(ui, gazette, document, view, lang)
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if self.title_shown.as_ref() != Some(&title) {
            self.title_shown = Some(title.clone());
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        }
    }
}

/// The smallest inner size the window can be given, in points.
const MIN_INNER_SIZE: [f32; 2] = [720.0, 480.0];

impl App {
    /// Shrinks a window larger than the monitor allows ([`window_fit`]) once, as soon as the
    /// monitor's size is known: the first start's 1280×800 on a 1366×768 laptop would put the
    /// status bar below the screen. A maximised window, or one that fits, is left alone.
    fn fit_window(&mut self, ctx: &egui::Context) {
        if self.window_fitted {
            return;
        }
        let (monitor, outer, inner, maximized) = ctx.input(|i| {
            let viewport = i.viewport();
            (
                viewport.monitor_size,
                viewport.outer_rect,
                viewport.inner_rect,
                viewport.maximized,
            )
        });
        let (Some(monitor), Some(outer), Some(inner)) = (monitor, outer, inner) else {
            return;
        };
        self.window_fitted = true;
        if maximized == Some(true) {
            return;
        }
        let decoration = (
            outer.width() - inner.width(),
            outer.height() - inner.height(),
        );
        let Some(place) = window_fit::fit_to_monitor(
            (inner.width(), inner.height()),
            decoration,
            (monitor.x, monitor.y),
            (MIN_INNER_SIZE[0], MIN_INNER_SIZE[1]),
        ) else {
            return;
        };
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(place.inner.into()));
        // Monitor positions are not known: only a window on the monitor at the origin moves.
        let on_first_monitor =
            (0.0..monitor.x).contains(&outer.min.x) && (0.0..monitor.y).contains(&outer.min.y);
        if on_first_monitor {
            let (x, y) = place.outer_position;
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(x, y)));
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.fonts_installed {
            // The window stays hidden until its first frame is painted, so that frame is kept
            // to the bare background; the 3 MB font and the full interface follow at once on
            // the next frame. The window thus appears as fast as an empty eframe window.
            fonts::install(ui.ctx());
            // Office documents are read on light backgrounds: light where the system does not
            // say which it prefers (X11, and kittest).
            ui.ctx().options_mut(|options| {
                options.fallback_theme = egui::Theme::Light;
                options.theme_preference = self.theme;
            });
            self.fonts_installed = true;
            ui.ctx().request_repaint();
            return;
        }
        let ctx = ui.ctx().clone();
        self.fit_window(&ctx);
        self.handle_files(&ctx);
        self.update_title(&ctx);
        self.handle_shortcuts(&ctx);
        let searched = egui::Panel::top("top-bar")
            .show(ui, |ui| self.top_bar(ui))
            .inner;
        self.files.progress_ui(ui, self.lang);
        if let Some(path) = self.files.path_entry_ui(ui, self.lang) {
            self.open_path(path);
        }
        self.notices.show(ui, self.lang);
        let mut nav = egui::Panel::top("tab-bar")
            .show(ui, |ui| self.tab_bar(ui))
            .inner
            .or(searched);
        if self.search.is_open() {
            let lang = self.lang;
            let picked = egui::Panel::right("search-results")
                .default_size(380.0)
                .resizable(true)
                .show(ui, |ui| self.search.results(ui, &self.gazette, lang))
                .inner;
            nav = nav.or(picked);
        }
        let shown = egui::CentralPanel::default()
            .show(ui, |ui| self.content(ui))
            .inner;
        if let Some(nav) = nav.or(shown) {
            self.navigate(nav);
            ctx.request_repaint();
        }
        open_file::drop_hint(&ctx, self.lang);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let last_file = match &self.source {
            Source::File(path) => Some(path.clone()),
            Source::Embedded => None,
        };
        let settings = Settings {
            lang: self.lang,
            theme: self.theme,
            tab: Some(self.tab.clone()),
            last_file,
        };
        settings.save(storage);
        eframe::set_value(storage, KEY_DOC_TABLES, &self.tables);
    }
}

/// The tab that shows `document`.
fn tab_of(document: &Document) -> Tab {
    if document.category == Category::Interpretation {
        Tab::Interpretation(document.id.clone())
    } else {
        Tab::Document(document.id.clone())
    }
}

/// Whether a remembered tab still names something in this gazette.
fn tab_exists(gazette: &Gazette, tab: &Tab) -> bool {
    match tab {
        Tab::Overview => true,
        Tab::Document(id) | Tab::Interpretation(id) => {
            gazette.document(id).is_some_and(|d| tab_of(d) == *tab)
        }
    }
}

fn first_interpretation(gazette: &Gazette) -> Option<String> {
    gazette
        .documents
        .iter()
        .find(|d| d.category == Category::Interpretation)
        .map(|d| d.id.clone())
}

/// Index into `all_blocks` of the block that shows table `table`.
fn table_block(document: &Document, table: &str) -> Option<usize> {
    document
        .all_blocks()
        .iter()
        .position(|b| matches!(b, Block::Table { table: t } if t == table))
}
