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
    attach_rows(&mut gazette, all_rows)?;
    Some(Ok(gazette))
}

/// Puts each table's parsed rows in place; `None` (and the gazette left unusable) when the
/// rows found do not line up one to one with the tables `ron` read.
pub(super) fn attach_rows(gazette: &mut Gazette, all_rows: Vec<Rows>) -> Option<()> {
    if gazette.tables.len() != all_rows.len() || gazette.tables.iter().any(|t| !t.rows.is_empty()) {
        return None;
    }
    for (table, rows) in gazette.tables.iter_mut().zip(all_rows) {
        table.rows = rows;
    }
    Some(())
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
    loop {
        let open = match next_rows_open(bytes, from, true) {
            Scan::RowsAt(open) => open,
            Scan::End => break,
            Scan::NeedMore(_) | Scan::Unsupported => return None,
        };
        let (rows, end) = parse_rows_array(text, open)?;
        spans.push(Span { start: open, end });
        all_rows.push(rows);
        from = end;
    }
    let total: usize = spans.iter().map(|s| s.end - s.start).sum();
    (total >= min_bytes).then_some((spans, all_rows))
}

/// What a scan for the next `rows:` value found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scan {
    /// The `[` of a `rows:` value is at this offset.
    RowsAt(usize),
    /// No `rows:` value up to the end of the text.
    End,
    /// The bytes stop before the scan could decide; more of the file is needed (only when the
    /// text is not the whole file). Nothing before the offset holds a `rows:` value, and the
    /// scan can start again there.
    NeedMore(usize),
    /// Something the fast path leaves to `ron` (block comments, raw strings, a broken string).
    Unsupported,
}

/// Scans for the `[` of the next `rows:` value at or after `from`, which must not be inside a
/// string or comment. `whole` says the bytes are the whole file; when they are only its
/// beginning, running out of bytes gives [`Scan::NeedMore`] instead of a decision.
pub(super) fn next_rows_open(bytes: &[u8], from: usize, whole: bool) -> Scan {
    let short = |i: usize| {
        if whole {
            Scan::Unsupported
        } else {
            Scan::NeedMore(i)
        }
    };
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => match skip_string(bytes, i) {
                Some(next) => i = next,
                None => return short(i),
            },
            b'/' if i + 1 == bytes.len() && !whole => return Scan::NeedMore(i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                match bytes[i..].iter().position(|&b| b == b'\n') {
                    Some(p) => i += p,
                    None if whole => i = bytes.len(),
                    None => return Scan::NeedMore(i),
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => return Scan::Unsupported,
            b'r' if is_word_start(bytes, i) => match rows_field_open(bytes, i) {
                Some(Field::RowsOpen(open)) => return Scan::RowsAt(open),
                Some(Field::LeftToRon) => return Scan::Unsupported,
                Some(Field::Other(next)) => i = next,
                // A word cut by the end of the whole text is no field; ron reports what is cut.
                None if whole => i += 1,
                None => return Scan::NeedMore(i),
            },
            _ => i += 1,
        }
    }
    if whole {
        Scan::End
    } else {
        Scan::NeedMore(bytes.len())
    }
}

/// What a word starting with `r` turned out to be.
enum Field {
    /// `rows:` followed by `[` at this offset.
    RowsOpen(usize),
    /// A raw string (`r"…"` or `r#"…"#`), or a `rows:` that is not an array: left to `ron`.
    LeftToRon,
    /// Something else; scanning goes on at this offset.
    Other(usize),
}

/// Classifies the word at `i` (which starts with `r`); `None` when the bytes end before it is
/// clear what the word is.
fn rows_field_open(bytes: &[u8], i: usize) -> Option<Field> {
    if matches!(bytes.get(i + 1)?, b'"' | b'#') {
        return Some(Field::LeftToRon);
    }
    let word = bytes.get(i..i + 4)?;
    if word != b"rows" {
        return Some(Field::Other(i + 1));
    }
    let after = i + 4;
    if bytes.get(after)?.is_ascii_alphanumeric() || bytes[after] == b'_' {
        return Some(Field::Other(after));
    }
    let colon = skip_whitespace(bytes, after);
    if *bytes.get(colon)? != b':' {
        return Some(Field::Other(after));
    }
    let open = skip_whitespace(bytes, colon + 1);
    // `rows:` with something other than an array is left to ron, which explains it.
    Some(if *bytes.get(open)? == b'[' {
        Field::RowsOpen(open)
    } else {
        Field::LeftToRon
    })
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
pub(super) type Rows = Vec<Vec<Cell>>;

/// Arrays smaller than this are parsed on one thread.
const PARALLEL_MIN_BYTES: usize = 4 << 20;

/// Where a run of rows must stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At the closing `]` of the array.
    ArrayEnd,
    /// Exactly at this offset, where the next run's first row begins, or at the closing `]` of
    /// the array if that comes first.
    At(usize),
    /// At the closing `]` of the array, or at the last row start before the text ends: the
    /// text is a window of a longer file, and the row cut by its end is read again with the
    /// next window.
    WindowEnd,
}

/// Where a run of rows ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ended {
    /// At the closing `]` of the array; the offset is just past it.
    ArrayEnd(usize),
    /// At the start of a row (or the end of the text) that the next run begins with.
    RowStart(usize),
}

