//! The four maps of the bundled issue at the fitted zoom, checked on the placed rectangles
//! rather than on pixels.

use super::*;
use crate::schematic::map::views;
use crate::schematic::{layout, regions_from_table};

fn issue_layout() -> Layout {
    let gazette = crate::model::load::embedded().unwrap_or_else(|e| panic!("{e}"));
    let table = gazette
        .table("land-prices")
        .unwrap_or_else(|| panic!("no land-price table"));
    layout(&regions_from_table(table).unwrap_or_else(|e| panic!("{e}")))
}

/// The canvas a window of this size gives the map: the tab bar, the view switch, the map's
/// toolbar and legend take about 200 points of height (measured in tests/ui_schematic.rs).
fn canvas(width: f32, height: f32) -> ScreenRect {
    ScreenRect {
        left: 0.0,
        top: 0.0,
        right: width,
        bottom: height - 200.0,
    }
}

fn fitted(layout: &Layout, view: &MapView, area: ScreenRect) -> Scene {
    scene(layout, view, fit(layout, view, area))
}

fn check_readable(scene: &Scene, what: &str) {
    let problems = scene.readability_problems();
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

#[test]
fn every_map_is_readable_at_the_fitted_zoom_on_small_and_large_screens() {
    let layout = issue_layout();
    let views = views(&layout);
    assert_eq!(views.len(), 4, "three uses and all together");
    for (width, height) in [(1024.0, 600.0), (1366.0, 768.0), (1920.0, 1080.0)] {
        for view in &views {
            let scene = fitted(&layout, view, canvas(width, height));
            let expected = layout
                .regions
                .iter()
                .filter(|r| view.shows(&r.input.land_use))
                .count();
            assert_eq!(scene.regions.len(), expected);
            check_readable(&scene, &format!("{view:?} at {width}×{height}"));
        }
    }
}

#[test]
fn one_use_maps_show_only_that_use_with_its_own_scale() {
    let layout = issue_layout();
    let view = MapView::Use("工业用地".to_owned());
    let scene = fitted(&layout, &view, canvas(1366.0, 768.0));
    assert_eq!(scene.regions.len(), 12);
    assert!(scene.regions.iter().all(|r| r.land_use == "工业用地"));
    assert_eq!(scene.scales.len(), 1);
    let (low, high) = scene.scales[0].range.unwrap_or_default();
    assert!(low >= 300.0 && high <= 500.0, "{low}–{high}");
    let fills: std::collections::BTreeSet<[u8; 3]> = scene.regions.iter().map(|r| r.fill).collect();
    assert!(
        fills.len() > 3,
        "industrial prices spread over the ramp: {fills:?}"
    );
}

#[test]
fn the_map_fills_the_view_and_regions_keep_room_for_their_number() {
    let layout = issue_layout();
    for (width, height) in [(1024.0, 600.0), (1366.0, 768.0), (1920.0, 1080.0)] {
        let area = canvas(width, height);
        for view in views(&layout) {
            let scene = fitted(&layout, &view, area);
            let grid = map_grid(&layout, &view);
            let [min_w, min_h] = min_cell(&grid);
            for region in &scene.regions {
                let rect = region.rect;
                assert!(
                    rect.width() >= min_w - 0.01 && rect.height() >= min_h - 0.01,
                    "{view:?} at {width}×{height}: {} is {}×{}",
                    region.code,
                    rect.width(),
                    rect.height()
                );
            }
            let bounds = Warp::of(&grid).rect(
                &scene.transform,
                &GridRect {
                    west: 0,
                    east: grid.width,
                    south: 0,
                    north: grid.height,
                },
            );
            let used = (bounds.width() / area.width()).max(bounds.height() / area.height());
            assert!(used > 0.6, "{view:?} at {width}×{height} uses {used}");
        }
    }
}

#[test]
fn panning_moves_the_scene_without_placing_it_again() {
    let layout = issue_layout();
    let view = MapView::AllUses;
    let t = fit(&layout, &view, canvas(1366.0, 768.0));
    let moved = scene(&layout, &view, t).shifted([30.0, -12.0]);
    let placed = scene(&layout, &view, t.panned([30.0, -12.0]));
    let close = |a: &ScreenRect, b: &ScreenRect| {
        (a.left - b.left).abs() < 0.01 && (a.top - b.top).abs() < 0.01
    };
    for (a, b) in moved.regions.iter().zip(&placed.regions) {
        assert!(a.code == b.code && close(&a.rect, &b.rect), "{}", a.code);
    }
    check_readable(&moved, "panned");
    let row = moved.regions[0].row;
    let center = moved.regions[0].rect.center();
    assert!(moved.region_at(center).is_some());
    assert!(moved.region_of_row(row).is_some());
}

#[test]
fn crowded_road_names_are_staggered_never_stacked() {
    let roads: Vec<SceneRoad> = (0..12)
        .map(|i| SceneRoad {
            name: format!("第{i}号规划路"),
            axis: Axis::NorthSouth,
            from: [100.0 + i as f32 * 10.0, 300.0],
            to: [100.0 + i as f32 * 10.0, 100.0],
        })
        .collect();
    let bounds = ScreenRect {
        left: 90.0,
        top: 100.0,
        right: 400.0,
        bottom: 300.0,
    };
    let labels = place_road_labels(&roads, bounds);
    assert_eq!(labels.len(), 12, "every road named");
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "{} / {}", a.text, b.text);
        }
        assert!(a.rect.bottom <= bounds.top || a.rect.top >= bounds.bottom);
    }
    assert!(
        labels.iter().any(|l| l.leader.is_some()),
        "moved names point back"
    );
}

#[test]
fn the_readability_check_catches_what_it_should() {
    let layout = issue_layout();
    let view = MapView::Use("住宅用地".to_owned());
    let good = fitted(&layout, &view, canvas(1366.0, 768.0));
    assert!(good.readability_problems().is_empty());
    // A number moved onto another label, a road name moved onto a region, a label lost.
    let mut bad = good.clone();
    bad.region_labels[1].rect = bad.region_labels[0].rect;
    assert!(
        bad.readability_problems()
            .iter()
            .any(|p| p.contains("overlap"))
    );
    let mut bad = good.clone();
    bad.road_labels[0].rect = ScreenRect::centered(bad.regions[0].rect.center(), [2.0, 2.0]);
    assert!(
        bad.readability_problems()
            .iter()
            .any(|p| p.contains("road name"))
    );
    let mut bad = good.clone();
    bad.region_labels.pop();
    assert!(
        bad.readability_problems()
            .iter()
            .any(|p| p.contains("0 labels"))
    );
}

#[test]
fn a_city_of_400_regions_is_readable_on_each_map_at_1920_by_1080() {
    let layout = crate::schematic::layout(&crate::synthetic::city_regions(400, 2023));
    for view in views(&layout) {
        let scene = fitted(&layout, &view, canvas(1920.0, 1080.0));
        check_readable(&scene, &format!("{view:?}"));
    }
}
