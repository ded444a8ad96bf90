//! Opening other files in the window, driven headless (egui_kittest) without the native dialog:
//! `App::open_path` and dropped files load on a worker while frames keep coming; a bad file of
//! any kind leaves a notice naming the file and what to do while the previous issue, its tab
//! and its reading state stay; a good file replaces the content and the title; the last file is
//! reopened at the next start, and damaged settings reset with a notice.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::model::load::{EMBEDDED_RON, embedded};
use gazette_browser::model::{Category, Gazette};
use gazette_browser::ui::notices::Notice;
use gazette_browser::ui::{App, Source, Tab};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;
use common::{MemoryStorage, has_label, has_label_containing};

const MINIMAL: &str = include_str!("fixtures/minimal.ron");

fn gazette() -> Gazette {
    embedded().unwrap()
}

fn harness_with(storage: Option<&MemoryStorage>) -> Harness<'static, App> {
    let gazette = gazette();
    let storage = storage.map(|s| MemoryStorage(s.0.clone()));
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| {
            App::new(gazette, storage.as_ref().map(|s| s as &dyn eframe::Storage))
        });
    settle(&mut harness);
    harness
}

fn harness() -> Harness<'static, App> {
    harness_with(None)
}

/// Runs frames until no file is loading, then until the window is idle. No time limit: a
/// load that never ends hangs the test, which says so.
fn settle(harness: &mut Harness<'_, App>) {
    while harness.state().is_loading() {
        harness.step();
        std::thread::yield_now();
    }
    harness.run();
}

fn temp_dir() -> PathBuf {
    common::temp_dir("ui-files")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    common::temp_file("ui-files", name, bytes)
}

/// The minimal fixture as another issue (第4号), so a switch is visible in the title.
fn other_issue_text() -> String {
    MINIMAL
        .replace("number: 3,", "number: 4,")
        .replace("cumulative_number: 125,", "cumulative_number: 126,")
}

/// [`other_issue_text`] in its own folder (tests run in parallel), as gazette-2023-04.ron.
fn other_issue(test: &str) -> PathBuf {
    let dir = temp_dir().join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gazette-2023-04.ron");
    std::fs::write(&path, other_issue_text()).unwrap();
    path
}

/// The search box of the top bar.
fn search_box<'a>(harness: &'a Harness<'_, App>) -> egui_kittest::Node<'a> {
    let hint = gazette_browser::ui::strings::ZH.search_hint;
    harness.get_by(move |node| node.data().placeholder() == Some(hint))
}

/// Ctrl+K, then `query` typed into the search box.
fn type_search(harness: &mut Harness<'_, App>, query: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    search_box(harness).type_text(query);
    harness.run();
}

fn first_document(gazette: &Gazette) -> (String, String, String) {
    let d = gazette
        .documents
        .iter()
        .find(|d| d.category != Category::Interpretation)
        .unwrap();
    (d.id.clone(), d.short_title.clone(), d.title.clone())
}

/// Every kind of bad file, by name and content (`None`: not written).
fn bad_files() -> Vec<(&'static str, PathBuf)> {
    let cut = &EMBEDDED_RON.as_bytes()[..EMBEDDED_RON.len() / 3];
    let semantic = MINIMAL.replace("\"4415\", \"2208\"", "\"4415\", \"2207\"");
    let dir = temp_dir().join("a-folder.ron");
    std::fs::create_dir_all(&dir).unwrap();
    vec![
        ("empty", temp_file("empty.ron", b"")),
        (
            "binary junk",
            temp_file("junk.ron", &[0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 1, 2]),
        ),
        ("truncated", temp_file("truncated.ron", cut)),
        ("directory", dir),
        ("missing", temp_dir().join("no-such-file.ron")),
        ("semantic", temp_file("semantic.ron", semantic.as_bytes())),
    ]
}

