//! PDF for printing: a table (the rows and columns an export would write, A4 landscape, its
//! header on every page, the provenance in the footer) or a whole document (title, number,
//! date, headings, paragraphs, 专栏 boxes, figure placeholders and tables, in reading order).
//!
//! [`layout`] places text on pages without knowing about PDF (and is tested on its own);
//! [`pdf`] draws the pages with krilla in the embedded font; [`cli`] is the `pdf` command. The
//! bytes go out through the one writer of [`crate::files`], as the CSV does.

pub mod cli;
pub mod font;
pub mod layout;
mod pdf;
pub mod strings;

pub use pdf::Properties;

use crate::export::ExportError;
use crate::export::provenance::{RowsChosen, describe_rows};
use crate::model::{Block, Document, Gazette, Table, TableOrigin};
use crate::table::{ColumnFilter, Query, SortDirection};
use font::FontMetrics;
use layout::{Align, Flow, Frame, Measure, Page, add_footers, lay_out_table};

/// Most rows a table PDF holds: 20,000 rows are some 1,400 landscape pages (4 s and 110 MB to
/// write, benches/README.md), past what anyone prints, and krilla builds the whole PDF in
/// memory: a million rows would take minutes and gigabytes. More is refused with a message
/// saying to filter, select, or export CSV instead.
pub const MAX_PDF_ROWS: usize = 20_000;

/// What a table printout shows besides its cells: where it came from and how it was chosen.
#[derive(Debug, Clone)]
pub struct TableJob<'a> {
    /// The issue the table is in.
    pub gazette: &'a Gazette,
    /// The table.
    pub table: &'a Table,
    /// The rows to print (source indices, in the order printed).
    pub rows: &'a [usize],
    /// The columns to print (source indices, in the order printed).
    pub columns: &'a [usize],
    /// The filters and sort that chose and ordered the rows.
    pub query: &'a Query,
    /// How the rows were chosen.
    pub chosen: RowsChosen,
    /// How many rows the filters left, of which [`TableJob::rows`] were chosen.
    pub shown: usize,
    /// When, as [`utc_timestamp`] writes it.
    pub time: String,
}

impl TableJob<'_> {
    /// The text of the printout, owned, so it can be laid out and drawn on another thread.
    /// Refuses more than [`MAX_PDF_ROWS`] rows before copying any.
    pub fn printout(&self) -> Result<TablePrintout, ExportError> {
        check_row_count(self.rows.len())?;
        let table = self.table;
        let cell = |r: usize, c: usize| {
            table.rows[r]
                .get(c)
                .map_or("", |cell| cell.as_printed())
                .to_owned()
        };
        Ok(TablePrintout {
            title: table.title.clone(),
            source: source_line(self.gazette, table),
            headers: self
                .columns
                .iter()
                .map(|&c| table.columns[c].header())
                .collect(),
            rows: self
                .rows
                .iter()
                .map(|&r| self.columns.iter().map(|&c| cell(r, c)).collect())
                .collect(),
            aligns: column_aligns(table, self.columns),
            footer: provenance_lines(self),
        })
    }
}

/// Everything a table printout shows, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePrintout {
    /// The table's title.
    pub title: String,
    /// Where it comes from ([`source_line`]).
    pub source: String,
    /// The printed headers of the columns chosen.
    pub headers: Vec<String>,
    /// The cells of the rows chosen, as printed.
    pub rows: Vec<Vec<String>>,
    /// How each column's cells sit.
    pub aligns: Vec<Align>,
    /// The provenance lines of the footer.
    pub footer: Vec<String>,
}

impl TablePrintout {
    /// The PDF.
    pub fn pdf(&self) -> Result<Vec<u8>, ExportError> {
        let pages = table_pages(self, FontMetrics::embedded());
        let properties = Properties {
            title: self.title.clone(),
            subject: self.source.clone(),
        };
        pdf::render(&pages, &properties).map_err(ExportError::Internal)
    }
}

/// The PDF of a table printout. Refuses more than [`MAX_PDF_ROWS`] rows.
pub fn table_pdf(job: &TableJob<'_>) -> Result<Vec<u8>, ExportError> {
    job.printout()?.pdf()
}

