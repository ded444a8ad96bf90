//! One map as it is drawn, in screen points: each region's rectangle and fill, the roads, every
//! region's 序号 and every road's name, placed so that a clerk can read them. The window and the
//! SVG export paint exactly this, and the tests check it without pixels.
//!
//! Placement rules, in order:
//! 1. Road names are horizontal, in the margins around the map at their road's position:
//!    north–south roads above and below the map, east–west roads left and right of it. Names
//!    that would collide are staggered into another row or side, or moved along the margin
//!    (with a short leader back to the road) — never over one another.
//! 2. A region's 序号 goes inside it, centred where it fits, on no line (region edge or road)
//!    and on no smaller region drawn over it.
//! 3. A region too small for its number gets it outside, in the nearest free space that lies on
//!    no region and no line, with a leader line to the region.
//!
//! Text sizes are estimated from the characters (digits narrower than Chinese) and rounded up,
//! so the text painted inside a label's rectangle stays inside it.

use super::map::{MapGrid, MapView, UseScale, fill_of, map_grid, scales};
use super::view::{ScreenRect, Transform};
use super::{Axis, GridRect, Layout};
use buckets::Buckets;

mod buckets;

/// Size of region numbers, in points.
pub const REGION_FONT: f32 = 13.0;
/// Size of road names, in points.
pub const ROAD_FONT: f32 = 12.0;
/// Room kept around a label's text, in points, so that no text touches a line.
pub const LABEL_PADDING: f32 = 2.0;
/// Rows of north–south road names above the map and again below it.
const ROAD_ROWS: usize = 2;
/// Space between the map and its margin labels, and between labels in a row.
const GAP: f32 = 4.0;
/// A region's number is moved out at most this many rings (of half a label's height each).
const MAX_RINGS: usize = 400;
/// Rings between two widenings of the step between rings.
const RINGS_PER_SPREAD: usize = 8;

/// A point on screen.
pub type Point = [f32; 2];

/// A region on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneRegion {
    /// Its table row.
    pub row: usize,
    /// 标定区域编号.
    pub code: String,
    /// 序号, its label.
    pub number: String,
    /// 用途.
    pub land_use: String,
    /// Where it is drawn.
    pub rect: ScreenRect,
    /// Its fill.
    pub fill: [u8; 3],
}

/// A road drawn as a line.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneRoad {
    /// Its name.
    pub name: String,
    /// Which way it runs.
    pub axis: Axis,
    /// One end.
    pub from: Point,
    /// The other end.
    pub to: Point,
}

/// A piece of text with the room it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// What it says.
    pub text: String,
    /// Its rectangle, padding included: the text is centred in it.
    pub rect: ScreenRect,
    /// A line from the label to what it names, when it is not beside or inside it.
    pub leader: Option<[Point; 2]>,
    /// The table row of the region it names (none for road names).
    pub row: Option<usize>,
}

/// Everything one map draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Regions in painting order: larger first, so a small region on a large one stays seen.
    pub regions: Vec<SceneRegion>,
    /// Road lines.
    pub roads: Vec<SceneRoad>,
    /// Road names in the margins.
    pub road_labels: Vec<Label>,
    /// One number for every region.
    pub region_labels: Vec<Label>,
    /// The price scales of the legend, one per use shown.
    pub scales: Vec<UseScale>,
    /// The transform it was placed for.
    pub transform: Transform,
}

/// The room `text` takes at `font` points, padding included.
pub fn text_size(text: &str, font: f32) -> [f32; 2] {
    let ems: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.02 })
        .sum();
    [
        (ems * font).ceil() + 2.0 * LABEL_PADDING,
        (font * 1.3).ceil() + 2.0 * LABEL_PADDING,
    ]
}

/// Room left around the map for road names: (left, right, top, bottom).
pub fn margins(grid: &MapGrid) -> (f32, f32, f32, f32) {
    let widest = grid
        .roads
        .iter()
        .filter(|r| r.axis == Axis::EastWest)
        .map(|r| text_size(&r.name, ROAD_FONT)[0])
        .fold(0.0, f32::max);
    let side = widest + 2.0 * GAP;
    let rows = ROAD_ROWS as f32 * text_size("路", ROAD_FONT)[1] + 2.0 * GAP;
    (side, side, rows, rows)
}

