//! Geometry of the schematic on screen, kept apart from egui so it can be tested: the transform
//! between grid units and screen points (fit, pan, zoom about the pointer), whether a label has
//! room, a greedy placer that keeps labels from overlapping, and which text colour reads on a
//! region's fill.
//!
//! Screen coordinates grow right and down (as in egui); grid y grows north, so the transform
//! flips it.

/// An axis-aligned rectangle in screen points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenRect {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl ScreenRect {
    /// The rectangle of `size` centred on `center`.
    pub fn centered(center: [f32; 2], size: [f32; 2]) -> Self {
        ScreenRect {
            left: center[0] - size[0] / 2.0,
            top: center[1] - size[1] / 2.0,
            right: center[0] + size[0] / 2.0,
            bottom: center[1] + size[1] / 2.0,
        }
    }

    /// Width in points.
    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    /// Height in points.
    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }

    /// The centre point.
    pub fn center(&self) -> [f32; 2] {
        [
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        ]
    }

    /// Whether the interiors intersect (touching edges do not count), so labels may abut.
    pub fn overlaps(&self, other: &ScreenRect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether `other` lies wholly inside.
    pub fn contains_rect(&self, other: &ScreenRect) -> bool {
        self.left <= other.left
            && other.right <= self.right
            && self.top <= other.top
            && other.bottom <= self.bottom
    }
}

/// Smallest size of one grid step on screen, in points: zooming out further shows nothing new.
pub const MIN_CELL: f32 = 4.0;
/// Largest size of one grid step on screen, in points: beyond it a single region fills the view.
pub const MAX_CELL: f32 = 2000.0;
/// A grid cell is never drawn more than this many times wider than tall (or taller than wide),
/// so a tall, narrow grid does not turn into slivers. Generous, since positions are ranks: the
/// 工业用地 map (5 × 13 steps) fills a 1024×600 window only at about 8 to 1.
pub const MAX_ASPECT: f32 = 8.0;

/// Maps grid units to screen points: `x = left + gx · cell_w`, `y = bottom − gy · cell_h`.
/// Positions on the grid are ranks, so the two axes may scale differently.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Screen x of grid x = 0.
    pub left: f32,
    /// Screen y of grid y = 0 (the southernmost road).
    pub bottom: f32,
    /// Points per grid column.
    pub cell_w: f32,
    /// Points per grid row.
    pub cell_h: f32,
}

impl Transform {
    /// The transform that shows a `width` × `height` grid whole inside `area`, leaving
    /// `margin` points on every side for road names, centred, with cells no more than
    /// [`MAX_ASPECT`] times as wide as tall or the reverse.
    pub fn fit(width: u32, height: u32, area: ScreenRect, margin: f32) -> Self {
        let (columns, rows) = (width.max(1) as f32, height.max(1) as f32);
        let room_w = (area.width() - 2.0 * margin).max(1.0);
        let room_h = (area.height() - 2.0 * margin).max(1.0);
        let mut cell_w = room_w / columns;
        let mut cell_h = room_h / rows;
        cell_w = cell_w.min(cell_h * MAX_ASPECT).clamp(MIN_CELL, MAX_CELL);
        cell_h = cell_h.min(cell_w * MAX_ASPECT).clamp(MIN_CELL, MAX_CELL);
        let [cx, cy] = area.center();
        Transform {
            left: cx - cell_w * columns / 2.0,
            bottom: cy + cell_h * rows / 2.0,
            cell_w,
            cell_h,
        }
    }

    /// Screen point of a grid point.
    pub fn to_screen(&self, gx: f32, gy: f32) -> [f32; 2] {
        [self.left + gx * self.cell_w, self.bottom - gy * self.cell_h]
    }

    /// Grid point under a screen point (x east, y north), for hit tests.
    pub fn to_grid(&self, point: [f32; 2]) -> (f64, f64) {
        (
            f64::from((point[0] - self.left) / self.cell_w),
            f64::from((self.bottom - point[1]) / self.cell_h),
        )
    }

    /// Screen rectangle of a region's grid rectangle.
    pub fn rect(&self, rect: &super::GridRect) -> ScreenRect {
        let [left, bottom] = self.to_screen(rect.west as f32, rect.south as f32);
        let [right, top] = self.to_screen(rect.east as f32, rect.north as f32);
        ScreenRect {
            left,
            top,
            right,
            bottom,
        }
    }

    /// Moved by `delta` points (a drag).
    pub fn panned(self, delta: [f32; 2]) -> Self {
        Transform {
            left: self.left + delta[0],
            bottom: self.bottom + delta[1],
            ..self
        }
    }

    /// Zoomed by `factor` about the screen point `about`, which stays where it is (the pointer
    /// when the wheel turns). Cell sizes stay within [`MIN_CELL`]..[`MAX_CELL`].
    pub fn zoomed(self, factor: f32, about: [f32; 2]) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let limit = |cell: f32| (cell * factor).clamp(MIN_CELL, MAX_CELL) / cell;
        let (w, h) = (limit(self.cell_w), limit(self.cell_h));
        // Whichever axis reaches its limit first stops the zoom, so neither leaves the range.
        let factor = if factor >= 1.0 { w.min(h) } else { w.max(h) };
        Transform {
            left: about[0] - (about[0] - self.left) * factor,
            bottom: about[1] - (about[1] - self.bottom) * factor,
            cell_w: self.cell_w * factor,
            cell_h: self.cell_h * factor,
        }
    }
}

/// Whether a label of `size` fits inside `room` with `padding` points to spare on every side.
pub fn label_fits(size: [f32; 2], room: &ScreenRect, padding: f32) -> bool {
    size[0] + 2.0 * padding <= room.width() && size[1] + 2.0 * padding <= room.height()
}