/// Refuses a printout of more than [`MAX_PDF_ROWS`] rows, saying what to do instead.
pub fn check_row_count(rows: usize) -> Result<(), ExportError> {
    if rows > MAX_PDF_ROWS {
        return Err(ExportError::BadArgument(format!(
            "{rows} rows are too many to print: a PDF holds at most {MAX_PDF_ROWS} rows (some \
             1,400 pages); filter or select the rows to print, or export them as CSV"
        )));
    }
    Ok(())
}

/// The pages of a table printout, laid out with `measure`: A4 landscape, the title and source
/// on top, the header on every page, the provenance and page numbers in the footer.
pub fn table_pages(printout: &TablePrintout, measure: &dyn Measure) -> Vec<Page> {
    let frame = Frame::a4_landscape(28.0);
    let mut flow = Flow::new(measure, frame);
    flow.paragraph(&printout.title, 14.0, Align::Center, 0.0);
    flow.space(2.0);
    flow.paragraph(&printout.source, 9.0, Align::Center, 0.0);
    flow.space(6.0);
    let laid = lay_out_table(
        measure,
        &printout.headers,
        &printout.rows,
        &printout.aligns,
        frame.width(),
    );
    flow.table(&laid);
    let mut pages = flow.pages;
    add_footers(
        &mut pages,
        measure,
        &frame,
        &printout.footer,
        strings::page_label,
    );
    pages
}

/// Numbers flush right, everything else flush left.
fn column_aligns(table: &Table, columns: &[usize]) -> Vec<Align> {
    columns
        .iter()
        .map(|&c| {
            if table.columns[c].kind.is_numeric() {
                Align::Right
            } else {
                Align::Left
            }
        })
        .collect()
}

/// "来源：《驻马店市人民政府公报》2023年第3号（总第125号） 关于……的通知（驻政〔2023〕13号） 附件1".
pub fn source_line(gazette: &Gazette, table: &Table) -> String {
    let mut parts = vec![gazette_label(gazette)];
    if let Some(document) = gazette.document(&table.document) {
        parts.push(match &document.number {
            Some(number) => format!("{}（{number}）", document.title),
            None => document.title.clone(),
        });
    }
    parts.push(match &table.origin {
        TableOrigin::Printed { place } => place.clone(),
        TableOrigin::Derived { .. } => strings::DRAWN_FROM_PROSE.to_owned(),
    });
    format!("{}{}", strings::SOURCE, parts.join(" "))
}

/// 《驻马店市人民政府公报》2023年第3号（总第125号）.
pub fn gazette_label(gazette: &Gazette) -> String {
    let issue = &gazette.issue;
    format!(
        "《{}》{}年第{}号（总第{}号）",
        issue.title, issue.year, issue.number, issue.cumulative_number
    )
}

/// The footer's provenance: the filters and sort, then the rows, columns, time and version.
/// (The XLSX 来源 sheet and the CSV sidecar say the same; to be joined with theirs.)
pub fn provenance_lines(job: &TableJob<'_>) -> Vec<String> {
    vec![
        format!(
            "{}{}；{}{}",
            strings::FILTERS,
            describe_filters(job.table, job.query),
            strings::SORT,
            describe_sort(job.table, job.query)
        ),
        strings::rows_line(
            &describe_rows(&job.chosen, job.rows.len(), job.shown, job.table.rows.len()),
            job.columns.len(),
            job.table.columns.len(),
            &job.time,
        ),
    ]
}

/// The filters of `query` in words: 用途 ∈ 住宅用地；地面单价 ≥ 4000；含“驿城”.
pub fn describe_filters(table: &Table, query: &Query) -> String {
    let mut parts: Vec<String> = query
        .filters
        .iter()
        .filter(|(_, filter)| filter.is_active())
        .map(|(&column, filter)| {
            let title = table.columns.get(column).map_or("?", |c| c.title.as_str());
            match filter {
                ColumnFilter::Text(text) => match text.trim().strip_prefix('=') {
                    Some(exact) => format!("{title} = {exact}"),
                    None => format!("{title} {}", strings::quick_filter(text.trim())),
                },
                ColumnFilter::Range { min, max } => match (min, max) {
                    (Some(min), Some(max)) => format!("{min} ≤ {title} ≤ {max}"),
                    (Some(min), None) => format!("{title} ≥ {min}"),
                    (None, Some(max)) => format!("{title} ≤ {max}"),
                    (None, None) => title.to_owned(),
                },
                ColumnFilter::Values(values) => {
                    let values: Vec<&str> = values.iter().map(String::as_str).collect();
                    format!("{title} ∈ {}", values.join("、"))
                }
            }
        })
        .collect();
    if !query.quick_filter.trim().is_empty() {
        parts.push(strings::quick_filter(query.quick_filter.trim()));
    }
    if parts.is_empty() {
        strings::NO_FILTER.to_owned()
    } else {
        parts.join("；")
    }
}

