//! The export dialog's format choice, headless: Excel 工作簿 writes an .xlsx of the shown rows
//! in the shown order, and a CSV can take its provenance beside it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use calamine::{Data, Reader, Xlsx, open_workbook};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::desktop::{DialogSupport, MissingReason};
use gazette_browser::model::{Cell, Column, ColumnKind, Table, TableOrigin};
use gazette_browser::table::Store;
use gazette_browser::ui::table_view::TableView;
use std::path::{Path, PathBuf};

fn column(title: &str, kind: ColumnKind, unit: Option<&str>) -> Column {
    Column {
        title: title.into(),
        kind,
        unit: unit.map(Into::into),
    }
}

/// Four rows of 附件1.
fn table() -> Table {
    let rows = [
        ["1", "商服用地", "411700S50001", "3298.21", "4520"],
        ["28", "住宅用地", "411700Z70001", "94008.28", "5595"],
        ["41", "住宅用地", "411700Z70014", "77120.76", "3945"],
        ["55", "工业用地", "411700G60001", "168658.88", "361"],
    ];
    Table {
        id: "land-prices".into(),
        title: "驻马店市中心城区标定地价公示信息表".into(),
        document: "land-price-notice".into(),
        origin: TableOrigin::Printed {
            place: "附件1".into(),
        },
        columns: vec![
            column("序号", ColumnKind::Integer, None),
            column("用途", ColumnKind::Category, None),
            column("标定区域编号", ColumnKind::Code, None),
            column("土地面积", ColumnKind::Decimal, Some("m²")),
            column("地面单价", ColumnKind::Integer, Some("元/m²")),
        ],
        rows: rows
            .iter()
            .map(|r| r.iter().map(|t| Cell::from(t.to_string())).collect())
            .collect(),
    }
}

#[derive(Default)]
struct Screen {
    view: TableView,
    store: Store,
}

/// The table view where no save dialog can appear, so the export dialog has a path field
/// prefilled with `folder` and the suggested name.
fn harness(folder: &Path) -> Harness<'static, Screen> {
    let table = table();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1200.0, 700.0))
        .build_ui_state(
            move |ui, screen: &mut Screen| screen.view.show(ui, &mut screen.store, &table),
            Screen::default(),
        );
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

/// Steps frames until a label containing `text` shows, while a worker thread writes; bounded by
/// a number of frames, not by time.
fn wait_for_label(harness: &mut Harness<'_, Screen>, text: &str) {
    for _ in 0..3000 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
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
