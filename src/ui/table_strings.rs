//! Every user-visible string of the table view, in Chinese and English, in one place. The
//! language itself is the window's one [`Lang`].

/// The interface language, shared with the rest of the window.
pub use super::strings::Lang;
use crate::export::RowChoice;

/// A fixed string of the table view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Hint in the quick-filter box.
    QuickFilterHint,
    /// Button clearing every filter.
    ClearFilters,
    /// Menu listing the columns to hide or show.
    Columns,
    /// Button opening the export dialog.
    Export,
    /// Title of the details pane.
    Details,
    /// Details pane text when no row is focused.
    NoFocus,
    /// Hover text of the button that folds the details pane away.
    HideDetails,
    /// The folded details pane's button, one character a line (read top to bottom).
    ShowDetailsVertical,
    /// Hover text of [`Text::ShowDetailsVertical`].
    ShowDetails,
    /// Where the rows would be when the filters leave none.
    NoMatchingRows,
    /// Clears every filter, beside [`Text::NoMatchingRows`].
    ClearFiltersPlain,
    /// Columns menu: give every column its fitted width again.
    FitColumns,
    /// Columns menu: the heading of the frozen-columns choice.
    FrozenColumns,
    /// Frozen columns: as the program chooses.
    FrozenAutomatic,
    /// Frozen columns: none.
    FrozenNothing,
    /// Filter popup: the text field's label.
    FilterContains,
    /// Filter popup: explains the leading `=`.
    FilterExactHint,
    /// Filter popup: lower bound.
    Min,
    /// Filter popup: upper bound.
    Max,
    /// Filter popup: select every value.
    AllValues,
    /// Filter popup: clear this column's filter.
    ClearColumnFilter,
    /// Export dialog title.
    ExportTitle,
    /// Export dialog: which rows.
    RowsLabel,
    /// Export dialog: the selected rows.
    RowsSelected,
    /// Export dialog: the rows shown after filtering.
    RowsShown,
    /// Export dialog: every row.
    RowsAll,
    /// Export dialog: header row on or off.
    HeaderRow,
    /// Export dialog: encoding label.
    EncodingLabel,
    /// Encoding UTF-8 with BOM (recommended for Excel / WPS).
    EncodingUtf8Bom,
    /// Encoding UTF-8 without BOM.
    EncodingUtf8,
    /// Encoding GBK.
    EncodingGbk,
    /// Cancel.
    Cancel,
    /// Before the path field where no save dialog can appear.
    SaveTo,
    /// The path field was left empty.
    NoTargetTyped,
    /// The typed file exists; the next click replaces it.
    WillReplace,
    /// While the save dialog is open.
    Waiting,
    /// Button opening the folder of the exported file.
    OpenFolder,
    /// Dismiss a message.
    Dismiss,
    /// Column menu: hidden columns note.
    ShowAllColumns,
    /// The name of the CSV filter in the save dialog.
    CsvFiles,
    /// The name of the workbook filter in the save dialog.
    XlsxFiles,
    /// Export dialog: the file format label.
    FormatLabel,
    /// Export dialog: CSV.
    FormatCsv,
    /// Export dialog: an Excel workbook.
    FormatXlsx,
    /// Export dialog: what a workbook holds besides the rows.
    FormatXlsxNote,
    /// Export dialog: also write NAME.source.txt beside a CSV.
    SaveProvenance,
    /// View switch: the document's text (the reader).
    ViewText,
    /// View switch: the interactive table view.
    ViewTable,
    /// View switch: the schematic of the benchmark regions.
    ViewSchematic,
    /// Label before the selector among a document's tables.
    TablePicker,
    /// Link under a table in the reader that opens it in the table view.
    OpenInTableView,
    /// Schematic: label before the map switch (one map per use, or all).
    Maps,
    /// Schematic: the map of every use together.
    AllUses,
    /// Schematic legend: what the numbers in the regions are.
    NumbersAreSerials,
    /// Schematic: while a large city's layout is computed on a worker.
    LayingOut,
    /// Details pane: show the focused row's region on the schematic.
    ShowOnMap,
    /// Schematic: button fitting the whole drawing into the window.
    Fit,
    /// Schematic: zoom in button.
    ZoomIn,
    /// Schematic: zoom out button.
    ZoomOut,
    /// Schematic: how to move around and select.
    SchematicHelp,
    /// Schematic: the legend's title (the unit).
    LegendTitle,
    /// Schematic: outline meaning "selected in the table".
    LegendSelected,
    /// Schematic: heading of the regions that could not be placed.
    Unplaced,
    /// Schematic: explains the overlap the 四至 force.
    UnresolvedIntro,
    /// Schematic: the table has no 四至 to draw from.
    NoSchematic,
    /// While a large table is sorted on a worker (the previous order stays shown).
    Sorting,
    /// While a large table is filtered on a worker.
    Filtering,
    /// While a large export is built and written on a worker.
    Exporting,
}

