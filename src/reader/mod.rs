//! Reading one document, without any UI: the outline and find-in-document.
//!
//! The reader window draws a document block by block in the order of
//! [`Document::all_blocks`](crate::model::Document::all_blocks); everything here speaks in indices
//! into that list, so the UI only has to remember where each block landed on screen.

mod find;
mod outline;

pub use find::{FindMatch, FindState, find_matches};
pub use outline::{OutlineEntry, current_entry, outline};

use crate::model::Block;

/// The text the reader shows for a block, so that find positions and highlights agree with what
/// the clerk sees. Tables have none here: their cells are searched by the whole-issue search.
pub fn block_text(block: &Block) -> Option<String> {
    match block {
        Block::Heading {
            numbering, text, ..
        } => Some(format!("{numbering}{text}")),
        Block::Paragraph { text, .. } | Block::Note { text } => Some(text.clone()),
        Block::Box { number, title, .. } => Some(box_label(*number, title)),
        Block::Figure { number, caption } => Some(figure_label(*number, caption)),
        Block::Table { .. } => None,
    }
}

/// The printed label of a 专栏 box, e.g. "专栏3 重点项目".
pub fn box_label(number: Option<u32>, title: &str) -> String {
    match number {
        Some(number) => format!("专栏{number} {title}"),
        None => format!("专栏 {title}"),
    }
}

/// The printed label of a figure, e.g. "图1：区位图".
pub fn figure_label(number: Option<u32>, caption: &str) -> String {
    match number {
        Some(number) => format!("图{number}：{caption}"),
        None => caption.to_owned(),
    }
}
