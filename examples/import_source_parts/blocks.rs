//! Reading a range of source lines into body blocks: page-break joins, headings by their
//! numbering, 专栏 boxes, figures, notes and paragraphs.

use super::decisions::{CONTINUED, LIST_MARKER, NOTES, PARAGRAPH_IDS};
use super::source::{Source, tidy};
use gazette_browser::model::Block;

/// One logical line: a source line with its page-break continuations appended.
struct Logical {
    first_line: usize,
    text: String,
}

/// The blocks of source lines `first..=last`.
pub fn blocks(source: &Source, first: usize, last: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open_box: Option<Block> = None;
    for logical in logical_lines(source, first, last) {
        let block = classify(&logical);
        match block {
            Block::Paragraph { .. } => match open_box.as_mut() {
                Some(Block::Box { blocks, .. }) => blocks.push(block),
                _ => out.push(block),
            },
            Block::Box { .. } => {
                out.extend(open_box.take());
                open_box = Some(block);
            }
            _ => {
                out.extend(open_box.take());
                out.push(block);
            }
        }
    }
    out.extend(open_box);
    out
}

fn logical_lines(source: &Source, first: usize, last: usize) -> Vec<Logical> {
    let numbers = source.non_blank(first, last);
    let mut out: Vec<Logical> = Vec::new();
    let mut continuing = false;
    for n in numbers {
        let raw = source.line(n).trim();
        match out.last_mut() {
            Some(previous) if continuing => previous.text.push_str(raw),
            _ => out.push(Logical {
                first_line: n,
                text: raw.to_owned(),
            }),
        }
        continuing = CONTINUED.contains(&n);
    }
    assert!(
        !continuing,
        "line {last} is marked continued past its range"
    );
    out
}

fn classify(logical: &Logical) -> Block {
    let text = tidy(&logical.text);
    if NOTES.contains(&logical.first_line) {
        let text = text.strip_prefix(LIST_MARKER.trim()).unwrap_or(&text);
        return Block::Note {
            text: text.to_owned(),
        };
    }
    if let Some((number, title)) = labelled(&text, "专栏") {
        return Block::Box {
            number: Some(number),
            title,
            blocks: Vec::new(),
        };
    }
    if let Some((number, caption)) = labelled(&text, "图") {
        let caption = caption.strip_prefix('：').unwrap_or(&caption).to_owned();
        return Block::Figure {
            number: Some(number),
            caption,
        };
    }
    if let Some(heading) = heading(&text) {
        return heading;
    }
    let id = PARAGRAPH_IDS
        .iter()
        .find(|(line, _)| *line == logical.first_line)
        .map(|(_, id)| (*id).to_owned());
    Block::Paragraph { id, text }
}

/// "专栏 3 现代中药…" → (3, "现代中药…"); "图 1：…" → (1, "：…").
fn labelled(text: &str, label: &str) -> Option<(u32, String)> {
    let rest = text.strip_prefix(label)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().ok()?;
    Some((number, rest[digits.len()..].trim().to_owned()))
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// A numbered line is a heading when it is short and holds no sentence: "（一）完善培育体系"
/// is one, "（一）加强统筹协调。充分发挥…" is a paragraph.
fn heading(text: &str) -> Option<Block> {
    let (level, numbering) = numbering(text)?;
    let rest = text[numbering.len()..].trim();
    let is_sentence = rest.contains(['。', '；', '！', '？']);
    if is_sentence || rest.is_empty() || rest.chars().count() > 40 {
        return None;
    }
    Some(Block::Heading {
        level,
        numbering,
        text: rest.to_owned(),
    })
}

/// The outline level and printed numbering at the start of `text`, if any.
fn numbering(text: &str) -> Option<(u8, String)> {
    let chinese = |c: char| CHINESE_NUMERALS.contains(c);
    let digit = |c: char| c.is_ascii_digit();
    let chars: Vec<char> = text.chars().collect();
    let run = |from: usize, pred: &dyn Fn(char) -> bool| {
        chars[from..].iter().take_while(|c| pred(**c)).count()
    };
    let take = |count: usize| chars[..count].iter().collect::<String>();
    let first = *chars.first()?;
    if chinese(first) {
        let n = run(0, &chinese);
        return (chars.get(n) == Some(&'、')).then(|| (1, take(n + 1)));
    }
    if first == '(' || first == '（' {
        let (n, level) = match run(1, &chinese) {
            0 => (run(1, &digit), 4),
            n => (n, 2),
        };
        let close = chars.get(1 + n).copied();
        return (n > 0 && matches!(close, Some(')' | '）'))).then(|| (level, take(n + 2)));
    }
    if digit(first) {
        let n = run(0, &digit);
        let mark = chars.get(n).copied();
        return matches!(mark, Some('.' | '、' | '．')).then(|| (3, take(n + 1)));
    }
    None
}
