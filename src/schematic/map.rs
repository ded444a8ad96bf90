//! The maps a clerk can choose, as the printed 附件2 has them: one per 用途 (商服 / 住宅 / 工业),
//! each with its own price scale, and one of all uses together, where hue tells the use and
//! lightness the price.
//!
//! A map of one use shows only that use's regions and the roads around them, on the grid
//! squeezed to the lines those regions use: the shared grid keeps its order (west stays west),
//! but columns and rows that only other uses need are dropped, so each map fills its view.

use super::{Axis, GridRect, Layout, PlacedRegion};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which map is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MapView {
    /// The regions of one 用途, as one of the print's three figures.
    Use(String),
    /// Every use on the one grid, told apart by hue.
    AllUses,
}

impl MapView {
    /// Whether regions of `land_use` appear on this map.
    pub fn shows(&self, land_use: &str) -> bool {
        match self {
            MapView::Use(shown) => shown == land_use,
            MapView::AllUses => true,
        }
    }
}

/// The maps of a layout: one per use in table order, then all uses together.
pub fn views(layout: &Layout) -> Vec<MapView> {
    let mut views: Vec<MapView> = super::land_uses(layout)
        .into_iter()
        .map(MapView::Use)
        .collect();
    views.push(MapView::AllUses);
    views
}

/// A region as one map draws it: on that map's grid.
#[derive(Debug, Clone, Copy)]
pub struct MapRegion<'a> {
    /// The placed region.
    pub region: &'a PlacedRegion,
    /// Its rectangle on the map's grid.
    pub rect: GridRect,
}

/// A road as one map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapRoad {
    /// The name the schematic uses.
    pub name: String,
    /// Which way it runs.
    pub axis: Axis,
    /// x of a north–south road, y of an east–west road, on the map's grid.
    pub position: u32,
    /// The stretch the map's regions touch, along the other axis.
    pub extent: (u32, u32),
}

/// One map's regions and roads on its own grid.
#[derive(Debug, Clone)]
pub struct MapGrid<'a> {
    /// The regions shown, in table order.
    pub regions: Vec<MapRegion<'a>>,
    /// The roads that bound them.
    pub roads: Vec<MapRoad>,
    /// Largest x.
    pub width: u32,
    /// Largest y.
    pub height: u32,
}

/// The regions and roads of `view`, with the grid squeezed to the lines they use (all uses
/// keep the full grid).
pub fn map_grid<'a>(layout: &'a Layout, view: &MapView) -> MapGrid<'a> {
    let shown: Vec<&PlacedRegion> = layout
        .regions
        .iter()
        .filter(|r| view.shows(&r.input.land_use))
        .collect();
    let xs = ranks(shown.iter().flat_map(|r| [r.rect.west, r.rect.east]));
    let ys = ranks(shown.iter().flat_map(|r| [r.rect.south, r.rect.north]));
    let regions: Vec<MapRegion> = shown
        .iter()
        .map(|region| MapRegion {
            region,
            rect: GridRect {
                west: xs[&region.rect.west],
                east: xs[&region.rect.east],
                south: ys[&region.rect.south],
                north: ys[&region.rect.north],
            },
        })
        .collect();
    let roads = layout
        .roads
        .iter()
        .filter_map(|road| map_road(road, &regions, &xs, &ys))
        .collect();
    MapGrid {
        width: xs.len().saturating_sub(1) as u32,
        height: ys.len().saturating_sub(1) as u32,
        regions,
        roads,
    }
}

/// Each distinct value's rank among them, in order.
fn ranks(values: impl Iterator<Item = u32>) -> BTreeMap<u32, u32> {
    let mut ranks: BTreeMap<u32, u32> = values.map(|v| (v, 0)).collect();
    for (rank, value) in ranks.values_mut().enumerate() {
        *value = rank as u32;
    }
    ranks
}

/// The road on the map, if one of the map's regions lies against it; its stretch is where
/// those regions touch it.
fn map_road(
    road: &super::RoadLine,
    regions: &[MapRegion],
    xs: &BTreeMap<u32, u32>,
    ys: &BTreeMap<u32, u32>,
) -> Option<MapRoad> {
    let (lines, _) = match road.axis {
        Axis::NorthSouth => (xs, ys),
        Axis::EastWest => (ys, xs),
    };
    let position = *lines.get(&road.position)?;
    let bounded = regions.iter().filter_map(|r| {
        let (original, rect) = (r.region.rect, r.rect);
        match road.axis {
            Axis::NorthSouth
                if original.west == road.position || original.east == road.position =>
            {
                Some((rect.south, rect.north))
            }
            Axis::EastWest
                if original.south == road.position || original.north == road.position =>
            {
                Some((rect.west, rect.east))
            }
            _ => None,
        }
    });
    let extent = bounded.fold(None, |acc: Option<(u32, u32)>, (low, high)| {
        Some(acc.map_or((low, high), |(l, h)| (l.min(low), h.max(high))))
    })?;
    Some(MapRoad {
        name: road.name.clone(),
        axis: road.axis,
        position,
        extent,
    })
}

/// The colours of one use: pale for its cheapest region, deep for its dearest. The hues follow
/// the planning convention (商业 red, 居住 yellow-brown) and give 工业 violet, so that the three
/// stay apart when drawn together and for the common red–green colour blindness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ramp {
    /// Colour of the lowest price.
    pub pale: [u8; 3],
    /// Colour of the highest price.
    pub deep: [u8; 3],
}

