//! Any table a file can hold must export to CSV that reads back to the same cells (formula
//! guard aside), in every encoding that can hold it, without a panic.
#![no_main]

use gazette_browser::export::{CsvOptions, Encoding, csv_bytes, guard_text};
use gazette_browser::model::{Cell, Column, ColumnKind, Table, TableOrigin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Vec<(u8, String)>, Vec<Vec<String>>, bool, u8)| {
    let (column_specs, rows, header, encoding) = input;
    if column_specs.is_empty() || column_specs.len() > 16 {
        return;
    }
    let kinds = [ColumnKind::Text, ColumnKind::Category, ColumnKind::Code, ColumnKind::Integer, ColumnKind::Decimal];
    let columns: Vec<Column> = column_specs
        .iter()
        .map(|(kind, title)| Column {
            title: title.clone(),
            kind: kinds[usize::from(*kind) % kinds.len()],
            unit: None,
        })
        .collect();
    let width = columns.len();
    // A cell that begins with an invisible byte-order mark cannot round-trip as the first field
    // of a file: every reader (the csv crate, Excel) strips a BOM at the start. Nothing visible
    // is lost, so such inputs are not compared.
    if rows.iter().flatten().chain(column_specs.iter().map(|(_, t)| t)).any(|t| t.starts_with('\u{feff}')) {
        return;
    }
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .take(64)
        .map(|mut row| {
            row.resize(width, String::new());
            row.into_iter().map(Cell::from).collect()
        })
        .collect();
    let table = Table {
        id: "fuzz".into(),
        title: "fuzz".into(),
        document: "fuzz".into(),
        origin: TableOrigin::Printed { place: String::new() },
        columns,
        rows,
    };
    let encoding = [Encoding::Utf8Bom, Encoding::Utf8, Encoding::Gbk][usize::from(encoding) % 3];
    let all_rows: Vec<usize> = (0..table.rows.len()).collect();
    let all_columns: Vec<usize> = (0..width).collect();
    let Ok(bytes) = csv_bytes(&table, &all_rows, &all_columns, &CsvOptions { header, encoding }) else {
        assert_eq!(encoding, Encoding::Gbk, "only GBK may refuse a cell");
        return;
    };
    if encoding == Encoding::Gbk {
        return; // GBK folds ² and cannot be compared byte for byte
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(header).from_reader(text);
    let read: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.expect("our CSV reads back").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(read.len(), table.rows.len());
    for (read_row, row) in read.iter().zip(&table.rows) {
        for ((got, cell), column) in read_row.iter().zip(row).zip(&table.columns) {
            let printed = cell.as_printed();
            let numeric = column.kind.is_numeric()
                && printed.trim().parse::<f64>().is_ok_and(f64::is_finite);
            // The printed "--" (not applicable) is written as printed in every column: it runs
            // no formula, and a guarded '-- would mislead. Numbers are never guarded.
            let expected = if matches!(cell, Cell::Dash) {
                printed.to_owned()
            } else if numeric {
                printed.trim().to_owned()
            } else {
                guard_text(printed).into_owned()
            };
            assert_eq!(got, &expected);
        }
    }
});
