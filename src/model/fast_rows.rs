//! A fast path for the one part of a gazette file that can be huge: tables' `rows`.
//!
//! The `ron` crate reads about 100 MB/s, so a million-row table (250 MB) would take seconds.
//! Rows are only arrays of arrays of strings, so they are read here with a small dedicated
//! scanner, in parallel on every core, and cut out of the text handed to `ron` for everything
//! else (leaving `[]`). The line and column of any `ron` error are mapped back to the full text,
//! so messages stay exact. Anything the scanner does not fully understand —
//! raw strings, unusual escapes, a file whose `rows` do not line up with its tables — makes it
//! step aside, and the whole file is read by `ron` alone, so results never differ; tests and the
//! fuzzer compare both paths.

use super::{Cell, CellText, Gazette};

/// Rows smaller than this are left to `ron`: the fast path only pays off on big tables.
const FAST_PATH_MIN_BYTES: usize = 1 << 20;

/// Parses `text` with the rows fast path, or `None` if the text is not suitable for it (the
/// caller then parses the whole text with `ron`).
pub fn parse(
    text: &str,
    options: &ron::Options,
) -> Option<Result<Gazette, ron::error::SpannedError>> {
    parse_if_rows_exceed(text, options, FAST_PATH_MIN_BYTES)
}

/// [`parse`] with the size threshold as a parameter, so tests can force the fast path.
pub fn parse_if_rows_exceed(
    text: &str,
    options: &ron::Options,
    min_bytes: usize,
) -> Option<Result<Gazette, ron::error::SpannedError>> {
    let (spans, all_rows) = parse_all_rows(text, min_bytes)?;
    let reduced = cut_spans(text, &spans);
    let mut gazette: Gazette = match options.from_str(&reduced) {
        Ok(gazette) => gazette,
        Err(mut err) => {
            err.span.start = map_position(text, &reduced, &spans, err.span.start);
            err.span.end = map_position(text, &reduced, &spans, err.span.end);
            return Some(Err(err));
        }
    };
    if gazette.tables.len() != all_rows.len() || gazette.tables.iter().any(|t| !t.rows.is_empty()) {
        return None;
    }
    for (table, rows) in gazette.tables.iter_mut().zip(all_rows) {
        table.rows = rows;
    }
    Some(Ok(gazette))
}

/// Byte range of one `rows` array, brackets included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

/// Finds and parses every `rows: [ … ]` value outside strings and comments; `None` on anything
/// unusual, or when the rows add up to fewer than `min_bytes`.
fn parse_all_rows(text: &str, min_bytes: usize) -> Option<(Vec<Span>, Vec<Rows>)> {
    let bytes = text.as_bytes();
    let (mut spans, mut all_rows) = (Vec::new(), Vec::new());
    let mut from = 0;
    while let Some(open) = next_rows_open(bytes, from)? {
        let (rows, end) = parse_rows_array(text, open)?;
        spans.push(Span { start: open, end });
        all_rows.push(rows);
        from = end;
    }
    let total: usize = spans.iter().map(|s| s.end - s.start).sum();
    (total >= min_bytes).then_some((spans, all_rows))
}

/// The `[` of the next `rows:` value at or after `from`: `Some(None)` when there is none,
/// `None` when the text holds something the fast path leaves to `ron`.
fn next_rows_open(bytes: &[u8], from: usize) -> Option<Option<usize>> {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i)?,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => return None, // block comments: leave to ron
            b'r' if is_word_start(bytes, i) && matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                return None; // raw strings: leave to ron
            }
            b'r' if is_word_start(bytes, i) && bytes[i..].starts_with(b"rows") => {
                let after = i + 4;
                let colon = skip_whitespace(bytes, after);
                let is_field = !bytes
                    .get(after)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
                    && bytes.get(colon) == Some(&b':');
                if !is_field {
                    i = after;
                    continue;
                }
                let open = skip_whitespace(bytes, colon + 1);
                return (bytes.get(open) == Some(&b'[')).then_some(Some(open));
            }
            _ => i += 1,
        }
    }
    Some(None)
}

fn is_word_start(bytes: &[u8], i: usize) -> bool {
    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
}

fn skip_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Index just past the closing quote of the string starting at `start`.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The text with the inside of every span removed, leaving `[]`.
fn cut_spans(text: &str, spans: &[Span]) -> String {
    let mut out =
        String::with_capacity(text.len() - spans.iter().map(|s| s.end - s.start).sum::<usize>());
    let mut last = 0;
    for span in spans {
        out.push_str(&text[last..span.start + 1]);
        last = span.end - 1;
    }
    out.push_str(&text[last..]);
    out
}

/// Byte offset in the cut text of each span's closing `]`.
fn cut_closing_offsets(spans: &[Span]) -> Vec<usize> {
    let mut removed = 0;
    spans
        .iter()
        .map(|span| {
            removed += span.end - span.start - 2;
            span.end - 1 - removed
        })
        .collect()
}

