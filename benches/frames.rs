//! Frame times of the real interface, driven headless by egui_kittest (no GPU): every frame of
//! the bundled issue's tabs, and scrolling a 1,000,000-row table (only visible rows are built).
//! Each kittest sample is one egui pass (input → layout → shapes) plus the accessibility tree
//! kittest always keeps. The `app_*` benchmarks drive the same App on a plain egui context, as
//! the window does when no screen reader is on: no accessibility tree, but tessellation into
//! triangles included, which kittest skips. Figures: benches/README.md.
#![allow(clippy::expect_used)] // a benchmark without its data has nothing to measure

/// The app's allocator (see src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use gazette_browser::model::{Table, load};
use gazette_browser::synthetic::{GROWN_TABLE, grow_land_prices};
use gazette_browser::table::Store;
use gazette_browser::ui::App;
use gazette_browser::ui::strings::Lang;
use gazette_browser::ui::table_view::TableView;
use std::sync::Arc;

/// The events of one wheel movement over the middle of the window.
fn wheel_events(unit: egui::MouseWheelUnit, delta_y: f32) -> [egui::Event; 2] {
    [
        egui::Event::PointerMoved(egui::pos2(600.0, 400.0)),
        egui::Event::MouseWheel {
            unit,
            delta: egui::vec2(0.0, delta_y),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

/// One wheel movement over the window: the view scrolls and new rows come into view.
fn wheel(harness: &Harness<'_, impl Sized>, unit: egui::MouseWheelUnit, delta_y: f32) {
    for event in wheel_events(unit, delta_y) {
        harness.event(event);
    }
}

/// One wheel notch (three lines) down or up.
fn scroll(harness: &Harness<'_, impl Sized>, down: bool) {
    wheel(
        harness,
        egui::MouseWheelUnit::Line,
        if down { -3.0 } else { 3.0 },
    );
}

/// One page down.
fn page_down(harness: &Harness<'_, impl Sized>) {
    wheel(harness, egui::MouseWheelUnit::Page, -1.0);
}

/// One frame of scrolling the big table: down for 200 frames, up for 200, and so on.
fn scroll_back_and_forth(harness: &mut Harness<'_, impl Sized>, frame: &mut u32) {
    *frame += 1;
    scroll(harness, (*frame / 200).is_multiple_of(2));
    harness.step();
}

/// A fresh table view of `table` in a 1280×800 window, not yet drawn.
fn table_harness(table: Arc<Table>) -> Harness<'static, (TableView, Store)> {
    Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            move |ui, (view, store): &mut (TableView, Store)| view.show(ui, store, &table),
            (TableView::new(Lang::Zh), Store::default()),
        )
}

fn million_row_table() -> Table {
    let mut gazette = load::embedded().expect("the embedded issue loads");
    grow_land_prices(&mut gazette, 1_000_000, 2023).expect("land-price table");
    gazette.table(GROWN_TABLE).cloned().expect("grown table")
}

/// The App on a plain egui context, stepped the way eframe's window steps it: one pass, then
/// the shapes tessellated into meshes (what the CPU does before the GPU draws).
struct WindowLikeDriver {
    ctx: egui::Context,
    app: App,
    frame: eframe::Frame,
    events: Vec<egui::Event>,
}

impl WindowLikeDriver {
    fn new(tab: &str) -> Self {
        let gazette = load::embedded().expect("the embedded issue loads");
        let mut app = App::new(gazette, None);
        app.apply_options(&gazette_browser::ui::RunOptions {
            tab: Some(tab.to_owned()),
            ..Default::default()
        });
        let ctx = egui::Context::default();
        ctx.all_styles_mut(|style| style.scroll_animation = egui::style::ScrollAnimation::none());
        let mut driver = WindowLikeDriver {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            events: Vec::new(),
        };
        for _ in 0..5 {
            driver.step();
        }
        driver
    }

    fn wheel(&mut self, unit: egui::MouseWheelUnit, delta_y: f32) {
        self.events.extend(wheel_events(unit, delta_y));
    }

    fn step(&mut self) {
        use eframe::App as _;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            events: std::mem::take(&mut self.events),
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let output = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        let meshes = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(meshes);
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frames");
    group.sample_size(50);

    let table = Arc::new(million_row_table());
    let mut harness = table_harness(Arc::clone(&table));
    for _ in 0..5 {
        harness.step();
    }
    let mut frame = 0u32;
    group.bench_function("scroll_1m_rows", |b| {
        b.iter(|| scroll_back_and_forth(&mut harness, &mut frame))
    });

    // Every one of the million rows selected (Ctrl+A): the status bar's count and 土地面积 sum
    // are worked out once, not on every frame.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.step();
    group.bench_function("scroll_1m_rows_all_selected", |b| {
        b.iter(|| scroll_back_and_forth(&mut harness, &mut frame))
    });

    // The first two frames that show a table: its column widths are measured (the first 20,000
    // rows) and its number formats worked out on the UI thread. The 66-row table gives egui's
    // own first-frame cost (fonts), so the difference is what a million rows add.
    let million = table;
    let embedded = load::embedded().expect("the embedded issue loads");
    let small = Arc::new(
        embedded
            .table("land-prices")
            .cloned()
            .expect("land-price table"),
    );
    for (name, table) in [
        ("first_frame_66_rows", small),
        ("first_frame_1m_rows", million),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || table_harness(Arc::clone(&table)),
                |mut harness| {
                    // egui's first pass may only size things: the view settles in two.
                    harness.step();
                    harness.step();
                },
                BatchSize::PerIteration,
            )
        });
    }

    let gazette = embedded;
    for tab in ["overview", "land-price-notice", "pharma-plan-notice"] {
        let gazette = gazette.clone();
        let mut app = Harness::builder()
            .allow_missing_glyphs()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_eframe(move |_cc| {
                let mut app = App::new(gazette, None);
                app.apply_options(&gazette_browser::ui::RunOptions {
                    tab: Some(tab.to_owned()),
                    ..Default::default()
                });
                app
            });
        for _ in 0..5 {
            app.step();
        }
        group.bench_function(format!("issue_{tab}_scrolling"), |b| {
            b.iter(|| {
                scroll(&app, true);
                app.step();
            })
        });
        if tab == "land-price-notice" {
            // Back to the top, then two pages down: the screen is filled by the 附件1 grid, the
            // heaviest view of the issue. Then small scrolls up and down around there.
            for _ in 0..50 {
                scroll(&app, false);
                app.step();
            }
            for _ in 0..2 {
                page_down(&app);
                app.step();
            }
            let mut frame = 0u32;
            group.bench_function("issue_land-price-notice_inside_the_grid", |b| {
                b.iter(|| {
                    frame += 1;
                    scroll(&app, frame.is_multiple_of(2));
                    app.step();
                })
            });
        }
    }

    // The same views as the window draws them when no screen reader is on.
    for tab in ["overview", "land-price-notice", "pharma-plan-notice"] {
        let mut driver = WindowLikeDriver::new(tab);
        group.bench_function(format!("app_{tab}_scrolling"), |b| {
            b.iter(|| {
                driver.wheel(egui::MouseWheelUnit::Line, -3.0);
                driver.step();
            })
        });
        if tab == "land-price-notice" {
            for _ in 0..50 {
                driver.wheel(egui::MouseWheelUnit::Line, 3.0);
                driver.step();
            }
            for _ in 0..2 {
                driver.wheel(egui::MouseWheelUnit::Page, -1.0);
                driver.step();
            }
            let mut frame = 0u32;
            group.bench_function("app_land-price-notice_inside_the_grid", |b| {
                b.iter(|| {
                    frame += 1;
                    let down = if frame.is_multiple_of(2) { -3.0 } else { 3.0 };
                    driver.wheel(egui::MouseWheelUnit::Line, down);
                    driver.step();
                })
            });
        }
    }
    group.finish();
}

criterion_group!(all, frames);
criterion_main!(all);
