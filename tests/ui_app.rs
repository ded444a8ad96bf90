//! The browser window driven headless through AccessKit (egui_kittest, no GPU): it starts on the
//! embedded issue, every tab opens, the outline jumps, find counts, search opens a result, and
//! the language switch changes the interface. The harness panics on any character no font can
//! draw, so these also prove the embedded font covers what is shown.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gazette_browser::model::load::embedded;
use gazette_browser::model::{Block, Category, Document, Gazette};
use gazette_browser::reader::{block_text, find_matches, outline};
use gazette_browser::ui::strings::{EN, ZH};
use gazette_browser::ui::{App, Tab};

mod common;
use common::{MemoryStorage, has_label};

fn gazette() -> Gazette {
    embedded().unwrap()
}

fn harness() -> Harness<'static, App> {
    let gazette = gazette();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::new(gazette, cc.storage));
    harness.run();
    harness
}

fn documents(gazette: &Gazette) -> impl Iterator<Item = &Document> {
    gazette
        .documents
        .iter()
        .filter(|d| d.category != Category::Interpretation)
}

fn open_tab(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The text box whose hint is `hint`.
fn text_box<'a>(harness: &'a Harness<'_, App>, hint: &'a str) -> egui_kittest::Node<'a> {
    harness.get_by(move |node| node.data().placeholder() == Some(hint))
}

#[test]
fn starts_on_the_overview_of_the_embedded_issue() {
    let gazette = gazette();
    let harness = harness();
    assert_eq!(*harness.state().tab(), Tab::Overview);
    assert!(has_label(&harness, &gazette.issue.title));
    assert!(has_label(&harness, ZH.contents));
    for entry in &gazette.contents {
        assert!(
            has_label(&harness, &entry.title),
            "contents: {}",
            entry.title
        );
    }
}

#[test]
fn every_tab_opens_and_shows_its_title() {
    let gazette = gazette();
    let mut harness = harness();
    for document in documents(&gazette) {
        open_tab(&mut harness, &document.short_title);
        assert_eq!(*harness.state().tab(), Tab::Document(document.id.clone()));
        assert!(has_label(&harness, &document.title), "{}", document.title);
    }
    open_tab(&mut harness, ZH.tab_interpretations);
    let first = gazette
        .documents
        .iter()
        .find(|d| d.category == Category::Interpretation)
        .unwrap();
    assert_eq!(
        *harness.state().tab(),
        Tab::Interpretation(first.id.clone())
    );
    assert!(has_label(&harness, &first.title));
    open_tab(&mut harness, ZH.tab_overview);
    assert!(has_label(&harness, ZH.contents));
}

#[test]
fn a_contents_entry_opens_its_document() {
    let gazette = gazette();
    let mut harness = harness();
    let entry = gazette
        .contents
        .iter()
        .find(|e| gazette.document(&e.document).unwrap().category != Category::Interpretation)
        .unwrap();
    open_tab(&mut harness, &entry.title);
    assert_eq!(
        *harness.state().tab(),
        Tab::Document(entry.document.clone())
    );
}

#[test]
fn a_document_links_to_its_interpretation_and_back() {
    let gazette = gazette();
    let document = documents(&gazette)
        .find(|d| d.interpretation.is_some())
        .unwrap();
    let interpretation = document.interpretation.clone().unwrap();
    let mut harness = harness();
    open_tab(&mut harness, &document.short_title);
    open_tab(&mut harness, ZH.read_interpretation);
    assert_eq!(*harness.state().tab(), Tab::Interpretation(interpretation));
    let back = ZH.back_to_document.replace("{}", &document.short_title);
    open_tab(&mut harness, &back);
    assert_eq!(*harness.state().tab(), Tab::Document(document.id.clone()));
}

#[test]
fn the_outline_jumps_to_a_heading() {
    let gazette = gazette();
    // The document with the longest outline, and its last heading or box: the one furthest down.
    let document = documents(&gazette)
        .max_by_key(|d| outline(d).len())
        .unwrap();
    let entry = outline(document)
        .into_iter()
        .rfind(|entry| entry.level > 0)
        .unwrap();
    let mut harness = harness();
    open_tab(&mut harness, &document.short_title);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, &entry.label)
        .click_accesskit();
    harness.run();
    let screen = harness.ctx.content_rect();
    let label = entry.label.clone();
    let heading = harness.get_by(move |node| {
        node.role() == egui::accesskit::Role::Label && node.value().as_deref() == Some(&label)
    });
    let rect = heading.rect();
    assert!(
        screen.contains(rect.center()) && rect.top() < screen.height() / 2.0,
        "heading {} at {rect:?} is not near the top of {screen:?}",
        entry.label
    );
}