/// The sort of `query` in words: 地面单价 降序，序号 升序.
pub fn describe_sort(table: &Table, query: &Query) -> String {
    if query.sort.is_empty() {
        return strings::PRINTED_ORDER.to_owned();
    }
    let keys: Vec<String> = query
        .sort
        .iter()
        .map(|key| {
            let title = table
                .columns
                .get(key.column)
                .map_or("?", |c| c.title.as_str());
            let direction = match key.direction {
                SortDirection::Ascending => strings::ASCENDING,
                SortDirection::Descending => strings::DESCENDING,
            };
            format!("{title} {direction}")
        })
        .collect();
    keys.join("，")
}

/// The time a printout names, in Beijing time as every export's provenance
/// ([`crate::export::provenance::export_instant`]: now, or `SOURCE_DATE_EPOCH`).
pub fn export_time() -> String {
    use crate::export::provenance::{beijing_time, export_instant};
    beijing_time(export_instant())
}

/// A document with what its printout needs of the issue, owned, so it can be laid out and
/// drawn on another thread.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPrintout {
    /// [`gazette_label`] of the issue.
    pub gazette_label: String,
    /// The document.
    pub document: Document,
    /// The tables its blocks name, up to [`MAX_PDF_ROWS`] rows each.
    pub tables: Vec<Table>,
    /// Tables too long to print: id, title and rows.
    pub too_long: Vec<(String, String, usize)>,
}

impl DocumentPrintout {
    /// The printout of `document` of `gazette`.
    pub fn of(gazette: &Gazette, document: &Document) -> DocumentPrintout {
        let mut tables = Vec::new();
        let mut too_long = Vec::new();
        for block in document.all_blocks() {
            if let Block::Table { table } = block
                && let Some(table) = gazette.table(table)
            {
                if table.rows.len() > MAX_PDF_ROWS {
                    too_long.push((table.id.clone(), table.title.clone(), table.rows.len()));
                } else {
                    tables.push(table.clone());
                }
            }
        }
        DocumentPrintout {
            gazette_label: gazette_label(gazette),
            document: document.clone(),
            tables,
            too_long,
        }
    }

    /// The PDF.
    pub fn pdf(&self) -> Result<Vec<u8>, ExportError> {
        let pages = document_pages(self, FontMetrics::embedded());
        let properties = Properties {
            title: self.document.title.clone(),
            subject: self.gazette_label.clone(),
        };
        pdf::render(&pages, &properties).map_err(ExportError::Internal)
    }

    fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|table| table.id == id)
    }
}

/// The PDF of a whole document.
pub fn document_pdf(gazette: &Gazette, document: &Document) -> Result<Vec<u8>, ExportError> {
    DocumentPrintout::of(gazette, document).pdf()
}

/// Body text size.
const BODY: f32 = 10.5;

