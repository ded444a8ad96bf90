//! The table logic on the real issue: the clerk's model job, value lists and sums, and (ignored
//! by default, run with `--release -- --ignored`) the large-table timings.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::{Cell, Table, load};
use gazette_browser::table::{
    ColumnFilter, Query, SortDirection, SortKey, TableIndex, column_sum, value_counts,
    visible_rows, visible_rows_of,
};
use std::collections::BTreeSet;

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
