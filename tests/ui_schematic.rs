//! The table side of the window, driven headless (egui_kittest): the view switch reaches 表格
//! and 示意图, clicking a region selects its row, rows selected in the table are outlined on the
//! schematic, layer toggles hide a use's regions, and a search hit on a cell opens the table
//! with that row selected.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui::{self, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gazette_browser::model::Gazette;
use gazette_browser::model::load::embedded;
use gazette_browser::schematic::map::MapView;
use gazette_browser::ui::doc_tables::DocMode;
use gazette_browser::ui::strings::ZH;
use gazette_browser::ui::{App, Tab};
use std::collections::BTreeSet;

const NOTICE: &str = "land-price-notice";
const TABLE: &str = "land-prices";

fn gazette() -> Gazette {
    embedded().unwrap()
}

fn harness() -> Harness<'static, App> {
    harness_stepping(0.25)
}

/// The harness with `step_dt` seconds between frames (kittest's default is a quarter second,
/// longer than egui's double-click delay).
fn harness_stepping(step_dt: f32) -> Harness<'static, App> {
    let gazette = gazette();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(step_dt)
        .build_eframe(move |cc| App::new(gazette, cc.storage));
    harness.run();
    harness
}

/// The harness on the land-price notice, in view `view` (正文 / 表格 / 示意图).
fn on_notice(view: &str) -> Harness<'static, App> {
    on_notice_stepping(view, 0.25)
}

/// [`on_notice`] with `step_dt` seconds between frames.
fn on_notice_stepping(view: &str, step_dt: f32) -> Harness<'static, App> {
    let gazette = gazette();
    let mut harness = harness_stepping(step_dt);
    let title = &gazette.document(NOTICE).unwrap().short_title;
    harness.get_by_label(title).click();
    harness.run();
    harness.get_by_label(view).click();
    harness.run();
    harness
}

/// The row of the land-price table with this region code.
fn row_of(code: &str) -> usize {
    let gazette = gazette();
    let table = gazette.table(TABLE).unwrap();
    let column = table.column_index("标定区域编号").unwrap();
    table
        .rows
        .iter()
        .position(|row| row[column].as_printed() == code)
        .unwrap()
}

fn selected(harness: &Harness<'_, App>, table: &str) -> BTreeSet<usize> {
    harness
        .state()
        .doc_tables()
        .store()
        .selected_rows(table)
        .clone()
}

/// Regions whose centre is on no smaller drawn region, so a click there lands on them.
fn clickable_regions(harness: &Harness<'_, App>) -> Vec<(String, Pos2)> {
    let drawn: Vec<(String, Rect)> = harness
        .state()
        .doc_tables()
        .schematic()
        .drawn_regions()
        .to_vec();
    let area = |r: &Rect| r.width() * r.height();
    drawn
        .iter()
        .filter(|(_, rect)| rect.width() > 20.0 && rect.height() > 10.0)
        .filter(|(code, rect)| {
            !drawn.iter().any(|(other, o)| {
                other != code && area(o) <= area(rect) && o.contains(rect.center())
            })
        })
        .map(|(code, rect)| (code.clone(), rect.center()))
        .collect()
}

