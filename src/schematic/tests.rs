use super::*;

fn region(row: usize, land_use: &str, bounds: &str) -> RegionInput {
    RegionInput {
        row,
        label: (row + 1).to_string(),
        code: format!("R{row}"),
        land_use: land_use.to_owned(),
        bounds: bounds.to_owned(),
        price: None,
    }
}

fn position(layout: &Layout, name: &str, axis: Axis) -> u32 {
    layout
        .roads
        .iter()
        .find(|r| r.name == name && r.axis == axis)
        .map(|r| r.position)
        .unwrap_or_else(|| panic!("no road {name}"))
}

#[test]
fn bounds_parse_in_any_order_and_reject_missing_sides() {
    let bounds = parse_bounds("北至雪松大道、东至京广铁路、西至文明大道、南至中华大道").unwrap();
    assert_eq!(bounds.east, "京广铁路");
    assert_eq!(bounds.north, "雪松大道");
    assert!(parse_bounds("东至京广铁路、西至文明大道、南至中华大道").is_err());
    assert!(parse_bounds("东至京广铁路、东至文明大道、南至中华大道、北至雪松大道").is_err());
    assert!(parse_bounds("京广铁路以东").is_err());
}

#[test]
fn west_roads_lie_left_and_south_roads_below() {
    let layout = layout(&[region(0, "商服用地", "东至B路、西至A路、南至C路、北至D路")]);
    assert!(layout.unplaced.is_empty());
    assert!(
        position(&layout, "A路", Axis::NorthSouth) < position(&layout, "B路", Axis::NorthSouth)
    );
    assert!(position(&layout, "C路", Axis::EastWest) < position(&layout, "D路", Axis::EastWest));
    let rect = layout.regions[0].rect;
    assert_eq!((rect.west, rect.east, rect.south, rect.north), (0, 1, 0, 1));
}

#[test]
fn name_variants_are_one_road() {
    let layout = layout(&[
        region(0, "住宅用地", "东至B路、西至A路、南至吴房路、北至栢城路"),
        region(1, "商服用地", "东至B路、西至A路、南至吴房路、北至柏城路"),
    ]);
    let bai: Vec<&RoadLine> = layout.roads.iter().filter(|r| r.name == "柏城路").collect();
    assert_eq!(bai.len(), 1);
    assert_eq!(bai[0].printed_names, vec!["栢城路", "柏城路"]);
}

#[test]
fn relative_names_are_ordered_against_their_anchor() {
    let layout = layout(&[
        region(
            0,
            "工业用地",
            "东至中原大道、西至前进大道以西规划路、南至X路、北至Y路",
        ),
        region(
            1,
            "工业用地",
            "东至中原大道、西至前进大道、南至Y路、北至Z路",
        ),
        region(
            2,
            "商服用地",
            "东至兴业大道、西至京广铁路、南至练江大道以南规划路、北至东祥路",
        ),
        region(
            3,
            "商服用地",
            "东至兴业大道、西至京广铁路、南至练江大道、北至东祥路",
        ),
    ]);
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
fn a_contradiction_is_reported_with_the_region_not_dropped() {
    let layout = layout(&[
        region(0, "商服用地", "东至B路、西至A路、南至C路、北至D路"),
        region(1, "商服用地", "东至A路、西至B路、南至E路、北至F路"),
    ]);
    assert_eq!(layout.regions.len(), 1);
    assert_eq!(layout.unplaced.len(), 1);
    assert_eq!(layout.unplaced[0].input.row, 1);
    assert!(
        layout.unplaced[0].reason.contains("A路"),
        "{}",
        layout.unplaced[0].reason
    );
}

#[test]
fn unparsable_bounds_are_reported() {
    let layout = layout(&[region(0, "商服用地", "见附图")]);
    assert!(layout.regions.is_empty());
    assert!(layout.unplaced[0].reason.contains("见附图"));
}

#[test]
fn overlapping_regions_of_one_use_are_pulled_apart() {
    // Both regions span A–B and C–D as far as the plain ordering can tell.
    let layout = layout(&[
        region(0, "住宅用地", "东至B路、西至A路、南至C路、北至D路"),
        region(1, "住宅用地", "东至B2路、西至A2路、南至C2路、北至D2路"),
    ]);
    let (a, b) = (layout.regions[0].rect, layout.regions[1].rect);
    assert!(!a.overlaps(&b), "{a:?} {b:?}");
    assert!(layout.unresolved.is_empty());
}

#[test]
fn regions_of_different_uses_may_overlap() {
    let layout = layout(&[
        region(0, "住宅用地", "东至B路、西至A路、南至C路、北至D路"),
        region(1, "商服用地", "东至B路、西至A路、南至C路、北至D路"),
    ]);
    assert_eq!(layout.regions[0].rect, layout.regions[1].rect);
}

#[test]
fn svg_has_one_rect_per_region_with_its_code() {
    let mut first = region(0, "住宅用地", "东至B路、西至A路、南至C路、北至D路");
    first.code = "411700Z70001".to_owned();
    first.price = Some(4800.0);
    let layout = layout(&[
        first,
        region(1, "商服用地", "东至B路、西至A路、南至D路、北至E路"),
    ]);
    let svg = svg::render(&layout, &map::MapView::AllUses, "标定区域示意图");
    assert_eq!(svg.matches("<rect id=\"region-").count(), 2);
    assert!(svg.contains("id=\"region-411700Z70001\""));
    assert!(svg.contains(svg::NOT_TO_SCALE));
    let only_homes = svg::render(&layout, &map::MapView::Use("住宅用地".to_owned()), "t");
    assert_eq!(only_homes.matches("<rect id=\"region-").count(), 1);
}

#[test]
fn uses_are_listed_in_table_order() {
    let layout = layout(&[
        region(0, "住宅用地", "东至B路、西至A路、南至C路、北至D路"),
        region(1, "商服用地", "东至B路、西至A路、南至D路、北至E路"),
        region(2, "住宅用地", "东至C路、西至B路、南至C路、北至D路"),
    ]);
    assert_eq!(land_uses(&layout), vec!["住宅用地", "商服用地"]);
}

#[test]
fn a_synthetic_city_of_400_regions_is_placed_without_overlaps_of_one_use() {
    let regions = crate::synthetic::city_regions(400, 2023);
    let layout = layout(&regions);
    assert_eq!(layout.regions.len(), 400, "{:#?}", layout.unplaced);
    assert!(layout.unresolved.is_empty(), "{:#?}", layout.unresolved);
    for (i, a) in layout.regions.iter().enumerate() {
        for b in &layout.regions[i + 1..] {
            assert!(
                a.input.land_use != b.input.land_use || !a.rect.overlaps(&b.rect),
                "{} and {} overlap",
                a.input.code,
                b.input.code
            );
        }
    }
    // Distinct roads on a 20 × 20 block city: far fewer grid lines than roads.
    assert!(
        layout.width <= 60 && layout.height <= 60,
        "{}×{}",
        layout.width,
        layout.height
    );
}