impl Text {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn both(self) -> (&'static str, &'static str) {
        use Text::*;
        match self {
            QuickFilterHint => ("快速筛选（所有列）…", "Quick filter (all columns)…"),
            ClearFilters => ("× 清除筛选", "× Clear filters"),
            Columns => ("列", "Columns"),
            Export => ("导出…", "Export…"),
            Details => ("详细信息", "Details"),
            NoFocus => ("单击一行查看全部字段", "Click a row to see all its fields"),
            HideDetails => (
                "收起详细信息，让表格更宽",
                "Fold the details away to widen the table",
            ),
            ShowDetailsVertical => ("«\n详\n细\n信\n息", "«\nD\ne\nt\na\ni\nl\ns"),
            ShowDetails => ("展开详细信息", "Show the details"),
            NoMatchingRows => ("没有符合条件的行", "No rows match the filters"),
            ClearFiltersPlain => ("清除筛选", "Clear filters"),
            FitColumns => ("自动列宽", "Fit column widths"),
            FrozenColumns => (
                "冻结列（左右滚动时不动）",
                "Frozen columns (stay while scrolling sideways)",
            ),
            FrozenAutomatic => ("自动", "Automatic"),
            FrozenNothing => ("不冻结", "None"),
            FilterContains => ("包含", "Contains"),
            FilterExactHint => ("以 = 开头表示完全相同", "Start with = for an exact match"),
            Min => ("最小", "Min"),
            Max => ("最大", "Max"),
            AllValues => ("全选", "All"),
            ClearColumnFilter => ("清除本列筛选", "Clear this filter"),
            ExportTitle => ("导出", "Export"),
            RowsLabel => ("行", "Rows"),
            RowsSelected => ("选中的行", "Selected rows"),
            RowsShown => ("筛选后显示的行", "Rows shown after filtering"),
            RowsAll => ("全部行", "All rows"),
            HeaderRow => ("包含表头", "Header row"),
            EncodingLabel => ("编码", "Encoding"),
            EncodingUtf8Bom => (
                "UTF-8（带 BOM，Excel / WPS 推荐）",
                "UTF-8 with BOM (for Excel / WPS)",
            ),
            EncodingUtf8 => ("UTF-8（无 BOM）", "UTF-8 without BOM"),
            EncodingGbk => ("GBK（旧软件）", "GBK (older software)"),
            Cancel => ("取消", "Cancel"),
            SaveTo => ("保存到：", "Save to:"),
            WillReplace => (
                "该文件已存在。再次点击导出将替换它；如不想替换，请改一个文件名。",
                "This file exists. Click export again to replace it, or change the name.",
            ),
            NoTargetTyped => (
                "没有填写保存位置：请在“保存到”中填写文件的完整路径。",
                "No file was given: type the file's full path after \"Save to\".",
            ),
            Waiting => ("正在等待保存对话框…", "Waiting for the save dialog…"),
            OpenFolder => ("打开所在文件夹", "Open folder"),
            Dismiss => ("关闭", "Dismiss"),
            ShowAllColumns => ("显示全部列", "Show all columns"),
            CsvFiles => ("CSV 文件", "CSV files"),
            XlsxFiles => ("Excel 工作簿", "Excel workbooks"),
            FormatLabel => ("格式", "Format"),
            FormatCsv => ("CSV（纯文本，适合脚本）", "CSV (plain text, for scripts)"),
            FormatXlsx => ("Excel 工作簿 (.xlsx)", "Excel workbook (.xlsx)"),
            FormatXlsxNote => (
                "数字保留为数字，表头冻结并可筛选，另附“来源”工作表",
                "Numbers stay numbers, a frozen header with filters, and a 来源 (provenance) sheet",
            ),
            SaveProvenance => (
                "同时保存来源说明 (.source.txt)",
                "Also save the provenance (.source.txt)",
            ),
            ViewText => ("正文", "Text"),
            ViewTable => ("表格", "Table"),
            ViewSchematic => ("示意图", "Schematic"),
            TablePicker => ("本文件的表格：", "Tables of this document:"),
            OpenInTableView => ("在表格视图中打开 →", "Open in table view →"),
            Maps => ("地图：", "Map:"),
            AllUses => ("全部用途", "All uses"),
            NumbersAreSerials => ("数字为序号", "Numbers are 序号"),
            LayingOut => ("正在排布示意图…", "Laying out the schematic…"),
            ShowOnMap => ("在示意图中查看", "Show on the schematic"),
            Fit => ("适合窗口", "Fit"),
            ZoomIn => ("放大", "Zoom in"),
            ZoomOut => ("缩小", "Zoom out"),
            SchematicHelp => (
                "拖动平移，滚轮缩放；单击区域选中其行，Ctrl+单击 多选；表格中双击行可跳到此处",
                "Drag to pan, wheel to zoom; click a region to select its row, Ctrl+click for several; double-click a table row to come here",
            ),
            LegendTitle => ("地面单价（元/m²）", "Land price (元/m²)"),
            LegendSelected => (
                "粗框：表格中选中的区域",
                "Thick outline: selected in the table",
            ),
            Unplaced => ("未能放置的区域：", "Regions that could not be placed:"),
            UnresolvedIntro => (
                "下列区域的四至互相矛盾，图中只能重叠绘制（按原文收录，未作修改）：",
                "The 四至 of these regions force them to overlap; they are drawn overlapping (kept as printed):",
            ),
            NoSchematic => (
                "此表没有“标定区域四至”列，无法绘制示意图。",
                "This table has no 标定区域四至 column to draw a schematic from.",
            ),
            Sorting => ("正在排序…", "Sorting…"),
            Filtering => ("正在筛选…", "Filtering…"),
            Exporting => ("正在导出…", "Exporting…"),
        }
    }
}

