//! Layout of the schematic of benchmark regions, from their 四至 alone.
//!
//! The text edition has no maps, but each region names the roads on its four sides
//! (东至京广铁路、西至文明大道、南至中华大道、北至雪松大道). Roads become grid lines: north–south
//! roads are ordered west → east, east–west roads south → north, so that every region's west
//! road lies left of its east road and its south road below its north road. The constraints
//! form a graph; each road's grid position is its longest path from the graph's sources, which
//! keeps the drawing compact. Where regions of one 用途 still overlap, further orderings are
//! added in rounds, for each pair the one that leaves its two regions overlapping the fewest
//! others and keeps the drawing smallest; where two roads would share a grid line along the
//! same stretch, they are pulled apart the same way. Trying an ordering moves only the roads
//! it pushes (no layout of the whole city per try), which keeps a city of 1,000 regions well
//! under a second (`benches/schematic.rs`). Every road is one straight line, and one grid
//! serves all three uses.
//!
//! It is a schematic, not a survey map: positions are ranks, not distances.

pub mod map;
pub mod scene;
pub mod svg;
pub mod view;

use crate::model::{Cell, Table, land_price};
use std::collections::{BTreeMap, HashMap};

/// Column titles read from the land-price table.
pub const CODE_COLUMN: &str = land_price::REGION_CODE;
/// See [`CODE_COLUMN`].
pub const USE_COLUMN: &str = land_price::USE;
/// See [`CODE_COLUMN`].
pub const BOUNDS_COLUMN: &str = land_price::BOUNDS;
/// See [`CODE_COLUMN`].
pub const NUMBER_COLUMN: &str = land_price::NUMBER;
/// See [`CODE_COLUMN`].
pub const PRICE_COLUMN: &str = land_price::LAND_PRICE;

/// Printed variants of one road's name, mapped to the name the schematic uses.
pub const ROAD_NAME_VARIANTS: &[(&str, &str)] = &[("栢城路", "柏城路")];

/// The direction a road runs, which decides the grid axis it lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Axis {
    /// A north–south road: a vertical line at some x (bounds regions east or west).
    NorthSouth,
    /// An east–west road: a horizontal line at some y (bounds regions north or south).
    EastWest,
}

/// One region to place: its table row and its printed boundary text.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionInput {
    /// Index of the row in the table, so the view can select it.
    pub row: usize,
    /// The printed 序号, used as the region's label.
    pub label: String,
    /// Region code (标定区域编号).
    pub code: String,
    /// Land use (用途); regions of one use must not overlap.
    pub land_use: String,
    /// The printed 四至.
    pub bounds: String,
    /// 地面单价 in 元/m², which colours the region; `None` when not printed.
    pub price: Option<f64>,
}

/// The four boundary roads of a region, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounds {
    /// Road on the east side (东至).
    pub east: String,
    /// Road on the west side (西至).
    pub west: String,
    /// Road on the south side (南至).
    pub south: String,
    /// Road on the north side (北至).
    pub north: String,
}

/// Reads a printed 四至 such as 东至京广铁路、西至文明大道、南至中华大道、北至雪松大道.
pub fn parse_bounds(text: &str) -> Result<Bounds, String> {
    let mut sides: [Option<String>; 4] = Default::default();
    for part in text.split(['、', '，', ',', '；', ';']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((side, road)) = split_side(part) else {
            return Err(format!("「{part}」不是“东至/西至/南至/北至＋道路”的形式"));
        };
        if road.is_empty() {
            return Err(format!("「{part}」缺少道路名称"));
        }
        if sides[side].replace(road.to_owned()).is_some() {
            return Err(format!("「{text}」重复给出了同一方向"));
        }
    }
    match sides {
        [Some(east), Some(west), Some(south), Some(north)] => Ok(Bounds {
            east,
            west,
            south,
            north,
        }),
        _ => Err(format!("「{text}」缺少东、西、南、北中的某一至")),
    }
}

fn split_side(part: &str) -> Option<(usize, &str)> {
    ["东至", "西至", "南至", "北至"]
        .iter()
        .enumerate()
        .find_map(|(index, prefix)| part.strip_prefix(prefix).map(|road| (index, road.trim())))
}

