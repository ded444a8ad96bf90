//! Sorting, filtering, exporting and searching at 10k / 100k / 1M rows.
//!
//! Tables come from `gazette_browser::synthetic` (the bundled issue's land-price table grown to
//! N plausible rows). Sorts and the first filter run on a fresh [`TableIndex`], because that is
//! what a clerk waits for after a click; the quick filter is also measured per keystroke on a
//! warm index. Figures: `benches/README.md`.
#![allow(clippy::expect_used)] // a benchmark without its data has nothing to measure

/// The app's allocator (see src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gazette_browser::export::{CsvOptions, csv_bytes};
use gazette_browser::model::{Gazette, Table, load};
use gazette_browser::search::SearchIndex;
use gazette_browser::synthetic::{GROWN_TABLE, grow_land_prices};
use gazette_browser::table::{ColumnFilter, Query, TableIndex, visible_rows, visible_rows_of};
use std::hint::black_box;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn grown(rows: usize) -> Gazette {
    let mut gazette = load::embedded().expect("the embedded issue loads");
    grow_land_prices(&mut gazette, rows, 2023).expect("the issue has a land-price table");
    gazette
}

fn land_prices(gazette: &Gazette) -> &Table {
    gazette.table(GROWN_TABLE).expect("grown table")
}

fn column(table: &Table, title: &str) -> usize {
    table.column_index(title).expect("column exists")
}

fn sorted_by(table: &Table, title: &str) -> Query {
    let mut state = Query::default();
    state.cycle_sort(column(table, title), false);
    state
}

fn benches(c: &mut Criterion) {
    for &rows in &SIZES {
        let gazette = grown(rows);
        let table = land_prices(&gazette);
        let mut group = c.benchmark_group("table");
        group.sample_size(10);
        for (name, title) in [
            ("sort_numeric", "地面单价"),
            ("sort_text", "标准宗地名称"),
            ("sort_code", "标定区域编号"),
        ] {
            let state = sorted_by(table, title);
            group.bench_with_input(BenchmarkId::new(name, rows), &state, |b, state| {
                b.iter(|| visible_rows(table, &TableIndex::new(table), black_box(state)))
            });
        }
        let mut filtered = Query {
            quick_filter: "花园".to_owned(),
            ..Query::default()
        };
        let warm = TableIndex::new(table);
        let _ = visible_rows(table, &warm, &filtered);
        group.bench_with_input(
            BenchmarkId::new("quick_filter_keystroke", rows),
            &rows,
            |b, _| b.iter(|| visible_rows(table, &warm, black_box(&filtered))),
        );
        filtered.quick_filter.clear();
        filtered.set_filter(
            column(table, "用途"),
            ColumnFilter::Values(["住宅用地".to_owned()].into_iter().collect()),
        );
        filtered.set_filter(
            column(table, "地面单价"),
            ColumnFilter::Range {
                min: Some(4000.0),
                max: None,
            },
        );
        // The model job: those filters, sorted by 地面单价 descending.
        let mut model_job = filtered.clone();
        model_job.cycle_sort(column(table, "地面单价"), false);
        model_job.cycle_sort(column(table, "地面单价"), false);
        group.bench_with_input(
            BenchmarkId::new("model_job_filter_sort", rows),
            &model_job,
            |b, state| b.iter(|| visible_rows(table, &TableIndex::new(table), black_box(state))),
        );
        // The command line's export: a one-query index parses and ranks only what it needs.
        group.bench_with_input(
            BenchmarkId::new("model_job_filter_sort_one_query", rows),
            &model_job,
            |b, state| b.iter(|| visible_rows_of(table, black_box(state))),
        );
        let all: Vec<usize> = (0..table.rows.len()).collect();
        let columns: Vec<usize> = (0..table.columns.len()).collect();
        group.bench_with_input(
            BenchmarkId::new("export_csv_all_rows", rows),
            &rows,
            |b, _| b.iter(|| csv_bytes(table, &all, &columns, &CsvOptions::default())),
        );
        group.finish();
    }
}

fn search(c: &mut Criterion) {
    let gazette = load::embedded().expect("the embedded issue loads");
    let index = SearchIndex::new(&gazette);
    let mut group = c.benchmark_group("search");
    group.bench_function("build_index_issue", |b| {
        b.iter(|| SearchIndex::new(black_box(&gazette)))
    });
    for query in ["标", "标定地价", "专精特新“小巨人”", "411700Z70012"] {
        group.bench_with_input(
            BenchmarkId::new("keystroke_issue", query),
            query,
            |b, query| b.iter(|| index.search(black_box(query), 200)),
        );
    }
    group.finish();
}

criterion_group!(all, benches, search);
criterion_main!(all);
