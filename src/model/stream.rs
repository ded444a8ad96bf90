//! Reading a big gazette file a window at a time, so its text never sits in memory whole.
//!
//! A million-row file is 250 MB of text whose cells become some 450 MB of parsed rows. Holding
//! the text as well costs a quarter of a gigabyte of fresh memory, and on an old PC or a busy
//! virtual machine fresh memory is slower to get than the parsing is to do. So the file is read
//! into one buffer a window (a few MB) at a time: the text outside tables' `rows` is kept for
//! `ron` (it is small), the whole rows in the window are parsed at once on every core, as in
//! [`super::fast_rows`], and the buffer is refilled.
//!
//! Anything unusual (a broken string, invalid UTF-8, a syntax error anywhere, rows the scanner
//! does not understand) makes this path step aside with `Ok(None)`; the caller then reads the
//! file the plain way, whose messages name the exact line and column. So results never differ,
//! and the tests compare both paths with windows small enough to cut through every row.

use super::Gazette;
use super::fast_rows::{Ended, Rows, Scan, attach_rows, next_rows_open};
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};

/// Parses the gazette `reader` yields, reading `window` bytes at a time and adding each read's
/// length to `read`. `Ok(None)` when the text is not one this path handles, or is longer than
/// `max_bytes`: the caller then reads it the plain way. Not validated beyond what parsing
/// checks.
pub fn parse_windowed(
    reader: &mut dyn Read,
    window: usize,
    max_bytes: u64,
    read: &AtomicU64,
) -> io::Result<Option<Gazette>> {
    let mut input = Input::start(reader, window, read)?;
    if input.buf.starts_with("\u{feff}".as_bytes()) {
        input.pos = 3;
    }
    let Some((outside, all_rows)) = split_rows(&mut input)? else {
        return Ok(None);
    };
    if input.total > max_bytes {
        return Ok(None);
    }
    Ok(gazette_from(outside, all_rows))
}

/// The text outside every table's rows (with `[]` left where rows were), and each rows array
/// parsed; `None` when something needs the plain path.
fn split_rows(input: &mut Input<'_>) -> io::Result<Option<(Vec<u8>, Vec<Rows>)>> {
    let mut outside = Vec::new();
    let mut all_rows = Vec::new();
    let mut current: Option<Rows> = None;
    loop {
        let step = match current.as_mut() {
            None => input.outside_step(&mut outside),
            Some(rows) => input.rows_step(rows),
        };
        match step {
            Step::Continue => {}
            Step::RowsOpened => current = Some(Vec::new()),
            Step::RowsClosed => all_rows.extend(current.take()),
            // Nothing more to read would loop for ever; the plain path explains the file.
            Step::NeedMore if input.eof => return Ok(None),
            Step::NeedMore => input.refill()?,
            Step::Finished => return Ok(Some((outside, all_rows))),
            Step::LeaveToPlainPath => return Ok(None),
        }
    }
}

/// `ron` reads the text outside the rows; the rows then go into their tables.
fn gazette_from(outside: Vec<u8>, all_rows: Vec<Rows>) -> Option<Gazette> {
    let outside = String::from_utf8(outside).ok()?;
    let mut gazette: Gazette = super::load::ron_options().from_str(&outside).ok()?;
    attach_rows(&mut gazette, all_rows)?;
    Some(gazette)
}

/// What one step of the scan did, and what the loop does next.
enum Step {
    /// Made progress; go on.
    Continue,
    /// Found the `[` of a rows array; rows follow.
    RowsOpened,
    /// Reached the `]` of the rows array being read.
    RowsClosed,
    /// The buffer ends before the next decision; read more.
    NeedMore,
    /// Reached the end of the file.
    Finished,
    /// Something the plain path must handle.
    LeaveToPlainPath,
}

/// The file being read and the window of it in memory.
struct Input<'a> {
    reader: &'a mut dyn Read,
    /// Bytes read but not yet consumed start at `pos`.
    buf: Vec<u8>,
    pos: usize,
    /// Whether `buf` reaches the end of the file.
    eof: bool,
    window: usize,
    /// Bytes read so far.
    total: u64,
    read: &'a AtomicU64,
}

