//! Every interface string, in Chinese and English, in one place so the interface can switch
//! language and a translator finds them all. The gazette's own text is content and is never
//! translated. Templates mark their one value with `{}`; fill them with [`fill`].

use serde::{Deserialize, Serialize};

/// The interface language. Chinese is the default: the clerks read Chinese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the menu lists them.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The language's own name, the same in either interface so a clerk can always find it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

/// Replaces the first `{}` of `template` with `value`.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

/// The interface strings of one language.
#[derive(Debug)]
pub struct Strings {
    /// The program's name, for the window title.
    pub app_name: &'static str,
    /// The cover tab.
    pub tab_overview: &'static str,
    /// The tab listing the policy interpretations.
    pub tab_interpretations: &'static str,
    /// The language menu (both languages' words, so a clerk finds the way back).
    pub menu_language: &'static str,
    /// The View menu.
    pub menu_view: &'static str,
    /// View → larger text.
    pub zoom_in: &'static str,
    /// View → smaller text.
    pub zoom_out: &'static str,
    /// View → the default text size.
    pub zoom_reset: &'static str,
    /// View → the theme's heading.
    pub theme: &'static str,
    /// Light theme.
    pub theme_light: &'static str,
    /// Dark theme.
    pub theme_dark: &'static str,
    /// The system's theme (light where the system does not say).
    pub theme_system: &'static str,
    /// Hint in the top bar's search box.
    pub search_hint: &'static str,
    /// Heading of the search results panel.
    pub search_results: &'static str,
    /// Count of search hits; `{}` is the number.
    pub search_count: &'static str,
    /// Shown when the hits were cut; `{}` is how many are shown.
    pub search_capped: &'static str,
    /// Shown when nothing matches.
    pub search_none: &'static str,
    /// Group heading of hits on the cover.
    pub search_group_overview: &'static str,
    /// Group heading of hits in a table; `{}` is its title.
    pub search_group_table: &'static str,
    /// Where a table hit is; `{}` is "row N".
    pub search_cell_row: &'static str,
    /// Under the search results when big tables were left out of the whole-issue search; `{}`
    /// is their titles.
    pub search_skipped_tables: &'static str,
    /// Closes a panel or bar.
    pub close: &'static str,
    /// Hint in the find bar.
    pub find_hint: &'static str,
    /// Button: previous match.
    pub find_previous: &'static str,
    /// Button: next match.
    pub find_next: &'static str,
    /// Button that opens the find bar.
    pub find_open: &'static str,
    /// Button writing the PDF of the table or document and opening it to print.
    pub print: &'static str,
    /// While the PDF is made.
    pub print_working: &'static str,
    /// The PDF is open in the viewer; `{}` is its path.
    pub print_opened: &'static str,
    /// No program here opens the PDF; `{}` is its path.
    pub print_no_viewer: &'static str,
    /// The PDF could not be made; `{}` says why.
    pub print_failed: &'static str,
    /// Dismisses the print message.
    pub print_dismiss: &'static str,
    /// Heading of the outline.
    pub outline: &'static str,
    /// Heading of the contents page.
    pub contents: &'static str,
    /// Page number in the contents; `{}` is the page.
    pub page: &'static str,
    /// Cover fact labels.
    pub sponsor: &'static str,
    /// Editing and publishing body.
    pub editor: &'static str,
    /// Month of publication.
    pub published: &'static str,
    /// Cumulative issue number; `{}` is the number.
    pub cumulative: &'static str,
    /// The editorial board heading.
    pub editorial_board: &'static str,
    /// Board members.
    pub board_members: &'static str,
    /// Editor in chief.
    pub chief_editor: &'static str,
    /// Deputy editors in chief.
    pub deputy_chief_editors: &'static str,
    /// Editors.
    pub editors: &'static str,
    /// Distribution scope.
    pub distribution: &'static str,
    /// Printed copies; `{}` is the number.
    pub copies: &'static str,
    /// Errata heading.
    pub errata: &'static str,
    /// Shown when the data corrects nothing.
    pub errata_none: &'static str,
    /// Erratum: the printed text.
    pub erratum_printed: &'static str,
    /// Erratum: the corrected text.
    pub erratum_corrected: &'static str,
    /// Erratum: why.
    pub erratum_reason: &'static str,
    /// Provenance heading.
    pub provenance: &'static str,
    /// Provenance: the source.
    pub provenance_source: &'static str,
    /// Provenance: the method.
    pub provenance_method: &'static str,
    /// The cross-check panel heading.
    pub crosscheck: &'static str,
    /// What the cross-check panel is for.
    pub crosscheck_intro: &'static str,
    /// Shown when the cross-check finds nothing.
    pub crosscheck_none: &'static str,
    /// Said under every figure: the text edition has no images.
    pub figure_placeholder: &'static str,
    /// Link from a document to its interpretation.
    pub read_interpretation: &'static str,
    /// Link from an interpretation back to its document; `{}` is the short title.
    pub back_to_document: &'static str,
    /// Document fact: number.
    pub doc_number: &'static str,
    /// Document fact: date.
    pub doc_date: &'static str,
    /// Document fact: issuer.
    pub doc_issuer: &'static str,
    /// Document fact: page in the issue.
    pub doc_page: &'static str,
    /// Rows × columns of a table; `{}` is the row count.
    pub table_rows: &'static str,
    /// Heading of the interpretations list.
    pub interpretations_list: &'static str,
    /// Shown when a document has no outline.
    pub outline_empty: &'static str,
}

