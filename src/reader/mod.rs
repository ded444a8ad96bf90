//! Reading one document, without any UI: the outline, find-in-document, and the plain text of
//! the issue ([`text`]).
//!
//! The reader window draws a document block by block in the order of
//! [`Document::all_blocks`](crate::model::Document::all_blocks); everything here speaks in indices
//! into that list, so the UI only has to remember where each block landed on screen.

mod find;
mod outline;
pub mod text;

pub use find::{FindMatch, FindState, find_matches};
pub use outline::{OutlineEntry, current_entry, outline};

use crate::model::Block;
pub use crate::model::{box_label, figure_label};

/// The text the reader shows for a block ([`Block::shown_text`]), so that find positions and
/// highlights agree with what the clerk sees.
pub fn block_text(block: &Block) -> Option<String> {
    block.shown_text()
}