/// A two-character query that occurs in the document's first paragraph.
fn query_in(document: &Document) -> String {
    let text = document
        .all_blocks()
        .into_iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .find_map(block_text)
        .unwrap();
    text.chars().take(2).collect()
}

#[test]
fn find_in_document_counts_matches_and_moves_between_them() {
    let gazette = gazette();
    let document = documents(&gazette).next().unwrap();
    let query = query_in(document);
    let total = find_matches(document, &gazette.tables, &query).len();
    assert!(total > 0);
    let mut harness = harness();
    open_tab(&mut harness, &document.short_title);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    text_box(&harness, ZH.find_hint).type_text(&query);
    harness.run();
    assert!(has_label(&harness, &format!("1/{total}")));
    harness.key_press(egui::Key::F3);
    harness.run();
    let second = if total > 1 { 2 } else { 1 };
    assert!(has_label(&harness, &format!("{second}/{total}")));
}

#[test]
fn search_opens_the_place_of_a_result() {
    let gazette = gazette();
    let interpretation = gazette
        .documents
        .iter()
        .find(|d| d.category == Category::Interpretation)
        .unwrap();
    let query = query_in(interpretation);
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    text_box(&harness, ZH.search_hint).type_text(&query);
    harness.run();
    assert!(has_label(&harness, ZH.search_results));
    // The first hit in the interpretation, listed under its short title.
    let hit = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .find(|node| {
            let label = node.accesskit_node().label();
            label.is_some_and(|l| l.contains(&query))
        })
        .unwrap();
    hit.click();
    harness.run();
    assert!(matches!(
        harness.state().tab(),
        Tab::Document(_) | Tab::Interpretation(_)
    ));
    let counter = harness.query_all_by(|node| {
        let value = node.value().unwrap_or_default();
        value.split_once('/').is_some_and(|(at, total)| {
            at != "0" && at.parse::<u32>().is_ok() && total.parse::<u32>().is_ok()
        })
    });
    let counter = counter.count() > 0;
    assert!(counter, "the find bar shows the match as current");
}

/// A hit in a table cell opens the table with its row selected, and the results make room: a
/// side panel once squeezed the 13 columns of 附件1 to 5.
#[test]
fn a_table_hit_opens_its_row_and_the_results_make_room_until_the_box_is_used_again() {
    let gazette = gazette();
    let table = gazette.table("land-prices").unwrap();
    let row = 9;
    let code = table.rows[row][2].as_printed().to_owned();
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    text_box(&harness, ZH.search_hint).type_text(&code);
    harness.run();
    let hit = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .find(|node| {
            let label = node.accesskit_node().label();
            label.is_some_and(|l| l.contains(&code) && l.contains('·'))
        })
        .unwrap();
    hit.click();
    for _ in 0..3 {
        harness.run();
    }
    assert_eq!(
        *harness.state().tab(),
        Tab::Document(table.document.clone())
    );
    let selected = harness
        .state()
        .doc_tables()
        .store()
        .selected_rows(&table.id);
    assert!(selected.contains(&row), "row {row} is selected");
    assert!(
        !has_label(&harness, ZH.search_results),
        "the results closed for the table"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    for _ in 0..2 {
        harness.run();
    }
    assert!(
        has_label(&harness, ZH.search_results),
        "Ctrl+K shows the same results again"
    );
}

/// A hit in the last column of 附件1, far to the right of a small window, lands on its cell
/// (opened with Enter from the search box, the results closing to leave the table its width):
/// the cell is scrolled into view sideways and marked (orange, and "selected" for assistive
/// technology), and the mark goes when the clerk moves on to another row.
#[test]
fn a_table_hit_scrolls_to_its_cell_and_marks_it_until_the_focus_moves_on() {
    let gazette = gazette();
    let table = gazette.table("land-prices").unwrap();
    let (row, column) = (30, table.columns.len() - 1);
    let value = table.rows[row][column].as_printed().to_owned();
    let size = [922.0, 500.0];
    let shown = gazette.clone();
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| App::new(shown, cc.storage));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    text_box(&harness, ZH.search_hint).type_text(&value);
    harness.run();
    assert!(
        has_label(&harness, &ZH.search_count.replace("{}", "1")),
        "the value is printed once in the issue"
    );
    // Enter in the search box opens the first hit, here the only one.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        !has_label(&harness, ZH.search_results),
        "the results make room for the table"
    );
    let marked: Vec<_> = marked_cells(&harness).collect();
    assert_eq!(marked.len(), 1, "one cell is marked");
    let cell = &marked[0];
    let shown = cell.value().unwrap_or_default();
    assert_eq!(
        shown.replace(',', ""),
        value,
        "the marked cell is the hit's"
    );
    let rect = cell.rect();
    assert!(
        rect.left() >= 0.0 && rect.right() <= size[0],
        "scrolled sideways into the window: {rect:?}"
    );
    let status = harness.get_by_label_contains("显示 66 / 66 行").rect();
    assert!(
        rect.bottom() <= status.top(),
        "and down to its row, above the status bar: {rect:?}"
    );
    // The clerk moves on to the next row.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let store = harness.state().doc_tables().store();
    assert_eq!(store.selection(&table.id).unwrap().focused(), Some(row + 1));
    assert_eq!(
        marked_cells(&harness).count(),
        0,
        "the mark goes with the focus"
    );
}