/// The room the longest number of the map takes, plus a point on each side: the least a
/// region must measure on screen.
pub fn min_cell(grid: &MapGrid) -> [f32; 2] {
    let widest = grid
        .regions
        .iter()
        .map(|r| text_size(&r.region.input.label, REGION_FONT))
        .fold([0.0f32, 0.0f32], |a, b| [a[0].max(b[0]), a[1].max(b[1])]);
    [widest[0] + 2.0, widest[1] + 2.0]
}

/// Where the grid lines of a map lie, stretched so that every region can hold its number:
/// a column or row that only wide regions cross may be narrow, one that a region spans alone
/// gets the room of a number. Positions are in grid units (the total stays the grid's size),
/// and `min_scale` is the fewest screen points per unit that still gives every region
/// [`min_cell`].
#[derive(Debug, Clone, PartialEq)]
pub struct Warp {
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// Fewest points per unit across and up.
    pub min_scale: [f32; 2],
}

/// Share of a number's room a grid step keeps when no region needs more of it.
const MIN_STEP: f32 = 0.3;

impl Warp {
    /// The warp of `grid`.
    pub fn of(grid: &MapGrid) -> Warp {
        let need = min_cell(grid);
        let across = grid.regions.iter().map(|r| (r.rect.west, r.rect.east));
        let up = grid.regions.iter().map(|r| (r.rect.south, r.rect.north));
        let (xs, scale_x) = stretched(grid.width, across.collect(), need[0]);
        let (ys, scale_y) = stretched(grid.height, up.collect(), need[1]);
        Warp {
            xs,
            ys,
            min_scale: [scale_x, scale_y],
        }
    }

    /// The screen point of grid point (`gx`, `gy`).
    pub fn point(&self, transform: &Transform, gx: u32, gy: u32) -> Point {
        let at = |lines: &[f32], g: u32| lines.get(g as usize).copied().unwrap_or(g as f32);
        transform.to_screen(at(&self.xs, gx), at(&self.ys, gy))
    }

    /// The screen rectangle of a grid rectangle.
    pub fn rect(&self, transform: &Transform, rect: &GridRect) -> ScreenRect {
        let [left, bottom] = self.point(transform, rect.west, rect.south);
        let [right, top] = self.point(transform, rect.east, rect.north);
        ScreenRect {
            left,
            top,
            right,
            bottom,
        }
    }
}

/// Positions of `count + 1` lines (0 to `count`) such that every span holds at least `need`
/// once scaled by the returned points per unit. Narrow spans first take what they need, spread
/// evenly over their steps; wider spans then add only what is still missing.
fn stretched(count: u32, mut spans: Vec<(u32, u32)>, need: f32) -> (Vec<f32>, f32) {
    let steps = count.max(1) as usize;
    let mut sizes = vec![MIN_STEP; steps];
    spans.sort_by_key(|&(low, high)| high.saturating_sub(low));
    for (low, high) in spans {
        let range = (low as usize).min(steps)..(high as usize).min(steps);
        let width = range.len();
        let have: f32 = sizes[range.clone()].iter().sum();
        if width > 0 && have < 1.0 {
            let add = (1.0 - have) / width as f32;
            sizes[range].iter_mut().for_each(|s| *s += add);
        }
    }
    let total: f32 = sizes.iter().sum();
    let unit = steps as f32 / total;
    let mut lines = Vec::with_capacity(steps + 1);
    let mut at = 0.0;
    lines.push(at);
    for size in sizes {
        at += size * unit;
        lines.push(at);
    }
    (lines, need / unit)
}

/// The transform that shows map `view` whole inside `area`, road names in the margins, every
/// region at least [`min_cell`]. Where the window is too small for that, the map keeps the
/// minimum and starts at its north-west corner; the clerk pans to the rest.
pub fn fit(layout: &Layout, view: &MapView, area: ScreenRect) -> Transform {
    let grid = map_grid(layout, view);
    let (left, right, top, bottom) = margins(&grid);
    let inner = ScreenRect {
        left: area.left + left,
        top: area.top + top,
        right: area.right - right,
        bottom: area.bottom - bottom,
    };
    let fitted = Transform::fit(grid.width, grid.height, inner, 0.0);
    let [min_w, min_h] = Warp::of(&grid).min_scale;
    let (columns, rows) = (grid.width.max(1) as f32, grid.height.max(1) as f32);
    let cell_w = fitted.cell_w.max(min_w);
    let cell_h = fitted.cell_h.max(min_h);
    let spare_w = inner.width() - cell_w * columns;
    let spare_h = inner.height() - cell_h * rows;
    Transform {
        left: inner.left + spare_w.max(0.0) / 2.0,
        bottom: inner.top + cell_h * rows + spare_h.max(0.0) / 2.0,
        cell_w,
        cell_h,
    }
}

