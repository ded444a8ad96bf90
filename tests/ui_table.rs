//! The table widget as a clerk uses it, headless: sort by a header click, type a filter,
//! Ctrl+A, Ctrl+C.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui::accesskit::Role;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::model::{ColumnKind, Table};
use gazette_browser::table::Store;

mod common;
use common::table_screen::{Screen, column, land_prices, table_harness, wait_for_label};

/// Six rows of 附件1.
fn table() -> Table {
    land_prices(&[
        ["1", "商服用地", "411700S50001", "3298.21", "4520"],
        ["2", "商服用地", "411700S50002", "2234.06", "4415"],
        ["28", "住宅用地", "411700Z70001", "94008.28", "5595"],
        ["30", "住宅用地", "411700Z70003", "39235.66", "5640"],
        ["41", "住宅用地", "411700Z70014", "77120.76", "3945"],
        ["55", "工业用地", "411700G60001", "168658.88", "361"],
    ])
}

fn harness() -> Harness<'static, Screen> {
    harness_with(Store::default())
}

/// The table view over a store that already holds what the clerk asked of the table.
fn harness_with(store: Store) -> Harness<'static, Screen> {
    table_harness(table(), store, egui::vec2(1200.0, 600.0))
}

/// Presses a shortcut and returns what it put on the clipboard, if anything.
fn clipboard_after(harness: &mut Harness<'_, Screen>, key: Key) -> Option<String> {
    harness.state_mut().clipboard = None;
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
    harness.state().clipboard.clone()
}

/// Clicks the row showing `first`, then Ctrl+clicks the row showing `second`.
fn select_two(harness: &mut Harness<'_, Screen>, first: &str, second: &str) {
    harness.get_by_label(first).click();
    harness.run();
    harness
        .get_by_label(second)
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
}

/// The 标定区域编号 column of copied TSV, in order.
fn codes(tsv: &str) -> Vec<&str> {
    tsv.lines()
        .skip(1)
        .map(|line| line.split('\t').nth(2).unwrap())
        .collect()
}

#[test]
fn clicking_a_header_sorts_ascending_then_descending() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("地面单价(元/m²)").click();
    harness.run();
    harness.get_by_label("地面单价(元/m²) ▲").click();
    harness.run();
    assert!(harness.query_by_label("地面单价(元/m²) ▼").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    let copied = clipboard_after(&mut harness, Key::C).expect("Ctrl+C copies");
    assert_eq!(
        codes(&copied),
        [
            "411700Z70003",
            "411700Z70001",
            "411700S50001",
            "411700S50002",
            "411700Z70014",
            "411700G60001"
        ]
    );
}

#[test]
fn typing_a_quick_filter_hides_other_rows() {
    let mut harness = harness();
    harness.run();
    assert!(
        harness
            .query_by_label("显示 6 / 6 行　·　已选 0 行")
            .is_some()
    );
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("住宅");
    harness.run();
    assert!(
        harness.query_by_label("411700S50001").is_none(),
        "商服 rows hidden"
    );
    assert!(harness.query_by_label("411700Z70014").is_some());
    assert!(
        harness
            .query_by_label("显示 3 / 6 行　·　已选 0 行")
            .is_some()
    );
    harness.get_by_label("× 清除筛选").click();
    harness.run();
    assert!(
        harness.query_by_label("411700S50001").is_some(),
        "one click clears"
    );
}

/// Pinyin composed in the quick filter (an input method drawing its composition in the box) is
/// not filtered on: "zhu zhai" emptied the table while 住宅 was being typed.
#[test]
fn the_quick_filter_waits_for_the_input_method_to_commit() {
    let mut harness = harness();
    harness.run();
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "zhu zhai".into(),
        active_range_chars: None,
    }));
    harness.run();
    harness.run();
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some("zhu zhai"),
        "the composition stays in the box between frames"
    );
    assert!(
        harness.query_by_label("411700S50001").is_some(),
        "every row still shows while composing"
    );
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("住宅".into())));
    harness.run();
    harness.run();
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some("住宅")
    );
    assert!(harness.query_by_label("411700S50001").is_none());
    assert!(harness.query_by_label("411700Z70014").is_some());
}

