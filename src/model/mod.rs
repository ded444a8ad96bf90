//! The gazette data model: typed, serde-(de)serialisable, and free of any UI code.
//!
//! [`types`] holds the data types as stored in the RON file; [`load`] reads and validates a
//! file; [`validate`] lists every semantic problem at once; [`crosscheck`] computes the
//! disagreements within the content (附件2 legends vs 附件1) that are shown but never refuse a
//! file.

pub mod crosscheck;
pub mod fast_rows;
pub mod load;
pub mod stream;
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
