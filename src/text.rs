//! Plain-text rendering of documents: what `gazette-browser text` prints and what the
//! fidelity tests compare with the source text.
//!
//! Headings, paragraphs and notes come out one per line in reading order, 专栏 boxes and
//! figures with their printed labels, tables as tab-separated lines with a header row.

use crate::model::{Attachment, Block, Document, Gazette};
use std::fmt::Write as _;

/// The plain text of the whole issue: cover facts, contents, then every document.
pub fn issue_text(gazette: &Gazette) -> String {
    let mut out = String::new();
    let issue = &gazette.issue;
    let _ = writeln!(out, "{}", gazette.display_title());
    let _ = writeln!(out, "{}", issue.title_en);
    let _ = writeln!(out);
    for document in &gazette.documents {
        out.push_str(&document_text(gazette, document));
        out.push('\n');
    }
    out
}

/// The plain text of one document: title, number, addressees, body, date, attachments.
pub fn document_text(gazette: &Gazette, document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", document.title);
    if let Some(number) = &document.number {
        let _ = writeln!(out, "{number}");
    }
    if let Some(addressees) = &document.addressees {
        let _ = writeln!(out, "{addressees}：");
    }
    write_blocks(gazette, &document.body, &mut out);
    if let Some(date) = &document.date {
        let _ = writeln!(out, "{}", date.chinese());
    }
    for attachment in &document.attachments {
        write_attachment(gazette, attachment, &mut out);
    }
    out
}

fn write_attachment(gazette: &Gazette, attachment: &Attachment, out: &mut String) {
    let _ = writeln!(out);
    if let Some(label) = &attachment.label {
        let _ = writeln!(out, "{label}");
    }
    let _ = writeln!(out, "{}", attachment.title);
    write_blocks(gazette, &attachment.body, out);
}

fn write_blocks(gazette: &Gazette, blocks: &[Block], out: &mut String) {
    for block in blocks {
        write_block(gazette, block, out);
    }
}

fn write_block(gazette: &Gazette, block: &Block, out: &mut String) {
    match block {
        Block::Heading {
            numbering, text, ..
        } => {
            let _ = writeln!(out, "{numbering}{text}");
        }
        Block::Paragraph { text, .. } | Block::Note { text } => {
            let _ = writeln!(out, "{text}");
        }
        Block::Box {
            number,
            title,
            blocks,
        } => {
            match number {
                Some(number) => {
                    let _ = writeln!(out, "专栏{number} {title}");
                }
                None => {
                    let _ = writeln!(out, "专栏 {title}");
                }
            }
            write_blocks(gazette, blocks, out);
        }
        Block::Figure { number, caption } => match number {
            Some(number) => {
                let _ = writeln!(out, "图{number}：{caption}");
            }
            None => {
                let _ = writeln!(out, "图：{caption}");
            }
        },
        Block::Table { table } => {
            if let Some(table) = gazette.table(table) {
                let _ = writeln!(out, "{}", table.title);
                let headers: Vec<String> = table.columns.iter().map(|c| c.header()).collect();
                let _ = writeln!(out, "{}", headers.join("\t"));
                for row in &table.rows {
                    let cells: Vec<&str> = row.iter().map(|c| c.as_printed()).collect();
                    let _ = writeln!(out, "{}", cells.join("\t"));
                }
            }
        }
    }
}