/// The pages of a document, A4 portrait, in reading order: title, number and date, addressees,
/// body, issuer and date, then each attachment (a numbered one on a new page).
pub fn document_pages(printout: &DocumentPrintout, measure: &dyn Measure) -> Vec<Page> {
    let document = &printout.document;
    let frame = Frame::a4_portrait(20.0);
    let mut flow = Flow::new(measure, frame);
    flow.paragraph(&document.title, 16.0, Align::Center, 0.0);
    let mut facts = Vec::new();
    if let Some(number) = &document.number {
        facts.push(number.clone());
    }
    if let Some(date) = &document.date {
        facts.push(date.chinese());
    }
    if !facts.is_empty() {
        flow.space(2.0);
        flow.line(&facts.join("　"), BODY, Align::Center);
    }
    flow.space(10.0);
    if let Some(addressees) = &document.addressees {
        flow.paragraph(&format!("{addressees}："), BODY, Align::Left, 0.0);
    }
    blocks(&mut flow, printout, &document.body, None);
    if !document.issuer.is_empty() || document.date.is_some() {
        flow.space(8.0);
        if !document.issuer.is_empty() {
            flow.line(&document.issuer, BODY, Align::Right);
        }
        if let Some(date) = &document.date {
            flow.line(&date.chinese(), BODY, Align::Right);
        }
    }
    for attachment in &document.attachments {
        // A numbered attachment (附件1) starts a page, as printed; the plan a notice issues
        // follows it.
        if attachment.label.is_some() {
            flow.new_page();
        } else {
            flow.space(24.0);
        }
        if let Some(label) = &attachment.label {
            flow.line(label, 12.0, Align::Left);
        }
        flow.paragraph(&attachment.title, 15.0, Align::Center, 0.0);
        flow.space(8.0);
        // A table printed as the attachment (附件1) is not titled a second time.
        blocks(
            &mut flow,
            printout,
            &attachment.body,
            Some(&attachment.title),
        );
    }
    let mut pages = flow.pages;
    let running = format!("{} {}", printout.gazette_label, document.short_title);
    add_footers(&mut pages, measure, &frame, &[running], strings::page_label);
    pages
}

/// `titled`: the title already printed above these blocks (an attachment's).
fn blocks(flow: &mut Flow<'_>, printout: &DocumentPrintout, body: &[Block], titled: Option<&str>) {
    for block in body {
        block_into(flow, printout, block, titled);
    }
}

/// One block, drawn as the reader shows it ([`Block::shown_text`]).
fn block_into(
    flow: &mut Flow<'_>,
    printout: &DocumentPrintout,
    block: &Block,
    titled: Option<&str>,
) {
    let text = block.shown_text().unwrap_or_default();
    match block {
        Block::Heading { level, .. } => {
            let size = match level {
                1 => 13.0,
                2 => 12.0,
                _ => 11.0,
            };
            flow.space(6.0);
            // A heading stays with at least two lines of what follows it.
            flow.ensure(size * layout::LINE_HEIGHT + BODY * layout::LINE_HEIGHT * 2.0);
            flow.paragraph(&text, size, Align::Left, 0.0);
            flow.space(2.0);
        }
        Block::Paragraph { .. } => {
            flow.paragraph(&text, BODY, Align::Left, BODY * 2.0);
            flow.space(3.0);
        }
        Block::Note { .. } => {
            flow.paragraph(&text, 9.0, Align::Left, 0.0);
            flow.space(3.0);
        }
        Block::Box { blocks: inner, .. } => {
            flow.open_box(&text, 11.0);
            blocks(flow, printout, inner, None);
            flow.close_box();
        }
        Block::Figure { .. } => flow.placeholder(&text, strings::FIGURE_MISSING, BODY),
        Block::Table { table } => {
            if let Some(table) = printout.table(table) {
                document_table(flow, table, titled != Some(table.title.as_str()));
            } else if let Some((_, title, rows)) =
                printout.too_long.iter().find(|(id, ..)| id == table)
            {
                flow.paragraph(
                    &strings::table_too_long(title, *rows),
                    BODY,
                    Align::Center,
                    0.0,
                );
            }
        }
    }
}

/// A table within a document: its title (unless printed just above), then every row and column.
fn document_table(flow: &mut Flow<'_>, table: &Table, with_title: bool) {
    flow.space(4.0);
    flow.ensure(BODY * layout::LINE_HEIGHT * 3.0);
    if with_title {
        flow.paragraph(&table.title, BODY, Align::Center, 0.0);
    }
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    let headers: Vec<String> = table.columns.iter().map(|c| c.header()).collect();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| cell.as_printed().to_owned())
                .collect()
        })
        .collect();
    let laid = lay_out_table(
        flow.measure,
        &headers,
        &rows,
        &column_aligns(table, &columns),
        flow.width(),
    );
    flow.table(&laid);
    flow.space(6.0);
}

#[cfg(test)]
mod tests;