#[test]
fn ctrl_a_selects_the_shown_rows_and_ctrl_c_copies_them_with_headers() {
    let mut harness = harness();
    harness.run();
    select_two(&mut harness, "411700Z70001", "411700G60001");
    let status = "显示 6 / 6 行　·　已选 2 行　·　土地面积合计 262,667.16 m²";
    assert!(
        harness.query_by_label(status).is_some(),
        "sum of the selection"
    );
    let copied = clipboard_after(&mut harness, Key::C).unwrap();
    assert_eq!(
        copied,
        "序号\t用途\t标定区域编号\t土地面积(m²)\t地面单价(元/m²)\n\
         28\t住宅用地\t411700Z70001\t94008.28\t5595\n\
         55\t工业用地\t411700G60001\t168658.88\t361\n"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert_eq!(harness.state().store.selected_rows("land-prices").len(), 6);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .state()
            .store
            .selected_rows("land-prices")
            .is_empty()
    );
    assert_eq!(
        clipboard_after(&mut harness, Key::C),
        None,
        "nothing selected, nothing copied"
    );
}

#[test]
fn shift_click_selects_a_range_and_the_details_pane_shows_the_focused_row() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("411700S50002").click();
    harness.run();
    harness
        .get_by_label("411700Z70014")
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    let selected: Vec<usize> = harness
        .state()
        .store
        .selected_rows("land-prices")
        .iter()
        .copied()
        .collect();
    assert_eq!(selected, [1, 2, 3, 4]);
    assert!(
        harness.query_by_label("77,120.76").is_some(),
        "the row reads formatted"
    );
    assert_eq!(
        harness.query_all_by_label("77120.76").count(),
        1,
        "the details pane keeps the printed value"
    );
    assert_eq!(
        harness.query_all_by_label("411700Z70014").count(),
        2,
        "row and details pane"
    );
}

/// The export follows the selection: with rows selected, the toolbar button and the dialog say
/// "导出选中 N 行…" and the dialog opens on the selected rows; with none, on the shown rows.
#[test]
fn export_opens_on_the_selected_rows_when_there_are_any() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(
        harness.query_by_label("导出显示的 6 行…").is_some(),
        "nothing selected: the dialog writes the shown rows"
    );
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("导出显示的 6 行…").is_none());

    select_two(&mut harness, "411700S50002", "411700Z70014");
    harness.get_by_label("导出选中 2 行…").click();
    harness.run();
    assert_eq!(
        harness.query_all_by_label("导出选中 2 行…").count(),
        2,
        "the toolbar's button and the dialog's both name the 2 selected rows"
    );
    assert!(harness.query_by_label("导出显示的 6 行…").is_none());

    harness.get_by_label("取消").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert_eq!(
        harness.query_all_by_label("导出选中 2 行…").count(),
        2,
        "Ctrl+E opens on the selection too"
    );
}