/// The text labels marked as selected: the cell a search hit landed on.
fn marked_cells<'h>(
    harness: &'h Harness<'_, App>,
) -> impl Iterator<Item = egui_kittest::Node<'h>> + 'h {
    let by = egui_kittest::kittest::By::new()
        .role(egui::accesskit::Role::Label)
        .include_labels()
        .predicate(|node| node.is_selected() == Some(true));
    harness.query_all(by)
}

/// Pinyin typed through an input method that shows its composition in the box (Fcitx5 with
/// UseOnTheSpot, IBus on Wayland) is not searched for while it is half typed: "yao gu" found
/// nothing and the results said so; only the committed 药谷 is searched.
#[test]
fn search_waits_for_the_input_method_to_commit() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "yao gu".into(),
        active_range_chars: None,
    }));
    harness.run();
    assert!(
        text_box(&harness, ZH.search_hint).value().as_deref() == Some("yao gu"),
        "the composition shows in the box"
    );
    assert!(
        !has_label(&harness, ZH.search_results),
        "no results for half-typed pinyin"
    );
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("药谷".into())));
    harness.run();
    assert!(has_label(&harness, ZH.search_results));
    assert!(has_label(&harness, &ZH.search_count.replace("{}", "60")));
}

/// Ctrl+F in the table view is the spreadsheet's find: it puts the keyboard in the quick filter
/// (it did nothing there, the reader's find bar being hidden behind the table).
#[test]
fn ctrl_f_in_the_table_view_types_into_the_quick_filter() {
    let gazette = gazette();
    let document = gazette.document("land-price-notice").unwrap();
    let mut harness = harness();
    open_tab(&mut harness, &document.short_title);
    open_tab(&mut harness, "表格");
    assert!(
        has_label(&harness, "411700S50001"),
        "the table opens on 商服 rows"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text("住宅".into()));
    for _ in 0..4 {
        harness.run();
    }
    assert!(
        !has_label(&harness, "411700S50001"),
        "商服 rows are filtered out"
    );
    assert!(has_label(&harness, "411700Z70001"), "住宅 rows show");
}

#[test]
fn the_language_switch_changes_the_interface() {
    let mut harness = harness();
    assert!(has_label(&harness, ZH.tab_overview));
    open_tab(&mut harness, ZH.menu_language);
    open_tab(&mut harness, "English");
    assert!(has_label(&harness, EN.tab_overview));
    assert!(has_label(&harness, EN.contents));
    assert!(!has_label(&harness, ZH.tab_overview));
    assert!(
        has_label(&harness, "China Pharma Valley") && !has_label(&harness, "中国药谷"),
        "the document tabs speak English too"
    );
}

#[test]
fn language_and_open_tab_persist_between_runs() {
    use eframe::App as _;
    let gazette = gazette();
    let document = documents(&gazette).last().unwrap().clone();
    let mut harness = harness();
    open_tab(&mut harness, ZH.menu_language);
    open_tab(&mut harness, "English");
    let english = gazette_browser::ui::strings::short_title(
        gazette_browser::ui::strings::Lang::En,
        &document.short_title,
    );
    open_tab(&mut harness, english);
    let mut storage = MemoryStorage::default();
    harness.state_mut().save(&mut storage);

    let restored = App::new(gazette, Some(&storage));
    assert_eq!(restored.lang(), gazette_browser::ui::strings::Lang::En);
    assert_eq!(*restored.tab(), Tab::Document(document.id));
}