/// Status bar: "显示 12 / 66 行".
pub fn rows_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("显示 {shown} / {total} 行"),
        Lang::En => format!("{shown} / {total} rows shown"),
    }
}

/// Status bar: "已选 3 行" plus how many a filter hides.
pub fn rows_selected(lang: Lang, selected: usize, hidden: usize) -> String {
    match (lang, hidden) {
        (Lang::Zh, 0) => format!("已选 {selected} 行"),
        (Lang::Zh, _) => format!("已选 {selected} 行（{hidden} 行被筛选隐藏）"),
        (Lang::En, 0) => format!("{selected} selected"),
        (Lang::En, _) => format!("{selected} selected ({hidden} hidden by filters)"),
    }
}

/// Status bar: "土地面积合计 5532.27 m²".
pub fn column_total(lang: Lang, header: &str, total: &str, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("{header}合计 {total} {unit}"),
        Lang::En => format!("Σ {header} {total} {unit}"),
    }
}

/// Export dialog: the number of rows a choice covers.
pub fn row_count(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Zh => format!("（{rows} 行）"),
        Lang::En => format!("({rows} rows)"),
    }
}

/// The toolbar's export button: "导出选中 5 行…" while rows are selected, else "导出 CSV…".
pub fn export_button(lang: Lang, selected_shown: usize) -> String {
    match (lang, selected_shown) {
        (_, 0) => Text::Export.get(lang).to_owned(),
        (Lang::Zh, n) => format!("导出选中 {n} 行…"),
        (Lang::En, n) => format!("Export {n} selected rows…"),
    }
}