/// Whether some node's label contains `text` (the status bar joins its parts in one label).
fn shows(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn click_at(harness: &mut Harness<'_, App>, pos: Pos2, modifiers: Modifiers) {
    harness.event(egui::Event::ModifiersChanged(modifiers));
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.run();
    harness.event(egui::Event::ModifiersChanged(Modifiers::default()));
    harness.run();
}

#[test]
fn the_view_switch_reaches_the_table_and_the_schematic() {
    let mut harness = on_notice("表格");
    assert_eq!(harness.state().doc_mode(), DocMode::Table);
    assert!(
        shows(&harness, "显示 66 / 66 行"),
        "the table view's status bar"
    );
    harness.get_by_label("示意图").click();
    harness.run();
    assert_eq!(harness.state().doc_mode(), DocMode::Schematic);
    assert_eq!(
        harness
            .state()
            .doc_tables()
            .schematic()
            .drawn_regions()
            .len(),
        27,
        "the map of the first use, 商服用地"
    );
    assert!(
        harness
            .query_all_by_label("示意图，非实测比例")
            .next()
            .is_some(),
        "the drawing says it is not to scale"
    );
    harness.get_by_label("正文").click();
    harness.run();
    assert_eq!(harness.state().doc_mode(), DocMode::Text);
}

#[test]
fn documents_without_a_schematic_offer_only_text_and_table() {
    let gazette = gazette();
    let mut harness = harness();
    let sme = gazette
        .documents
        .iter()
        .find(|d| {
            gazette
                .tables
                .iter()
                .any(|t| t.id == "sme-awards" && t.document == d.id)
        })
        .unwrap();
    harness.get_by_label(&sme.short_title).click();
    harness.run();
    assert!(harness.query_all_by_label("示意图").next().is_none());
    harness.get_by_label("表格").click();
    harness.run();
    assert_eq!(harness.state().doc_mode(), DocMode::Table);
    // Several tables: a selector among them.
    let targets = &gazette.table("sme-targets").unwrap().title;
    harness.get_by_label(targets).click();
    harness.run();
    let chosen = harness
        .state()
        .doc_tables()
        .chosen_table(&gazette, &sme.id)
        .unwrap();
    assert_eq!(chosen.id, "sme-targets");
}

#[test]
fn clicking_a_region_selects_its_row_and_ctrl_click_adds_another() {
    let mut harness = on_notice("示意图");
    let regions = clickable_regions(&harness);
    assert!(regions.len() >= 2, "{regions:?}");
    let (first, at) = regions[0].clone();
    click_at(&mut harness, at, Modifiers::NONE);
    assert_eq!(selected(&harness, TABLE), BTreeSet::from([row_of(&first)]));
    assert_eq!(
        harness.state().doc_tables().schematic().highlighted_codes(),
        std::slice::from_ref(&first)
    );
    let (second, at) = regions[1].clone();
    click_at(&mut harness, at, Modifiers::COMMAND);
    assert_eq!(
        selected(&harness, TABLE),
        BTreeSet::from([row_of(&first), row_of(&second)])
    );
    assert!(shows(&harness, "已选 2 个区域"));
    // The table view shows the same selection in its status bar.
    harness.get_by_label("表格").click();
    harness.run();
    assert!(shows(&harness, "已选 2 行"));
}

#[test]
fn rows_selected_in_the_table_are_outlined_on_the_schematic() {
    let mut harness = on_notice("表格");
    harness.get_by_label("411700S50002").click();
    harness.run();
    assert_eq!(
        selected(&harness, TABLE),
        BTreeSet::from([row_of("411700S50002")])
    );
    harness.get_by_label("示意图").click();
    harness.run();
    assert_eq!(
        harness.state().doc_tables().schematic().highlighted_codes(),
        ["411700S50002".to_owned()]
    );
}

/// Codes of the regions of one use, from the table.
fn codes_of(land_use: &str) -> BTreeSet<String> {
    let gazette = gazette();
    let table = gazette.table(TABLE).unwrap();
    let use_column = table.column_index("用途").unwrap();
    let code_column = table.column_index("标定区域编号").unwrap();
    table
        .rows
        .iter()
        .filter(|row| row[use_column].as_printed() == land_use)
        .map(|row| row[code_column].as_printed().to_owned())
        .collect()
}

fn drawn_codes(harness: &Harness<'_, App>) -> BTreeSet<String> {
    harness
        .state()
        .doc_tables()
        .schematic()
        .drawn_regions()
        .iter()
        .map(|(code, _)| code.clone())
        .collect()
}

#[test]
fn the_map_switch_shows_one_use_at_a_time_or_all_together() {
    let mut harness = on_notice("示意图");
    assert_eq!(
        drawn_codes(&harness),
        codes_of("商服用地"),
        "the first use first"
    );
    harness.get_by_label("住宅用地（27）").click();
    harness.run();
    assert_eq!(drawn_codes(&harness), codes_of("住宅用地"));
    harness.get_by_label("工业用地（12）").click();
    harness.run();
    assert_eq!(drawn_codes(&harness), codes_of("工业用地"));
    assert!(shows(&harness, "工业用地 地面单价"), "its own legend");
    assert!(shows(&harness, "数字为序号"));
    harness.get_by_label("全部用途（66）").click();
    harness.run();
    assert_eq!(drawn_codes(&harness).len(), 66);
    for land_use in ["商服用地", "住宅用地", "工业用地"] {
        assert!(
            shows(&harness, &format!("{land_use} 地面单价")),
            "{land_use}"
        );
    }
}

#[test]
fn a_search_hit_on_a_cell_opens_the_table_with_that_row_selected() {
    let gazette = gazette();
    let query = "411700Z70012";
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness
        .get_by(|node| node.data().placeholder() == Some(ZH.search_hint))
        .type_text(query);
    harness.run();
    let hit = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .find(|node| {
            let label = node.accesskit_node().label();
            label.is_some_and(|l| l.contains(query))
        })
        .unwrap();
    hit.click();
    harness.run();
    assert_eq!(*harness.state().tab(), Tab::Document(NOTICE.to_owned()));
    assert_eq!(harness.state().doc_mode(), DocMode::Table);
    let table = harness
        .state()
        .doc_tables()
        .chosen_table(&gazette, NOTICE)
        .unwrap();
    let code_column = table
        .columns
        .iter()
        .position(|c| c.kind == gazette_browser::model::ColumnKind::Code)
        .unwrap();
    let rows = selected(&harness, &table.id);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = *rows.iter().next().unwrap();
    assert_eq!(table.rows[row][code_column].as_printed(), query);
    assert!(shows(&harness, "已选 1 行"));
}

#[test]
fn the_text_view_points_to_the_cross_check_instead_of_pushing_the_text_down() {
    let mut harness = on_notice("正文");
    let line = harness
        .query_all_by_role(egui::accesskit::Role::Link)
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("数据核对"))
        })
        .unwrap();
    line.click();
    harness.run();
    assert_eq!(harness.state().doc_mode(), DocMode::Table);
    assert!(
        harness
            .query_all_by_label(ZH.crosscheck_intro)
            .next()
            .is_some(),
        "the cross-check opens above the table"
    );
}