#[test]
fn a_first_run_starts_in_chinese_on_the_overview() {
    let app = App::new(gazette(), Some(&MemoryStorage::default()));
    assert_eq!(app.lang(), gazette_browser::ui::strings::Lang::Zh);
    assert_eq!(*app.tab(), Tab::Overview);
}

/// Whether the document `id` shows `phrase` in one of its blocks.
fn shows(gazette: &Gazette, id: &str, phrase: &str) -> bool {
    let document = gazette.document(id).unwrap();
    let blocks = document.all_blocks();
    blocks
        .into_iter()
        .filter_map(block_text)
        .any(|text| text.contains(phrase))
}

#[test]
fn search_finds_a_phrase_that_a_page_break_split_in_the_source() {
    // The source prints "…安置、人" at the foot of a page and "才住房、…" at the head of the next.
    let phrase = "人才住房";
    let gazette = gazette();
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    text_box(&harness, ZH.search_hint).type_text(phrase);
    harness.run();
    let hit = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .find(|node| {
            let label = node.accesskit_node().label();
            label.is_some_and(|l| l.contains(phrase))
        })
        .expect("a hit for the rejoined phrase");
    hit.click();
    harness.run();
    let (Tab::Document(id) | Tab::Interpretation(id)) = harness.state().tab().clone() else {
        panic!("the hit opened no document");
    };
    assert!(shows(&gazette, &id, phrase));
}