/// The name the schematic uses for a printed road name (merges variants such as 栢城路).
pub fn canonical_road(name: &str) -> String {
    let name = name.trim();
    ROAD_NAME_VARIANTS
        .iter()
        .find(|(variant, _)| *variant == name)
        .map_or_else(|| name.to_owned(), |(_, canonical)| (*canonical).to_owned())
}

/// A road named relative to another (前进大道以西规划路): which road, and which side of it.
fn relative_anchor(name: &str) -> Option<(&str, Side)> {
    [
        ("以西", Side::West),
        ("以东", Side::East),
        ("以南", Side::South),
        ("以北", Side::North),
    ]
    .into_iter()
    .find_map(|(marker, side)| {
        let (anchor, _) = name.split_once(marker)?;
        (!anchor.is_empty()).then_some((anchor, side))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    East,
    West,
    South,
    North,
}

/// The regions of a land-price table, read from its code, use and 四至 columns.
pub fn regions_from_table(table: &Table) -> Result<Vec<RegionInput>, String> {
    let column = |title: &str| {
        table
            .column_index(title)
            .ok_or_else(|| format!("表 {} 没有「{title}」列，无法绘制示意图", table.id))
    };
    let (code, land_use, bounds) = (
        column(CODE_COLUMN)?,
        column(USE_COLUMN)?,
        column(BOUNDS_COLUMN)?,
    );
    let number = table.column_index(NUMBER_COLUMN);
    let price = table.column_index(PRICE_COLUMN);
    let text = |row: &[Cell], index: usize| row.get(index).map_or("", Cell::as_printed).to_owned();
    Ok(table
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| RegionInput {
            row: index,
            label: number.map_or_else(|| (index + 1).to_string(), |n| text(row, n)),
            code: text(row, code),
            land_use: text(row, land_use),
            bounds: text(row, bounds),
            price: price.and_then(|p| row.get(p)?.number()),
        })
        .collect())
}

/// A cell of the grid spanned by a region: `west < east` and `south < north`, in grid units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GridRect {
    /// x of the west road.
    pub west: u32,
    /// x of the east road.
    pub east: u32,
    /// y of the south road.
    pub south: u32,
    /// y of the north road.
    pub north: u32,
}

impl GridRect {
    /// Whether the interiors of two rectangles intersect (touching edges do not count).
    pub fn overlaps(&self, other: &GridRect) -> bool {
        self.west < other.east
            && other.west < self.east
            && self.south < other.north
            && other.south < self.north
    }
}

/// A road drawn as one straight grid line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadLine {
    /// The name the schematic uses.
    pub name: String,
    /// Every printed form of the name (栢城路 and 柏城路 for one road).
    pub printed_names: Vec<String>,
    /// Which way the road runs.
    pub axis: Axis,
    /// x for a north–south road, y for an east–west road.
    pub position: u32,
    /// The stretch of the line the road's regions touch: (min, max) along the other axis.
    pub extent: (u32, u32),
}

/// A placed region.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedRegion {
    /// The region as given.
    pub input: RegionInput,
    /// Its rectangle on the grid.
    pub rect: GridRect,
}

/// A region that could not be placed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct UnplacedRegion {
    /// The region as given.
    pub input: RegionInput,
    /// Why, in words a clerk can check against the table.
    pub reason: String,
}

/// The computed schematic.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// Every road, one line each.
    pub roads: Vec<RoadLine>,
    /// Every placed region, in table order.
    pub regions: Vec<PlacedRegion>,
    /// Regions that could not be placed, with the reason.
    pub unplaced: Vec<UnplacedRegion>,
    /// Number of grid columns (largest x).
    pub width: u32,
    /// Number of grid rows (largest y).
    pub height: u32,
    /// Overlaps that no ordering could remove (one in this issue), described: the first
    /// [`MAX_DESCRIBED`].
    pub unresolved: Vec<String>,
    /// How many more there were: a file whose regions crowd onto a few roads can force tens of
    /// thousands, more than anyone reads and more than the window should list every frame.
    pub unresolved_more: usize,
}

/// Unresolved overlaps described in words at most; the rest are counted.
pub const MAX_DESCRIBED: usize = 50;

