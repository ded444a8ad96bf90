//! The schematic of the bundled issue's 66 benchmark regions.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use gazette_browser::model::load::embedded;
use gazette_browser::schematic::{Axis, Layout, layout, parse_bounds, regions_from_table, svg};

fn issue_layout() -> Layout {
    let gazette = embedded().unwrap();
    let regions = regions_from_table(gazette.table("land-prices").unwrap()).unwrap();
    layout(&regions)
}

fn position(layout: &Layout, name: &str, axis: Axis) -> u32 {
    let canonical = gazette_browser::schematic::canonical_road(name);
    layout
        .roads
        .iter()
        .find(|r| r.name == canonical && r.axis == axis)
        .unwrap_or_else(|| panic!("no road {name}"))
        .position
}

#[test]
fn all_66_regions_are_drawn() {
    let layout = issue_layout();
    assert_eq!(layout.regions.len(), 66, "unplaced: {:#?}", layout.unplaced);
    assert!(layout.unplaced.is_empty());
}

#[test]
fn every_boundary_constraint_holds_and_each_road_is_one_line() {
    let layout = issue_layout();
    for region in &layout.regions {
        let bounds = parse_bounds(&region.input.bounds).unwrap();
        let rect = region.rect;
        // The region touches the line of each of its four roads: one straight line per road.
        assert_eq!(rect.west, position(&layout, &bounds.west, Axis::NorthSouth));
        assert_eq!(rect.east, position(&layout, &bounds.east, Axis::NorthSouth));
        assert_eq!(rect.south, position(&layout, &bounds.south, Axis::EastWest));
        assert_eq!(rect.north, position(&layout, &bounds.north, Axis::EastWest));
        assert!(rect.west < rect.east, "{}", region.input.code);
        assert!(rect.south < rect.north, "{}", region.input.code);
    }
    let bai = layout.roads.iter().filter(|r| r.name == "柏城路").count();
    assert_eq!(bai, 1, "栢城路 and 柏城路 are one road");
    assert!(
        position(&layout, "前进大道以西规划路", Axis::NorthSouth)
            < position(&layout, "前进大道", Axis::NorthSouth)
    );
    assert!(
        position(&layout, "练江大道以南规划路", Axis::EastWest)
            < position(&layout, "练江大道", Axis::EastWest)
    );
}

#[test]
fn regions_of_one_use_overlap_only_where_their_boundaries_force_it() {
    let layout = issue_layout();
    let mut overlapping = Vec::new();
    for (i, a) in layout.regions.iter().enumerate() {
        for b in &layout.regions[i + 1..] {
            if a.input.land_use == b.input.land_use && a.rect.overlaps(&b.rect) {
                overlapping.push((a.input.code.clone(), b.input.code.clone()));
            }
        }
    }
    // 411700S50011 (京广铁路–兴业大道 × 东祥路–开源大道) and 411700S50020 (前进大道–中原大道 ×
    // 置地大道–慎阳路) share 前进大道–兴业大道 × 置地大道–开源大道 under any ordering that
    // keeps every region's own 四至; the layout reports the pair instead of hiding it.
    assert_eq!(
        overlapping,
        vec![("411700S50011".to_owned(), "411700S50020".to_owned())]
    );
    assert_eq!(layout.unresolved.len(), 1);
    assert!(layout.unresolved[0].contains("411700S50011"));
}

#[test]
fn the_drawing_stays_compact() {
    let layout = issue_layout();
    // 23 north–south and 36 east–west roads share far fewer grid lines.
    assert!(layout.width <= 14, "width {}", layout.width);
    assert!(layout.height <= 28, "height {}", layout.height);
}

#[test]
fn the_svg_has_all_66_regions_by_code() {
    let layout = issue_layout();
    let document = svg::render(
        &layout,
        &gazette_browser::schematic::map::MapView::AllUses,
        "标定区域示意图",
    );
    let parsed = roxmltree::Document::parse(&document).expect("the SVG is well-formed XML");
    let region_ids: Vec<&str> = parsed
        .descendants()
        .filter(|node| node.has_tag_name("rect"))
        .filter_map(|node| node.attribute("id"))
        .filter(|id| id.starts_with("region-"))
        .collect();
    assert_eq!(region_ids.len(), 66);
    assert_eq!(document.matches("<rect id=\"region-").count(), 66);
    assert!(document.contains("id=\"region-411700S50001\""));
    assert!(document.contains("id=\"region-411700G60012\""));
    assert!(document.contains(svg::NOT_TO_SCALE));
}

#[test]
fn each_use_map_as_svg_numbers_every_region_of_that_use_with_its_own_legend() {
    use gazette_browser::schematic::map::MapView;
    let layout = issue_layout();
    let uses = ["商服用地", "住宅用地", "工业用地"];
    for land_use in uses {
        let document = svg::render(
            &layout,
            &MapView::Use(land_use.to_owned()),
            "标定区域示意图",
        );
        let parsed = roxmltree::Document::parse(&document).expect("well-formed SVG");
        let group = |class: &str| {
            parsed
                .descendants()
                .find(|n| n.attribute("class") == Some(class))
                .unwrap_or_else(|| panic!("no group {class}"))
        };
        let mut drawn: Vec<&str> = group("regions")
            .children()
            .filter_map(|n| n.attribute("id")?.strip_prefix("region-"))
            .collect();
        let mut expected: Vec<&str> = layout
            .regions
            .iter()
            .filter(|r| r.input.land_use == land_use)
            .map(|r| r.input.code.as_str())
            .collect();
        drawn.sort_unstable();
        expected.sort_unstable();
        assert_eq!(drawn, expected, "{land_use}: its regions and no others");
        let mut numbers: Vec<&str> = group("region-numbers")
            .children()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        let mut serials: Vec<&str> = layout
            .regions
            .iter()
            .filter(|r| r.input.land_use == land_use)
            .map(|r| r.input.label.as_str())
            .collect();
        numbers.sort_unstable();
        serials.sort_unstable();
        assert_eq!(numbers, serials, "{land_use}: every region's 序号, once");
        let legend: String = group("legend")
            .descendants()
            .filter_map(|n| n.text())
            .collect();
        assert!(legend.contains(svg::NUMBERS_ARE_SERIALS), "{legend}");
        assert!(legend.contains(&format!("{land_use} 地面单价")), "{legend}");
        for other in uses.iter().filter(|u| **u != land_use) {
            assert!(!legend.contains(other), "{land_use}'s legend names {other}");
        }
    }
}
