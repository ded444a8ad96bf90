//! Every user-visible string of the table view, in Chinese and English, in one place.
//!
//! `Lang` is defined here until the shell's `ui/strings.rs` exists; the lead unifies them.

/// The interface language, shared with the rest of the window.
pub use super::strings::Lang;

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
    /// Export dialog: go on to the save dialog.
    ChooseFile,
    /// Cancel.
    Cancel,
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
            Export => ("导出 CSV…", "Export CSV…"),
            Details => ("详细信息", "Details"),
            NoFocus => ("单击一行查看全部字段", "Click a row to see all its fields"),
            FilterContains => ("包含", "Contains"),
            FilterExactHint => ("以 = 开头表示完全相同", "Start with = for an exact match"),
            Min => ("最小", "Min"),
            Max => ("最大", "Max"),
            AllValues => ("全选", "All"),
            ClearColumnFilter => ("清除本列筛选", "Clear this filter"),
            ExportTitle => ("导出为 CSV", "Export as CSV"),
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
            ChooseFile => ("选择文件…", "Choose file…"),
            Cancel => ("取消", "Cancel"),
            Waiting => ("正在等待保存对话框…", "Waiting for the save dialog…"),
            OpenFolder => ("打开所在文件夹", "Open folder"),
            Dismiss => ("关闭", "Dismiss"),
            ShowAllColumns => ("显示全部列", "Show all columns"),
            CsvFiles => ("CSV 文件", "CSV files"),
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

/// Export dialog: which columns are written.
pub fn columns_written(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("列：显示的 {shown} / {total} 列"),
        Lang::En => format!("Columns: the {shown} of {total} shown"),
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
        for text in [Text::Export, Text::ClearFilters, Text::CsvFiles] {
            assert!(!text.get(Lang::Zh).is_empty());
            assert_ne!(text.get(Lang::Zh), text.get(Lang::En));
        }
        assert_eq!(rows_shown(Lang::Zh, 12, 66), "显示 12 / 66 行");
        assert_eq!(rows_selected(Lang::Zh, 3, 1), "已选 3 行（1 行被筛选隐藏）");
    }
}