/// Places labels first come, first served: a label is shown only if it overlaps none shown
/// before it, so names never print over each other; zooming in makes room for more.
#[derive(Debug, Default)]
pub struct LabelPlacer {
    taken: Vec<ScreenRect>,
}

impl LabelPlacer {
    /// An empty placer.
    pub fn new() -> Self {
        LabelPlacer::default()
    }

    /// Reserves `rect` if it is free; true when the label may be drawn there.
    pub fn place(&mut self, rect: ScreenRect) -> bool {
        if self.taken.iter().any(|t| t.overlaps(&rect)) {
            return false;
        }
        self.taken.push(rect);
        true
    }
}

/// Whether text on a fill of `rgb` should be dark (true) or light (false), by the fill's
/// relative luminance, so region numbers read on the pale and the dark end of the scale alike.
pub fn dark_text_on(rgb: [u8; 3]) -> bool {
    // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): equal at L ≈ 0.179.
    super::map::luminance(rgb) > 0.179
}

/// Evenly spaced round-ish prices for the legend's ticks, from `low` to `high` inclusive.
pub fn legend_ticks(range: (f64, f64), count: usize) -> Vec<f64> {
    let (low, high) = range;
    if count < 2 || high <= low {
        return vec![low];
    }
    (0..count)
        .map(|i| {
            let t = i as f64 / (count - 1) as f64;
            let value = low + (high - low) * t;
            if i == 0 || i + 1 == count {
                value
            } else {
                (value / 100.0).round() * 100.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schematic::GridRect;

    fn area(width: f32, height: f32) -> ScreenRect {
        ScreenRect {
            left: 0.0,
            top: 0.0,
            right: width,
            bottom: height,
        }
    }

    #[test]
    fn fit_shows_the_whole_grid_inside_the_margins_with_north_up() {
        let t = Transform::fit(12, 25, area(800.0, 600.0), 40.0);
        let [x0, y0] = t.to_screen(0.0, 0.0);
        let [x1, y1] = t.to_screen(12.0, 25.0);
        assert!(x0 >= 40.0 - 0.01 && x1 <= 760.0 + 0.01, "{x0} {x1}");
        assert!(y1 >= 40.0 - 0.01 && y0 <= 560.0 + 0.01, "{y0} {y1}");
        assert!(y1 < y0, "north is up");
        assert!(t.cell_w <= t.cell_h * MAX_ASPECT + 0.01);
    }

    #[test]
    fn screen_and_grid_round_trip() {
        let t = Transform::fit(12, 25, area(1000.0, 700.0), 50.0);
        let (gx, gy) = t.to_grid(t.to_screen(3.5, 7.25));
        assert!((gx - 3.5).abs() < 1e-3 && (gy - 7.25).abs() < 1e-3);
        let rect = t.rect(&GridRect {
            west: 1,
            east: 3,
            south: 2,
            north: 5,
        });
        assert!(rect.left < rect.right && rect.top < rect.bottom);
        assert!((rect.width() - 2.0 * t.cell_w).abs() < 1e-3);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer_and_respects_limits() {
        let t = Transform::fit(12, 25, area(800.0, 600.0), 40.0);
        let about = [300.0, 200.0];
        let before = t.to_grid(about);
        let zoomed = t.zoomed(2.0, about);
        let after = zoomed.to_grid(about);
        assert!((before.0 - after.0).abs() < 1e-3 && (before.1 - after.1).abs() < 1e-3);
        assert!((zoomed.cell_w - 2.0 * t.cell_w).abs() < 1e-3);
        let far_out = t.zoomed(1e-6, about);
        assert!(far_out.cell_w >= MIN_CELL && far_out.cell_h >= MIN_CELL);
        assert_eq!(t.zoomed(f32::NAN, about), t);
    }

    #[test]
    fn pan_moves_everything_by_the_drag() {
        let t = Transform::fit(4, 4, area(400.0, 400.0), 0.0);
        let moved = t.panned([10.0, -5.0]);
        let (a, b) = (t.to_screen(1.0, 1.0), moved.to_screen(1.0, 1.0));
        assert_eq!([b[0] - a[0], b[1] - a[1]], [10.0, -5.0]);
    }

    #[test]
    fn labels_fit_only_with_room_and_never_overlap() {
        let room = ScreenRect::centered([50.0, 50.0], [40.0, 20.0]);
        assert!(label_fits([30.0, 14.0], &room, 2.0));
        assert!(!label_fits([38.0, 14.0], &room, 2.0));
        let mut placer = LabelPlacer::new();
        assert!(placer.place(ScreenRect::centered([0.0, 0.0], [20.0, 10.0])));
        assert!(!placer.place(ScreenRect::centered([5.0, 2.0], [20.0, 10.0])));
        assert!(
            placer.place(ScreenRect::centered([20.0, 0.0], [20.0, 10.0])),
            "abutting"
        );
    }

    #[test]
    fn text_is_dark_on_pale_fills_and_light_on_dark_ones() {
        assert!(dark_text_on([255, 255, 204]));
        assert!(dark_text_on([253, 141, 60]));
        assert!(!dark_text_on([128, 0, 38]));
    }

    #[test]
    fn legend_ticks_span_the_range_with_round_inner_values() {
        let ticks = legend_ticks((396.0, 8452.0), 5);
        assert_eq!(ticks.first(), Some(&396.0));
        assert_eq!(ticks.last(), Some(&8452.0));
        assert_eq!(ticks[2], 4400.0);
        assert_eq!(legend_ticks((5.0, 5.0), 5), vec![5.0]);
    }
}