/// Parses the rows array whose `[` is at `open`; returns its rows and the offset after its `]`.
fn parse_rows_array(text: &str, open: usize) -> Option<(Rows, usize)> {
    match parse_rows_run(text, open + 1, false)? {
        (rows, Ended::ArrayEnd(end)) => Some((rows, end)),
        (_, Ended::RowStart(_)) => None,
    }
}

/// Parses rows from `start` (a row's `[`, or just after the array's `[`) up to the array's `]`.
/// When `cut` (the text is a window and the file goes on), a run that reaches the end of the
/// text first stops at the start of the row the end cuts through, so that row is read again
/// with more text. A broken row then also looks cut; the caller finds out once the file ends.
///
/// A big run is split speculatively: each thread starts at a guessed row start and parses
/// until the next thread's start. The guesses are then proven, since the first thread starts at
/// a true row start and each thread must land exactly on the next one's start; if any does not,
/// the run is parsed again on one thread. So the result never depends on the guesses.
pub(super) fn parse_rows_run(text: &str, start: usize, cut: bool) -> Option<(Rows, Ended)> {
    let last_stop = if cut { Stop::WindowEnd } else { Stop::ArrayEnd };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let remaining = text.len() - start;
    if threads < 2 || remaining < PARALLEL_MIN_BYTES {
        return parse_rows_from(text, start, last_stop);
    }
    let mut starts = vec![start];
    for k in 1..threads {
        let guess = start + remaining / threads * k;
        match guess_row_start(text.as_bytes(), guess) {
            Some(next) if next > starts[starts.len() - 1] => starts.push(next),
            _ => break,
        }
    }
    let parts: Vec<Option<(Rows, Ended)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..starts.len())
            .map(|k| {
                let stop = starts.get(k + 1).map_or(last_stop, |&next| Stop::At(next));
                let start = starts[k];
                scope.spawn(move || parse_rows_from(text, start, stop))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    join_parts(parts).or_else(|| parse_rows_from(text, start, last_stop))
}

/// The parts' rows in order, up to the part that reached the array's end (later parts then
/// parsed something else and are dropped); `None` if a part needed for that failed.
fn join_parts(parts: Vec<Option<(Rows, Ended)>>) -> Option<(Rows, Ended)> {
    let mut rows = Vec::with_capacity(parts.iter().flatten().map(|(part, _)| part.len()).sum());
    let mut last_end = None;
    for part in parts {
        let (part_rows, ended) = part?;
        rows.extend(part_rows);
        last_end = Some(ended);
        if let Ended::ArrayEnd(_) = ended {
            break;
        }
    }
    Some((rows, last_end?))
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

/// Parses rows `[…], […], …` from `start` until `stop`; returns the rows and where it stopped.
fn parse_rows_from(text: &str, start: usize, stop: Stop) -> Option<(Rows, Ended)> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // Rows of a table have the same length, so each row is sized like the one before it: a
    // million rows then take no spare capacity (and no fresh pages the kernel must zero).
    let mut width = 16;
    let mut i = skip_whitespace(bytes, start);
    loop {
        match stop {
            Stop::At(at) if i == at => return Some((rows, Ended::RowStart(i))),
            Stop::At(at) if i > at => return None,
            _ => {}
        }
        let row_start = i;
        let cut_here =
            |rows| (stop == Stop::WindowEnd).then_some((rows, Ended::RowStart(row_start)));
        match bytes.get(i) {
            None => return cut_here(rows),
            Some(b']') => return Some((rows, Ended::ArrayEnd(i + 1))),
            Some(b'[') => {
                let Some((row, next)) = parse_row(text, i + 1, width) else {
                    return cut_here(rows);
                };
                width = row.len();
                i = skip_whitespace(bytes, next);
                match bytes.get(i) {
                    Some(b',') => i = skip_whitespace(bytes, i + 1),
                    Some(b']') => {
                        rows.push(row);
                        return Some((rows, Ended::ArrayEnd(i + 1)));
                    }
                    // What follows the row is not known yet: it is read again.
                    None => return cut_here(rows),
                    Some(_) => return None,
                }
                rows.push(row);
            }
            Some(_) => return None,
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
    i += memchr::memchr2(b'"', b'\\', &bytes[i..])?;
    if bytes[i] == b'"' {
        return Some((CellText::from(&text[body_start..i]), i + 1));
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
                let run = memchr::memchr2(b'"', b'\\', &bytes[i..])?;
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

/// `count` rows of three cells, two of which look like row boundaries (`x],[y` and `],`), as
/// the inside of a rows array: what a speculative split must not be fooled by.
#[cfg(test)]
pub(super) fn misleading_rows(count: usize) -> String {
    let rows: Vec<String> = (0..count)
        .map(|i| format!("[\"{i}\", \"x],[y\", \"],\"]"))
        .collect();
    rows.join(",\n")
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
        let text = format!("rows: [{}], tail", misleading_rows(200_000));
        let open = text.find('[').unwrap();
        let (parsed, end) = parse_rows_array(&text, open).unwrap();
        assert_eq!(parsed.len(), 200_000);
        assert_eq!(parsed[123_456][0], Cell::from("123456"));
        assert_eq!(parsed[199_999][2], Cell::from("],"));
        assert_eq!(&text[end..], ", tail");
        assert_eq!(
            parse_rows_from(&text, open + 1, Stop::ArrayEnd).unwrap(),
            (parsed, Ended::ArrayEnd(end))
        );
    }
}