/// ron's line and column (1-based, columns in characters) of byte `offset` in `text`.
fn position_at(text: &str, offset: usize) -> ron::error::Position {
    let before = &text[..offset];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    ron::error::Position {
        line,
        col: 1 + before[line_start..].chars().count(),
    }
}

/// Maps a position in the cut text back to the full text.
fn map_position(
    text: &str,
    reduced: &str,
    spans: &[Span],
    position: ron::error::Position,
) -> ron::error::Position {
    let closings = cut_closing_offsets(spans);
    let Some((span, closing)) = spans.iter().zip(&closings).rev().find(|(_, closing)| {
        **closing <= reduced.len() && position_at(reduced, **closing) <= position
    }) else {
        return position;
    };
    let in_reduced = position_at(reduced, *closing);
    let in_text = position_at(text, span.end - 1);
    if position.line == in_reduced.line {
        ron::error::Position {
            line: in_text.line,
            col: in_text.col + (position.col - in_reduced.col),
        }
    } else {
        ron::error::Position {
            line: position.line + (in_text.line - in_reduced.line),
            col: position.col,
        }
    }
}

/// The rows of one table, as stored in [`crate::model::Table::rows`].
type Rows = Vec<Vec<Cell>>;

/// Arrays smaller than this are parsed on one thread.
const PARALLEL_MIN_BYTES: usize = 4 << 20;

/// Where a run of rows must stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At the closing `]` of the array.
    ArrayEnd,
    /// Exactly at this offset, where the next thread's first row begins.
    At(usize),
}

/// Parses the rows array whose `[` is at `open`; returns its rows and the offset after its `]`.
///
/// A big array is split speculatively: each thread starts at a guessed row start and parses
/// until the next thread's start. The guesses are then proven, since the first thread starts at
/// a true row start and each thread must land exactly on the next one's start; if any does not,
/// the array is parsed again on one thread. So the result never depends on the guesses.
fn parse_rows_array(text: &str, open: usize) -> Option<(Rows, usize)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let remaining = text.len() - open;
    if threads < 2 || remaining < PARALLEL_MIN_BYTES {
        return parse_rows_from(text, open + 1, Stop::ArrayEnd);
    }
    let mut starts = vec![open + 1];
    for k in 1..threads {
        let guess = open + remaining / threads * k;
        match guess_row_start(text.as_bytes(), guess) {
            Some(start) if start > starts[starts.len() - 1] => starts.push(start),
            _ => break,
        }
    }
    let parts: Vec<Option<(Rows, usize)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..starts.len())
            .map(|k| {
                let stop = starts
                    .get(k + 1)
                    .map_or(Stop::ArrayEnd, |&next| Stop::At(next));
                let start = starts[k];
                scope.spawn(move || parse_rows_from(text, start, stop))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    if parts.iter().any(Option::is_none) {
        return parse_rows_from(text, open + 1, Stop::ArrayEnd);
    }
    let parts: Vec<(Rows, usize)> = parts.into_iter().flatten().collect();
    let mut rows = Vec::with_capacity(parts.iter().map(|(part, _)| part.len()).sum());
    let mut end = open + 1;
    for (part_rows, part_end) in parts {
        rows.extend(part_rows);
        end = part_end;
    }
    Some((rows, end))
}

/// The first offset at or after `from` that looks like the start of a row: a `[` after `],`.
/// Only a guess (the bytes could sit inside a string); [`parse_rows_array`] proves it.
fn guess_row_start(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        let close = i + bytes[i..].iter().position(|&b| b == b']')?;
        let comma = skip_whitespace(bytes, close + 1);
        if bytes.get(comma) == Some(&b',') {
            let open = skip_whitespace(bytes, comma + 1);
            if bytes.get(open) == Some(&b'[') {
                return Some(open);
            }
        }
        i = close + 1;
    }
    None
}