/// Lays out `regions`; never fails as a whole: what cannot be placed is listed in
/// [`Layout::unplaced`].
pub fn layout(regions: &[RegionInput]) -> Layout {
    let mut graph = Graph::default();
    let mut placed: Vec<(RegionInput, RegionRoads)> = Vec::new();
    let mut unplaced = Vec::new();
    for region in regions {
        match place_region(&mut graph, region) {
            Ok(roads) => placed.push((region.clone(), roads)),
            Err(reason) => unplaced.push(UnplacedRegion {
                input: region.clone(),
                reason,
            }),
        }
    }
    let (unresolved, unresolved_more) = separate(&mut graph, &placed);
    let positions = graph.positions().unwrap_or_default();
    Layout {
        unresolved_more,
        ..build_layout(&graph, &positions, placed, unplaced, unresolved)
    }
}

/// The four road nodes of a placed region.
#[derive(Debug, Clone, Copy)]
struct RegionRoads {
    east: usize,
    west: usize,
    south: usize,
    north: usize,
}

impl RegionRoads {
    fn rect(&self, positions: &[u32]) -> GridRect {
        GridRect {
            west: positions[self.west],
            east: positions[self.east],
            south: positions[self.south],
            north: positions[self.north],
        }
    }
}

/// Adds a region's constraints to the graph, or explains why they cannot hold.
fn place_region(graph: &mut Graph, region: &RegionInput) -> Result<RegionRoads, String> {
    let bounds = parse_bounds(&region.bounds)?;
    let checkpoint = graph.checkpoint();
    let roads = RegionRoads {
        east: graph.road(&bounds.east, Axis::NorthSouth),
        west: graph.road(&bounds.west, Axis::NorthSouth),
        south: graph.road(&bounds.south, Axis::EastWest),
        north: graph.road(&bounds.north, Axis::EastWest),
    };
    if roads.east == roads.west || roads.south == roads.north {
        graph.rollback(checkpoint);
        return Err(format!("「{}」两侧是同一条道路", region.bounds));
    }
    let contradicts =
        graph.reaches(roads.east, roads.west) || graph.reaches(roads.north, roads.south);
    graph.add_edge(roads.west, roads.east, 1);
    graph.add_edge(roads.south, roads.north, 1);
    // Only a contradiction pays for a full ordering, which names the cycle.
    match if contradicts {
        graph.positions()
    } else {
        Ok(Vec::new())
    } {
        Ok(_) => Ok(roads),
        Err(cycle) => {
            graph.rollback(checkpoint);
            Err(format!(
                "四至与其他区域矛盾：{}",
                describe_cycle(graph, &cycle, &bounds)
            ))
        }
    }
}

fn describe_cycle(graph: &Graph, cycle: &[usize], bounds: &Bounds) -> String {
    if cycle.is_empty() {
        return format!(
            "西至{}须在东至{}以西、南至{}须在北至{}以南，但其他区域的四至给出了相反的次序",
            bounds.west, bounds.east, bounds.south, bounds.north
        );
    }
    let names: Vec<&str> = cycle
        .iter()
        .map(|&n| graph.nodes[n].name.as_str())
        .collect();
    format!("道路次序成环（{}）", names.join(" → "))
}

