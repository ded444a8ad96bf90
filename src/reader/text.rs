//! Plain-text rendering of the issue and its documents: what `gazette-browser text` prints and what the
//! fidelity tests compare with the source text.
//!
//! Headings, paragraphs and notes come out one per line in reading order, 专栏 boxes and
//! figures with their printed labels, tables as tab-separated lines with a header row.

use crate::model::{Attachment, Block, Document, Gazette, Issue};
use std::fmt::Write as _;

/// The plain text of the whole issue, in the printed order: cover, contents page with the
/// editorial board, every document, then the colophon. Everything the printed issue says is
/// in it, so the fidelity tests can find every source sentence here and search can rely on it.
pub fn issue_text(gazette: &Gazette) -> String {
    let mut out = String::new();
    write_cover(gazette, &mut out);
    write_contents(gazette, &mut out);
    write_masthead(&gazette.issue, &mut out);
    for document in &gazette.documents {
        out.push_str(&document_text(gazette, document));
        out.push('\n');
    }
    write_colophon(&gazette.issue, &mut out);
    out
}

fn write_cover(gazette: &Gazette, out: &mut String) {
    let issue = &gazette.issue;
    for label in &issue.labels {
        let _ = writeln!(out, "{label}");
    }
    let _ = writeln!(out, "{}", gazette.display_title());
    let _ = writeln!(out, "{}", issue.title_en);
    let _ = writeln!(out);
}

/// The contents page: entries grouped under their section heading, each with "/page".
fn write_contents(gazette: &Gazette, out: &mut String) {
    let _ = writeln!(out, "目录");
    let _ = writeln!(out, "{} CONTENTS", gazette.issue.title_en);
    let mut section = None;
    for entry in &gazette.contents {
        if section != Some(entry.category) {
            section = Some(entry.category);
            let _ = writeln!(out, "【{}】", entry.category.printed_name());
        }
        let _ = writeln!(out, "{} /{}", entry.title, entry.page);
    }
    let _ = writeln!(out);
}

/// Editorial board, mottos and distribution, as printed beside the contents.
fn write_masthead(issue: &Issue, out: &mut String) {
    let board = &issue.editorial_board;
    let _ = writeln!(out, "《{}》编辑委员会", issue.title);
    let _ = writeln!(out, "委员：{}", board.members.join(" "));
    let _ = writeln!(out, "《{}》编辑部", issue.title);
    let _ = writeln!(out, "主编：{}", board.chief_editor);
    let _ = writeln!(out, "副主编：{}", board.deputy_chief_editors.join(" "));
    let _ = writeln!(out, "编辑：{}", board.editors.join(" "));
    for motto in &issue.mottos {
        let _ = writeln!(out, "{motto}");
    }
    let _ = writeln!(out, "发放范围：{}", issue.distribution.scope);
    let _ = writeln!(out, "（共{}份）", issue.distribution.copies);
    let _ = writeln!(out);
}

fn write_colophon(issue: &Issue, out: &mut String) {
    let _ = writeln!(out, "主办单位：{}", issue.sponsor);
    let _ = writeln!(out, "编辑出版：{}", issue.editor);
    let _ = writeln!(out, "出版日期：{}", issue.published.chinese());
    for entry in &issue.colophon {
        let _ = writeln!(out, "{}：{}", entry.label, entry.value);
    }
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
    if let Some(text) = block.shown_text() {
        let _ = writeln!(out, "{text}");
    }
    match block {
        Block::Box { blocks, .. } => write_blocks(gazette, blocks, out),
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
        _ => {}
    }
}