/// Where no save dialog can appear (a minimal Linux desktop), the export dialog says why and
/// offers a path field, prefilled with the last folder and the suggested name; the file is
/// written there, and with no program to open folders its folder is shown to copy.
#[test]
fn without_a_save_dialog_the_export_writes_to_the_typed_path() {
    use gazette_browser::desktop::{DialogSupport, MissingReason};
    let folder = std::env::temp_dir().join(format!("ui-table-export-{}", std::process::id()));
    // Empty, even if an earlier run of the same process id (wine reuses them) left it behind.
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let mut harness = harness();
    harness.state_mut().view.dialogs = DialogSupport::Missing(MissingReason::NoPortalNoZenity);
    harness.state_mut().view.last_folder = Some(folder.clone());
    harness.run();
    select_two(&mut harness, "411700S50002", "411700Z70014");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.query_by_label("保存到：").is_some());
    assert!(
        harness.query_by_label_contains("zenity").is_some(),
        "says why"
    );
    harness
        .query_all_by_label("导出选中 2 行…")
        .last()
        .unwrap()
        .click();
    wait_for_label(&mut harness, "所在文件夹");
    let folder_line = format!("所在文件夹：{}", folder.display());
    assert!(
        harness.query_by_label(&folder_line).is_some(),
        "no opener: the folder to copy"
    );
    assert!(harness.query_by_label("打开所在文件夹").is_none());
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one file, no temporary left: {files:?}");
    let name = files[0].file_name().into_string().unwrap();
    assert!(
        name.ends_with("_选中2行.csv"),
        "the suggested name says the rows are a selection: {name}"
    );
    let csv = std::fs::read_to_string(files[0].path()).unwrap();
    assert_eq!(
        csv.lines().count(),
        3,
        "header and the 2 selected rows: {csv}"
    );
    assert!(csv.contains("411700S50002") && csv.contains("411700Z70014"));

    // The same name again: the clerk is told the file exists; only a second click replaces it.
    std::fs::write(files[0].path(), "the clerk's own file").unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    // Clicks step the harness instead of running it until it settles: a write on the worker
    // keeps the window repainting, longer than `run` allows on a loaded machine.
    let export = |harness: &mut Harness<'_, Screen>| {
        harness
            .query_all_by_label("导出选中 2 行…")
            .last()
            .unwrap()
            .click();
        harness.step();
    };
    export(&mut harness);
    wait_for_label(&mut harness, "该文件已存在");
    assert!(harness.query_by_label_contains("该文件已存在").is_some());
    let untouched = std::fs::read_to_string(files[0].path()).unwrap();
    assert_eq!(
        untouched, "the clerk's own file",
        "not replaced on the first click"
    );
    export(&mut harness);
    let replaced =
        || std::fs::read_to_string(files[0].path()).is_ok_and(|csv| csv.lines().count() == 3);
    for _ in 0..3000 {
        if replaced() {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let csv = std::fs::read_to_string(files[0].path()).unwrap();
    assert_eq!(
        csv.lines().count(),
        3,
        "replaced on the second click: {csv}"
    );
    std::fs::remove_dir_all(&folder).unwrap();
}

/// Numbers read as in a spreadsheet: thousands separators, the column's decimals, right-aligned
/// so the digits of equal places line up (each digit as wide as the widest); the printed value
/// stays in the copy.
#[test]
fn numbers_are_right_aligned_with_separators_and_the_columns_decimals() {
    let mut harness = harness();
    harness.run();
    let areas = ["3,298.21", "2,234.06", "94,008.28", "168,658.88"];
    let rights: Vec<f32> = areas
        .iter()
        .map(|a| harness.get_by_label(a).rect().right())
        .collect();
    assert!(
        rights.iter().all(|r| (r - rights[0]).abs() < 0.5),
        "one right edge: {rights:?}"
    );
    let width = |label: &str| harness.get_by_label(label).rect().width();
    assert!(
        (width("3,298.21") - width("2,234.06")).abs() < 0.5,
        "figures of one width"
    );
    assert!(width("168,658.88") > width("94,008.28"), "one more digit");
    let price_rights = ["4,520", "361"].map(|p| harness.get_by_label(p).rect().right());
    assert!((price_rights[0] - price_rights[1]).abs() < 0.5);
    harness.get_by_label("2,234.06").click();
    harness.run();
    let copied = clipboard_after(&mut harness, Key::C).unwrap();
    assert!(
        copied.contains("\t2234.06\t4415"),
        "copy keeps the printed value: {copied}"
    );
}

/// At the narrowest width the table allows, every header still shows its whole title (on two
/// lines if need be), its unit, its sort mark and its filter button, inside its column.
#[test]
fn at_the_narrowest_width_headers_keep_their_title_sort_mark_and_filter_button() {
    // Every column remembered narrower than anything the table allows, sorted by price.
    let mut store = Store::default();
    let state = store.fitted(&table());
    state.query.cycle_sort(4, false);
    for column in 0..5 {
        state.layout.widths.insert(column, 1.0);
    }
    let mut harness = harness_with(store);
    harness.run();
    let sorted = harness.get_by_label("地面单价(元/m²) ▲");
    let filters: Vec<_> = harness.query_all_by_label("▽").collect();
    assert_eq!(filters.len(), 5, "a filter button for every column");
    let header = sorted.rect();
    assert!(
        filters.iter().any(|b| {
            let r = b.rect();
            r.left() >= header.right() - 1.0 && r.top() < header.bottom()
        }),
        "the price's filter button beside its title"
    );
    let mark = harness.get_by_label("▲").rect();
    assert!(
        mark.left() >= header.right() - 1.0 && mark.top() < header.bottom(),
        "the sort mark beside the title: {mark:?} {header:?}"
    );
    let widths = &harness
        .state()
        .store
        .state("land-prices")
        .unwrap()
        .layout
        .widths;
    assert!(
        widths.values().all(|&w| w > 40.0),
        "no column narrower than its header needs: {widths:?}"
    );
    for button in &filters {
        assert!(button.rect().width() > 5.0, "not squeezed away");
    }
}

/// The 用途 filter stays open while the clerk ticks several values, and closes on Esc (which
/// then leaves the selection alone).
#[test]
fn the_value_filter_stays_open_until_escape() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("411700Z70001").click();
    harness.run();
    let use_filter = harness.query_all_by_label("▽").nth(1).unwrap();
    use_filter.click();
    harness.run();
    harness.get_by_label("商服用地  2").click();
    harness.run();
    assert!(
        harness.query_by_label("工业用地  1").is_some(),
        "still open after a tick"
    );
    harness.get_by_label("工业用地  1").click();
    harness.run();
    assert!(harness.query_by_label("住宅用地  3").is_some());
    assert!(
        harness.query_by_label("411700S50001").is_none(),
        "商服 unticked"
    );
    assert!(
        harness.query_by_label("411700G60001").is_none(),
        "工业 unticked"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("住宅用地  3").is_none(),
        "Esc closes"
    );
    assert_eq!(
        harness.state().store.selected_rows("land-prices").len(),
        1,
        "the Esc that closed the popup kept the selection"
    );
}

