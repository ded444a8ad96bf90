//! A large table (200,000 synthetic rows) stays responsive: a header click or a quick filter is
//! computed on a worker thread while the previous order stays on screen with 正在排序… /
//! 正在筛选…, and the result swaps in a few frames later. A newer click supersedes an older one
//! still running, whose order is never shown.
//!
//! Each test holds the worker (by holding the lock of the index it computes with) while it
//! looks at the frames after a click, so what it asserts does not depend on how fast the
//! machine sorts. How fast it sorts is measured in the benches, not here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::model::Gazette;
use gazette_browser::model::load::embedded;
use gazette_browser::synthetic::{GROWN_TABLE, grow_land_prices};
use gazette_browser::table::{Store, TableIndex};
use gazette_browser::ui::table_view::TableView;
use std::sync::{Arc, Mutex};

const ROWS: usize = 200_000;
const PRICE: &str = "地面单价(元/m²)";

fn big_gazette() -> Arc<Gazette> {
    let mut gazette = embedded().unwrap();
    grow_land_prices(&mut gazette, ROWS, 42).unwrap();
    Arc::new(gazette)
}

/// The table view and the store it writes to.
#[derive(Default)]
struct Screen {
    view: TableView,
    store: Store,
}

fn harness(gazette: &Arc<Gazette>) -> Harness<'static, Screen> {
    let mut screen = Screen::default();
    screen.view.share(Arc::clone(gazette));
    let shown = Arc::clone(gazette);
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1400.0, 700.0))
        .build_ui_state(
            move |ui, screen: &mut Screen| {
                let table = shown.table(GROWN_TABLE).unwrap();
                screen.view.show(ui, &mut screen.store, table);
            },
            screen,
        );
    harness.run();
    harness
}

/// The index the view's worker computes with: holding its lock keeps a request waiting.
fn worker_index(harness: &Harness<'_, Screen>) -> Arc<Mutex<TableIndex>> {
    harness.state().view.session().unwrap().shared_index()
}

fn shown(harness: &Harness<'_, Screen>) -> Vec<usize> {
    harness.state().view.shown_rows().to_vec()
}

/// Scrolls the grid sideways until the header `label` is on screen: the price columns lie
/// right of what the window shows at first, as they do for a clerk.
fn scroll_into_view(harness: &mut Harness<'_, Screen>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
}

/// Steps frames until the worker's answer is in, calling `each` with the rows shown in every
/// frame on the way. No time limit: a worker that never answers hangs the test, which says so.
fn until_idle(harness: &mut Harness<'_, Screen>, mut each: impl FnMut(&[usize])) {
    while harness.state().view.is_busy() {
        std::thread::yield_now();
        harness.step();
        each(harness.state().view.shown_rows());
    }
    harness.run();
}

fn prices(gazette: &Gazette, rows: &[usize]) -> Vec<f64> {
    let table = gazette.table(GROWN_TABLE).unwrap();
    let column = table.column_index("地面单价").unwrap();
    rows.iter()
        .map(|&r| table.rows[r][column].as_printed().parse().unwrap())
        .collect()
}

fn ascending(gazette: &Gazette, rows: &[usize]) -> bool {
    prices(gazette, rows).windows(2).all(|w| w[0] <= w[1])
}

fn descending(gazette: &Gazette, rows: &[usize]) -> bool {
    prices(gazette, rows).windows(2).all(|w| w[0] >= w[1])
}

#[test]
fn a_header_click_sorts_on_a_worker_while_the_old_order_stays() {
    let gazette = big_gazette();
    let mut harness = harness(&gazette);
    let printed: Vec<usize> = (0..ROWS).collect();
    assert_eq!(shown(&harness), printed);
    assert!(!harness.state().view.is_busy());

    scroll_into_view(&mut harness, PRICE);
    let index = worker_index(&harness);
    let held = index.lock().unwrap();
    harness.get_by_label(PRICE).click();
    harness.step();
    harness.step();
    assert!(harness.state().view.is_busy(), "the sort runs on a worker");
    assert_eq!(shown(&harness), printed, "old order kept");
    assert!(harness.query_by_label("正在排序…").is_some());
    drop(held);

    until_idle(&mut harness, |_| {});
    let sorted = shown(&harness);
    assert_eq!(sorted.len(), ROWS);
    assert!(ascending(&gazette, &sorted), "ascending by price");
    assert!(harness.query_by_label("正在排序…").is_none());
    assert!(harness.query_by_label(&format!("{PRICE} ▲")).is_some());
}

#[test]
fn a_second_click_supersedes_the_first() {
    let gazette = big_gazette();
    let mut harness = harness(&gazette);
    let printed: Vec<usize> = (0..ROWS).collect();
    scroll_into_view(&mut harness, PRICE);
    let index = worker_index(&harness);
    let held = index.lock().unwrap();
    harness.get_by_label(PRICE).click();
    harness.step();
    harness.step(); // the header shows the new direction from the frame after the click
    harness.get_by_label(&format!("{PRICE} ▲")).click();
    harness.step();
    assert!(harness.state().view.is_busy());
    assert_eq!(shown(&harness), printed, "nothing answered yet");
    drop(held);

    // The ascending order was asked for first but superseded: no frame may show it.
    until_idle(&mut harness, |rows| {
        if rows != printed {
            assert!(
                descending(&gazette, rows),
                "a frame showed the superseded order"
            );
        }
    });
    let sorted = shown(&harness);
    assert_eq!(sorted.len(), ROWS);
    assert!(descending(&gazette, &sorted), "descending by price");
    assert!(!ascending(&gazette, &sorted));
    assert!(harness.query_by_label(&format!("{PRICE} ▼")).is_some());
}

#[test]
fn a_quick_filter_filters_on_a_worker() {
    let gazette = big_gazette();
    let mut harness = harness(&gazette);
    let index = worker_index(&harness);
    let held = index.lock().unwrap();
    harness.get_by_role(Role::TextInput).click();
    harness.step();
    harness.get_by_role(Role::TextInput).type_text("工业");
    harness.step();
    harness.step();
    assert!(
        harness.state().view.is_busy(),
        "the filter runs on a worker"
    );
    assert!(harness.query_by_label("正在筛选…").is_some());
    assert_eq!(shown(&harness).len(), ROWS, "all rows shown meanwhile");
    drop(held);

    until_idle(&mut harness, |_| {});
    let table = gazette.table(GROWN_TABLE).unwrap();
    let shown = shown(&harness);
    assert!(!shown.is_empty() && shown.len() < ROWS);
    assert!(shown.iter().all(|&r| {
        table.rows[r]
            .iter()
            .any(|c| c.as_printed().contains("工业"))
    }));
}