/// The transform that shows region `row` in the middle of `area` on map `view`, zoomed in from
/// the fitted one so the region takes about a quarter of the view (1.5× to 4×); `None` when the
/// map does not show that row.
pub fn focus(layout: &Layout, view: &MapView, area: ScreenRect, row: usize) -> Option<Transform> {
    let fitted = fit(layout, view, area);
    let grid = map_grid(layout, view);
    let warp = Warp::of(&grid);
    let region = grid.regions.iter().find(|r| r.region.input.row == row)?;
    let rect = warp.rect(&fitted, &region.rect);
    let factor = (area.width() / 4.0 / rect.width().max(1.0))
        .min(area.height() / 4.0 / rect.height().max(1.0))
        .clamp(1.5, 4.0);
    let zoomed = fitted.zoomed(factor, rect.center());
    let [x, y] = warp.rect(&zoomed, &region.rect).center();
    let [cx, cy] = area.center();
    Some(zoomed.panned([cx - x, cy - y]))
}

/// Places map `view` of `layout` for `transform`.
pub fn scene(layout: &Layout, view: &MapView, transform: Transform) -> Scene {
    let grid = map_grid(layout, view);
    let warp = Warp::of(&grid);
    let scales = scales(layout, view);
    let mut on_grid = grid.regions.clone();
    let cells = |r: &GridRect| (r.east - r.west) * (r.north - r.south);
    on_grid.sort_by_key(|r| (std::cmp::Reverse(cells(&r.rect)), r.region.input.row));
    let regions: Vec<SceneRegion> = on_grid
        .iter()
        .map(|r| SceneRegion {
            row: r.region.input.row,
            code: r.region.input.code.clone(),
            number: r.region.input.label.clone(),
            land_use: r.region.input.land_use.clone(),
            rect: warp.rect(&transform, &r.rect),
            fill: fill_of(r.region, &scales),
        })
        .collect();
    let roads: Vec<SceneRoad> = grid
        .roads
        .iter()
        .map(|r| road_line(r, &warp, &transform))
        .collect();
    let bounds = warp.rect(
        &transform,
        &GridRect {
            west: 0,
            east: grid.width,
            south: 0,
            north: grid.height,
        },
    );
    let lines = Lines::of(&regions, &roads);
    let road_labels = place_road_labels(&roads, bounds);
    let mut taken = Buckets::new(around(bounds), BUCKET);
    for label in &road_labels {
        taken.insert(label.rect);
    }
    let region_labels = place_region_labels(&regions, &lines, &mut taken);
    Scene {
        regions,
        roads,
        road_labels,
        region_labels,
        scales,
        transform,
    }
}

impl Scene {
    /// The same scene moved by `delta` points: panning does not place labels again.
    pub fn shifted(&self, delta: Point) -> Scene {
        let move_rect = |r: ScreenRect| ScreenRect {
            left: r.left + delta[0],
            right: r.right + delta[0],
            top: r.top + delta[1],
            bottom: r.bottom + delta[1],
        };
        let move_point = |p: Point| [p[0] + delta[0], p[1] + delta[1]];
        let move_label = |l: &Label| Label {
            rect: move_rect(l.rect),
            leader: l.leader.map(|[a, b]| [move_point(a), move_point(b)]),
            ..l.clone()
        };
        Scene {
            regions: self
                .regions
                .iter()
                .map(|r| SceneRegion {
                    rect: move_rect(r.rect),
                    ..r.clone()
                })
                .collect(),
            roads: self
                .roads
                .iter()
                .map(|r| SceneRoad {
                    from: move_point(r.from),
                    to: move_point(r.to),
                    ..r.clone()
                })
                .collect(),
            road_labels: self.road_labels.iter().map(move_label).collect(),
            region_labels: self.region_labels.iter().map(move_label).collect(),
            scales: self.scales.clone(),
            transform: self.transform.panned(delta),
        }
    }