/// Adds orderings until no two regions of one use overlap and no two roads share a line along
/// the same stretch; returns what could not be resolved (the first [`MAX_DESCRIBED`]
/// described, the rest counted).
///
/// Works in rounds: the conflicts of the compact positions are found once per round (a sweep,
/// not pair by pair), then resolved one after another against positions kept feasible as each
/// ordering is added. Of the orderings that would resolve a conflict, the one that grows the
/// drawing least wins, then the one that moves the fewest road steps; trying one costs only the
/// roads it pushes, never a new layout of the whole city. A conflict resolved once stays
/// resolved (its ordering stays), so the rounds end; most cities need two or three.
fn separate(graph: &mut Graph, placed: &[(RegionInput, RegionRoads)]) -> (Vec<String>, usize) {
    let mut unresolved = Vec::new();
    let mut more = 0;
    let mut given_up: std::collections::HashSet<Conflict> = std::collections::HashSet::new();
    let bounding = bounded_regions(graph, placed);
    let mut by_use: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, (input, _)) in placed.iter().enumerate() {
        by_use.entry(&input.land_use).or_default().push(index);
    }
    while let Ok(compact) = graph.positions() {
        let mut conflicts: Vec<Conflict> = find_conflicts(graph, &compact, placed)
            .into_iter()
            .filter(|c| !given_up.contains(c))
            .collect();
        if conflicts.is_empty() {
            break;
        }
        // Overlapping regions first: an ordering of two roads that merely share a line is
        // free to go either way, and chosen early it could force regions to overlap.
        if conflicts.iter().any(|c| matches!(c, Conflict::Regions(..))) {
            conflicts.retain(|c| matches!(c, Conflict::Regions(..)));
        }
        let mut pusher = Pusher::new(graph, compact);
        for conflict in conflicts {
            if !conflict.holds(graph, &pusher.positions, placed, &bounding) {
                continue;
            }
            let involved = conflict.regions(&bounding);
            let overlaps_left =
                |positions: &[u32]| overlaps_of(&involved, positions, placed, &by_use);
            let best = conflict
                .options(placed)
                .into_iter()
                .filter_map(|option| Some((pusher.try_cost(graph, option, overlaps_left)?, option)))
                .min_by_key(|(cost, _)| *cost);
            match best {
                Some((_, (from, to, gap))) => {
                    graph.add_edge(from, to, gap);
                    pusher.push(graph, from, to, gap);
                }
                None => {
                    if unresolved.len() < MAX_DESCRIBED {
                        unresolved.push(conflict.describe(graph, &pusher.positions, placed));
                    } else {
                        more += 1;
                    }
                    given_up.insert(conflict);
                }
            }
        }
    }
    (unresolved, more)
}

/// How many regions of their own use the `involved` regions overlap at `positions`: what an
/// ordering chosen for one conflict should not leave behind. A scan of those uses' regions,
/// a few comparisons each.
fn overlaps_of(
    involved: &[usize],
    positions: &[u32],
    placed: &[(RegionInput, RegionRoads)],
    by_use: &HashMap<&str, Vec<usize>>,
) -> u32 {
    let mut count = 0;
    for &region in involved {
        let (input, roads) = &placed[region];
        let rect = roads.rect(positions);
        let same_use = by_use
            .get(input.land_use.as_str())
            .map_or(&[][..], Vec::as_slice);
        count += same_use
            .iter()
            .filter(|&&other| other != region && placed[other].1.rect(positions).overlaps(&rect))
            .count() as u32;
    }
    count
}

/// For each road node, the placed regions it bounds: a road's stretch is read from them.
fn bounded_regions(graph: &Graph, placed: &[(RegionInput, RegionRoads)]) -> Vec<Vec<usize>> {
    let mut bounding = vec![Vec::new(); graph.nodes.len()];
    for (index, (_, roads)) in placed.iter().enumerate() {
        for node in [roads.east, roads.west, roads.south, roads.north] {
            bounding[node].push(index);
        }
    }
    bounding
}

/// Positions kept feasible (every ordering holds) while orderings are added, and the cost of
/// adding one: how far the drawing grows and how many road steps move.
struct Pusher {
    positions: Vec<u32>,
    /// Largest position on each axis: north–south, east–west.
    extent: [u32; 2],
    /// Positions changed by the last trial, to undo it.
    undo: Vec<(usize, u32)>,
}

impl Pusher {
    fn new(graph: &Graph, positions: Vec<u32>) -> Pusher {
        let mut extent = [0, 0];
        for (node, &at) in graph.nodes.iter().zip(&positions) {
            let slot = &mut extent[node.axis as usize];
            *slot = (*slot).max(at);
        }
        Pusher {
            positions,
            extent,
            undo: Vec::new(),
        }
    }