impl<'a> Input<'a> {
    /// Reads the first window.
    fn start(reader: &'a mut dyn Read, window: usize, read: &'a AtomicU64) -> io::Result<Self> {
        let mut input = Input {
            reader,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            window: window.max(1),
            total: 0,
            read,
        };
        input.refill()?;
        Ok(input)
    }

    /// Drops the consumed bytes and reads up to one more window, so the buffer keeps its size
    /// (and its pages) from window to window.
    fn refill(&mut self) -> io::Result<()> {
        self.buf.drain(..self.pos);
        self.pos = 0;
        self.buf.reserve(self.window);
        let want = self.window as u64;
        let got = (&mut *self.reader).take(want).read_to_end(&mut self.buf)? as u64;
        self.total += got;
        self.read.fetch_add(got, Ordering::Relaxed);
        if got < want {
            self.eof = true;
        }
        Ok(())
    }

    /// Outside rows: keeps the text up to the next rows array's `[`, or to the end of file.
    fn outside_step(&mut self, outside: &mut Vec<u8>) -> Step {
        match next_rows_open(&self.buf, self.pos, self.eof) {
            Scan::RowsAt(open) => {
                outside.extend_from_slice(&self.buf[self.pos..=open]);
                self.pos = open + 1;
                Step::RowsOpened
            }
            Scan::End => {
                outside.extend_from_slice(&self.buf[self.pos..]);
                self.pos = self.buf.len();
                Step::Finished
            }
            Scan::NeedMore(resume) => {
                // What was scanned holds no rows: keep it, so the next window starts after it.
                outside.extend_from_slice(&self.buf[self.pos..resume]);
                self.pos = resume;
                Step::NeedMore
            }
            Scan::Unsupported => Step::LeaveToPlainPath,
        }
    }

    /// Inside rows: parses the rows that are whole in the buffer, up to the array's end or the
    /// row the buffer's end cuts through, which is left for the next window.
    fn rows_step(&mut self, rows: &mut Rows) -> Step {
        let mut window = &self.buf[self.pos..];
        if !self.eof {
            // A character the window's end may have cut is read again with the next window.
            window = &window[..without_last_non_ascii_char(window)];
        }
        let Ok(text) = simdutf8::basic::from_utf8(window) else {
            return Step::LeaveToPlainPath;
        };
        match super::fast_rows::parse_rows_run(text, 0, !self.eof) {
            Some((parsed, Ended::RowStart(at))) => {
                let progressed = at > 0;
                rows.extend(parsed);
                self.pos += at;
                if progressed {
                    Step::Continue
                } else {
                    Step::NeedMore
                }
            }
            Some((parsed, Ended::ArrayEnd(after))) => {
                rows.extend(parsed);
                // The `]` stays in the outside text, where `ron` expects it.
                self.pos += after - 1;
                Step::RowsClosed
            }
            None => Step::LeaveToPlainPath,
        }
    }
}

