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

/// Footer: which rows, how many of how many, which columns, when, by which program.
pub fn rows_line(
    choice: &str,
    rows: usize,
    total: usize,
    columns: usize,
    all_columns: usize,
    time: &str,
) -> String {
    format!(
        "行：{choice}（{rows} 行，全表 {total} 行）；列：{columns}/{all_columns}；导出时间：{time}；\
         公报浏览器 {}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Which rows: the selected ones.
pub const ROWS_SELECTED: &str = "所选行";

/// Which rows: every shown row.
pub const ROWS_SHOWN: &str = "筛选后显示的行";

/// Which rows: all rows.
pub const ROWS_ALL: &str = "全部行";

/// Which rows: the positions given on the command line.
pub fn rows_at(list: &str) -> String {
    format!("第 {list} 行（筛选排序后的位置）")
}

/// In a document's printout, in place of a table too long to print.
pub fn table_too_long(title: &str, rows: usize) -> String {
    format!("〔{title}：共 {rows} 行，过长不印；请在表格视图中筛选后打印或导出〕")
}