    /// The cost of ordering `from` before `to` by `gap` — the overlaps `overlaps_left` still
    /// counts, then width plus height, then road steps moved — or `None` when the ordering would
    /// close a cycle. Leaves nothing changed.
    fn try_cost(
        &mut self,
        graph: &Graph,
        (from, to, gap): (usize, usize, u32),
        overlaps_left: impl Fn(&[u32]) -> u32,
    ) -> Option<(u32, u32, u64)> {
        if self.reaches(graph, to, from) {
            return None;
        }
        let extent = self.extent;
        let moved = self.push(graph, from, to, gap);
        let cost = (
            overlaps_left(&self.positions),
            self.extent[0] + self.extent[1],
            moved,
        );
        for (node, at) in self.undo.drain(..).rev() {
            self.positions[node] = at;
        }
        self.extent = extent;
        Some(cost)
    }

    /// Moves `to` and everything after it far enough that `from` lies `gap` before `to`;
    /// returns the road steps moved. The graph must already be acyclic with the ordering.
    fn push(&mut self, graph: &Graph, from: usize, to: usize, gap: u32) -> u64 {
        use std::cmp::Reverse;
        self.undo.clear();
        let mut moved = 0u64;
        // Nodes in order of their old position: a node's predecessors usually settle first,
        // so each moves once.
        let mut queue = std::collections::BinaryHeap::new();
        queue.push(Reverse((
            self.positions[to],
            to,
            self.positions[from] + gap,
        )));
        while let Some(Reverse((_, node, at))) = queue.pop() {
            if at <= self.positions[node] {
                continue;
            }
            self.undo.push((node, self.positions[node]));
            moved += u64::from(at - self.positions[node]);
            self.positions[node] = at;
            let slot = &mut self.extent[graph.nodes[node].axis as usize];
            *slot = (*slot).max(at);
            for &edge in &graph.out[node] {
                let Edge { to, gap, .. } = graph.edges[edge];
                if at + gap > self.positions[to] {
                    queue.push(Reverse((self.positions[to], to, at + gap)));
                }
            }
        }
        moved
    }

    /// Whether `target` can be reached from `start` along the orderings. Positions grow along
    /// every ordering, so only roads no later than `target` can lie on such a path.
    fn reaches(&self, graph: &Graph, start: usize, target: usize) -> bool {
        let limit = self.positions[target];
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            if node == target {
                return true;
            }
            if self.positions[node] > limit || !seen.insert(node) {
                continue;
            }
            stack.extend(graph.out[node].iter().map(|&e| graph.edges[e].to));
        }
        false
    }
}

/// Something the plain ordering leaves ambiguous in the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Conflict {
    /// Two regions of one use overlap (indices into the placed list).
    Regions(usize, usize),
    /// Two roads lie on one line along a shared stretch (node indices).
    Roads(usize, usize),
}

impl Conflict {
    /// The regions whose overlaps decide how well the conflict was resolved: its two regions,
    /// or those its two roads bound.
    fn regions(&self, bounding: &[Vec<usize>]) -> Vec<usize> {
        match *self {
            Conflict::Regions(a, b) => vec![a, b],
            Conflict::Roads(a, b) => [&bounding[a], &bounding[b]]
                .into_iter()
                .flatten()
                .copied()
                .collect(),
        }
    }

    /// Whether the conflict still stands at `positions` (an ordering added for another one may
    /// have resolved it).
    fn holds(
        &self,
        graph: &Graph,
        positions: &[u32],
        placed: &[(RegionInput, RegionRoads)],
        bounding: &[Vec<usize>],
    ) -> bool {
        match *self {
            Conflict::Regions(a, b) => placed[a]
                .1
                .rect(positions)
                .overlaps(&placed[b].1.rect(positions)),
            Conflict::Roads(a, b) => {
                let stretch = |node: usize| {
                    bounding[node]
                        .iter()
                        .map(|&region| {
                            let rect = placed[region].1.rect(positions);
                            match graph.nodes[node].axis {
                                Axis::NorthSouth => (rect.south, rect.north),
                                Axis::EastWest => (rect.west, rect.east),
                            }
                        })
                        .fold((u32::MAX, 0), |(low, high), (l, h)| {
                            (low.min(l), high.max(h))
                        })
                };
                let ((a_low, a_high), (b_low, b_high)) = (stretch(a), stretch(b));
                positions[a] == positions[b] && a_low < b_high && b_low < a_high
            }
        }
    }