/// 中文.
pub const ZH: Strings = Strings {
    app_name: "公报浏览器",
    tab_overview: "概览",
    tab_interpretations: "政策解读",
    menu_language: "语言 / Language",
    menu_view: "视图",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_reset: "实际大小",
    theme: "主题",
    theme_light: "浅色",
    theme_dark: "深色",
    theme_system: "跟随系统",
    search_hint: "搜索全刊（Ctrl+K）",
    search_results: "搜索结果",
    search_count: "共 {} 处",
    search_capped: "（仅列出前 {} 处）",
    search_none: "没有找到",
    search_group_overview: "概览（封面、目录、版权页）",
    search_group_table: "表：{}",
    search_cell_row: "第 {} 行",
    search_skipped_tables: "未搜索行数过多的表格：{}。请在该表格的表格视图中用“快速筛选”查找。",
    close: "关闭",
    find_hint: "在本文中查找（Ctrl+F）",
    find_previous: "上一个",
    find_next: "下一个",
    find_open: "查找",
    print: "打印…",
    print_working: "正在生成 PDF…",
    print_opened: "已生成 PDF 并在系统查看器中打开，可从查看器打印：{}",
    print_no_viewer: "已生成 PDF：{}。本机没有打开文件的程序，请自行打开此文件打印。",
    print_failed: "打印失败：{}",
    print_dismiss: "知道了",
    outline: "提纲",
    contents: "目录",
    page: "第 {} 页",
    sponsor: "主办单位",
    editor: "编辑出版",
    published: "出版日期",
    cumulative: "总第{}号",
    editorial_board: "编辑委员会",
    board_members: "委员",
    chief_editor: "主编",
    deputy_chief_editors: "副主编",
    editors: "编辑",
    distribution: "发放范围",
    copies: "共 {} 份",
    errata: "勘误（本数据对原文的更正）",
    errata_none: "无",
    erratum_printed: "原文",
    erratum_corrected: "更正为",
    erratum_reason: "理由",
    provenance: "数据来源",
    provenance_source: "来源",
    provenance_method: "制作方法",
    crosscheck: "数据核对",
    crosscheck_intro: "本刊内容之间的核对结果。附件2 图例按原样收录，与附件1 不一致之处列于此，未据图例修改附件1。",
    crosscheck_none: "未发现不一致。",
    figure_placeholder: "文字版不含此图的图像，仅存图题。",
    read_interpretation: "查看政策解读 →",
    back_to_document: "← 返回原文：{}",
    doc_number: "发文字号",
    doc_date: "成文日期",
    doc_issuer: "发文机关",
    doc_page: "页码",
    table_rows: "{} 行",
    interpretations_list: "解读文件",
    outline_empty: "本文无分级标题",
};