    /// The table row of the region under `point`: the one drawn on top.
    pub fn region_at(&self, point: Point) -> Option<usize> {
        self.regions
            .iter()
            .rev()
            .find(|r| {
                let rect = r.rect;
                rect.left <= point[0]
                    && point[0] <= rect.right
                    && rect.top <= point[1]
                    && point[1] <= rect.bottom
            })
            .map(|r| r.row)
    }

    /// What would make this map hard to read, in words (empty when it reads well): two labels
    /// overlapping, a number on a line, a road name on a region, a region without its number
    /// or whose number is neither inside it nor led to it. The tests check every map with it,
    /// from the scene alone, at the sizes a clerk's screen gives.
    pub fn readability_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let lines = Lines::of(&self.regions, &self.roads);
        let labels: Vec<&Label> = self.region_labels.iter().chain(&self.road_labels).collect();
        let mut placed = Buckets::new(around(self.bounds()), BUCKET);
        for label in &labels {
            if placed.overlaps(&label.rect) {
                let other = labels
                    .iter()
                    .find(|o| !std::ptr::eq(**o, *label) && o.rect.overlaps(&label.rect))
                    .map_or("?", |o| o.text.as_str());
                problems.push(format!("labels {} and {other} overlap", label.text));
            }
            placed.insert(label.rect);
        }
        for label in &self.region_labels {
            if lines.cross(&label.rect) {
                problems.push(format!("number {} lies on a line", label.text));
            }
        }
        for label in &self.road_labels {
            if self.regions.iter().any(|r| r.rect.overlaps(&label.rect)) {
                problems.push(format!("road name {} lies on a region", label.text));
            }
        }
        let mut by_row: std::collections::HashMap<usize, Vec<&Label>> =
            std::collections::HashMap::new();
        for label in &self.region_labels {
            if let Some(row) = label.row {
                by_row.entry(row).or_default().push(label);
            }
        }
        for region in &self.regions {
            let mine = by_row.get(&region.row).map_or(&[][..], Vec::as_slice);
            let [label] = mine else {
                problems.push(format!("region {} has {} labels", region.code, mine.len()));
                continue;
            };
            if label.text != region.number {
                problems.push(format!("region {} is labelled {}", region.code, label.text));
            }
            match label.leader {
                None if !region.rect.contains_rect(&label.rect) => {
                    problems.push(format!("the number of {} is not inside it", region.code));
                }
                Some([_, to]) => {
                    if self.regions.iter().any(|r| r.rect.overlaps(&label.rect)) {
                        problems.push(format!(
                            "the led number of {} sits on a region",
                            region.code
                        ));
                    }
                    if !region
                        .rect
                        .contains_rect(&ScreenRect::centered(to, [0.0, 0.0]))
                    {
                        problems.push(format!("the leader of {} does not end in it", region.code));
                    }
                }
                None => {}
            }
        }
        problems
    }

    /// The rectangle around every region.
    fn bounds(&self) -> ScreenRect {
        self.regions
            .iter()
            .map(|r| r.rect)
            .reduce(|a, b| ScreenRect {
                left: a.left.min(b.left),
                top: a.top.min(b.top),
                right: a.right.max(b.right),
                bottom: a.bottom.max(b.bottom),
            })
            .unwrap_or(ScreenRect::centered([0.0, 0.0], [1.0, 1.0]))
    }

    /// The region of table row `row`, if this map shows it.
    pub fn region_of_row(&self, row: usize) -> Option<&SceneRegion> {
        self.regions.iter().find(|r| r.row == row)
    }
}

fn road_line(road: &super::map::MapRoad, warp: &Warp, transform: &Transform) -> SceneRoad {
    let (position, (low, high)) = (road.position, road.extent);
    let (from, to) = match road.axis {
        Axis::NorthSouth => (
            warp.point(transform, position, low),
            warp.point(transform, position, high),
        ),
        Axis::EastWest => (
            warp.point(transform, low, position),
            warp.point(transform, high, position),
        ),
    };
    SceneRoad {
        name: road.name.clone(),
        axis: road.axis,
        from,
        to,
    }
}

/// Every line of the map (region edges and roads), as horizontal and vertical segments (a
/// segment is a rectangle of no height or no width), filed in buckets so a label is checked
/// only against the lines near it.
pub struct Lines {
    segments: Buckets,
}