#[test]
fn a_table_in_the_text_opens_in_the_table_view() {
    let gazette = gazette();
    let mut harness = on_notice("正文");
    harness
        .query_all_by_label("在表格视图中打开 →")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().doc_mode(), DocMode::Table);
    let chosen = harness
        .state()
        .doc_tables()
        .chosen_table(&gazette, NOTICE)
        .unwrap();
    assert_eq!(chosen.id, TABLE);
}

/// The rectangle of region `code` on the schematic, as drawn in the last frame.
fn drawn_rect(harness: &Harness<'_, App>, code: &str) -> Rect {
    harness
        .state()
        .doc_tables()
        .schematic()
        .drawn_regions()
        .iter()
        .find(|(drawn, _)| drawn == code)
        .map(|(_, rect)| *rect)
        .unwrap_or_else(|| panic!("{code} is not drawn"))
}

/// Double-clicks the table cell showing `text` (the leftmost one: the details pane repeats it).
fn double_click_cell(harness: &mut Harness<'_, App>, text: &str) {
    let at = |harness: &Harness<'_, App>| {
        harness
            .query_all_by_label(text)
            .map(|node| node.rect().center())
            .min_by(|a, b| a.x.total_cmp(&b.x))
            .unwrap_or_else(|| panic!("no cell {text}"))
    };
    let pos = at(harness);
    // Half a second after the clicks that opened the table, or egui counts a triple-click.
    harness.run_steps(30);
    // Two clicks within egui's double-click delay: one frame per event, no settling between
    // (the harness must step faster than the delay).
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn double_clicking_a_table_row_shows_its_region_on_its_use_map_zoomed_in() {
    let gazette = gazette();
    let code = "411700G60003";
    let row = row_of(code);
    // Frames a sixtieth of a second apart, as in the window, so two clicks make a double-click.
    let mut harness = on_notice_stepping("表格", 1.0 / 60.0);
    harness
        .state_mut()
        .doc_tables_mut()
        .open_table(&gazette, TABLE, Some(row));
    harness.run();
    double_click_cell(&mut harness, code);
    assert_eq!(harness.state().doc_mode(), DocMode::Schematic);
    assert_eq!(
        harness.state().doc_tables().schematic().map(),
        Some(&MapView::Use("工业用地".to_owned())),
        "the map of the row's use"
    );
    assert_eq!(drawn_codes(&harness), codes_of("工业用地"));
    assert_eq!(
        harness.state().doc_tables().schematic().highlighted_codes(),
        [code.to_owned()],
        "the region is outlined as selected"
    );
    let focused = drawn_rect(&harness, code);
    let window = Rect::from_min_size(Pos2::ZERO, egui::vec2(1280.0, 800.0));
    assert!(
        (focused.center().x - window.center().x).abs() < 120.0
            && (focused.center().y - window.center().y).abs() < 160.0,
        "the region is in the middle of the view: {focused:?}"
    );
    harness.get_by_label("适合窗口").click();
    harness.run();
    let fitted = drawn_rect(&harness, code);
    assert!(
        focused.width() > 1.4 * fitted.width() && focused.height() > 1.4 * fitted.height(),
        "zoomed in on it: {focused:?} against {fitted:?} fitted"
    );
}

