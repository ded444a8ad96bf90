//! Placing text on pages, without any PDF or UI: line wrapping, column widths, and a flow that
//! fills pages from top to bottom and repeats a table's header after every page break.
//!
//! Everything here works on [`Page`]s of [`Item`]s in points (1/72 inch), y growing downwards
//! from the top edge, so the tests can count what landed where; [`super::pdf`] only draws them.

use std::ops::Range;

/// How wide characters are, in ems (the font size is 1).
pub trait Measure {
    /// The advance of `c` in ems.
    fn advance(&self, c: char) -> f32;
}

/// The width of `text` at `size` points.
pub fn text_width(measure: &dyn Measure, text: &str, size: f32) -> f32 {
    text.chars().map(|c| measure.advance(c)).sum::<f32>() * size
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text; `baseline` is the y of its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// Font size in points.
        size: f32,
        /// The text (one line, no breaks).
        text: String,
    },
    /// A rectangle, filled with a grey (0 black … 255 white) and/or outlined.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// Grey of the fill, if filled.
        fill: Option<u8>,
        /// Width of the outline, if outlined.
        stroke: Option<f32>,
    },
    /// A straight line.
    Line {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Line width.
        width: f32,
    },
}

/// One page: its size and what is drawn on it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What is drawn, in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    /// The texts on this page, in drawing order (for tests and checks).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// How a piece of text sits in its space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right (numbers).
    Right,
}

/// What a character does to line breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A space: a break opportunity, dropped at the ends of lines.
    Space,
    /// A Chinese character (or kana, or a full-width form): a line may break before and after it.
    Cjk,
    /// An opening bracket or quote: stays with what follows.
    Open,
    /// Closing punctuation (，。、）》 …): never starts a line.
    Close,
    /// Anything else (Latin letters, digits, . , - / …): runs of these are words, numbers and
    /// codes, never broken.
    Word,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        return Class::Space;
    }
    if "（《〈「『【〔“‘([{".contains(c) {
        return Class::Open;
    }
    if "，。、；：？！）》〉」』】〕”’…·%‰,.;:?!)]}—～".contains(c) && !c.is_ascii()
    {
        return Class::Close;
    }
    if ")]}".contains(c) {
        return Class::Close;
    }
    let code = u32::from(c);
    let cjk = matches!(code,
        0x2E80..=0x2FFF      // radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFF00..=0xFFEF    // full-width forms
        | 0x20000..=0x3FFFF); // extensions B …
    if cjk { Class::Cjk } else { Class::Word }
}

/// The pieces of `text` that a line never breaks inside, as byte ranges: each Chinese character
/// with the closing punctuation after it and the opening brackets before it, each run of
/// letters and digits (a number, a code, a Latin word), and each run of spaces.
pub fn unbreakable_units(text: &str) -> Vec<Range<usize>> {
    let mut units: Vec<(Range<usize>, Class)> = Vec::new();
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        let kind = class(c);
        let joins = match (units.last().map(|(_, k)| *k), kind) {
            (None, _) => false,
            (Some(Class::Space), Class::Space) => true,
            (Some(Class::Space), _) | (_, Class::Space) => false,
            (Some(Class::Open), _) => true,
            (Some(Class::Word), Class::Word) => true,
            (Some(_), Class::Close) => true,
            _ => false,
        };
        match units.last_mut() {
            Some((range, last)) if joins => {
                range.end = end;
                // An opening bracket takes the class of what it joins.
                if *last == Class::Open {
                    *last = kind;
                }
            }
            _ => units.push((start..end, kind)),
        }
    }
    units.into_iter().map(|(range, _)| range).collect()
}

/// The width of the widest piece of `text` that cannot be broken, in ems.
pub fn widest_unit(measure: &dyn Measure, text: &str) -> f32 {
    unbreakable_units(text)
        .into_iter()
        .map(|range| text_width(measure, &text[range], 1.0))
        .fold(0.0, f32::max)
}

/// `text` broken into lines no wider than `width` at `size`: between Chinese characters and at
/// spaces, never inside a number or a code (unless one alone is wider than the line, which is
/// then cut between characters rather than lost). Explicit line breaks are kept. An empty text
/// is one empty line.
pub fn wrap(measure: &dyn Measure, text: &str, size: f32, width: f32) -> Vec<String> {
    wrap_indented(measure, text, size, width, width)
}