impl Lines {
    /// The edges of `regions` and the lines of `roads`.
    pub fn of(regions: &[SceneRegion], roads: &[SceneRoad]) -> Lines {
        let mut segments: Vec<ScreenRect> = Vec::with_capacity(regions.len() * 4 + roads.len());
        let segment = |from: Point, to: Point| ScreenRect {
            left: from[0].min(to[0]),
            right: from[0].max(to[0]),
            top: from[1].min(to[1]),
            bottom: from[1].max(to[1]),
        };
        for r in regions.iter().map(|r| r.rect) {
            let corners = [
                [r.left, r.top],
                [r.right, r.top],
                [r.right, r.bottom],
                [r.left, r.bottom],
            ];
            for side in 0..4 {
                segments.push(segment(corners[side], corners[(side + 1) % 4]));
            }
        }
        segments.extend(roads.iter().map(|road| segment(road.from, road.to)));
        let area = segments
            .iter()
            .copied()
            .reduce(|a, b| ScreenRect {
                left: a.left.min(b.left),
                top: a.top.min(b.top),
                right: a.right.max(b.right),
                bottom: a.bottom.max(b.bottom),
            })
            .unwrap_or(ScreenRect::centered([0.0, 0.0], [1.0, 1.0]));
        let mut buckets = Buckets::new(area, BUCKET);
        for segment in segments {
            buckets.insert(segment);
        }
        Lines { segments: buckets }
    }

    /// Whether some line passes through the inside of `rect` (running along its edge does not).
    pub fn cross(&self, rect: &ScreenRect) -> bool {
        self.segments.any(rect, |_, line| {
            let within = |at: f32, low: f32, high: f32| low < at && at < high;
            if line.top == line.bottom {
                within(line.top, rect.top, rect.bottom)
                    && line.left < rect.right
                    && rect.left < line.right
            } else {
                within(line.left, rect.left, rect.right)
                    && line.top < rect.bottom
                    && rect.top < line.bottom
            }
        })
    }
}

/// Size of a bucket, in points: a few labels across.
const BUCKET: f32 = 48.0;

/// The area around a map where its labels may go: the map and a wide margin.
fn around(bounds: ScreenRect) -> ScreenRect {
    let margin = 0.25 * bounds.width().max(bounds.height()) + 100.0;
    ScreenRect {
        left: bounds.left - margin,
        top: bounds.top - margin,
        right: bounds.right + margin,
        bottom: bounds.bottom + margin,
    }
}

/// Road names around the map: north–south ones in rows above and below it at their road's x,
/// east–west ones left and right of it at their road's y.
fn place_road_labels(roads: &[SceneRoad], bounds: ScreenRect) -> Vec<Label> {
    let mut labels: Vec<Label> = Vec::new();
    let mut taken = Buckets::new(around(bounds), BUCKET);
    let mut north_south: Vec<&SceneRoad> = roads
        .iter()
        .filter(|r| r.axis == Axis::NorthSouth)
        .collect();
    north_south.sort_by(|a, b| a.from[0].total_cmp(&b.from[0]));
    let row_height = text_size("路", ROAD_FONT)[1];
    // Rows in order of preference: nearest the map above, then below, then farther out; each
    // with the map edge a leader goes back to.
    let rows: Vec<(f32, f32)> = (0..ROAD_ROWS)
        .flat_map(|row| {
            let offset = GAP + row as f32 * row_height;
            [
                (bounds.top - offset - row_height, bounds.top),
                (bounds.bottom + offset, bounds.bottom),
            ]
        })
        .collect();
    for road in north_south {
        let size = text_size(&road.name, ROAD_FONT);
        let x = road.from[0];
        let ideal = x - size[0] / 2.0;
        let at = |row: usize, left: f32| ScreenRect {
            left,
            right: left + size[0],
            top: rows[row].0,
            bottom: rows[row].0 + size[1],
        };
        let (rect, edge) = (0..rows.len())
            .map(|row| {
                (
                    slide(|left| at(row, left), ideal, &taken, |t| t.right),
                    rows[row].1,
                )
            })
            .min_by(|a, b| a.0.left.total_cmp(&b.0.left))
            .unwrap_or((at(0, ideal), bounds.top));
        let near = if edge <= rect.top {
            rect.top
        } else {
            rect.bottom
        };
        let leader = (rect.left - ideal > 1.0).then_some([[rect.center()[0], near], [x, edge]]);
        taken.insert(rect);
        labels.push(road_label(road, rect, leader));
    }
    let mut east_west: Vec<&SceneRoad> =
        roads.iter().filter(|r| r.axis == Axis::EastWest).collect();
    east_west.sort_by(|a, b| a.from[1].total_cmp(&b.from[1]));
    for road in east_west {
        let size = text_size(&road.name, ROAD_FONT);
        let y = road.from[1];
        let ideal = y - size[1] / 2.0;
        let sides = [
            (bounds.left - GAP - size[0], bounds.left),
            (bounds.right + GAP, bounds.right),
        ];
        let at = |side: usize, top: f32| ScreenRect {
            left: sides[side].0,
            right: sides[side].0 + size[0],
            top,
            bottom: top + size[1],
        };
        let (rect, side) = (0..sides.len())
            .map(|side| {
                (
                    slide(|top| at(side, top), ideal, &taken, |t| t.bottom),
                    side,
                )
            })
            .min_by(|a, b| a.0.top.total_cmp(&b.0.top))
            .unwrap_or((at(0, ideal), 0));
        let near = if side == 0 { rect.right } else { rect.left };
        let leader =
            (rect.top - ideal > 1.0).then_some([[near, rect.center()[1]], [sides[side].1, y]]);
        taken.insert(rect);
        labels.push(road_label(road, rect, leader));
    }
    labels
}