/// Columns fill the width they have (no empty space beside cut text); a long text shows whole
/// when there is room.
#[test]
fn columns_fill_the_width_beside_the_details_pane() {
    let mut harness = harness();
    harness.run();
    harness.run();
    let last_filter = harness.query_all_by_label("▽").last().unwrap().rect();
    let details = harness.get_by_label("详细信息").rect();
    assert!(
        details.left() - last_filter.right() < 40.0,
        "the last column reaches the details pane: {last_filter:?} {details:?}"
    );
    let first_filter = harness.query_all_by_label("▽").next().unwrap().rect();
    assert!(first_filter.left() > 40.0, "序号 keeps room for its title");
}

/// Filtering to no rows says so where the rows would be, with a button that clears the filters.
#[test]
fn no_matching_rows_says_so_and_offers_to_clear_the_filters() {
    let mut harness = harness();
    harness.run();
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("药谷");
    harness.run();
    assert!(harness.query_by_label("没有符合条件的行").is_some());
    harness.get_by_label("清除筛选").click();
    harness.run();
    assert!(harness.query_by_label("没有符合条件的行").is_none());
    assert!(
        harness.query_by_label("411700S50001").is_some(),
        "rows back"
    );
}

/// The quick filter's words are marked in the cells, and a long cell whose match would fall
/// into its "…" starts just before the match instead.
#[test]
fn a_quick_filter_match_is_never_hidden_in_the_ellipsis() {
    let bounds = &format!(
        "{}再往北至驿城大道与天中山大道交叉口以南的药谷路",
        "东至京广铁路、西至文明大道、南至前进大道、北至雪松大道、".repeat(3)
    );
    let table = Table {
        columns: vec![
            column("序号", ColumnKind::Integer, None),
            column("标定区域四至", ColumnKind::Text, None),
            column("土地面积", ColumnKind::Decimal, Some("m²")),
        ],
        rows: vec![
            vec!["1".into(), bounds.as_str().into(), "3298.21".into()],
            vec!["2".into(), "东至药谷路".into(), "2234.06".into()],
        ],
        ..table()
    };
    let mut harness = table_harness(table, Store::default(), egui::vec2(700.0, 400.0));
    harness.run();
    assert!(
        harness.query_by_label(bounds).is_some(),
        "cut, but whole on the record"
    );
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("药谷");
    harness.run();
    assert!(
        harness.query_by_label("…南的药谷路").is_some(),
        "the long cell starts two characters before its match"
    );
    assert!(
        harness.query_by_label("东至药谷路").is_some(),
        "a short cell stays whole"
    );
}