/// English.
pub const EN: Strings = Strings {
    app_name: "Gazette Browser",
    tab_overview: "Overview",
    tab_interpretations: "Interpretations",
    menu_language: "语言 / Language",
    menu_view: "View",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Actual size",
    theme: "Theme",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_system: "Follow the system",
    search_hint: "Search the issue (Ctrl+K)",
    search_results: "Search results",
    search_count: "{} matches",
    search_capped: " (showing the first {})",
    search_none: "Nothing found",
    search_group_overview: "Overview (cover, contents, colophon)",
    search_group_table: "Table: {}",
    search_cell_row: "row {}",
    search_skipped_tables: "Tables too large for the issue search were not searched: {}. Use the quick filter in the table's table view.",
    close: "Close",
    find_hint: "Find in document (Ctrl+F)",
    find_previous: "Previous",
    find_next: "Next",
    find_open: "Find",
    print: "Print…",
    print_working: "Making the PDF…",
    print_opened: "PDF made and opened in the system viewer, which prints: {}",
    print_no_viewer: "PDF made: {}. No program here opens files; open it yourself to print.",
    print_failed: "Print failed: {}",
    print_dismiss: "OK",
    outline: "Outline",
    contents: "Contents",
    page: "p. {}",
    sponsor: "Sponsor",
    editor: "Edited and published by",
    published: "Published",
    cumulative: "cumulative No. {}",
    editorial_board: "Editorial board",
    board_members: "Members",
    chief_editor: "Editor in chief",
    deputy_chief_editors: "Deputy editors in chief",
    editors: "Editors",
    distribution: "Distribution",
    copies: "{} copies",
    errata: "Errata (corrections this data makes to the print)",
    errata_none: "None",
    erratum_printed: "Printed",
    erratum_corrected: "Corrected to",
    erratum_reason: "Reason",
    provenance: "Where the data came from",
    provenance_source: "Source",
    provenance_method: "Method",
    crosscheck: "Data cross-check",
    crosscheck_intro: "How the issue agrees with itself. The 附件2 legends are kept as printed; where they disagree with 附件1 it is listed here, and 附件1 was not changed to match them.",
    crosscheck_none: "No disagreements found.",
    figure_placeholder: "The text edition has no image for this figure; only its caption survives.",
    read_interpretation: "Read the interpretation →",
    back_to_document: "← Back to the document: {}",
    doc_number: "Number",
    doc_date: "Date",
    doc_issuer: "Issued by",
    doc_page: "Page",
    table_rows: "{} rows",
    interpretations_list: "Interpretations",
    outline_empty: "No numbered headings",
};

/// English names for the documents of the issue, by their printed short title: the tabs and
/// the interpretation picker are navigation, so the English interface names them in English.
/// A document of another issue keeps its Chinese title (the text itself is never translated).
const ENGLISH_SHORT_TITLES: &[(&str, &str)] = &[
    ("标定地价", "Land prices"),
    ("中小企业培育", "SME cultivation"),
    ("住房规划", "Housing plan"),
    ("中国药谷", "China Pharma Valley"),
    ("标定地价解读", "Land prices explained"),
    ("中小企业培育解读", "SME cultivation explained"),
    ("中国药谷解读", "Pharma Valley explained"),
    ("住房规划解读", "Housing plan explained"),
];

/// A document's short title as a tab shows it in `lang`.
pub fn short_title(lang: Lang, short_title: &str) -> &str {
    match lang {
        Lang::Zh => short_title,
        Lang::En => ENGLISH_SHORT_TITLES
            .iter()
            .find(|(zh, _)| *zh == short_title)
            .map_or(short_title, |(_, en)| en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_interface_names_the_documents_in_english() {
        assert_eq!(short_title(Lang::En, "中国药谷"), "China Pharma Valley");
        assert_eq!(short_title(Lang::Zh, "中国药谷"), "中国药谷");
        assert_eq!(
            short_title(Lang::En, "别的文件"),
            "别的文件",
            "unknown titles stay"
        );
    }

    #[test]
    fn fill_replaces_the_placeholder() {
        assert_eq!(fill(ZH.page, 43), "第 43 页");
        assert_eq!(fill(EN.page, 43), "p. 43");
    }

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::default().strings().tab_overview, "概览");
    }
}