    /// The orderings that would resolve it: edges (from, to, minimum gap).
    fn options(&self, placed: &[(RegionInput, RegionRoads)]) -> Vec<(usize, usize, u32)> {
        match *self {
            Conflict::Regions(a, b) => {
                let (a, b) = (&placed[a].1, &placed[b].1);
                vec![
                    (a.east, b.west, 0),
                    (b.east, a.west, 0),
                    (a.north, b.south, 0),
                    (b.north, a.south, 0),
                ]
                .into_iter()
                .filter(|(from, to, _)| from != to)
                .collect()
            }
            Conflict::Roads(a, b) => vec![(a, b, 1), (b, a, 1)],
        }
    }

    fn describe(
        &self,
        graph: &Graph,
        positions: &[u32],
        placed: &[(RegionInput, RegionRoads)],
    ) -> String {
        match *self {
            Conflict::Regions(a, b) => {
                let (ra, rb) = (&placed[a], &placed[b]);
                let name = |node: usize| graph.nodes[node].name.as_str();
                let later = |x: usize, y: usize, positions: &[u32]| {
                    if positions[x] >= positions[y] { x } else { y }
                };
                let earlier = |x: usize, y: usize, positions: &[u32]| {
                    if positions[x] <= positions[y] { x } else { y }
                };
                if positions.is_empty() {
                    return format!("区域 {} 与 {} 重叠", ra.0.code, rb.0.code);
                }
                let (r1, r2) = (ra.1, rb.1);
                format!(
                    "区域 {}（序号 {}）与 {}（序号 {}）按四至必然重叠：两者都跨过 {}–{} 与 {}–{} 之间，\
                     任何保持道路顺序的画法都无法把它们分开",
                    ra.0.code,
                    ra.0.label,
                    rb.0.code,
                    rb.0.label,
                    name(later(r1.west, r2.west, positions)),
                    name(earlier(r1.east, r2.east, positions)),
                    name(later(r1.south, r2.south, positions)),
                    name(earlier(r1.north, r2.north, positions)),
                )
            }
            Conflict::Roads(a, b) => format!(
                "道路 {} 与 {} 只能画在同一条线上",
                graph.nodes[a].name, graph.nodes[b].name
            ),
        }
    }
}

