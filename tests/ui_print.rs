//! 打印… in the window, headless: in the table view and in the document reader the button
//! writes the PDF on a worker and says where it is (no viewer is opened in tests: only
//! `ui::run`, which starts the real window, sets one).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gazette_browser::model::Gazette;
use gazette_browser::model::load::embedded;
use gazette_browser::table::Store;
use gazette_browser::ui::App;
use gazette_browser::ui::strings::ZH;
use std::path::PathBuf;
use std::sync::Arc;

mod common;
use common::table_screen::table_harness;

/// The words of the result line before the path (the template up to its `{}`).
fn written_prefix() -> &'static str {
    ZH.print_no_viewer.split("{}").next().unwrap()
}

/// Steps frames until the result line shows, while the worker writes; bounded by frames, not
/// time. Returns the path the line names.
fn wait_for_pdf<S>(harness: &mut Harness<'_, S>) -> PathBuf {
    let prefix = written_prefix();
    for _ in 0..3000 {
        harness.step();
        if let Some(node) = harness.query_by_label_contains(prefix) {
            let ak = node.accesskit_node();
            let label = ak
                .label()
                .filter(|l| !l.is_empty())
                .or(ak.value())
                .unwrap_or_default();
            let rest = label.split_once(prefix).expect(&label).1;
            let path = rest.split("。").next().unwrap();
            return PathBuf::from(path);
        }
        if let Some(node) = harness.query_by_label_contains("打印失败") {
            panic!("{:?}", node.accesskit_node().label());
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no PDF was written");
}

fn assert_pdf(path: &PathBuf) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-"),
        "{} is not a PDF",
        path.display()
    );
    assert!(path.extension().is_some_and(|e| e == "pdf"));
}

#[test]
fn print_in_the_table_view_writes_the_shown_table_as_a_pdf() {
    let gazette: Arc<Gazette> = Arc::new(embedded().unwrap());
    let table = gazette.table("land-prices").unwrap().clone();
    let mut harness = table_harness(table, Store::default(), egui::vec2(1400.0, 700.0));
    harness.state_mut().view.share(Arc::clone(&gazette));
    harness.run();
    harness.get_by_label(ZH.print).click();
    let path = wait_for_pdf(&mut harness);
    assert_pdf(&path);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("标定地价_"), "{name}");
    assert!(name.contains("_66行_"), "every shown row: {name}");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn print_in_the_reader_writes_the_document_as_a_pdf() {
    let gazette = embedded().unwrap();
    let document = gazette.document("pharma-plan-notice").unwrap().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::new(gazette, cc.storage));
    harness.run();
    harness.get_by_label(&document.short_title).click();
    harness.run();
    harness.get_by_label(ZH.print).click();
    let path = wait_for_pdf(&mut harness);
    assert_pdf(&path);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&document.short_title), "{name}");
    std::fs::remove_file(&path).unwrap();
}
