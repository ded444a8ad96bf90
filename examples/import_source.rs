//! Dev tool: turn the plain text of 《驻马店市人民政府公报》2023年第3号 into the RON data file.
//!
//! Run as
//! `cargo run --example import_source -- assets/source/zhumadian-gazette-2023-no3.txt assets/gazette-2023-03.ron`.
//!
//! The source is a fixed text, so the importer addresses it by line number and checks every line
//! it relies on (it panics on a source it does not recognise). Everything that is a judgement
//! rather than a reading lives in the explicit lists of `decisions` below: which lines continue
//! onto the next one after a page break, which lines are notes, the errata, paragraph anchors,
//! and the tables drawn out of the plans' prose (in `derived`). The output is deterministic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod import_source_parts;

use gazette_browser::model::{FORMAT_VERSION, Gazette};
use import_source_parts::{decisions, derived, documents, issue, source::Source, tables};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: import_source <source.txt> <output.ron>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).expect("read the source text");
    let source = Source::new(&text, decisions::ERRATA);
    let file_name = std::path::Path::new(input)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let gazette = build(&source, &file_name);
    let pretty =
        ron::ser::to_string_pretty(&gazette, ron::ser::PrettyConfig::new()).expect("serialise");
    let ron = compact_string_lists(&pretty);
    let reread: Gazette = ron::from_str(&ron).expect("the written RON reads back");
    assert!(reread == gazette, "compacting changed the data");
    std::fs::write(output, ron).expect("write the RON file");
    eprintln!(
        "wrote {output}: {} documents, {} tables, {} errata",
        gazette.documents.len(),
        gazette.tables.len(),
        gazette.errata.len()
    );
}

fn build(source: &Source, file_name: &str) -> Gazette {
    let documents = documents::documents(source);
    let mut tables = tables::printed(source);
    tables.extend(derived::tables(&documents));
    Gazette {
        format: FORMAT_VERSION,
        issue: issue::issue(source),
        contents: issue::contents(source),
        documents,
        tables,
        errata: decisions::errata(),
        provenance: decisions::provenance(file_name),
    }
}

/// Puts every list holding only strings on one line (a table row, a list of names), so a table
/// row reads as one line of the file. The caller checks that the result reads back unchanged.
fn compact_string_lists(pretty: &str) -> String {
    let lines: Vec<&str> = pretty.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        match string_list_end(&lines, i) {
            Some(end) => {
                let items: Vec<&str> = lines[i + 1..end]
                    .iter()
                    .map(|line| line.trim().trim_end_matches(','))
                    .collect();
                let open = lines[i].trim_end_matches('[');
                let close = lines[end].trim_start().trim_start_matches(']');
                out.push_str(&format!("{open}[{}]{close}\n", items.join(", ")));
                i = end + 1;
            }
            None => {
                out.push_str(lines[i]);
                out.push('\n');
                i += 1;
            }
        }
    }
    out
}

/// If line `start` opens a list whose items are all one-line strings, the line closing it.
fn string_list_end(lines: &[&str], start: usize) -> Option<usize> {
    if !lines[start].ends_with('[') {
        return None;
    }
    let indent = lines[start].len() - lines[start].trim_start().len();
    let mut n = start + 1;
    while n < lines.len() {
        let line = lines[n];
        let trimmed = line.trim_start();
        if trimmed.starts_with(']') && line.len() - trimmed.len() == indent {
            return (n > start + 1).then_some(n);
        }
        let item = trimmed.trim_end_matches(',');
        let is_string = item.starts_with('"') && item.ends_with('"') && item.len() >= 2;
        if !is_string {
            return None;
        }
        n += 1;
    }
    None
}