/// Parses rows `[…], […], …` from `start` until `stop`; returns the rows and the offset where it
/// stopped (after the array's `]`, or exactly `Stop::At`).
fn parse_rows_from(text: &str, start: usize, stop: Stop) -> Option<(Rows, usize)> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // Rows of a table have the same length, so each row is sized like the one before it: a
    // million rows then take no spare capacity (and no fresh pages the kernel must zero).
    let mut width = 16;
    let mut i = skip_whitespace(bytes, start);
    loop {
        match stop {
            Stop::At(at) if i == at => return Some((rows, i)),
            Stop::At(at) if i > at => return None,
            _ => {}
        }
        match bytes.get(i)? {
            b']' if stop == Stop::ArrayEnd => return Some((rows, i + 1)),
            b'[' => {
                let (row, next) = parse_row(text, i + 1, width)?;
                width = row.len();
                rows.push(row);
                i = skip_whitespace(bytes, next);
                match bytes.get(i)? {
                    b',' => i = skip_whitespace(bytes, i + 1),
                    b']' if stop == Stop::ArrayEnd => return Some((rows, i + 1)),
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// Parses the strings of one row starting after its `[`; returns the cells and the index after
/// its `]`.
fn parse_row(text: &str, mut i: usize, width: usize) -> Option<(Vec<Cell>, usize)> {
    let bytes = text.as_bytes();
    let mut cells = Vec::with_capacity(width);
    loop {
        i = skip_whitespace(bytes, i);
        match bytes.get(i)? {
            b']' => return Some((cells, i + 1)),
            b'"' => {
                let (value, next) = parse_string(text, i)?;
                cells.push(Cell::from(value));
                i = skip_whitespace(bytes, next);
                match bytes.get(i)? {
                    b',' => i += 1,
                    b']' => return Some((cells, i + 1)),
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// Parses the RON string starting at the quote at `start`; returns it and the index after the
/// closing quote. Only the escapes the `ron` crate writes are understood.
fn parse_string(text: &str, start: usize) -> Option<(CellText, usize)> {
    let bytes = text.as_bytes();
    let body_start = start + 1;
    let mut i = body_start;
    // The common case: no escapes.
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some((CellText::from(&text[body_start..i]), i + 1)),
            b'\\' => break,
            _ => i += 1,
        }
    }
    let mut out = String::from(&text[body_start..i]);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some((CellText::from(out), i + 1)),
            b'\\' => {
                let (ch, next) = parse_escape(text, i)?;
                out.push(ch);
                i = next;
            }
            _ => {
                let run = bytes[i..].iter().position(|&b| b == b'"' || b == b'\\')?;
                out.push_str(&text[i..i + run]);
                i += run;
            }
        }
    }
    None
}

fn parse_escape(text: &str, backslash: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let simple = match bytes.get(backslash + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'0' => '\0',
        b'\'' => '\'',
        b'u' => return parse_unicode_escape(text, backslash + 2),
        _ => return None,
    };
    Some((simple, backslash + 2))
}

/// `\u{XXXX}` with one to six hex digits.
fn parse_unicode_escape(text: &str, brace: usize) -> Option<(char, usize)> {
    let rest = text.get(brace..)?.strip_prefix('{')?;
    let close = rest.find('}')?;
    let hex = &rest[..close];
    if hex.is_empty() || hex.len() > 6 {
        return None;
    }
    let code = u32::from_str_radix(hex, 16).ok()?;
    Some((char::from_u32(code)?, brace + 1 + close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_with_escapes_match_what_ron_reads() {
        for literal in [
            r#""plain""#,
            r#""a\"b\\c\n\t""#,
            r#""\u{4E2D}文""#,
            r#""""#,
            r#""--""#,
        ] {
            let ours = parse_string(literal, 0).map(|(s, _)| s.to_string());
            let theirs: Option<String> = ron::from_str(literal).ok();
            assert_eq!(ours, theirs, "{literal}");
        }
        assert_eq!(
            parse_string(r#""\x41""#, 0),
            None,
            "unknown escapes step aside"
        );
    }

    #[test]
    fn rows_are_found_outside_strings_and_comments() {
        let text = "(a: \"rows: [\", // rows: [\n rows: [[\"1\", \"]\"], [\"2\"]], b: 1)";
        let (spans, rows) = parse_all_rows(text, 0).unwrap();
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &text[spans[0].start..spans[0].end],
            "[[\"1\", \"]\"], [\"2\"]]"
        );
        assert_eq!(
            rows[0],
            vec![
                vec![Cell::from("1"), Cell::from("]")],
                vec![Cell::from("2")]
            ]
        );
    }

    #[test]
    fn positions_after_cut_rows_map_back_exactly() {
        let text = "(rows: [[\"中文\"],\n [\"b\"]], x: 1,\n rows: [\n[\"c\"]\n], y: ?)";
        let (spans, _) = parse_all_rows(text, 0).unwrap();
        let reduced = cut_spans(text, &spans);
        assert_eq!(reduced, "(rows: [], x: 1,\n rows: [], y: ?)");
        let question = |t: &str| position_at(t, t.find('?').unwrap());
        assert_eq!(
            map_position(text, &reduced, &spans, question(&reduced)),
            question(text)
        );
        let x = |t: &str| position_at(t, t.find('x').unwrap());
        assert_eq!(map_position(text, &reduced, &spans, x(&reduced)), x(text));
    }

    #[test]
    fn speculative_splits_are_proven_or_redone() {
        // Cells that look like row boundaries ("],[") must not fool the split.
        let rows: Vec<String> = (0..200_000)
            .map(|i| format!("[\"{i}\", \"x],[y\", \"],\"]"))
            .collect();
        let text = format!("rows: [{}], tail", rows.join(",\n"));
        let open = text.find('[').unwrap();
        let (parsed, end) = parse_rows_array(&text, open).unwrap();
        assert_eq!(parsed.len(), 200_000);
        assert_eq!(parsed[123_456][0], Cell::from("123456"));
        assert_eq!(parsed[199_999][2], Cell::from("],"));
        assert_eq!(&text[end..], ", tail");
        assert_eq!(
            parse_rows_from(&text, open + 1, Stop::ArrayEnd).unwrap().0,
            parsed
        );
    }
}