/// The export dialog's button, naming the rows it writes: "导出选中 5 行…".
pub fn export_rows_button(lang: Lang, rows: RowChoice, count: usize) -> String {
    match (lang, rows) {
        (Lang::Zh, RowChoice::Selected) => format!("导出选中 {count} 行…"),
        (Lang::Zh, RowChoice::Shown) => format!("导出显示的 {count} 行…"),
        (Lang::Zh, RowChoice::All) => format!("导出全部 {count} 行…"),
        (Lang::En, RowChoice::Selected) => format!("Export {count} selected rows…"),
        (Lang::En, RowChoice::Shown) => format!("Export {count} shown rows…"),
        (Lang::En, RowChoice::All) => format!("Export all {count} rows…"),
    }
}

/// Frozen columns: every column up to and including `title`.
pub fn frozen_through(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("冻结至“{title}”"),
        Lang::En => format!("Through “{title}”"),
    }
}

/// After an export where no program opens folders: the folder, to copy.
pub fn folder_is(lang: Lang, folder: &str) -> String {
    match lang {
        Lang::Zh => format!("所在文件夹：{folder}"),
        Lang::En => format!("Folder: {folder}"),
    }
}

/// Export dialog: which columns are written.
pub fn columns_written(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("列：显示的 {shown} / {total} 列"),
        Lang::En => format!("Columns: the {shown} of {total} shown"),
    }
}

/// A layer checkbox: "住宅用地（27）".
pub fn layer(lang: Lang, land_use: &str, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{land_use}（{count}）"),
        Lang::En => format!("{land_use} ({count})"),
    }
}

/// Schematic: how many more forced overlaps there are than are listed.
pub fn more_overlaps(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("……另有 {count} 处重叠未逐一列出"),
        Lang::En => format!("…and {count} more overlaps not listed"),
    }
}

/// Schematic legend: one use's price scale, "商服用地 地面单价（元/m²）".
pub fn scale_title(lang: Lang, land_use: &str) -> String {
    match lang {
        Lang::Zh => format!("{land_use} 地面单价（元/m²）"),
        Lang::En => format!("{land_use} land price (元/m²)"),
    }
}

/// Schematic status: how many regions are selected.
pub fn regions_selected(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("已选 {count} 个区域"),
        Lang::En => format!("{count} regions selected"),
    }
}

/// The line above a document's text when its tables have cross-check findings.
pub fn crosscheck_line(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("数据核对：本文件的表格有 {count} 条核对结果，在表格视图中查看 →"),
        Lang::En => format!(
            "Data cross-check: {count} findings about this document's tables, shown in the table view →"
        ),
    }
}

/// The header of the collapsible cross-check panel in the table view.
pub fn crosscheck_header(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("数据核对（{count} 条）"),
        Lang::En => format!("Data cross-check ({count})"),
    }
}

/// After a successful export.
pub fn exported(lang: Lang, rows: usize, path: &str) -> String {
    match lang {
        Lang::Zh => format!("已导出 {rows} 行到 {path}"),
        Lang::En => format!("Exported {rows} rows to {path}"),
    }
}

/// After a failed export; `error` names the path and the cause.
pub fn export_failed(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Zh => format!("导出失败：{error}"),
        Lang::En => format!("Export failed: {error}"),
    }
}

/// When sorting or filtering a large table failed on its worker; `error` says why.
pub fn rows_failed(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Zh => format!("排序或筛选失败，仍显示之前的行：{error}"),
        Lang::En => format!("Sorting or filtering failed; the previous rows stay shown: {error}"),
    }
}

/// After "open folder" could not start the file manager.
pub fn open_failed(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法打开文件夹：{error}"),
        Lang::En => format!("Cannot open the folder: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_filled_in() {
        for text in [
            Text::Export,
            Text::ClearFilters,
            Text::CsvFiles,
            Text::XlsxFiles,
            Text::FormatXlsx,
            Text::SaveProvenance,
        ] {
            assert!(!text.get(Lang::Zh).is_empty());
            assert_ne!(text.get(Lang::Zh), text.get(Lang::En));
        }
        assert_eq!(rows_shown(Lang::Zh, 12, 66), "显示 12 / 66 行");
        assert_eq!(rows_selected(Lang::Zh, 3, 1), "已选 3 行（1 行被筛选隐藏）");
    }
}
