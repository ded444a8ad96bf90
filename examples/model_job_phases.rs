//! Times each phase of the clerk's model job on a big gazette file, to see where the time goes
//! (the figures in benches/README.md): open (the file read a window at a time and parsed as it
//! comes in, as the app does), validate, filter and sort, and CSV streamed to disk. With
//! `--whole` the file is instead read whole first, then checked as UTF-8 and parsed, each timed
//! on its own. The job is the one of issue 7: 用途=住宅用地, 地面单价 ≥ 4000, sorted by
//! 地面单价 descending.
//!
//!   cargo run --release --example model_job_phases -- big.ron [out.csv] [--whole]
#![allow(clippy::unwrap_used, clippy::expect_used)]
use gazette_browser::export::cli::{RowOptions, query_from_args};
use gazette_browser::export::{CsvOptions, Encoding, write_csv};
use gazette_browser::model::load::{load_path_unvalidated, parse_unvalidated, read_counted};
use gazette_browser::model::validate::validate;
use gazette_browser::table::visible_rows_of;
use std::time::Instant;

/// The same allocator as the app (see src/main.rs), so the phases add up to its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let whole = std::env::args().any(|arg| arg == "--whole");
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--whole");
    let path = std::path::PathBuf::from(args.next().expect("a gazette file"));
    let output = args.next().map_or_else(
        || std::env::temp_dir().join("model_job_phases.csv"),
        Into::into,
    );
    let mut last = Instant::now();
    let mut lap = |what: &str| {
        let now = Instant::now();
        eprintln!("{what:>10}: {:6.0} ms", (now - last).as_secs_f64() * 1000.0);
        last = now;
    };
    let gazette = if whole {
        let bytes = read_counted(&path, &Default::default()).unwrap();
        lap("read");
        let text = simdutf8::basic::from_utf8(&bytes).unwrap();
        lap("utf-8");
        let gazette = parse_unvalidated(text, "big").unwrap();
        lap("parse");
        gazette
    } else {
        let gazette = load_path_unvalidated(&path, &Default::default()).unwrap();
        lap("open");
        gazette
    };
    let problems = validate(&gazette);
    assert!(problems.is_empty());
    lap("validate");
    let table = gazette.table("land-prices").unwrap();
    let args = RowOptions {
        where_: vec!["用途=住宅用地".into()],
        min: vec!["地面单价=4000".into()],
        sort: vec!["地面单价:desc".into()],
        ..Default::default()
    };
    let state = query_from_args(table, &args).unwrap();
    let rows = visible_rows_of(table, &state);
    lap("filter+sort");
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    let options = CsvOptions {
        header: true,
        encoding: Encoding::Utf8Bom,
    };
    gazette_browser::export::write_output_with(&output, None, |sink| {
        write_csv(table, &rows, &columns, &options, sink)
    })
    .unwrap();
    lap("csv+write");
    eprintln!("{} rows written to {}", rows.len(), output.display());
    std::mem::forget(gazette);
}