/// 附件1 is wider than a small window: 序号, 用途 and 标定区域编号 stay at the left while the
/// other columns scroll sideways, and both parts scroll up and down together, row beside row.
#[test]
fn the_leading_columns_stay_while_the_others_scroll() {
    let gazette = gazette_browser::model::load::embedded().unwrap();
    let table = gazette.table("land-prices").unwrap().clone();
    let last = table.rows.len() - 1;
    let last_code = table.rows[last][2].as_printed().to_owned();
    let last_name = table.rows[last][4].as_printed().to_owned();
    let first_code = table.rows[0][2].as_printed().to_owned();
    let price_header = table.columns[12].header();
    let mut harness = table_harness(table, Store::default(), egui::vec2(1000.0, 600.0));
    harness.run();
    unfold_details(&mut harness);
    let code_at = harness.get_by_label(&first_code).rect();
    harness.get_by_label(&price_header).scroll_to_me();
    harness.run();
    let details = harness.get_by_label("详细信息").rect();
    assert!(
        harness.get_by_label(&price_header).rect().right() <= details.left() + 1.0,
        "scrolled to the last column"
    );
    assert_eq!(
        harness.get_by_label(&first_code).rect(),
        code_at,
        "the code column stayed"
    );
    assert!(harness.query_by_label("序号").is_some());

    for _ in 0..12 {
        harness.event(egui::Event::PointerMoved(egui::pos2(600.0, 400.0)));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        // The wheel scrolls smoothly over a few frames; the frozen part follows a frame later.
        harness.run_steps(8);
    }
    harness.run();
    let code = harness.get_by_label(&last_code).rect();
    let name = harness.get_by_label(&last_name).rect();
    assert!(
        (code.center().y - name.center().y).abs() < 1.0,
        "the last row's code beside its name: {code:?} {name:?}"
    );
}

/// The details pane breaks a long value only where Chinese typesetting allows: no ，；》 at the
/// start of a line, no 《 at its end, and a code stays whole.
#[test]
fn the_details_pane_breaks_lines_by_the_rules_of_chinese_typesetting() {
    let bounds = "东至《京广铁路》，西至文明大道，南至前进大道、北至雪松大道；".repeat(3);
    let table = Table {
        columns: vec![
            column("序号", ColumnKind::Integer, None),
            column("标定区域编号", ColumnKind::Code, None),
            column("标定区域四至", ColumnKind::Text, None),
        ],
        rows: vec![vec![
            "1".into(),
            "411700S50001".into(),
            bounds.as_str().into(),
        ]],
        ..table()
    };
    let mut harness = table_harness(table, Store::default(), egui::vec2(900.0, 600.0));
    // The program's own Chinese font, so that characters have their real widths.
    harness.ctx.add_font(egui::epaint::text::FontInsert::new(
        gazette_browser::ui::FONT_NAME,
        egui::FontData::from_static(gazette_browser::ui::NOTO_SANS_SC),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Highest,
        }],
    ));
    harness.run();
    unfold_details(&mut harness);
    harness.get_by_label("411700S50001").click();
    harness.run();
    assert_eq!(
        harness.query_all_by_label("411700S50001").count(),
        2,
        "the code whole in the row and in the details pane"
    );
    let value = harness
        .query_all_by_label_contains("《")
        .filter_map(|node| node.value())
        .find(|label| label.contains('\n'))
        .expect("the long value takes several lines");
    assert_eq!(value.replace('\n', ""), bounds, "nothing lost");
    let lines: Vec<&str> = value.lines().collect();
    assert!(lines.len() > 3, "{lines:?}");
    for line in &lines {
        assert!(!line.starts_with(['，', '；', '、', '》']), "{lines:?}");
        assert!(!line.ends_with('《'), "{lines:?}");
    }
}

