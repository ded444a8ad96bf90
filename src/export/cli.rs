//! The `export` command: the same filters, sort and files as the window, from the shell.
//!
//! `gazette-browser export TABLE_ID [--filter TEXT] [--where COLUMN=VALUE]... [--min COLUMN=N]...
//! [--max COLUMN=N]... [--sort COLUMN[:desc]]... [--rows 1,3,5-9] [--format csv|xlsx]
//! [--encoding utf8-bom|utf8|gbk] [--no-header] [--provenance] --output FILE|-`

use super::provenance::{Chosen, DataFile, Provenance, RowsChosen, sidecar_path};
use super::{CsvOptions, Encoding, ExportError, ExportFormat, write_csv, write_output_with};
use crate::files::FileIdentity;
use crate::model::{Gazette, Table};
use crate::table::{ColumnFilter, Query, SortDirection, SortKey, visible_rows_of};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which rows of a table, chosen as in the window: its quick filter, column filters, sort and
/// selection, as options. `export` and `pdf` both take them, so a row choice reads alike in
/// both. COLUMN is the printed column title without its unit (用途, 地面单价 …).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RowOptions {
    /// Keep rows in which every word appears in some cell (the window's quick filter).
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Keep rows whose COLUMN is exactly VALUE; repeat for several values or columns.
    #[arg(long = "where", value_name = "COLUMN=VALUE")]
    pub where_: Vec<String>,
    /// Keep rows whose numeric COLUMN is at least N, e.g. 地面单价=4000.
    #[arg(long, value_name = "COLUMN=N")]
    pub min: Vec<String>,
    /// Keep rows whose numeric COLUMN is at most N.
    #[arg(long, value_name = "COLUMN=N")]
    pub max: Vec<String>,
    /// Sort by COLUMN, ascending unless `:desc` follows; repeat for secondary keys.
    #[arg(long, value_name = "COLUMN[:desc]")]
    pub sort: Vec<String>,
    /// Only these rows, by 1-based position after filtering and sorting, e.g. 1,3,5-9: the
    /// command line's selection. Without it every row shown after filtering is taken, as the
    /// window does when no row is selected.
    #[arg(long, value_name = "LIST")]
    pub rows: Option<String>,
}

impl RowOptions {
    /// Whether any option was given (a document, which has no rows, refuses them).
    pub fn chooses_rows(&self) -> bool {
        self.filter.is_some()
            || !self.where_.is_empty()
            || !self.min.is_empty()
            || !self.max.is_empty()
            || !self.sort.is_empty()
            || self.rows.is_some()
    }
}

/// The rows [`RowOptions`] chose of a table, and how, for the file and its provenance.
#[derive(Debug, Clone)]
pub struct ChosenRows {
    /// The filters and sort.
    pub query: Query,
    /// How many rows the filters left.
    pub shown: usize,
    /// The rows taken (source indices, in order).
    pub rows: Vec<usize>,
    /// Which rows, as the provenance names them.
    pub chosen: RowsChosen,
}

/// Applies `options` to `table`: filters, sort, then `--rows`.
pub fn choose_rows(table: &Table, options: &RowOptions) -> Result<ChosenRows, ExportError> {
    let query = query_from_args(table, options)?;
    let shown = visible_rows_of(table, &query);
    let shown_count = shown.len();
    let (rows, chosen) = match &options.rows {
        Some(list) => (
            pick_positions(&shown, list)?,
            RowsChosen::Positions(list.trim().to_owned()),
        ),
        None => (shown, RowsChosen::Shown),
    };
    Ok(ChosenRows {
        query,
        shown: shown_count,
        rows,
        chosen,
    })
}

/// Arguments of `gazette-browser export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Id of the table (see `tables`), e.g. land-prices.
    pub table: String,
    /// Which rows.
    #[command(flatten)]
    pub choice: RowOptions,
    /// The kind of file: csv, or xlsx for an Excel workbook (numbers as numbers, a frozen
    /// header with filters, the provenance on a second sheet 来源). Without it the output's
    /// extension decides (.xlsx or .csv), and CSV is written otherwise.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// Text encoding of a CSV: utf8-bom (the default, for Excel and WPS), utf8 or gbk.
    #[arg(long, value_enum)]
    pub encoding: Option<Encoding>,
    /// Leave out the header line of a CSV.
    #[arg(long)]
    pub no_header: bool,
    /// Also write where the rows come from (gazette, document, table, filters, sort, rows,
    /// time, program, SHA-256 of the data file) to NAME.source.txt beside a CSV named NAME.csv.
    /// A workbook carries the same on its sheet 来源.
    #[arg(long)]
    pub provenance: bool,
    /// Where to write the file; `-` for standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

