//! The export dialog's format choice, headless: Excel 工作簿 writes an .xlsx of the shown rows
//! in the shown order, and a CSV can take its provenance beside it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use calamine::{Data, Reader, Xlsx, open_workbook};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::desktop::{DialogSupport, MissingReason};
use gazette_browser::model::Table;
use gazette_browser::table::Store;
use std::path::{Path, PathBuf};

mod common;
use common::table_screen::{Screen, land_prices, table_harness, wait_for_label};

/// Four rows of 附件1.
fn table() -> Table {
    land_prices(&[
        ["1", "商服用地", "411700S50001", "3298.21", "4520"],
        ["28", "住宅用地", "411700Z70001", "94008.28", "5595"],
        ["41", "住宅用地", "411700Z70014", "77120.76", "3945"],
        ["55", "工业用地", "411700G60001", "168658.88", "361"],
    ])
}

/// The table view where no save dialog can appear, so the export dialog has a path field
/// prefilled with `folder` and the suggested name.
fn harness(folder: &Path) -> Harness<'static, Screen> {
    let mut harness = table_harness(table(), Store::default(), egui::vec2(1200.0, 700.0));
    harness.state_mut().view.dialogs = DialogSupport::Missing(MissingReason::NoPortalNoZenity);
    harness.state_mut().view.last_folder = Some(folder.to_path_buf());
    harness.run();
    harness
}

/// An empty folder of its own (wine reuses process ids: an earlier run's files are removed).
fn fresh_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("ui-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Opens the dialog, clicks each of `clicks` by label, exports, and waits for the result.
fn export_with(harness: &mut Harness<'_, Screen>, clicks: &[&str]) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    for label in clicks {
        harness.get_by_label(label).click();
        harness.run();
    }
    harness
        .query_all_by_label("导出显示的 4 行…")
        .last()
        .unwrap()
        .click();
    wait_for_label(harness, "所在文件夹");
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn choosing_excel_writes_a_workbook_of_the_shown_rows_in_the_shown_order() {
    let folder = fresh_folder("xlsx");
    let mut harness = harness(&folder);
    // Sorted by 地面单价, ascending: 361 first.
    harness.get_by_label("地面单价(元/m²)").click();
    harness.run();
    export_with(&mut harness, &["Excel 工作簿 (.xlsx)"]);
    let names = names_in(&folder);
    assert_eq!(names.len(), 1, "one file, no temporary left: {names:?}");
    assert!(
        names[0].ends_with("_4行.xlsx"),
        "the name follows the format: {names:?}"
    );

    let mut workbook: Xlsx<_> = open_workbook(folder.join(&names[0])).unwrap();
    assert_eq!(workbook.sheet_names(), ["标定地价", "来源"]);
    let data = workbook.worksheet_range("标定地价").unwrap();
    let rows: Vec<&[Data]> = data.rows().collect();
    assert_eq!(rows.len(), 2 + 4, "title, header and the four rows");
    assert_eq!(rows[1][4], Data::String("地面单价(元/m²)".into()));
    let prices: Vec<Data> = rows[2..].iter().map(|row| row[4].clone()).collect();
    assert_eq!(
        prices,
        [361.0, 3945.0, 4520.0, 5595.0].map(Data::Float),
        "numbers, in the shown order"
    );
    assert_eq!(
        rows[2][2],
        Data::String("411700G60001".into()),
        "codes are text"
    );
    let source = workbook.worksheet_range("来源").unwrap();
    let lines: Vec<String> = source.rows().map(|row| row[1].to_string()).collect();
    assert!(lines.contains(&"地面单价 升序".to_owned()), "{lines:?}");
    assert!(
        lines.contains(&"筛选后显示的 4 行（全表 4 行）".to_owned()),
        "{lines:?}"
    );
    // Windows keeps a folder while a file in it is open: the workbook is closed first.
    drop(workbook);
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_csv_can_take_its_provenance_beside_it() {
    let folder = fresh_folder("sidecar");
    let mut harness = harness(&folder);
    export_with(&mut harness, &["同时保存来源说明 (.source.txt)"]);
    let names = names_in(&folder);
    assert_eq!(names.len(), 2, "the CSV and its provenance: {names:?}");
    let csv = names.iter().find(|n| n.ends_with("_4行.csv")).unwrap();
    let sidecar = csv.replace(".csv", ".source.txt");
    assert!(names.contains(&sidecar), "{names:?}");
    let text = std::fs::read_to_string(folder.join(&sidecar)).unwrap();
    assert!(
        text.contains("表格：驻马店市中心城区标定地价公示信息表\r\n"),
        "{text}"
    );
    assert!(text.contains("位置：附件1\r\n"), "{text}");
    std::fs::remove_dir_all(&folder).unwrap();
}
