//! A large table (200,000 synthetic rows) stays responsive: a header click or a quick filter is
//! computed on a worker thread while the previous order stays on screen with 正在排序… /
//! 正在筛选…, the frame after the click returns at once, and the result swaps in a few frames
//! later. A newer click supersedes an older one still running.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::model::Gazette;
use gazette_browser::model::load::embedded;
use gazette_browser::synthetic::{GROWN_TABLE, grow_land_prices};
use gazette_browser::ui::table_view::TableView;
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROWS: usize = 200_000;
const PRICE: &str = "地面单价(元/m²)";

fn big_gazette() -> Arc<Gazette> {
    let mut gazette = embedded().unwrap();
    grow_land_prices(&mut gazette, ROWS, 42).unwrap();
    Arc::new(gazette)
}

fn harness(gazette: &Arc<Gazette>) -> Harness<'static, TableView> {
    let mut view = TableView::default();
    view.share(Arc::clone(gazette));
    let shown = Arc::clone(gazette);
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1400.0, 700.0))
        .build_ui_state(
            move |ui, view: &mut TableView| {
                let table = shown.table(GROWN_TABLE).unwrap();
                view.show(ui, table);
            },
            view,
        );
    harness.run();
    harness
}

/// Scrolls the grid sideways until the header `label` is on screen: the price columns lie
/// right of what the window shows at first, as they do for a clerk.
fn scroll_into_view(harness: &mut Harness<'_, TableView>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
}

/// Steps frames until the worker's result is in; returns how many frames that took.
fn until_idle(harness: &mut Harness<'_, TableView>) -> usize {
    let start = Instant::now();
    let mut frames = 0;
    while harness.state().is_busy() {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "worker never ended"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
        frames += 1;
    }
    harness.run();
    frames
}

fn prices(gazette: &Gazette, rows: &[usize]) -> Vec<f64> {
    let table = gazette.table(GROWN_TABLE).unwrap();
    let column = table.column_index("地面单价").unwrap();
    rows.iter()
        .map(|&r| table.rows[r][column].as_printed().parse().unwrap())
        .collect()
}

#[test]
fn a_header_click_sorts_on_a_worker_while_the_old_order_stays() {
    let gazette = big_gazette();
    let mut harness = harness(&gazette);
    let printed: Vec<usize> = (0..ROWS).collect();
    assert_eq!(harness.state().shown_rows(), printed);
    assert!(!harness.state().is_busy());

    scroll_into_view(&mut harness, PRICE);
    harness.get_by_label(PRICE).click();
    let start = Instant::now();
    harness.step();
    let frame = start.elapsed();
    eprintln!("frame with the header click: {frame:?}");
    assert!(harness.state().is_busy(), "the sort runs on a worker");
    assert_eq!(harness.state().shown_rows(), printed, "old order kept");
    assert!(frame < Duration::from_millis(1000), "{frame:?}");

    harness.step();
    if harness.state().is_busy() {
        assert!(harness.query_by_label("正在排序…").is_some());
    }
    let frames = until_idle(&mut harness);
    eprintln!("sorted result arrived after {frames} frames");
    let shown = harness.state().shown_rows().to_vec();
    assert_eq!(shown.len(), ROWS);
    let sorted = prices(&gazette, &shown);
    assert!(
        sorted.windows(2).all(|w| w[0] <= w[1]),
        "ascending by price"
    );
    assert!(harness.query_by_label("正在排序…").is_none());
    assert!(harness.query_by_label(&format!("{PRICE} ↑")).is_some());
}

#[test]
fn a_second_click_supersedes_the_first() {
    let gazette = big_gazette();
    let mut harness = harness(&gazette);
    scroll_into_view(&mut harness, PRICE);
    harness.get_by_label(PRICE).click();
    harness.step();
    harness.step(); // the header shows the new direction from the frame after the click
    harness.get_by_label(&format!("{PRICE} ↑")).click();
    harness.step();
    until_idle(&mut harness);
    let shown = harness.state().shown_rows().to_vec();
    let sorted = prices(&gazette, &shown);
    assert!(
        sorted.windows(2).all(|w| w[0] >= w[1]),
        "descending by price"
    );
}

#[test]
fn a_quick_filter_filters_on_a_worker() {
    let gazette = big_gazette();
    let mut harness = harness(&gazette);
    harness.get_by_role(Role::TextInput).click();
    harness.step();
    harness.get_by_role(Role::TextInput).type_text("工业");
    harness.step();
    assert!(harness.state().is_busy(), "the filter runs on a worker");
    harness.step();
    if harness.state().is_busy() {
        assert!(harness.query_by_label("正在筛选…").is_some());
    }
    until_idle(&mut harness);
    let table = gazette.table(GROWN_TABLE).unwrap();
    let shown = harness.state().shown_rows();
    assert!(!shown.is_empty() && shown.len() < ROWS);
    assert!(shown.iter().all(|&r| {
        table.rows[r]
            .iter()
            .any(|c| c.as_printed().contains("工业"))
    }));
}