impl ExportArgs {
    /// The format asked for with `--format`, else named by the output's extension, else CSV.
    /// A `--format` that contradicts the extension, and CSV options given for a workbook, are
    /// refused: either would give a file that is not what its name or options say.
    pub fn resolved_format(&self) -> Result<ExportFormat, ExportError> {
        let named = ExportFormat::of_path(&self.output);
        let format = match (self.format, named) {
            (Some(asked), Some(named)) if asked != named => {
                return Err(ExportError::BadArgument(format!(
                    "--format {} but the output {} ends in .{}; give the file the extension \
                     .{} or leave out --format",
                    asked.extension(),
                    self.output.display(),
                    named.extension(),
                    asked.extension()
                )));
            }
            (Some(asked), _) => asked,
            (None, named) => named.unwrap_or_default(),
        };
        if format == ExportFormat::Xlsx {
            let csv_only = [
                (self.encoding.is_some(), "--encoding"),
                (self.no_header, "--no-header"),
                (self.provenance, "--provenance"),
            ];
            if let Some((_, option)) = csv_only.iter().find(|(given, _)| *given) {
                return Err(ExportError::BadArgument(format!(
                    "{option} applies to CSV; a workbook keeps every character, always has its \
                     title and header rows, and carries its provenance on the sheet 来源"
                )));
            }
        }
        if self.provenance && self.output.as_os_str() == "-" {
            return Err(ExportError::BadArgument(
                "--provenance needs --output FILE: the provenance is written beside it, as \
                 NAME.source.txt"
                    .to_owned(),
            ));
        }
        Ok(format)
    }
}

/// What an export wrote, for the confirmation message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// Rows written (without the header).
    pub rows: usize,
    /// Where they went (`-` for standard output).
    pub output: PathBuf,
    /// The provenance written beside a CSV, if asked for.
    pub sidecar: Option<PathBuf>,
}

/// Runs the export, never writing onto `input` (the gazette file being read, whose contents
/// are `data_file`), and prints the summary on standard error.
pub fn run(
    gazette: &Gazette,
    args: &ExportArgs,
    input: Option<&FileIdentity>,
    data_file: DataFile,
) -> Result<(), ExportError> {
    let summary = export_command(gazette, args, input, data_file)?;
    if summary.output.as_os_str() != "-" {
        eprintln!(
            "wrote {} rows to {}",
            summary.rows,
            summary.output.display()
        );
    }
    if let Some(sidecar) = &summary.sidecar {
        eprintln!("wrote the provenance to {}", sidecar.display());
    }
    Ok(())
}

/// Exports as the arguments ask; nothing is written when any argument is wrong.
pub fn export_command(
    gazette: &Gazette,
    args: &ExportArgs,
    input: Option<&FileIdentity>,
    data_file: DataFile,
) -> Result<ExportSummary, ExportError> {
    let format = args.resolved_format()?;
    let table = find_table(gazette, &args.table)?;
    let ChosenRows {
        query: state,
        shown: shown_count,
        rows,
        chosen,
    } = choose_rows(table, &args.choice)?;
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    if format == ExportFormat::Xlsx {
        super::xlsx::check_row_limit(rows.len())?;
    }
    let provenance = || {
        let chosen = Chosen {
            query: &state,
            rows: &chosen,
            written: rows.len(),
            shown: shown_count,
            columns: &columns,
        };
        let now = super::provenance::export_instant();
        Provenance::new(table, Some(gazette), chosen, Some(data_file.clone()), now)
    };
    let mut sidecar = None;
    match format {
        ExportFormat::Csv => {
            let options = CsvOptions {
                header: !args.no_header,
                encoding: args.encoding.unwrap_or_default(),
            };
            write_output_with(&args.output, input, |sink| {
                write_csv(table, &rows, &columns, &options, sink)
            })?;
            if args.provenance {
                sidecar = Some(write_sidecar(&args.output, input, &provenance())?);
            }
        }
        ExportFormat::Xlsx => {
            let provenance = provenance();
            write_output_with(&args.output, input, |sink| {
                super::xlsx::write_xlsx(table, &rows, &columns, &provenance, sink)
            })?;
        }
    }
    Ok(ExportSummary {
        rows: rows.len(),
        output: args.output.clone(),
        sidecar,
    })
}

/// Writes `provenance` as NAME.source.txt beside the CSV at `csv`, through the one writer, and
/// returns its path. The CSV is written first: a provenance never describes a file that failed.
pub fn write_sidecar(
    csv: &Path,
    input: Option<&FileIdentity>,
    provenance: &Provenance,
) -> Result<PathBuf, ExportError> {
    let path = sidecar_path(csv);
    super::write_output(&path, input, &provenance.text_file())?;
    Ok(path)
}