/// Where a label wanting to start at `ideal` can start without covering one of `taken`: moved
/// past each label in the way (`end` is where that label ends along the way of moving).
fn slide(
    rect_at: impl Fn(f32) -> ScreenRect,
    ideal: f32,
    taken: &Buckets,
    end: impl Fn(&ScreenRect) -> f32,
) -> ScreenRect {
    let mut start = ideal;
    for _ in 0..=taken.len() {
        let rect = rect_at(start);
        let mut blocking = None;
        taken.any(&rect, |_, other| {
            let overlaps = other.overlaps(&rect);
            if overlaps {
                blocking = Some(*other);
            }
            overlaps
        });
        match blocking {
            Some(blocking) => start = end(&blocking) + GAP,
            None => return rect,
        }
    }
    rect_at(start)
}

fn road_label(road: &SceneRoad, rect: ScreenRect, leader: Option<[Point; 2]>) -> Label {
    Label {
        text: road.name.clone(),
        rect,
        leader,
        row: None,
    }
}

/// Every region's number: inside where it fits, otherwise outside with a leader. Smaller
/// regions choose first, since they have the fewest places.
fn place_region_labels(regions: &[SceneRegion], lines: &Lines, taken: &mut Buckets) -> Vec<Label> {
    let mut labels = Vec::with_capacity(regions.len());
    let mut outside = Vec::new();
    let mut drawn = Buckets::new(*taken.area(), BUCKET);
    for region in regions {
        drawn.insert(region.rect);
    }
    for (index, region) in regions.iter().enumerate().rev() {
        let size = text_size(&region.number, REGION_FONT);
        match inside_spot(region, index, size, &drawn, lines, taken) {
            Some(rect) => {
                taken.insert(rect);
                labels.push(region_label(region, rect, None));
            }
            None => outside.push(index),
        }
    }
    for index in outside {
        let region = &regions[index];
        let size = text_size(&region.number, REGION_FONT);
        let anchor = visible_point(region, index, &drawn);
        let rect = outside_spot(region, size, &drawn, lines, taken);
        taken.insert(rect);
        let leader = [nearest_on(&rect, anchor), anchor];
        labels.push(region_label(region, rect, Some(leader)));
    }
    labels
}

fn region_label(region: &SceneRegion, rect: ScreenRect, leader: Option<[Point; 2]>) -> Label {
    Label {
        text: region.number.clone(),
        rect,
        leader,
        row: Some(region.row),
    }
}

/// Candidate centres inside `room` for a label of `size`: the centre first, then points of a
/// lattice nearest the centre first.
fn inside_candidates(room: &ScreenRect, size: [f32; 2]) -> Vec<Point> {
    let (half_w, half_h) = (size[0] / 2.0, size[1] / 2.0);
    let (x0, x1) = (room.left + half_w, room.right - half_w);
    let (y0, y1) = (room.top + half_h, room.bottom - half_h);
    if x0 > x1 || y0 > y1 {
        return Vec::new();
    }
    let center = room.center();
    let steps = 6;
    let mut points = vec![center];
    for i in 0..=steps {
        for j in 0..=steps {
            let t = |k: usize| k as f32 / steps as f32;
            points.push([x0 + (x1 - x0) * t(i), y0 + (y1 - y0) * t(j)]);
        }
    }
    let distance = |p: &Point| (p[0] - center[0]).powi(2) + (p[1] - center[1]).powi(2);
    points[1..].sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    points
}