/// Every conflict of the current positions, in a fixed order (region pairs, then road pairs,
/// each by index), so the resolution does not depend on how they were found.
fn find_conflicts(
    graph: &Graph,
    positions: &[u32],
    placed: &[(RegionInput, RegionRoads)],
) -> Vec<Conflict> {
    let rects: Vec<GridRect> = placed.iter().map(|(_, r)| r.rect(positions)).collect();
    let same_use = |a: usize, b: usize| placed[a].0.land_use == placed[b].0.land_use;
    let mut conflicts: Vec<Conflict> = overlapping_pairs(&rects, same_use)
        .into_iter()
        .map(|(a, b)| Conflict::Regions(a, b))
        .collect();
    let extents = road_extents(graph, positions, placed);
    // Roads on one grid line, keyed by axis and position: (node, stretch).
    type Line = Vec<(usize, (u32, u32))>;
    let mut lines: HashMap<(Axis, u32), Line> = HashMap::new();
    for (&node, &extent) in &extents {
        lines
            .entry((graph.nodes[node].axis, positions[node]))
            .or_default()
            .push((node, extent));
    }
    let mut roads: Vec<(usize, usize)> = Vec::new();
    for mut line in lines.into_values() {
        line.sort_by_key(|&(node, extent)| (extent.0, node));
        for (i, &(a, ea)) in line.iter().enumerate() {
            for &(b, eb) in line[i + 1..].iter().take_while(|(_, eb)| eb.0 < ea.1) {
                if eb.0 < ea.1 && ea.0 < eb.1 {
                    roads.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    roads.sort_unstable();
    conflicts.extend(roads.into_iter().map(|(a, b)| Conflict::Roads(a, b)));
    conflicts
}

/// Pairs `(a, b)`, `a < b`, of rectangles whose interiors intersect and that `related` says
/// must not, sorted. A sweep from west to east compares only rectangles whose x-spans meet, so
/// a city of thousands of regions is not compared pair by pair.
fn overlapping_pairs(
    rects: &[GridRect],
    related: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..rects.len()).collect();
    order.sort_by_key(|&i| rects[i].west);
    let mut active: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for &i in &order {
        active.retain(|&j| rects[j].east > rects[i].west);
        for &j in &active {
            if rects[i].overlaps(&rects[j]) && related(i, j) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
        active.push(i);
    }
    pairs.sort_unstable();
    pairs
}

/// For each road node that bounds a region: the stretch of its line those regions touch.
fn road_extents(
    graph: &Graph,
    positions: &[u32],
    placed: &[(RegionInput, RegionRoads)],
) -> BTreeMap<usize, (u32, u32)> {
    let mut extents: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
    let mut widen = |node: usize, low: u32, high: u32| {
        let entry = extents.entry(node).or_insert((low, high));
        entry.0 = entry.0.min(low);
        entry.1 = entry.1.max(high);
    };
    for (_, roads) in placed {
        let rect = roads.rect(positions);
        widen(roads.east, rect.south, rect.north);
        widen(roads.west, rect.south, rect.north);
        widen(roads.south, rect.west, rect.east);
        widen(roads.north, rect.west, rect.east);
    }
    let _ = graph;
    extents
}

fn build_layout(
    graph: &Graph,
    positions: &[u32],
    placed: Vec<(RegionInput, RegionRoads)>,
    unplaced: Vec<UnplacedRegion>,
    unresolved: Vec<String>,
) -> Layout {
    let extents = road_extents(graph, positions, &placed);
    let mut roads: Vec<RoadLine> = extents
        .iter()
        .map(|(&node, &extent)| RoadLine {
            name: graph.nodes[node].name.clone(),
            printed_names: graph.nodes[node].printed.clone(),
            axis: graph.nodes[node].axis,
            position: positions[node],
            extent,
        })
        .collect();
    roads.sort_by(|a, b| (a.axis, a.position, &a.name).cmp(&(b.axis, b.position, &b.name)));
    let regions: Vec<PlacedRegion> = placed
        .into_iter()
        .map(|(input, r)| PlacedRegion {
            rect: r.rect(positions),
            input,
        })
        .collect();
    let max_on = |axis: Axis| {
        roads
            .iter()
            .filter(|r| r.axis == axis)
            .map(|r| r.position)
            .max()
            .unwrap_or(0)
    };
    Layout {
        width: max_on(Axis::NorthSouth),
        height: max_on(Axis::EastWest),
        roads,
        regions,
        unplaced,
        unresolved,
        unresolved_more: 0,
    }
}

/// A road on the grid.
#[derive(Debug, Clone)]
struct Node {
    name: String,
    printed: Vec<String>,
    axis: Axis,
}

/// "`to` lies at least `gap` grid steps after `from`" (east of, or north of).
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: usize,
    to: usize,
    gap: u32,
}

/// The ordering constraints between roads.
#[derive(Debug, Clone, Default)]
struct Graph {
    nodes: Vec<Node>,
    by_name: HashMap<(String, Axis), usize>,
    edges: Vec<Edge>,
    /// For each node, the indices of the edges leaving it, kept with `edges`.
    out: Vec<Vec<usize>>,
}

/// A state of the graph to roll back to.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    nodes: usize,
    edges: usize,
}

impl Graph {
    /// The node of a printed road name on an axis, created (with its relative-name
    /// constraint) on first use.
    fn road(&mut self, printed: &str, axis: Axis) -> usize {
        let name = canonical_road(printed);
        if let Some(&node) = self.by_name.get(&(name.clone(), axis)) {
            if !self.nodes[node].printed.iter().any(|p| p == printed) {
                self.nodes[node].printed.push(printed.to_owned());
            }
            return node;
        }
        let node = self.nodes.len();
        self.nodes.push(Node {
            name: name.clone(),
            printed: vec![printed.to_owned()],
            axis,
        });
        self.out.push(Vec::new());
        self.by_name.insert((name.clone(), axis), node);
        if let Some((anchor, side)) = relative_anchor(&name) {
            let anchor_axis = match side {
                Side::East | Side::West => Axis::NorthSouth,
                Side::South | Side::North => Axis::EastWest,
            };
            if anchor_axis == axis {
                let anchor = self.road(anchor, axis);
                match side {
                    Side::West | Side::South => self.add_edge(node, anchor, 1),
                    Side::East | Side::North => self.add_edge(anchor, node, 1),
                }
            }
        }
        node
    }

    fn add_edge(&mut self, from: usize, to: usize, gap: u32) {
        self.out[from].push(self.edges.len());
        self.edges.push(Edge { from, to, gap });
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            nodes: self.nodes.len(),
            edges: self.edges.len(),
        }
    }

    fn rollback(&mut self, to: Checkpoint) {
        for edge in self.edges.drain(to.edges..).rev() {
            if let Some(out) = self.out.get_mut(edge.from) {
                out.pop();
            }
        }
        self.out.truncate(to.nodes);
        for node in self.nodes.drain(to.nodes..) {
            self.by_name.remove(&(node.name, node.axis));
        }
    }

    /// Longest-path positions (0 for roads with nothing before them), or the roads of a cycle
    /// that makes the constraints impossible. Linear in roads plus orderings: a topological
    /// order (Kahn) visits every edge once.
    fn positions(&self) -> Result<Vec<u32>, Vec<usize>> {
        let count = self.nodes.len();
        let outgoing = &self.out;
        let mut incoming = vec![0usize; count];
        for edge in &self.edges {
            incoming[edge.to] += 1;
        }
        let mut ready: Vec<usize> = (0..count).filter(|&n| incoming[n] == 0).collect();
        let mut position = vec![0u32; count];
        let mut visited = 0;
        while let Some(node) = ready.pop() {
            visited += 1;
            for &edge in &outgoing[node] {
                let Edge { to, gap, .. } = self.edges[edge];
                position[to] = position[to].max(position[node] + gap);
                incoming[to] -= 1;
                if incoming[to] == 0 {
                    ready.push(to);
                }
            }
        }
        if visited == count {
            Ok(position)
        } else {
            Err(self.find_cycle(&incoming, outgoing))
        }
    }

    /// Whether `to` can be reached from `from` along the orderings: adding `to → from` would
    /// then close a cycle. A search from `from`, cheaper than recomputing every position.
    fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![from];
        while let Some(node) = stack.pop() {
            if node == to {
                return true;
            }
            if !seen.insert(node) {
                continue;
            }
            stack.extend(self.out[node].iter().map(|&e| self.edges[e].to));
        }
        false
    }

    /// A cycle among the nodes Kahn's order could not visit (`incoming` left above zero), in
    /// forward order.
    fn find_cycle(&self, incoming: &[usize], outgoing: &[Vec<usize>]) -> Vec<usize> {
        let Some(start) = (0..incoming.len()).find(|&n| incoming[n] > 0) else {
            return Vec::new();
        };
        // Every unvisited node has an unvisited predecessor; walking predecessors long enough
        // must enter a cycle.
        let mut predecessor = vec![None; incoming.len()];
        for (node, edges) in outgoing.iter().enumerate() {
            if incoming[node] == 0 {
                continue;
            }
            for &edge in edges {
                let to = self.edges[edge].to;
                if incoming[to] > 0 && predecessor[to].is_none() {
                    predecessor[to] = Some(node);
                }
            }
        }
        trace_cycle(&predecessor, start)
    }
}

/// The cycle reached by walking predecessors back from `start`, in forward order.
fn trace_cycle(reached_by: &[Option<usize>], start: usize) -> Vec<usize> {
    let mut node = start;
    for _ in 0..reached_by.len() {
        match reached_by[node] {
            Some(previous) => node = previous,
            None => return Vec::new(),
        }
    }
    let mut cycle = vec![node];
    let mut current = reached_by[node];
    while let Some(previous) = current {
        if previous == node {
            break;
        }
        cycle.push(previous);
        current = reached_by[previous];
        if cycle.len() > reached_by.len() {
            return Vec::new();
        }
    }
    cycle.reverse();
    cycle
}

#[cfg(test)]
mod tests;

/// The distinct land uses of the placed regions, in table order: one layer each.
pub fn land_uses(layout: &Layout) -> Vec<String> {
    let mut uses: Vec<String> = Vec::new();
    for region in &layout.regions {
        if !uses.contains(&region.input.land_use) {
            uses.push(region.input.land_use.clone());
        }
    }
    uses
}
