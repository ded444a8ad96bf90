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
    let spans = find_rows_spans(text)?;
    if spans.iter().map(|s| s.end - s.start).sum::<usize>() < min_bytes {
        return None;
    }
    let mut all_rows = Vec::with_capacity(spans.len());
    for span in &spans {
        all_rows.push(parse_rows_parallel(&text[span.start..span.end])?);
    }
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

/// Finds every `rows: [ … ]` value outside strings and comments; `None` on anything unusual.
fn find_rows_spans(text: &str) -> Option<Vec<Span>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i)?,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => return None, // nested block comments: leave to ron
            b'r' if is_word_start(bytes, i) && matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                return None; // raw strings: leave to ron
            }
            b'r' if is_word_start(bytes, i) && bytes[i..].starts_with(b"rows") => {
                let after = i + 4;
                if bytes
                    .get(after)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    i = after;
                    continue;
                }
                let colon = skip_whitespace(bytes, after);
                if bytes.get(colon) != Some(&b':') {
                    i = after;
                    continue;
                }
                let open = skip_whitespace(bytes, colon + 1);
                if bytes.get(open) != Some(&b'[') {
                    return None;
                }
                let end = matching_bracket(bytes, open)?;
                spans.push(Span { start: open, end });
                i = end;
            }
            _ => i += 1,
        }
    }
    Some(spans)
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

/// Index just past the `]` matching the `[` at `open`, skipping strings.
fn matching_bracket(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = skip_string(bytes, i)?;
                continue;
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'/' | b'(' | b'r' => return None, // comments, tuples, raw strings: leave to ron
            _ => {}
        }
        i += 1;
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

/// Parses a `[[…], …]` rows array, splitting it across threads at row boundaries.
fn parse_rows_parallel(array: &str) -> Option<Vec<Vec<Cell>>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let bytes = array.as_bytes();
    let inner_start = 1;
    let inner_end = array.len() - 1;
    let cuts = row_boundaries(bytes, inner_start, inner_end, threads)?;
    if cuts.len() <= 2 {
        return parse_row_list(&array[inner_start..inner_end]);
    }
    let chunks: Vec<&str> = cuts.windows(2).map(|w| &array[w[0]..w[1]]).collect();
    let parts: Vec<Option<Vec<Vec<Cell>>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| scope.spawn(move || parse_row_list(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut rows = Vec::new();
    for part in parts {
        rows.extend(part?);
    }
    Some(rows)
}

/// Cut points (byte offsets) that split `start..end` into about `parts` pieces, each cut just
/// after a row's closing `]` and its comma.
fn row_boundaries(bytes: &[u8], start: usize, end: usize, parts: usize) -> Option<Vec<usize>> {
    let mut cuts = vec![start];
    let step = (end - start) / parts.max(1);
    for k in 1..parts {
        let target = start + k * step;
        let mut i = *cuts.last()?;
        // Walk rows from the last cut until one ends past the target.
        loop {
            i = skip_whitespace(bytes, i);
            if i >= end {
                break;
            }
            if bytes[i] != b'[' {
                return None;
            }
            i = matching_bracket(bytes, i)?;
            i = skip_whitespace(bytes, i);
            if bytes.get(i) == Some(&b',') {
                i += 1;
            }
            if i >= target {
                break;
            }
        }
        if i >= end {
            break;
        }
        cuts.push(i);
    }
    cuts.push(end);
    Some(cuts)
}

/// Parses `[…], […], …` (a trailing comma allowed).
fn parse_row_list(list: &str) -> Option<Vec<Vec<Cell>>> {
    let bytes = list.as_bytes();
    let mut rows = Vec::new();
    let mut i = skip_whitespace(bytes, 0);
    while i < bytes.len() {
        if bytes[i] != b'[' {
            return None;
        }
        let (row, next) = parse_row(list, i + 1)?;
        rows.push(row);
        i = skip_whitespace(bytes, next);
        if bytes.get(i) == Some(&b',') {
            i = skip_whitespace(bytes, i + 1);
        } else if i < bytes.len() {
            return None;
        }
    }
    Some(rows)
}

/// Parses the strings of one row starting after its `[`; returns the cells and the index after
/// its `]`.
fn parse_row(text: &str, mut i: usize) -> Option<(Vec<Cell>, usize)> {
    let bytes = text.as_bytes();
    let mut cells = Vec::with_capacity(16);
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
    fn rows_spans_skip_strings_and_comments() {
        let text = "(a: \"rows: [\", // rows: [\n rows: [[\"1\", \"]\"], [\"2\"]], b: 1)";
        let spans = find_rows_spans(text).unwrap();
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &text[spans[0].start..spans[0].end],
            "[[\"1\", \"]\"], [\"2\"]]"
        );
        let rows = parse_rows_parallel(&text[spans[0].start..spans[0].end]).unwrap();
        assert_eq!(
            rows,
            vec![
                vec![Cell::from("1".to_owned()), Cell::from("]".to_owned())],
                vec![Cell::from("2".to_owned())]
            ]
        );
    }

    #[test]
    fn positions_after_cut_rows_map_back_exactly() {
        let text = "(rows: [[\"中文\"],\n [\"b\"]], x: 1,\n rows: [\n[\"c\"]\n], y: ?)";
        let spans = find_rows_spans(text).unwrap();
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
    fn parallel_cuts_fall_on_row_boundaries() {
        let rows: Vec<String> = (0..1000).map(|i| format!("[\"{i}\", \"x,]\"]")).collect();
        let array = format!("[{}]", rows.join(",\n"));
        let parsed = parse_rows_parallel(&array).unwrap();
        assert_eq!(parsed.len(), 1000);
        assert_eq!(parsed[999][0], Cell::Value("999".into()));
        let cuts = row_boundaries(array.as_bytes(), 1, array.len() - 1, 4).unwrap();
        assert!(cuts.len() >= 3);
    }
}
