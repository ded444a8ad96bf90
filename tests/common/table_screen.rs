//! The table view alone in a headless window, over a few rows of 附件1: the screen the table,
//! export and print tests drive.

use eframe::egui::{self, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gazette_browser::model::{Cell, Column, ColumnKind, Table, TableOrigin};
use gazette_browser::table::Store;
use gazette_browser::ui::table_view::TableView;

/// A column of a test table.
pub fn column(title: &str, kind: ColumnKind, unit: Option<&str>) -> Column {
    Column {
        title: title.into(),
        kind,
        unit: unit.map(Into::into),
    }
}

/// Rows of 附件1 with its first columns: 序号, 用途, 标定区域编号, 土地面积 and 地面单价.
pub fn land_prices(rows: &[[&str; 5]]) -> Table {
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

/// The table view under test, its store, and the last text it put on the clipboard.
#[derive(Default)]
pub struct Screen {
    pub view: TableView,
    pub store: Store,
    pub clipboard: Option<String>,
}

/// The table view of `table` over `store` in a window of `size`.
pub fn table_harness(table: Table, store: Store, size: egui::Vec2) -> Harness<'static, Screen> {
    Harness::builder()
        .allow_missing_glyphs()
        .with_size(size)
        .build_ui_state(
            move |ui, screen: &mut Screen| {
                screen.view.show(ui, &mut screen.store, &table);
                let copied = ui.ctx().output(|o| {
                    o.commands.iter().find_map(|c| match c {
                        OutputCommand::CopyText(text) => Some(text.clone()),
                        _ => None,
                    })
                });
                if copied.is_some() {
                    screen.clipboard = copied;
                }
            },
            Screen {
                store,
                ..Screen::default()
            },
        )
}

/// Steps frames until a label containing `text` shows, while a worker thread writes; bounded by
/// a number of frames, not by time.
pub fn wait_for_label<S>(harness: &mut Harness<'_, S>, text: &str) {
    for _ in 0..3000 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