/// The length of `bytes` without its last character if that is not ASCII (it may be cut). Only
/// the last four bytes are looked at; invalid UTF-8 is left for the check that follows.
fn without_last_non_ascii_char(bytes: &[u8]) -> usize {
    let tail = bytes.len().saturating_sub(4);
    match bytes[tail..].iter().rposition(|&b| b & 0xc0 != 0x80) {
        Some(lead) if bytes[tail + lead] >= 0x80 => tail + lead,
        _ => bytes.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windowed(text: &str, window: usize) -> Option<Gazette> {
        let read = AtomicU64::new(0);
        let parsed = parse_windowed(&mut text.as_bytes(), window, u64::MAX, &read).unwrap();
        if parsed.is_some() {
            assert_eq!(read.load(Ordering::Relaxed), text.len() as u64, "all read");
        }
        parsed
    }

    fn plain(text: &str) -> Gazette {
        super::super::load::parse_unvalidated(text, "test").unwrap()
    }

    /// The embedded issue with its land-price table grown to `rows` synthetic rows, as RON text.
    fn big_issue(rows: usize) -> String {
        let mut gazette = super::super::load::embedded().unwrap();
        crate::synthetic::grow_land_prices(&mut gazette, rows, 11).unwrap();
        ron::to_string(&gazette).unwrap()
    }

    #[test]
    fn every_window_size_gives_what_the_plain_parser_gives() {
        let text = big_issue(300);
        let expected = plain(&text);
        for window in [3, 64, 1000, 4096, 65_536, text.len(), 2 * text.len()] {
            let same = windowed(&text, window).as_ref() == Some(&expected);
            assert!(same, "window {window}");
        }
    }

    #[test]
    fn pretty_printed_files_with_comments_and_odd_cells_parse_the_same() {
        let mut gazette = plain(&big_issue(50));
        let table = &mut gazette.tables[0];
        // Cells that look like row boundaries, quotes, escapes and Chinese across windows.
        table.rows[3][1] = "x],[y".into();
        table.rows[4][1] = "\"引号\" \\ 反斜杠\n换行".into();
        let pretty = ron::ser::to_string_pretty(&gazette, Default::default()).unwrap();
        let text = format!("// a comment with rows: [ in it\n{pretty}");
        for window in [5, 97, 4096] {
            let same = windowed(&text, window).as_ref() == Some(&gazette);
            assert!(same, "window {window}");
        }
    }

    #[test]
    fn a_leading_byte_order_mark_is_skipped() {
        let text = big_issue(20);
        let with_bom = format!("\u{feff}{text}");
        assert!(windowed(&with_bom, 100) == Some(plain(&text)));
    }

    #[test]
    fn broken_files_step_aside_for_the_plain_parser() {
        let text = big_issue(40);
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half -= 1;
        }
        let cut = &text[..half];
        let mut bad_utf8 = text.clone().into_bytes();
        let middle = bad_utf8.len() / 2;
        bad_utf8[middle] = 0xff;
        let block_comment = format!("/* rows */{text}");
        let unknown_field = text.replacen("format:", "formatt:", 1);
        for (what, bytes) in [
            ("cut in half", cut.as_bytes()),
            ("invalid UTF-8", &bad_utf8),
            ("block comment", block_comment.as_bytes()),
            ("unknown field", unknown_field.as_bytes()),
        ] {
            for window in [13, 4096] {
                let read = AtomicU64::new(0);
                let parsed = parse_windowed(&mut &bytes[..], window, u64::MAX, &read).unwrap();
                assert!(parsed.is_none(), "{what}, window {window}");
            }
        }
    }

    #[test]
    fn big_windows_are_split_across_threads_and_misleading_cells_do_not_fool_the_split() {
        // Cells that look like row boundaries ("],[") make some speculative splits fail; those
        // windows must be parsed again on one thread, not lost or doubled.
        let rows = super::super::fast_rows::misleading_rows(200_000);
        let text = format!("(rows: [{rows}], tail: 1)");
        assert!(text.len() > 5 << 20);
        for window in [5 << 20, (1 << 20) + 3] {
            let read = AtomicU64::new(0);
            let mut reader = text.as_bytes();
            let mut input = Input::start(&mut reader, window, &read).unwrap();
            let (outside, all_rows) = split_rows(&mut input).unwrap().unwrap();
            assert_eq!(outside, b"(rows: [], tail: 1)", "window {window}");
            assert_eq!(all_rows.len(), 1);
            let parsed = &all_rows[0];
            assert_eq!(parsed.len(), 200_000, "window {window}");
            for i in [0, 1, 123_456, 199_999] {
                assert_eq!(parsed[i][0].as_printed(), i.to_string(), "window {window}");
                assert_eq!(parsed[i][1].as_printed(), "x],[y");
                assert_eq!(parsed[i][2].as_printed(), "],");
            }
        }
    }

    #[test]
    fn a_window_ending_in_a_chinese_character_leaves_it_for_the_next() {
        let text = "ab中".as_bytes();
        for cut in 0..=text.len() {
            let kept = without_last_non_ascii_char(&text[..cut]);
            assert_eq!(kept, if cut <= 2 { cut } else { 2 }, "cut at {cut}");
        }
    }

    #[test]
    fn a_file_longer_than_the_limit_steps_aside() {
        let text = big_issue(10);
        let read = AtomicU64::new(0);
        let limit = text.len() as u64 - 1;
        let parsed = parse_windowed(&mut text.as_bytes(), 64, limit, &read).unwrap();
        assert!(parsed.is_none());
    }
}