fn find_table<'a>(gazette: &'a Gazette, id: &str) -> Result<&'a Table, ExportError> {
    gazette.table(id).ok_or_else(|| ExportError::UnknownTable {
        name: id.to_owned(),
        known: gazette.tables.iter().map(|t| t.id.clone()).collect(),
    })
}

/// The [`Query`] the window would have after the same clicks.
pub fn query_from_args(table: &Table, args: &RowOptions) -> Result<Query, ExportError> {
    let mut state = Query {
        quick_filter: args.filter.clone().unwrap_or_default(),
        ..Query::default()
    };
    for item in &args.where_ {
        let (column, value) = split_pair(item, "--where", "COLUMN=VALUE")?;
        let column = find_column(table, column)?;
        add_value(&mut state, column, value);
    }
    for (items, is_min) in [(&args.min, true), (&args.max, false)] {
        for item in items {
            add_bound(&mut state, table, item, is_min)?;
        }
    }
    for item in &args.sort {
        let key = parse_sort(table, item)?;
        if state
            .sort
            .iter()
            .any(|earlier| earlier.column == key.column)
        {
            return Err(ExportError::BadArgument(format!(
                "--sort \"{item}\": the column {} is already a sort key; name each column once",
                table.columns[key.column].title
            )));
        }
        state.sort.push(key);
    }
    Ok(state)
}

fn split_pair<'a>(
    item: &'a str,
    option: &str,
    form: &str,
) -> Result<(&'a str, &'a str), ExportError> {
    item.split_once('=')
        .ok_or_else(|| ExportError::BadArgument(format!("{option} \"{item}\": expected {form}")))
}

/// The column whose title (or printed header with unit) is `name`.
pub fn find_column(table: &Table, name: &str) -> Result<usize, ExportError> {
    let name = name.trim();
    table
        .columns
        .iter()
        .position(|c| c.title == name || c.header() == name)
        .ok_or_else(|| ExportError::UnknownColumn {
            name: name.to_owned(),
            known: table.columns.iter().map(|c| c.title.clone()).collect(),
        })
}

/// Repeated `--where` on one column widen its value list (用途=商服用地 --where 用途=住宅用地).
fn add_value(state: &mut Query, column: usize, value: &str) {
    let values = match state.filters.remove(&column) {
        Some(ColumnFilter::Values(mut values)) => {
            values.insert(value.to_owned());
            values
        }
        _ => BTreeSet::from([value.to_owned()]),
    };
    state.set_filter(column, ColumnFilter::Values(values));
}

fn add_bound(
    state: &mut Query,
    table: &Table,
    item: &str,
    is_min: bool,
) -> Result<(), ExportError> {
    let option = if is_min { "--min" } else { "--max" };
    let (name, number) = split_pair(item, option, "COLUMN=N")?;
    let column = find_column(table, name)?;
    if !table.columns[column].kind.is_numeric() {
        return Err(ExportError::NotNumeric {
            name: name.to_owned(),
            numeric: numeric_titles(table),
        });
    }
    let bound = crate::model::parse_number(number).ok_or_else(|| {
        ExportError::BadArgument(format!("{option} \"{item}\": \"{number}\" is not a number"))
    })?;
    let (mut min, mut max) = match state.filters.get(&column) {
        Some(ColumnFilter::Range { min, max }) => (*min, *max),
        _ => (None, None),
    };
    if is_min {
        min = Some(bound);
    } else {
        max = Some(bound);
    }
    state.set_filter(column, ColumnFilter::Range { min, max });
    Ok(())
}

fn numeric_titles(table: &Table) -> Vec<String> {
    table
        .columns
        .iter()
        .filter(|c| c.kind.is_numeric())
        .map(|c| c.title.clone())
        .collect()
}

/// `COLUMN`, `COLUMN:asc` or `COLUMN:desc`.
fn parse_sort(table: &Table, item: &str) -> Result<SortKey, ExportError> {
    let (name, direction) = match item.rsplit_once(':') {
        Some((name, "desc")) => (name, SortDirection::Descending),
        Some((name, "asc")) => (name, SortDirection::Ascending),
        _ => (item, SortDirection::Ascending),
    };
    Ok(SortKey {
        column: find_column(table, name)?,
        direction,
    })
}

/// The rows at 1-based positions `list` (e.g. `1,3,5-9`) of `shown`, in shown order, each once.
pub fn pick_positions(shown: &[usize], list: &str) -> Result<Vec<usize>, ExportError> {
    let mut positions = BTreeSet::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (first, last) = parse_range(part)?;
        if first == 0 || last > shown.len() || first > last {
            return Err(ExportError::BadArgument(format!(
                "--rows \"{part}\": positions run from 1 to {} (the rows shown after filtering)",
                shown.len()
            )));
        }
        positions.extend(first..=last);
    }
    if positions.is_empty() {
        return Err(ExportError::BadArgument(format!(
            "--rows \"{list}\": give positions such as 1,3,5-9"
        )));
    }
    Ok(positions.into_iter().map(|p| shown[p - 1]).collect())
}

