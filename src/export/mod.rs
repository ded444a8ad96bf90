//! CSV export of tables (minimal version; the tables work extends it with encodings,
//! row choices and the formula-injection guard).

pub mod cli;

use crate::model::Table;
use std::io::Write;

/// The UTF-8 byte-order mark: without it Excel on Chinese Windows reads UTF-8 as GBK.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes every row of `table` as CSV with a header of the printed column titles, UTF-8 with BOM.
pub fn write_table_csv(table: &Table, out: impl Write) -> Result<(), csv::Error> {
    let mut out = out;
    out.write_all(UTF8_BOM)?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(table.columns.iter().map(|c| c.header()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|c| c.as_printed()))?;
    }
    writer.flush()?;
    Ok(())
}
