//! Every string printed into a PDF, in one place. The printout is in Chinese whatever the
//! window's language: it is handed to Chinese readers with the gazette's own words.

/// "第 N 页 共 M 页" at the foot of every page.
pub fn page_label(page: usize, pages: usize) -> String {
    format!("第 {page} 页 共 {pages} 页")
}

/// The source line under a table's title.
pub const SOURCE: &str = "来源：";

/// Where a table drawn out of a document's prose comes from.
pub const DRAWN_FROM_PROSE: &str = "据正文段落整理";

/// Under a figure the text edition has no image of.
pub const FIGURE_MISSING: &str = "（图像未收录于文字版公报）";

/// Footer: the filters applied.
pub const FILTERS: &str = "筛选：";

/// Footer: no filter applied.
pub const NO_FILTER: &str = "无";

/// Footer: the sort.
pub const SORT: &str = "排序：";

/// Footer: rows in printed order.
pub const PRINTED_ORDER: &str = "按原表顺序";

/// A sort key's direction.
pub const ASCENDING: &str = "升序";

/// A sort key's direction.
pub const DESCENDING: &str = "降序";

/// The quick filter's words.
pub fn quick_filter(words: &str) -> String {
    format!("含“{words}”")
}

/// Footer: which rows (in the provenance's words), which columns, when, by which program.
pub fn rows_line(rows: &str, columns: usize, all_columns: usize, time: &str) -> String {
    format!(
        "行：{rows}；列：{columns}/{all_columns}；导出时间：{time}；公报浏览器 {}",
        env!("CARGO_PKG_VERSION")
    )
}

/// In a document's printout, in place of a table too long to print.
pub fn table_too_long(title: &str, rows: usize) -> String {
    format!("〔{title}：共 {rows} 行，过长不印；请在表格视图中筛选后打印或导出〕")
}