fn parse_range(part: &str) -> Result<(usize, usize), ExportError> {
    let bad = || {
        ExportError::BadArgument(format!(
            "--rows: \"{part}\" is not a position or a range such as 5-9"
        ))
    };
    let number = |text: &str| text.trim().parse::<usize>().map_err(|_| bad());
    match part.split_once('-') {
        Some((a, b)) => Ok((number(a)?, number(b)?)),
        None => number(part).map(|n| (n, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::fixture::land_prices;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ExportArgs,
    }

    fn args(line: &[&str]) -> ExportArgs {
        let mut full = vec!["export", "land-prices", "--output", "-"];
        full.extend_from_slice(line);
        Wrapper::try_parse_from(full).unwrap().args
    }

    fn numbers(table: &Table, line: &[&str]) -> Result<Vec<String>, ExportError> {
        let rows = choose_rows(table, &args(line).choice)?.rows;
        Ok(rows
            .iter()
            .map(|&r| table.rows[r][0].as_printed().to_owned())
            .collect())
    }

    #[test]
    fn the_model_job_on_the_command_line() {
        let table = land_prices();
        let line = [
            "--where",
            "用途=住宅用地",
            "--min",
            "地面单价=4000",
            "--sort",
            "地面单价:desc",
        ];
        assert_eq!(numbers(&table, &line).unwrap(), ["30", "28", "29", "32"]);
    }

    #[test]
    fn repeated_where_widens_the_value_list_and_min_max_make_a_range() {
        let table = land_prices();
        let line = [
            "--where",
            "用途=工业用地",
            "--where",
            "用途=商服用地",
            "--min",
            "地面单价=370",
            "--max",
            "地面单价=4300",
        ];
        assert_eq!(numbers(&table, &line).unwrap(), ["3", "4", "5", "56"]);
    }

    #[test]
    fn rows_pick_positions_after_filter_and_sort() {
        let table = land_prices();
        let line = [
            "--filter",
            "住宅",
            "--sort",
            "地面单价:desc",
            "--rows",
            "1,3-4",
        ];
        assert_eq!(numbers(&table, &line).unwrap(), ["30", "29", "32"]);
        let error = numbers(&table, &["--filter", "住宅", "--rows", "6"]).unwrap_err();
        assert!(error.to_string().contains("from 1 to 5"), "{error}");
        assert!(numbers(&table, &["--rows", "x"]).is_err());
        assert!(numbers(&table, &["--rows", "3-1"]).is_err());
        assert!(numbers(&table, &["--rows", "0"]).is_err());
    }

    #[test]
    fn columns_are_named_by_title_or_printed_header() {
        let table = land_prices();
        assert_eq!(find_column(&table, "地面单价").unwrap(), 6);
        assert_eq!(find_column(&table, "地面单价(元/m²)").unwrap(), 6);
        let error = numbers(&table, &["--sort", "价格"]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("no column \"价格\""), "{message}");
        assert!(message.contains("序号, 用途, 标定区域编号"), "{message}");
        assert!(!error.is_system_failure());
    }

    #[test]
    fn bad_numbers_and_non_numeric_bounds_are_refused() {
        let table = land_prices();
        let message = numbers(&table, &["--min", "地面单价=四千"])
            .unwrap_err()
            .to_string();
        assert!(message.contains("\"四千\" is not a number"), "{message}");
        let message = numbers(&table, &["--min", "用途=3"])
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("numeric columns are: 序号, 土地面积"),
            "{message}"
        );
        let message = numbers(&table, &["--where", "用途"])
            .unwrap_err()
            .to_string();
        assert!(message.contains("expected COLUMN=VALUE"), "{message}");
    }

    #[test]
    fn a_column_sorted_twice_is_refused_naming_it() {
        let table = land_prices();
        // 500 repeats once took 84 s and 3.8 GB; any repeat is now refused at once.
        let message = numbers(
            &table,
            &["--sort", "地面单价", "--sort", "地面单价(元/m²):desc"],
        )
        .unwrap_err()
        .to_string();
        assert!(
            message.contains("the column 地面单价 is already a sort key"),
            "{message}"
        );
        assert!(numbers(&table, &["--sort", "地面单价", "--sort", "用途"]).is_ok());
    }

    #[test]
    fn an_unknown_table_lists_the_tables() {
        let gazette = crate::model::load::embedded().unwrap();
        let mut bad = args(&[]);
        bad.table = "nope".into();
        let message = export_command(&gazette, &bad, None, DataFile::Embedded)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("no table \"nope\"; the tables are: land-prices"),
            "{message}"
        );
    }
}
