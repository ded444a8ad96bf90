//! The outline of a document: its attachments, numbered headings and 专栏 boxes, each pointing at
//! the block where it starts.

use super::box_label;
use crate::model::{Block, Document};

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    /// Indentation depth: 0 for an attachment, 1–4 for headings (一、 … （1）), and one deeper
    /// than the heading before it for a 专栏 box.
    pub level: u8,
    /// The text shown, numbering included.
    pub label: String,
    /// Index into [`Document::all_blocks`] of the block the entry jumps to.
    pub block: usize,
}

/// The outline of `document` in reading order. An attachment's entry points at its first block,
/// so an attachment with an empty body has none.
pub fn outline(document: &Document) -> Vec<OutlineEntry> {
    let mut entries = Vec::new();
    let mut index = 0;
    let mut depth = 0;
    collect(&document.body, &mut index, &mut depth, &mut entries);
    for attachment in &document.attachments {
        if !attachment.body.is_empty() {
            let label = match &attachment.label {
                Some(label) => format!("{label} {}", attachment.title),
                None => attachment.title.clone(),
            };
            entries.push(OutlineEntry {
                level: 0,
                label,
                block: index,
            });
        }
        depth = 0;
        collect(&attachment.body, &mut index, &mut depth, &mut entries);
    }
    entries
}

/// Walks `blocks` the way `all_blocks` does, advancing `index` for every block visited.
fn collect(blocks: &[Block], index: &mut usize, depth: &mut u8, out: &mut Vec<OutlineEntry>) {
    for block in blocks {
        match block {
            Block::Heading {
                level,
                numbering,
                text,
            } => {
                *depth = *level;
                out.push(OutlineEntry {
                    level: *level,
                    label: format!("{numbering}{text}"),
                    block: *index,
                });
            }
            Block::Box { number, title, .. } => out.push(OutlineEntry {
                level: depth.saturating_add(1).min(5),
                label: box_label(*number, title),
                block: *index,
            }),
            _ => {}
        }
        *index += 1;
        if let Block::Box { blocks, .. } = block {
            let mut inner = *depth;
            collect(blocks, index, &mut inner, out);
        }
    }
}

/// The entry the reader is in when `first_visible` is the first block on screen: the last entry
/// that starts at or before it.
pub fn current_entry(entries: &[OutlineEntry], first_visible: usize) -> Option<usize> {
    entries
        .iter()
        .rposition(|entry| entry.block <= first_visible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attachment, Category};

    fn heading(level: u8, numbering: &str, text: &str) -> Block {
        Block::Heading {
            level,
            numbering: numbering.into(),
            text: text.into(),
        }
    }

    fn para(text: &str) -> Block {
        Block::Paragraph {
            id: None,
            text: text.into(),
        }
    }

    pub(crate) fn sample() -> Document {
        Document {
            id: "plan".into(),
            short_title: "规划".into(),
            category: Category::GovernmentOffice,
            issuer: String::new(),
            number: None,
            date: None,
            addressees: None,
            title: "规划".into(),
            page: None,
            body: vec![heading(1, "一、", "总体要求"), para("正文")],
            attachments: vec![Attachment {
                label: None,
                title: "中国药谷产业发展规划".into(),
                body: vec![
                    heading(1, "一、", "发展基础"),
                    Block::Box {
                        number: Some(3),
                        title: "重点项目".into(),
                        blocks: vec![para("项目甲"), para("项目乙")],
                    },
                    heading(2, "（一）", "发展目标"),
                    para("到2025年"),
                ],
            }],
            interpretation: None,
            interprets: None,
        }
    }

    #[test]
    fn entries_point_at_the_blocks_in_reading_order() {
        let document = sample();
        let entries = outline(&document);
        let labels: Vec<_> = entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "一、总体要求",
                "中国药谷产业发展规划",
                "一、发展基础",
                "专栏3 重点项目",
                "（一）发展目标"
            ]
        );
        let blocks = document.all_blocks();
        for entry in &entries[2..] {
            let shown = super::super::block_text(blocks[entry.block]);
            assert_eq!(shown.as_deref(), Some(entry.label.as_str()));
        }
        assert_eq!(entries[1].block, 2, "attachment starts at its first block");
        assert_eq!(
            entries[3].level, 2,
            "a box sits under the heading before it"
        );
        assert_eq!(entries[4].block, 6, "blocks inside the box are counted");
    }

    #[test]
    fn current_entry_follows_the_first_visible_block() {
        let entries = outline(&sample());
        assert_eq!(current_entry(&entries, 0), Some(0));
        assert_eq!(current_entry(&entries, 1), Some(0));
        assert_eq!(current_entry(&entries, 5), Some(3), "inside the box");
        assert_eq!(current_entry(&entries, 7), Some(4));
        assert_eq!(current_entry(&[], 3), None);
    }
}
