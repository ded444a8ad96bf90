//! The table logic on the real issue: the clerk's model job, value lists and sums, and (ignored
//! by default, run with `--release -- --ignored`) the large-table timings.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::{Cell, Table, load};
use gazette_browser::table::{
    ColumnFilter, Query, SortDirection, SortKey, TableIndex, column_sum, value_counts,
    visible_rows, visible_rows_of,
};
use std::collections::BTreeSet;
use std::time::Instant;

fn land_prices() -> Table {
    load::embedded()
        .unwrap()
        .table("land-prices")
        .unwrap()
        .clone()
}

fn col(table: &Table, title: &str) -> usize {
    table.column_index(title).unwrap()
}

#[test]
fn the_use_value_list_counts_27_27_12() {
    let table = land_prices();
    let all: Vec<usize> = (0..table.rows.len()).collect();
    let counts = value_counts(&table, col(&table, "用途"), &all);
    let expected = [("商服用地", 27), ("住宅用地", 27), ("工业用地", 12)];
    let expected: Vec<(String, usize)> =
        expected.iter().map(|(v, n)| (v.to_string(), *n)).collect();
    assert_eq!(counts, expected);
}

#[test]
fn residential_above_4000_by_price_is_13_regions_led_by_5640() {
    let table = land_prices();
    let mut state = Query::default();
    let residential = BTreeSet::from(["住宅用地".to_owned()]);
    state.set_filter(col(&table, "用途"), ColumnFilter::Values(residential));
    let range = ColumnFilter::Range {
        min: Some(4000.0),
        max: None,
    };
    state.set_filter(col(&table, "地面单价"), range);
    let price = col(&table, "地面单价");
    state.sort.push(SortKey {
        column: price,
        direction: SortDirection::Descending,
    });
    let rows = visible_rows_of(&table, &state);
    let prices: Vec<f64> = rows
        .iter()
        .map(|&r| table.rows[r][price].number().unwrap())
        .collect();
    assert_eq!(rows.len(), 13);
    assert_eq!(prices[0], 5640.0);
    assert!(prices.windows(2).all(|w| w[0] >= w[1]));
    assert!(prices.iter().all(|&p| p >= 4000.0));
}

#[test]
fn industrial_floor_prices_sort_last_and_area_sums() {
    let table = land_prices();
    let index = TableIndex::new(&table);
    let floor = col(&table, "楼面单价");
    let state = Query {
        sort: vec![SortKey {
            column: floor,
            direction: SortDirection::Descending,
        }],
        ..Query::default()
    };
    let rows = visible_rows(&table, &index, &state);
    assert!(
        rows[54..]
            .iter()
            .all(|&r| table.rows[r][floor] == Cell::Dash)
    );
    let area = col(&table, "土地面积");
    let sum = column_sum(&table, &index, area, &[0, 1]).unwrap();
    assert_eq!(sum.to_string(), "5532.27", "3298.21 + 2234.06");
}

/// A million rows made from the 66 printed ones, with distinct codes and prices.
fn million_rows() -> Table {
    let mut table = land_prices();
    let printed = std::mem::take(&mut table.rows);
    let (code, price) = (col(&table, "标定区域编号"), col(&table, "地面单价"));
    table.rows = (0..1_000_000)
        .map(|i| {
            let mut row = printed[i % printed.len()].clone();
            row[code] = Cell::Value(format!("411700X{}", (i * 7919) % 1_000_003).into());
            row[price] = Cell::Value(((i * 31) % 9000).to_string().into());
            row
        })
        .collect();
    table
}

fn timed(label: &str, f: impl FnOnce() -> usize) -> u128 {
    let start = Instant::now();
    let n = f();
    let ms = start.elapsed().as_millis();
    eprintln!("{label}: {ms} ms ({n} rows)");
    ms
}

#[test]
#[ignore = "timing; run with cargo test --release --test table_issue -- --ignored"]
fn a_million_rows_sort_and_filter_in_time() {
    let table = million_rows();
    let index = TableIndex::new(&table);
    let by = |title: &str| Query {
        sort: vec![SortKey {
            column: col(&table, title),
            direction: SortDirection::Descending,
        }],
        ..Query::default()
    };
    let numeric = timed("numeric sort", || {
        visible_rows(&table, &index, &by("地面单价")).len()
    });
    let text = timed("text sort", || {
        visible_rows(&table, &index, &by("标准宗地名称")).len()
    });
    let code = timed("code sort", || {
        visible_rows(&table, &index, &by("标定区域编号")).len()
    });
    let quick = Query {
        quick_filter: "置地".into(),
        ..Query::default()
    };
    visible_rows(&table, &index, &quick);
    let filter = timed("quick filter", || {
        visible_rows(&table, &index, &quick).len()
    });
    assert!(numeric <= 200, "numeric sort {numeric} ms");
    assert!(
        text <= 600 && code <= 600,
        "text sort {text} ms, code sort {code} ms"
    );
    assert!(filter <= 150, "quick filter {filter} ms");
}