/// A place inside `region` (at `index` in painting order) for its number: on no line, no
/// other label, and no region drawn over it.
fn inside_spot(
    region: &SceneRegion,
    index: usize,
    size: [f32; 2],
    drawn: &Buckets,
    lines: &Lines,
    taken: &Buckets,
) -> Option<ScreenRect> {
    inside_candidates(&region.rect, size)
        .into_iter()
        .map(|center| ScreenRect::centered(center, size))
        .find(|spot| {
            !lines.cross(spot)
                && !taken.overlaps(spot)
                && !drawn.any(spot, |other, rect| other > index && rect.overlaps(spot))
        })
}

/// A point of `region` (at `index` in painting order) not covered by a region drawn over it
/// (its centre when all are).
fn visible_point(region: &SceneRegion, index: usize, drawn: &Buckets) -> Point {
    let uncovered = |p: &Point| {
        let point = ScreenRect::centered(*p, [0.0, 0.0]);
        !drawn.any(&point, |other, rect| other > index && point.overlaps(rect))
    };
    inside_candidates(&region.rect, [0.0, 0.0])
        .into_iter()
        .find(uncovered)
        .unwrap_or_else(|| region.rect.center())
}

/// The nearest free place outside every region for `region`'s number: rings of candidate
/// centres around the region, the first half a label's height apart, farther ones wider.
fn outside_spot(
    region: &SceneRegion,
    size: [f32; 2],
    drawn: &Buckets,
    lines: &Lines,
    taken: &Buckets,
) -> ScreenRect {
    let mut step = (size[1] / 2.0).max(1.0);
    let free =
        |spot: &ScreenRect| !drawn.overlaps(spot) && !lines.cross(spot) && !taken.overlaps(spot);
    let center = region.rect.center();
    let mut out = 0.0;
    for ring in 0..MAX_RINGS {
        // Farther out the rings and their points spread, so that a crowded map (hundreds of
        // numbers led out of small regions) finds room at its edge without trying every point
        // on the way.
        if ring > 0 {
            out += step;
            if ring % RINGS_PER_SPREAD == 0 {
                step *= 1.5;
            }
        }
        let around = ScreenRect {
            left: region.rect.left - size[0] / 2.0 - out,
            right: region.rect.right + size[0] / 2.0 + out,
            top: region.rect.top - size[1] / 2.0 - out,
            bottom: region.rect.bottom + size[1] / 2.0 + out,
        };
        let mut points = perimeter(&around, step);
        let distance = |p: &Point| (p[0] - center[0]).powi(2) + (p[1] - center[1]).powi(2);
        points.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
        if let Some(spot) = points
            .into_iter()
            .map(|p| ScreenRect::centered(p, size))
            .find(|spot| free(spot))
        {
            return spot;
        }
    }
    // Unreachable in practice (the plane around the map is empty); keep the number visible.
    ScreenRect::centered(center, size)
}

/// Points along the edges of `rect`, about `step` apart, corners included.
fn perimeter(rect: &ScreenRect, step: f32) -> Vec<Point> {
    let along = |from: f32, to: f32| {
        let count = ((to - from) / step).ceil().max(1.0) as usize;
        (0..=count).map(move |i| from + (to - from) * i as f32 / count as f32)
    };
    let mut points = Vec::new();
    for x in along(rect.left, rect.right) {
        points.push([x, rect.top]);
        points.push([x, rect.bottom]);
    }
    for y in along(rect.top, rect.bottom) {
        points.push([rect.left, y]);
        points.push([rect.right, y]);
    }
    points
}

/// The point of `rect`'s edge nearest `target`, where a leader starts.
fn nearest_on(rect: &ScreenRect, target: Point) -> Point {
    [
        target[0].clamp(rect.left, rect.right),
        target[1].clamp(rect.top, rect.bottom),
    ]
}

#[cfg(test)]
mod tests;