#[test]
fn a_bad_file_of_any_kind_leaves_a_notice_and_keeps_what_was_shown() {
    let gazette = gazette();
    let (id, short_title, title) = first_document(&gazette);
    let mut harness = harness();
    harness.get_by_label(&short_title).click();
    harness.run();
    let title_before = harness.state().window_title();
    for (kind, path) in bad_files() {
        harness.state_mut().open_path(&path);
        assert!(harness.state().is_loading(), "{kind}");
        settle(&mut harness);
        let app = harness.state();
        assert_eq!(app.notices().len(), 1, "{kind}");
        let Notice::OpenFailed { error } = &app.notices()[0] else {
            panic!("{kind}: {:?}", app.notices());
        };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(error.contains(&name), "{kind}: {error}");
        assert!(has_label(&harness, "无法打开文件"), "{kind}");
        assert!(has_label_containing(&harness, &name), "{kind}");
        // What was shown is still there: same issue, same tab, same document.
        assert_eq!(*harness.state().source(), Source::Embedded, "{kind}");
        assert_eq!(*harness.state().tab(), Tab::Document(id.clone()), "{kind}");
        assert!(has_label(&harness, &title), "{kind}");
        assert_eq!(harness.state().window_title(), title_before, "{kind}");
        harness.get_by_label("知道了").click();
        harness.run();
        assert!(harness.state().notices().is_empty(), "{kind}");
        assert!(!has_label(&harness, "无法打开文件"), "{kind}");
    }
}

#[test]
fn the_notices_say_where_and_what_to_do() {
    let mut harness = harness();
    let broken = MINIMAL.replace("year: 2023,", "year: 2023,,");
    let path = temp_file("syntax.ron", broken.as_bytes());
    harness.state_mut().open_path(&path);
    settle(&mut harness);
    let line = MINIMAL
        .lines()
        .position(|l| l.contains("year: 2023,"))
        .unwrap()
        + 1;
    let Notice::OpenFailed { error } = &harness.state().notices()[0] else {
        panic!();
    };
    assert!(
        error.starts_with(&format!("{}:{line}:", path.display())),
        "{error}"
    );
    let empty = temp_file("empty-advice.ron", b"  \n");
    harness.state_mut().open_path(&empty);
    settle(&mut harness);
    assert!(has_label_containing(&harness, "copy it again"));
    assert!(has_label_containing(&harness, "仍显示原来打开的内容"));
}

#[test]
fn a_good_file_replaces_the_content_and_the_title() {
    let mut harness = harness();
    let before = harness.state().window_title();
    let path = other_issue("a_good_file_replaces_the_content_and_the_title");
    harness.state_mut().open_path(&path);
    settle(&mut harness);
    let app = harness.state();
    assert!(app.notices().is_empty(), "{:?}", app.notices());
    assert_eq!(*app.source(), Source::File(path.clone()));
    assert_eq!(app.gazette().issue.number, 4);
    let title = app.window_title();
    assert_ne!(title, before);
    assert!(title.contains("第4号"), "{title}");
    assert!(title.contains("gazette-2023-04.ron"), "{title}");
    // The top bar names the issue and the file.
    assert!(has_label_containing(&harness, "第4号"));
    assert!(has_label(&harness, "（gazette-2023-04.ron）"));
    // The tabs now come from the new file: its one document.
    assert!(has_label(&harness, "标定地价"));
    // And back to the built-in issue from the File menu.
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("打开内置本期").click();
    harness.run();
    assert_eq!(*harness.state().source(), Source::Embedded);
    assert_eq!(harness.state().window_title(), before);
}