/// [`wrap`] with the first line `first_width` wide (a paragraph's indented first line).
pub fn wrap_indented(
    measure: &dyn Measure,
    text: &str,
    size: f32,
    first_width: f32,
    width: f32,
) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.trim_end_matches('\r');
        let first = if lines.is_empty() { first_width } else { width };
        wrap_paragraph(measure, paragraph, size, (first, width), &mut lines);
    }
    lines
}

/// Lines a little wider than the space by rounding still fit.
const SLACK: f32 = 0.01;

fn wrap_paragraph(
    measure: &dyn Measure,
    text: &str,
    size: f32,
    (first_width, width): (f32, f32),
    lines: &mut Vec<String>,
) {
    let first_line = lines.len();
    let limit = |lines: &Vec<String>| {
        if lines.len() == first_line {
            first_width
        } else {
            width
        }
    };
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut pending_space: Option<(&str, f32)> = None;
    for range in unbreakable_units(text) {
        let unit = &text[range];
        let unit_width = text_width(measure, unit, size);
        if unit.starts_with(char::is_whitespace) {
            if !line.is_empty() {
                pending_space = Some((unit, unit_width));
            }
            continue;
        }
        if let Some((space, space_width)) = pending_space.take() {
            if line_width + space_width + unit_width <= limit(lines) + SLACK {
                line.push_str(space);
                line_width += space_width;
            } else {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
        } else if !line.is_empty() && line_width + unit_width > limit(lines) + SLACK {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if line.is_empty() && unit_width > limit(lines) + SLACK {
            // Wider than a whole line: cut between characters, as a last resort.
            for c in unit.chars() {
                let w = measure.advance(c) * size;
                if !line.is_empty() && line_width + w > limit(lines) + SLACK {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        } else {
            line.push_str(unit);
            line_width += unit_width;
        }
    }
    lines.push(line);
}

/// Widths for columns whose content is `natural` ems wide unbroken and at least `least` ems
/// (the widest unbreakable piece), at `size`, with `padding` points each side, to fill
/// `available` points: every column gets its least width, and what is left goes to the columns
/// that would wrap, in proportion to how much they would like. `None` when even the least
/// widths do not fit (the caller then tries a smaller size).
pub fn column_widths(
    natural: &[f32],
    least: &[f32],
    size: f32,
    padding: f32,
    available: f32,
) -> Option<Vec<f32>> {
    let natural: Vec<f32> = natural.iter().map(|w| w * size + 2.0 * padding).collect();
    let least: Vec<f32> = least.iter().map(|w| w * size + 2.0 * padding).collect();
    let total_least: f32 = least.iter().sum();
    let total_natural: f32 = natural.iter().sum();
    if total_least > available {
        return None;
    }
    if total_natural <= available {
        // Everything fits on one line each: spread what is left evenly over the columns.
        let extra = (available - total_natural) / natural.len().max(1) as f32;
        return Some(natural.iter().map(|w| w + extra).collect());
    }
    let wanted: f32 = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
    let left = available - total_least;
    Some(
        natural
            .iter()
            .zip(&least)
            .map(|(n, l)| {
                l + if wanted > 0.0 {
                    (n - l) / wanted * left
                } else {
                    0.0
                }
            })
            .collect(),
    )
}

/// The rectangle of a page that content may fill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Page width.
    pub page_width: f32,
    /// Page height.
    pub page_height: f32,
    /// Left edge of the content.
    pub left: f32,
    /// Right edge of the content.
    pub right: f32,
    /// Top of the content.
    pub top: f32,
    /// Bottom of the content (the footer lies below it).
    pub bottom: f32,
}

impl Frame {
    /// A4 portrait, 595 × 842 pt, with margins of 2 cm and `footer` points kept free at the foot.
    pub fn a4_portrait(footer: f32) -> Frame {
        Frame::with_margins(595.0, 842.0, 56.0, footer)
    }

    /// A4 landscape, 842 × 595 pt, with margins of 1.5 cm and `footer` points kept free.
    pub fn a4_landscape(footer: f32) -> Frame {
        Frame::with_margins(842.0, 595.0, 42.0, footer)
    }

    fn with_margins(width: f32, height: f32, margin: f32, footer: f32) -> Frame {
        Frame {
            page_width: width,
            page_height: height,
            left: margin,
            right: width - margin,
            top: margin,
            bottom: height - margin - footer,
        }
    }

    /// The width content may take.
    pub fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// Pages filled from top to bottom: text lines, tables and boxes placed at a cursor that moves
/// down and starts a new page where the next thing does not fit.
pub struct Flow<'m> {
    /// The font's widths.
    pub measure: &'m dyn Measure,
    /// Where content goes on every page.
    pub frame: Frame,
    /// The pages so far; the last is being filled.
    pub pages: Vec<Page>,
    /// The y where the next thing goes.
    pub y: f32,
    /// Left indent of text (inside a 专栏 box).
    pub indent: f32,
    /// The 专栏 boxes open: where each began on the current page.
    boxes: Vec<f32>,
}

/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f32 = 1.45;

/// The space between a box's frame and its content.
const BOX_PADDING: f32 = 8.0;

impl<'m> Flow<'m> {
    /// A flow with its first page started.
    pub fn new(measure: &'m dyn Measure, frame: Frame) -> Flow<'m> {
        let mut flow = Flow {
            measure,
            frame,
            pages: Vec::new(),
            y: frame.top,
            indent: 0.0,
            boxes: Vec::new(),
        };
        flow.new_page();
        flow
    }

    /// Left edge of text now.
    fn left(&self) -> f32 {
        self.frame.left + self.indent
    }

    /// Right edge of text now.
    fn right(&self) -> f32 {
        self.frame.right - self.boxes.len() as f32 * BOX_PADDING
    }

    /// The width text may take now.
    pub fn width(&self) -> f32 {
        self.right() - self.left()
    }

    /// Room left on this page.
    pub fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    fn page(&mut self) -> &mut Page {
        // `new` starts the first page, and pages are never removed.
        if self.pages.is_empty() {
            self.pages.push(self.blank_page());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn blank_page(&self) -> Page {
        Page {
            width: self.frame.page_width,
            height: self.frame.page_height,
            items: Vec::new(),
        }
    }

    /// Ends the page (closing the frames of open boxes on it) and starts another.
    pub fn new_page(&mut self) {
        if !self.pages.is_empty() {
            let bottom = self.y;
            for depth in 0..self.boxes.len() {
                self.draw_box_side(depth, bottom);
            }
        }
        self.pages.push(self.blank_page());
        self.y = self.frame.top;
        for top in &mut self.boxes {
            *top = self.frame.top;
        }
    }

    /// Starts a new page unless `height` more fits on this one (and this page holds something).
    pub fn ensure(&mut self, height: f32) {
        let empty = self.y <= self.frame.top + 0.01;
        if !empty && self.y + height > self.frame.bottom {
            self.new_page();
        }
    }

    /// Adds vertical space (dropped at the top of a page).
    pub fn space(&mut self, height: f32) {
        if self.y > self.frame.top + 0.01 {
            self.y = (self.y + height).min(self.frame.bottom);
        }
    }

    /// Places one line of text at the cursor and moves below it.
    pub fn line(&mut self, text: &str, size: f32, align: Align) {
        let height = size * LINE_HEIGHT;
        self.ensure(height);
        let width = text_width(self.measure, text, size);
        let x = match align {
            Align::Left => self.left(),
            Align::Center => self.left() + (self.width() - width).max(0.0) / 2.0,
            Align::Right => self.right() - width,
        };
        let baseline = self.y + size * 1.1;
        self.page().items.push(Item::Text {
            x,
            baseline,
            size,
            text: text.to_owned(),
        });
        self.y += height;
    }

    /// Places `text` wrapped to the width, the first line indented by `first_indent` points.
    pub fn paragraph(&mut self, text: &str, size: f32, align: Align, first_indent: f32) {
        let width = self.width();
        let lines = wrap_indented(self.measure, text, size, width - first_indent, width);
        for (n, line) in lines.iter().enumerate() {
            let indent = if n == 0 { first_indent } else { 0.0 };
            self.indent += indent;
            self.line(line, size, align);
            self.indent -= indent;
        }
    }

    /// Opens a framed box (专栏): its label on a grey band, then content indented inside.
    pub fn open_box(&mut self, label: &str, size: f32) {
        let band = size * LINE_HEIGHT + 4.0;
        self.ensure(band + size * LINE_HEIGHT * 2.0);
        self.space(4.0);
        let top = self.y;
        let (left, right) = (self.left(), self.right());
        self.page().items.push(Item::Rect {
            x: left,
            y: top,
            width: right - left,
            height: band,
            fill: Some(230),
            stroke: None,
        });
        self.boxes.push(top);
        self.indent += BOX_PADDING;
        self.y += 2.0;
        self.line(label, size, Align::Left);
        self.y += 2.0 + BOX_PADDING / 2.0;
    }

    /// Closes the innermost box, drawing the rest of its frame.
    pub fn close_box(&mut self) {
        if self.boxes.is_empty() {
            return;
        }
        self.y += BOX_PADDING / 2.0;
        let depth = self.boxes.len() - 1;
        let bottom = self.y;
        self.draw_box_side(depth, bottom);
        self.boxes.pop();
        self.indent -= BOX_PADDING;
        self.space(6.0);
    }

    /// The frame of box `depth` from where it began on this page down to `bottom`.
    fn draw_box_side(&mut self, depth: usize, bottom: f32) {
        let top = self.boxes[depth];
        let inset = depth as f32 * BOX_PADDING;
        let (left, right) = (self.frame.left + inset, self.frame.right - inset);
        self.page().items.push(Item::Rect {
            x: left,
            y: top,
            width: right - left,
            height: (bottom - top).max(0.0),
            fill: None,
            stroke: Some(0.6),
        });
    }

    /// A grey placeholder for a figure the text edition lacks, with its caption and a note.
    pub fn placeholder(&mut self, caption: &str, note: &str, size: f32) {
        let height = size * LINE_HEIGHT * 2.0 + 24.0;
        self.ensure(height);
        self.space(4.0);
        let (x, y, width) = (self.left(), self.y, self.width());
        self.page().items.push(Item::Rect {
            x,
            y,
            width,
            height,
            fill: Some(242),
            stroke: Some(0.5),
        });
        self.y += 12.0;
        self.line(caption, size, Align::Center);
        self.line(note, size * 0.85, Align::Center);
        self.y = y + height;
        self.space(6.0);
    }

    /// Places a table: its header at the top of it and again at the top of every page it
    /// continues on, each row whole on one page (a row taller than a page is cut off at the
    /// page's foot rather than split).
    pub fn table(&mut self, table: &LaidTable) {
        let header_height = table.header.height;
        self.ensure(header_height + table.rows.first().map_or(0.0, |r| r.height));
        self.draw_row(table, &table.header, true);
        for row in &table.rows {
            if self.y + row.height > self.frame.bottom && self.y > self.frame.top + header_height {
                self.new_page();
                self.draw_row(table, &table.header, true);
            }
            self.draw_row(table, row, false);
        }
    }

    fn draw_row(&mut self, table: &LaidTable, row: &LaidRow, header: bool) {
        let top = self.y;
        let left = self.left();
        let size = table.size;
        let mut items = Vec::new();
        if header {
            items.push(Item::Rect {
                x: left,
                y: top,
                width: table.widths.iter().sum(),
                height: row.height,
                fill: Some(225),
                stroke: None,
            });
        }
        let mut x = left;
        for ((lines, width), align) in row.cells.iter().zip(&table.widths).zip(&table.aligns) {
            let align = if header { Align::Center } else { *align };
            for (n, line) in lines.iter().enumerate() {
                let text_w = text_width(self.measure, line, size);
                let text_x = match align {
                    Align::Left => x + table.padding,
                    Align::Center => x + (width - text_w) / 2.0,
                    Align::Right => x + width - table.padding - text_w,
                };
                let baseline = top + table.padding + n as f32 * size * LINE_HEIGHT + size * 1.1;
                if !line.is_empty() {
                    items.push(Item::Text {
                        x: text_x,
                        baseline,
                        size,
                        text: line.clone(),
                    });
                }
            }
            items.push(Item::Rect {
                x,
                y: top,
                width: *width,
                height: row.height,
                fill: None,
                stroke: Some(0.4),
            });
            x += width;
        }
        self.page().items.extend(items);
        self.y += row.height;
    }
}

/// One row of a laid-out table: each cell's lines and the row's height.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidRow {
    /// Each cell's wrapped lines.
    pub cells: Vec<Vec<String>>,
    /// Height in points.
    pub height: f32,
}

/// A table ready to place: column widths, the header and rows wrapped to them.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidTable {
    /// Font size.
    pub size: f32,
    /// Space between a cell's border and its text.
    pub padding: f32,
    /// Column widths in points.
    pub widths: Vec<f32>,
    /// How each column's cells sit.
    pub aligns: Vec<Align>,
    /// The header row.
    pub header: LaidRow,
    /// The body rows, in order.
    pub rows: Vec<LaidRow>,
}

/// The share of a table's width a size must leave over the columns' least widths for the
/// columns of long text (标定区域四至): less, and they wrap into towers one word wide.
const WRAP_ROOM: f32 = 0.25;

/// Cells up to this many ems wide are kept on one line.
const SHORT_CELL: f32 = 4.0;

/// The font sizes a table tries, largest first, until its columns fit the width.
pub const TABLE_SIZES: [f32; 5] = [9.0, 8.0, 7.0, 6.5, 6.0];

/// Lays out a table of `headers` and `rows` (text as printed) to fill `width` points: the
/// largest of [`TABLE_SIZES`] at which no number or code has to be broken, each cell wrapped
/// to its column.
pub fn lay_out_table(
    measure: &dyn Measure,
    headers: &[String],
    rows: &[Vec<String>],
    aligns: &[Align],
    width: f32,
) -> LaidTable {
    let padding = 3.0;
    let columns = headers.len();
    let mut natural = vec![0.0f32; columns];
    let mut least = vec![0.0f32; columns];
    for (c, header) in headers.iter().enumerate() {
        // A header may wrap between any of its Chinese characters; two characters at least.
        least[c] = widest_unit(measure, header).max(2.0);
        natural[c] = text_width(measure, header, 1.0);
    }
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            let whole = text_width(measure, cell, 1.0);
            natural[c] = natural[c].max(whole);
            // A short cell (商服用地, 七通一平) stays on one line where the width allows.
            let unbroken = if whole <= SHORT_CELL { whole } else { 0.0 };
            least[c] = least[c].max(widest_unit(measure, cell)).max(unbroken);
        }
    }
    let smallest = TABLE_SIZES[TABLE_SIZES.len() - 1];
    // The largest size that leaves the long-text columns room to wrap in a few lines; if none
    // does, the largest at which every code stays whole.
    let least_width = |size: f32| least.iter().map(|w| w * size + 2.0 * padding).sum::<f32>();
    let roomy = |size: f32| least_width(size) <= width * (1.0 - WRAP_ROOM);
    let (size, widths) = TABLE_SIZES
        .iter()
        .filter(|&&size| roomy(size))
        .chain(TABLE_SIZES.iter())
        .find_map(|&size| column_widths(&natural, &least, size, padding, width).map(|w| (size, w)))
        .unwrap_or_else(|| {
            // Even the smallest size cannot keep every code whole: share the width out in
            // proportion, and let `wrap` cut the longest pieces.
            let total: f32 = least.iter().sum::<f32>().max(f32::EPSILON);
            (smallest, least.iter().map(|w| w / total * width).collect())
        });
    let lay_row = |cells: &[String]| {
        let cells: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| wrap(measure, cell, size, w - 2.0 * padding))
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        LaidRow {
            cells,
            height: lines as f32 * size * LINE_HEIGHT + 2.0 * padding,
        }
    };
    LaidTable {
        size,
        padding,
        header: lay_row(headers),
        rows: rows.iter().map(|row| lay_row(row)).collect(),
        widths,
        aligns: aligns.to_vec(),
    }
}

/// Adds a footer to every page: `lines` at the left (small, above) and "第 N 页 共 M 页" at the
/// right of the last line, once the number of pages is known.
pub fn add_footers(
    pages: &mut [Page],
    measure: &dyn Measure,
    frame: &Frame,
    lines: &[String],
    page_label: impl Fn(usize, usize) -> String,
) {
    let size = 7.0;
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let mut baseline = frame.bottom + 14.0;
        page.items.push(Item::Line {
            from: (frame.left, frame.bottom + 4.0),
            to: (frame.right, frame.bottom + 4.0),
            width: 0.4,
        });
        for line in lines {
            for part in wrap(measure, line, size, frame.width() - 80.0) {
                page.items.push(Item::Text {
                    x: frame.left,
                    baseline,
                    size,
                    text: part,
                });
                baseline += size * LINE_HEIGHT;
            }
        }
        let label = page_label(n + 1, total);
        let label_size = 8.0;
        let label_width = text_width(measure, &label, label_size);
        page.items.push(Item::Text {
            x: frame.right - label_width,
            baseline: frame.bottom + 14.0,
            size: label_size,
            text: label,
        });
    }
}

#[cfg(test)]
mod tests;