#[test]
fn show_on_the_schematic_in_the_details_pane_goes_to_the_focused_row() {
    let gazette = gazette();
    let code = "411700Z70012";
    let row = row_of(code);
    let mut harness = on_notice("表格");
    harness
        .state_mut()
        .doc_tables_mut()
        .open_table(&gazette, TABLE, Some(row));
    harness.run();
    harness.get_by_label("在示意图中查看").click();
    harness.run();
    assert_eq!(harness.state().doc_mode(), DocMode::Schematic);
    assert_eq!(
        harness.state().doc_tables().schematic().map(),
        Some(&MapView::Use("住宅用地".to_owned()))
    );
    assert!(drawn_codes(&harness).contains(code));
}

#[test]
fn every_map_is_readable_and_fills_small_and_large_windows() {
    let gazette = gazette();
    for size in [[1024.0, 600.0], [1920.0, 1080.0]] {
        let short = gazette.document(NOTICE).unwrap().short_title.clone();
        let gazette = gazette.clone();
        let mut harness = Harness::builder()
            .with_size(size)
            .build_eframe(move |cc| App::new(gazette, cc.storage));
        harness.run();
        harness.get_by_label(&short).click();
        harness.run();
        harness.get_by_label("示意图").click();
        harness.run();
        // The help line fits beside the buttons on a wide window; on a narrow one it is a
        // tooltip, so it does not take a line from the map.
        assert_eq!(shows(&harness, "拖动平移"), size[0] > 1500.0, "{size:?}");
        for (map, count) in [
            ("商服用地（27）", 27),
            ("住宅用地（27）", 27),
            ("工业用地（12）", 12),
            ("全部用途（66）", 66),
        ] {
            harness.get_by_label(map).click();
            harness.run();
            let scene = harness.state().doc_tables().schematic().scene().unwrap();
            assert_eq!(scene.regions.len(), count, "{map} at {size:?}");
            let problems = scene.readability_problems();
            assert!(problems.is_empty(), "{map} at {size:?}: {problems:#?}");
            let drawn = harness.state().doc_tables().schematic().drawn_regions();
            let union = drawn
                .iter()
                .map(|(_, rect)| *rect)
                .reduce(|a, b| a.union(b))
                .unwrap();
            assert!(
                union.width() > 0.6 * size[0] || union.height() > 0.5 * size[1],
                "{map} at {size:?} fills the view: {union:?}"
            );
        }
    }
}

#[test]
fn a_big_city_is_laid_out_off_the_ui_thread_while_the_window_keeps_drawing() {
    let mut gazette = gazette();
    gazette_browser::synthetic::grow_land_prices(&mut gazette, 1_000, 5).unwrap();
    let short = gazette.document(NOTICE).unwrap().short_title.clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::new(gazette, cc.storage));
    harness.run();
    harness.get_by_label(&short).click();
    harness.run();
    harness.get_by_label("示意图").click();
    harness.step();
    // The frame came back before the layout: the window says it is laying out.
    assert!(shows(&harness, "正在排布示意图"));
    assert!(drawn_codes(&harness).is_empty());
    // The layout arrives from the pool; a generous guard against a hang, not a timing.
    for _ in 0..2_400 {
        if !shows(&harness, "正在排布示意图") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    harness.run();
    assert!(!shows(&harness, "正在排布示意图"));
    assert!(!drawn_codes(&harness).is_empty());
}