/// The folded details pane's button: one character a line, read top to bottom.
const FOLDED_DETAILS: &str = "«\n详\n细\n信\n息";

/// Opens the details pane where a narrow window folded it.
fn unfold_details(harness: &mut Harness<'_, Screen>) {
    harness.get_by_label(FOLDED_DETAILS).click();
    harness.run();
}

/// On a narrow window (a 1024×600 laptop) the details pane starts folded to a strip, so the
/// grid keeps its width; its button opens it, » folds it again, and the clerk's choice holds
/// whatever the width.
#[test]
fn a_narrow_window_folds_the_details_pane_until_the_clerk_opens_it() {
    let mut harness = table_harness(table(), Store::default(), egui::vec2(900.0, 600.0));
    harness.run();
    assert!(
        harness.query_by_label("详细信息").is_none(),
        "folded at 900 points"
    );
    let strip = harness.get_by_label(FOLDED_DETAILS).rect();
    assert!(strip.width() < 40.0, "a narrow strip: {strip:?}");
    unfold_details(&mut harness);
    assert!(harness.query_by_label("详细信息").is_some(), "opened");
    assert_eq!(harness.state().view.details_open, Some(true));
    harness.get_by_label("»").click();
    harness.run();
    assert!(harness.query_by_label("详细信息").is_none(), "folded again");
    assert_eq!(harness.state().view.details_open, Some(false));

    let mut wide = table_harness(table(), Store::default(), egui::vec2(1400.0, 600.0));
    wide.run();
    assert!(
        wide.query_by_label("详细信息").is_some(),
        "open where there is room"
    );
    wide.get_by_label("»").click();
    wide.run();
    wide.set_size(egui::vec2(1600.0, 600.0));
    wide.run();
    assert!(
        wide.query_by_label("详细信息").is_none(),
        "the clerk's choice holds"
    );
}

/// The clerk chooses the frozen columns in the 列 menu: with 不冻结 the codes scroll away
/// with the rest; with 冻结至“标定区域编号” they stay beside the prices. The choice is kept.
#[test]
fn the_clerk_chooses_the_frozen_columns() {
    let gazette = gazette_browser::model::load::embedded().unwrap();
    let table = gazette.table("land-prices").unwrap().clone();
    let first_code = table.rows[0][2].as_printed().to_owned();
    let price_header = table.columns[12].header();
    let size = egui::vec2(800.0, 600.0);
    let mut harness = table_harness(table, Store::default(), size);
    harness.run();
    let choose = |harness: &mut Harness<'_, Screen>, label: &str| {
        harness.get_by_label("列").click();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
        harness.key_press(Key::Escape);
        harness.run();
    };
    // Brings the prices into view; returns where the first code was before and after.
    let scroll_to_prices = |harness: &mut Harness<'_, Screen>| {
        let before = harness.get_by_label(&first_code).rect();
        assert!(
            harness.get_by_label(&price_header).rect().right() > size.x,
            "the prices start out of view"
        );
        harness.get_by_label(&price_header).scroll_to_me();
        harness.run();
        assert!(harness.get_by_label(&price_header).rect().right() <= size.x);
        (before, harness.get_by_label(&first_code).rect())
    };

    choose(&mut harness, "不冻结");
    let (before, after) = scroll_to_prices(&mut harness);
    assert_ne!(before, after, "nothing frozen: the codes scroll away");

    choose(&mut harness, "冻结至“标定区域编号”");
    let (before, after) = scroll_to_prices(&mut harness);
    assert_eq!(
        before, after,
        "the codes stay while the prices come into view"
    );
    let state = harness.state().store.state("land-prices").unwrap();
    assert_eq!(
        state.layout.frozen,
        gazette_browser::table::Frozen::Through(2)
    );
}
