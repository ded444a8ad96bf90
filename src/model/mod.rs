//! The gazette data model: typed, serde-(de)serialisable, and free of any UI code.
//!
//! [`types`] holds the data types as stored in the RON file; [`load`] reads and validates a
//! file; [`validate`] lists every semantic problem at once; [`crosscheck`] computes the
//! disagreements within the content (附件2 legends vs 附件1) that are shown but never refuse a
//! file.

pub mod crosscheck;
pub mod land_price;
pub mod load;
pub mod load_job;
pub mod types;
pub mod validate;

pub use types::*;

impl Gazette {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|doc| doc.id == id)
    }

    /// The table with this id.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|table| table.id == id)
    }

    /// The issue's display title, e.g. 驻马店市人民政府公报 2023年第3号（总第125号）.
    pub fn display_title(&self) -> String {
        let issue = &self.issue;
        format!(
            "{} {}年第{}号（总第{}号）",
            issue.title, issue.year, issue.number, issue.cumulative_number
        )
    }
}

impl Document {
    /// Every block of the document in reading order: the body, then each attachment's body,
    /// with 专栏 boxes entered (the box itself is yielded before its content).
    pub fn all_blocks(&self) -> Vec<&Block> {
        let mut out = Vec::new();
        collect_blocks(&self.body, &mut out);
        for attachment in &self.attachments {
            collect_blocks(&attachment.body, &mut out);
        }
        out
    }
}

impl Block {
    /// The text this block shows — in the reader, in find and search, and in the plain text of
    /// the `text` command — so that a position found in one is the same place in the others.
    /// Tables have none: their cells are their text.
    pub fn shown_text(&self) -> Option<String> {
        match self {
            Block::Heading {
                numbering, text, ..
            } => Some(format!("{numbering}{text}")),
            Block::Paragraph { text, .. } | Block::Note { text } => Some(text.clone()),
            Block::Box { number, title, .. } => Some(box_label(*number, title)),
            Block::Figure { number, caption } => Some(figure_label(*number, caption)),
            Block::Table { .. } => None,
        }
    }
}

/// The printed label of a 专栏 box, e.g. "专栏3 重点项目".
pub fn box_label(number: Option<u32>, title: &str) -> String {
    match number {
        Some(number) => format!("专栏{number} {title}"),
        None => format!("专栏 {title}"),
    }
}

/// The printed label of a figure, e.g. "图1：区位图"; an unnumbered figure shows its caption
/// as printed.
pub fn figure_label(number: Option<u32>, caption: &str) -> String {
    match number {
        Some(number) => format!("图{number}：{caption}"),
        None => caption.to_owned(),
    }
}

fn collect_blocks<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
    for block in blocks {
        out.push(block);
        if let Block::Box { blocks, .. } = block {
            collect_blocks(blocks, out);
        }
    }
}

impl Table {
    /// Index of the column whose title (without unit) is `title`.
    pub fn column_index(&self, title: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.title == title)
    }
}