#[test]
fn a_bad_file_after_a_good_one_keeps_the_good_one() {
    let mut harness = harness();
    let good = other_issue("a_bad_file_after_a_good_one_keeps_the_good_one");
    harness.state_mut().open_path(&good);
    settle(&mut harness);
    let title = harness.state().window_title();
    harness
        .state_mut()
        .open_path(temp_file("after.ron", b"(format: 1, issue:"));
    settle(&mut harness);
    assert_eq!(harness.state().notices().len(), 1);
    assert_eq!(*harness.state().source(), Source::File(good));
    assert_eq!(harness.state().window_title(), title);
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_file_opens() {
    let mut harness = harness();
    let path = other_issue("a_dropped_file_opens");
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    harness.step();
    // The small file may already be loaded by the end of that frame: only the outcome counts.
    settle(&mut harness);
    assert_eq!(*harness.state().source(), Source::File(path));
}

#[test]
fn a_newer_open_replaces_one_still_loading() {
    let mut harness = harness();
    harness
        .state_mut()
        .open_path(temp_file("first-bad.ron", b"junk"));
    let good = other_issue("a_newer_open_replaces_one_still_loading");
    harness.state_mut().open_path(&good);
    settle(&mut harness);
    assert!(harness.state().notices().is_empty());
    assert_eq!(*harness.state().source(), Source::File(good));
}

fn saved(harness: &mut Harness<'_, App>) -> MemoryStorage {
    common::saved(harness.state_mut())
}

#[test]
fn the_last_file_opens_again_at_the_next_start() {
    let path = other_issue("reopen");
    let mut harness = harness();
    harness.state_mut().open_path(&path);
    settle(&mut harness);
    let storage = saved(&mut harness);
    assert!(storage.0.contains_key("settings_version"));

    let harness = harness_with(Some(&storage));
    assert_eq!(*harness.state().source(), Source::File(path.clone()));
    assert!(harness.state().notices().is_empty());
}

#[test]
fn a_last_file_that_is_gone_or_broken_falls_back_to_the_built_in_issue_with_a_notice() {
    let path = temp_file("gone-later.ron", other_issue_text().as_bytes());
    let mut harness = harness();
    harness.state_mut().open_path(&path);
    settle(&mut harness);
    let storage = saved(&mut harness);

    std::fs::remove_file(&path).unwrap();
    let harness = harness_with(Some(&storage));
    assert_eq!(*harness.state().source(), Source::Embedded);
    let Notice::LastFileFailed { error } = &harness.state().notices()[0] else {
        panic!("{:?}", harness.state().notices());
    };
    assert!(error.contains("gone-later.ron"), "{error}");
    assert!(has_label(&harness, "上次打开的文件无法再打开"));
    assert!(has_label(&harness, "现显示内置本期。"));

    std::fs::write(&path, b"(format: 1,").unwrap();
    let harness = harness_with(Some(&storage));
    assert_eq!(*harness.state().source(), Source::Embedded);
    assert!(matches!(
        harness.state().notices()[0],
        Notice::LastFileFailed { .. }
    ));
}

#[test]
fn damaged_settings_reset_with_a_notice_and_the_window_still_opens() {
    let mut storage = MemoryStorage::default();
    storage.0.insert("settings_version".into(), "1".into());
    storage.0.insert("lang".into(), "Klingon".into());
    storage.0.insert("tab".into(), "{{{{".into());
    storage.0.insert("last_file".into(), "42".into());
    let harness = harness_with(Some(&storage));
    assert_eq!(*harness.state().tab(), Tab::Overview);
    assert_eq!(*harness.state().source(), Source::Embedded);
    assert!(has_label(&harness, "设置已恢复默认"));
    assert!(has_label_containing(&harness, "lang, tab, last_file"));

    let mut newer = MemoryStorage::default();
    newer.0.insert("settings_version".into(), "99".into());
    newer.0.insert("lang".into(), "En".into());
    let harness = harness_with(Some(&newer));
    assert_eq!(harness.state().lang(), Default::default());
    assert!(has_label(&harness, "设置已恢复默认"));
}

#[test]
fn a_file_with_a_table_too_big_for_the_issue_search_opens_and_the_search_says_so() {
    use gazette_browser::search::MAX_SEARCHED_TABLE_ROWS;
    use gazette_browser::ui::strings::ZH;
    let mut big = gazette();
    gazette_browser::synthetic::grow_land_prices(&mut big, MAX_SEARCHED_TABLE_ROWS + 1, 3).unwrap();
    let path = temp_file("big-register.ron", ron::to_string(&big).unwrap().as_bytes());
    let mut harness = harness();
    harness.state_mut().open_path(&path);
    settle(&mut harness);
    assert!(
        harness.state().notices().is_empty(),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(
        harness
            .state()
            .gazette()
            .table("land-prices")
            .unwrap()
            .rows
            .len(),
        MAX_SEARCHED_TABLE_ROWS + 1
    );
    type_search(&mut harness, "411700");
    assert!(
        has_label(&harness, ZH.search_results),
        "the results are open"
    );
    let note = ZH.search_skipped_tables.split('{').next().unwrap();
    assert!(
        has_label_containing(&harness, note),
        "the results name the table left out"
    );
    assert!(has_label_containing(
        &harness,
        "驻马店市中心城区标定地价公示信息表"
    ));
}

#[test]
fn a_search_typed_while_a_file_loads_stays_and_searches_the_new_issue() {
    use gazette_browser::ui::strings::ZH;
    let mut harness = harness();
    type_search(&mut harness, "驻马店");
    let path = other_issue("a_search_typed_while_a_file_loads_stays");
    harness.state_mut().open_path(&path);
    settle(&mut harness);
    assert_eq!(harness.state().gazette().issue.number, 4);
    let search_box = search_box(&harness);
    assert_eq!(
        search_box.value().as_deref(),
        Some("驻马店"),
        "the query stays"
    );
    assert!(
        has_label(&harness, ZH.search_results),
        "and its results are shown"
    );
}

/// A minimal Linux desktop (no xdg-desktop-portal, no zenity): 打开… cannot show a dialog, so it
/// shows a path field saying why, and the typed path opens like a chosen file.
#[test]
fn without_a_file_dialog_service_open_offers_a_path_field_that_opens_the_file() {
    use gazette_browser::desktop::{DialogSupport, MissingReason};
    use gazette_browser::ui::file_strings::FileText;
    use gazette_browser::ui::strings::Lang;
    let mut harness = harness();
    harness
        .state_mut()
        .set_dialog_support(DialogSupport::Missing(MissingReason::NoPortalNoZenity));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    assert!(harness.state().is_path_entry_shown());
    assert!(has_label_containing(&harness, "xdg-desktop-portal"));
    assert!(has_label_containing(&harness, "zenity"));

    let path = other_issue("without_a_file_dialog_service_open_offers_a_path_field");
    let hint = FileText::PathHint.get(Lang::Zh);
    let field = harness.get_by(move |node| node.data().placeholder() == Some(hint));
    field.type_text(&format!("\"{}\"", path.display()));
    harness.run();
    harness
        .get_by_label(FileText::OpenTyped.get(Lang::Zh))
        .click();
    harness.run();
    settle(&mut harness);
    assert!(!harness.state().is_path_entry_shown());
    assert_eq!(*harness.state().source(), Source::File(path));
    assert_eq!(harness.state().gazette().issue.number, 4);
}

/// The File menu's 打开… takes the same way as Ctrl+O, and 取消 closes the field unchanged.
#[test]
fn the_path_field_opens_from_the_menu_and_cancels() {
    use gazette_browser::desktop::{DialogSupport, MissingReason};
    let mut harness = harness();
    harness
        .state_mut()
        .set_dialog_support(DialogSupport::Missing(MissingReason::TurnedOff));
    harness.get_by_label("文件").click();
    harness.run();
    // The button's label carries its shortcut (Ctrl+O) after the text.
    harness.get_by_label_contains("打开…").click();
    harness.run();
    assert!(has_label_containing(
        &harness,
        "GAZETTE_BROWSER_NO_NATIVE_DIALOGS"
    ));
    harness.get_by_label("取消").click();
    harness.run();
    assert!(!harness.state().is_path_entry_shown());
    assert_eq!(*harness.state().source(), Source::Embedded);
}