/// One page down over the document body.
/// Scrolls one page down with the pointer at `pointer`.
fn page_down_at(harness: &mut Harness<'_, App>, pointer: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pointer));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Page,
        delta: egui::vec2(0.0, -1.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

#[test]
fn the_attachment_grid_builds_the_rows_near_the_screen_and_scrolling_reaches_the_last() {
    // 标定地价 ends with the 66 × 13 grid of 附件1; building every cell on every frame cost
    // more than the frame budget, so rows far off screen only keep their height.
    let gazette = gazette();
    let document = gazette.document("land-price-notice").unwrap();
    let table = gazette.table("land-prices").unwrap();
    let last_row = &table.rows[table.rows.len() - 1];
    // The 标准宗地名称 of the last row: printed in 附件1 only (its code is in a legend too).
    let last_name = last_row[4].as_printed().to_owned();
    let mut harness = harness();
    open_tab(&mut harness, &document.short_title);
    harness.run();
    assert!(
        !has_label(&harness, &last_name),
        "the last row of 附件1, pages below, is not built"
    );
    // Where the last column starts: it moves if any column before it narrows or widens.
    let header = table.columns[table.columns.len() - 1].header();
    let last_column_left = |harness: &Harness<'_, App>| harness.get_by_label(&header).rect().left();
    let at_top = last_column_left(&harness);
    for _ in 0..60 {
        if has_label(&harness, &last_name) {
            break;
        }
        // The wheel over the rows' box once the grid is on screen, else over the text.
        let header_rect = harness.get_by_label(&header).rect();
        let pointer = if (0.0..700.0).contains(&header_rect.bottom()) {
            egui::pos2(640.0, header_rect.bottom() + 60.0)
        } else {
            egui::pos2(640.0, 500.0)
        };
        page_down_at(&mut harness, pointer);
    }
    assert!(
        has_label(&harness, &last_name),
        "scrolling down reaches the last row of 附件1"
    );
    assert_eq!(
        last_column_left(&harness),
        at_top,
        "columns keep their width while rows come and go"
    );
    // The rows scroll in a box under their header: the header sits a box's height above the
    // last row, not the 66 rows of the grid (about 1,700 points) as it did.
    let header_top = harness.get_by_label(&header).rect().top();
    let last_row_top = harness.get_by_label(&last_name).rect().top();
    let distance = last_row_top - header_top;
    assert!(
        (0.0..600.0).contains(&distance),
        "the header is {distance} points above the last row"
    );
}

/// Find in 标定地价's 正文 counts the cells of 附件1's grid and visits them: "商服用地" found 1/2
/// in the prose while the grid prints it in every commercial row.
#[test]
fn find_in_a_document_counts_and_visits_the_cells_of_its_tables() {
    let gazette = gazette();
    let document = gazette.document("land-price-notice").unwrap();
    let table = gazette.table("land-prices").unwrap();
    let query = "商服用地";
    let in_cells = gazette
        .tables
        .iter()
        .filter(|t| t.document == document.id)
        .flat_map(|t| t.rows.iter().flatten())
        .map(|cell| cell.as_printed().matches(query).count())
        .sum::<usize>();
    let in_text = find_matches(document, &[], query).len();
    assert!(
        in_cells >= 20,
        "附件1 prints 商服用地 in every commercial row"
    );
    let total = in_text + in_cells;
    let mut harness = harness();
    open_tab(&mut harness, &document.short_title);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    text_box(&harness, ZH.find_hint).type_text(query);
    harness.run();
    assert!(
        has_label(&harness, &format!("1/{total}")),
        "every match counts, {in_text} in the text and {in_cells} in the grid"
    );
    // The last match in 附件1 is a cell far down the grid; a row off screen is not built until
    // find scrolls to it.
    let grid_block = document
        .all_blocks()
        .iter()
        .position(|b| matches!(b, Block::Table { table } if table == "land-prices"))
        .unwrap();
    let matches = find_matches(document, &gazette.tables, query);
    let last_in_grid = matches.iter().rposition(|m| m.block == grid_block).unwrap();
    let row = matches[last_in_grid].cell.unwrap().row;
    let code = table.rows[row][2].as_printed().to_owned();
    assert!(!has_label(&harness, &code), "row {row} starts off screen");
    for _ in last_in_grid..total {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F3);
        harness.run();
    }
    for _ in 0..3 {
        harness.run();
    }
    let position = last_in_grid + 1;
    assert!(has_label(&harness, &format!("{position}/{total}")));
    assert!(
        has_label(&harness, &code),
        "going back from the first match reaches the grid's last match, scrolled into view"
    );
}

/// 视图 zooms the text with the shortcuts it shows, and switches the theme, which is light where
/// the system does not say and is remembered between runs.
#[test]
fn the_view_menu_zooms_and_switches_the_theme_which_persists() {
    let mut harness = harness();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    open_tab(&mut harness, ZH.menu_view);
    assert!(
        harness.query_all_by_label_contains("Ctrl").count() >= 3,
        "the zoom items show their shortcuts"
    );
    harness.get_by_label_contains(ZH.zoom_in).click();
    harness.run();
    assert!(
        harness.ctx.zoom_factor() > 1.0,
        "{}",
        harness.ctx.zoom_factor()
    );
    if harness.query_by_label(ZH.theme_dark).is_none() {
        open_tab(&mut harness, ZH.menu_view);
    }
    harness.get_by_label_contains(ZH.zoom_reset).click();
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    if harness.query_by_label(ZH.theme_dark).is_none() {
        open_tab(&mut harness, ZH.menu_view);
    }
    open_tab(&mut harness, ZH.theme_dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);

    let storage = common::saved(harness.state_mut());
    let gazette = gazette();
    let mut next_run = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| App::new(gazette, Some(&storage)));
    next_run.run();
    assert_eq!(next_run.ctx.theme(), egui::Theme::Dark, "remembered");
}

/// On the small screens clerks have, the window opens at 90 % of the screen less the title bar
/// (1024×600 → 922×500, 1280×720 → 1152×608, 1366×768 → 1229×651): the land-price table still
/// shows a dozen whole rows above its status bar, because the bars above it fold into one line.
#[test]
fn small_screens_show_a_dozen_rows_and_the_status_bar() {
    let gazette = gazette();
    let table = gazette.table("land-prices").unwrap();
    let codes: Vec<String> = table.rows[..12]
        .iter()
        .map(|row| row[2].as_printed().to_owned())
        .collect();
    let title = gazette
        .document("land-price-notice")
        .unwrap()
        .short_title
        .clone();
    for size in [[922.0, 500.0], [1152.0, 608.0], [1229.0, 651.0]] {
        let shown = gazette.clone();
        let mut harness = Harness::builder()
            .with_size(size)
            .build_eframe(move |cc| App::new(shown, cc.storage));
        harness.run();
        open_tab(&mut harness, &title);
        open_tab(&mut harness, "表格");
        let status = harness.get_by_label_contains("显示 66 / 66 行").rect();
        assert!(status.bottom() <= size[1], "{size:?}: status bar on screen");
        for code in &codes {
            let cell = harness.get_by_label(code).rect();
            assert!(
                cell.bottom() <= status.top(),
                "{size:?}: row {code} whole above the status bar ({cell:?}, {status:?})"
            );
        }
    }
}