/// 商服用地.
const COMMERCIAL: Ramp = Ramp {
    pale: [252, 197, 180],
    deep: [165, 15, 21],
};
/// 住宅用地.
const RESIDENTIAL: Ramp = Ramp {
    pale: [255, 232, 150],
    deep: [140, 81, 10],
};
/// 工业用地.
const INDUSTRIAL: Ramp = Ramp {
    pale: [210, 205, 245],
    deep: [63, 0, 125],
};
/// Any other use.
const OTHER: Ramp = Ramp {
    pale: [220, 220, 220],
    deep: [90, 90, 90],
};

/// The ramp of a land use, by the word in its name.
pub fn ramp_of(land_use: &str) -> Ramp {
    if land_use.contains("商") {
        COMMERCIAL
    } else if land_use.contains("住") {
        RESIDENTIAL
    } else if land_use.contains("工") {
        INDUSTRIAL
    } else {
        OTHER
    }
}

impl Ramp {
    /// The colour at `t` in 0..=1 (0 pale, 1 deep).
    pub fn at(&self, t: f64) -> [u8; 3] {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let mix = |i: usize| {
            let (a, b) = (f64::from(self.pale[i]), f64::from(self.deep[i]));
            (a + (b - a) * t).round() as u8
        };
        [mix(0), mix(1), mix(2)]
    }
}

/// The price scale of one use on a map: its own range, so 工业's 350–400 元/m² spread from pale
/// to deep instead of all looking like the cheapest 商服.
#[derive(Debug, Clone, PartialEq)]
pub struct UseScale {
    /// The 用途.
    pub land_use: String,
    /// Lowest and highest 地面单价 among its regions, when any is printed.
    pub range: Option<(f64, f64)>,
    /// Its colours.
    pub ramp: Ramp,
}

impl UseScale {
    /// The fill of a region of this use priced `price` (mid-ramp when unpriced).
    pub fn color(&self, price: Option<f64>) -> [u8; 3] {
        match (price, self.range) {
            (Some(price), Some((low, high))) if high > low => {
                self.ramp.at((price - low) / (high - low))
            }
            _ => self.ramp.at(0.5),
        }
    }
}

/// The scales a map's legend shows: one per use on it, in table order.
pub fn scales(layout: &Layout, view: &MapView) -> Vec<UseScale> {
    super::land_uses(layout)
        .into_iter()
        .filter(|land_use| view.shows(land_use))
        .map(|land_use| {
            let prices = layout
                .regions
                .iter()
                .filter(|r| r.input.land_use == land_use)
                .filter_map(|r| r.input.price);
            let range = prices.fold(None, |range: Option<(f64, f64)>, p| {
                Some(range.map_or((p, p), |(l, h)| (l.min(p), h.max(p))))
            });
            UseScale {
                ramp: ramp_of(&land_use),
                land_use,
                range,
            }
        })
        .collect()
}

/// The fill of `region` on a map with these scales.
pub fn fill_of(region: &PlacedRegion, scales: &[UseScale]) -> [u8; 3] {
    scales
        .iter()
        .find(|s| s.land_use == region.input.land_use)
        .map_or(OTHER.at(0.5), |s| s.color(region.input.price))
}

/// WCAG contrast ratio of two colours (1 to 21), for the checks that every region stands out
/// from the background and every label from its fill.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Relative luminance (sRGB).
pub fn luminance(rgb: [u8; 3]) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// The outline drawn around every region: dark on a light background, light on a dark one,
/// so a pale region on white and a deep one on black both keep their edge.
pub fn outline_for(background: [u8; 3]) -> [u8; 3] {
    if luminance(background) > 0.18 {
        [40, 40, 40]
    } else {
        [225, 225, 225]
    }
}

/// The rim drawn under a selected region's cyan outline: black on pale fills, white on deep
/// ones, so the selection reads over every fill in either theme.
pub fn selection_rim(fill: [u8; 3]) -> [u8; 3] {
    if super::view::dark_text_on(fill) {
        [0, 0, 0]
    } else {
        [255, 255, 255]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_use_has_its_own_range_and_hue() {
        let industrial = UseScale {
            land_use: "工业用地".into(),
            range: Some((360.0, 390.0)),
            ramp: ramp_of("工业用地"),
        };
        // The cheapest and dearest industrial regions are far apart in colour.
        let (low, high) = (industrial.color(Some(360.0)), industrial.color(Some(390.0)));
        assert!(contrast(low, high) > 4.0, "{low:?} {high:?}");
        // Mid prices of the three uses are told apart by hue.
        let mids: Vec<[u8; 3]> = ["商服用地", "住宅用地", "工业用地"]
            .iter()
            .map(|u| ramp_of(u).at(0.5))
            .collect();
        assert_ne!(mids[0], mids[1]);
        assert!(mids[2][2] > mids[2][0], "工业 is blue-violet");
        assert!(mids[0][0] > mids[0][2] && mids[1][1] > mids[1][2]);
    }

    #[test]
    fn the_selection_rim_stands_out_on_every_fill() {
        for land_use in ["商服用地", "住宅用地", "工业用地", "其他"] {
            let ramp = ramp_of(land_use);
            for step in 0..=10 {
                let fill = ramp.at(f64::from(step) / 10.0);
                let rim = selection_rim(fill);
                assert!(contrast(rim, fill) >= 4.5, "{land_use} {fill:?}");
            }
        }
    }

    #[test]
    fn the_outline_stands_out_on_both_themes_backgrounds() {
        for background in [[248, 248, 248], [27, 27, 27]] {
            assert!(contrast(outline_for(background), background) >= 4.5);
        }
    }
}
