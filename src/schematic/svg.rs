//! A map as SVG, for reports and printing: the same scene as the window (regions, every 序号
//! inside or with its leader, road names in the margins), one `<rect>` per region
//! (`id="region-CODE"`), the map's price legend with 数字为序号, and the note that it is a
//! schematic. Chinese text stays text, so it can be searched and copied.

use super::Layout;
use super::map::{MapView, UseScale, map_grid, outline_for};
use super::scene::{self, Label, REGION_FONT, ROAD_FONT, Scene};
use super::view::{ScreenRect, dark_text_on, legend_ticks};
use std::fmt::Write as _;

/// Points per grid column and row at least, so a printed map is roomy.
const CELL: [f32; 2] = [64.0, 34.0];
/// Room around everything drawn.
const PAD: f32 = 16.0;
/// Height of the legend below the drawing.
const LEGEND_HEIGHT: f32 = 74.0;
/// Width of one use's colour bar in the legend.
const BAR_WIDTH: f32 = 220.0;
/// The page background.
const PAPER: [u8; 3] = [255, 255, 255];

/// The note every rendering carries: positions are ranks, not distances.
pub const NOT_TO_SCALE: &str = "示意图，非实测比例";
/// The legend's word on what the numbers are.
pub const NUMBERS_ARE_SERIALS: &str = "数字为序号";

/// Renders map `view` of `layout` as a standalone SVG document.
pub fn render(layout: &Layout, view: &MapView, title: &str) -> String {
    let grid = map_grid(layout, view);
    let (left, right, top, bottom) = scene::margins(&grid);
    let [min_w, min_h] = scene::Warp::of(&grid).min_scale;
    let area = ScreenRect {
        left: 0.0,
        top: 0.0,
        right: left + right + grid.width.max(1) as f32 * CELL[0].max(min_w),
        bottom: top + bottom + grid.height.max(1) as f32 * CELL[1].max(min_h),
    };
    let scene = scene::scene(layout, view, scene::fit(layout, view, area));
    let drawn = extent(&scene, area);
    let (x0, y0) = (drawn.left - PAD, drawn.top - PAD);
    let width = drawn.width() + 2.0 * PAD;
    let legend_top = drawn.height() + 2.0 * PAD;
    let height = legend_top + LEGEND_HEIGHT;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="{x0:.1} {y0:.1} {width:.0} {height:.0}" font-family="Noto Sans SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif">"#
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(
        svg,
        r#"<rect x="{x0:.1}" y="{y0:.1}" width="100%" height="100%" fill="white"/>"#
    );
    write_regions(&mut svg, &scene);
    write_roads(&mut svg, &scene);
    write_labels(&mut svg, &scene);
    write_legend(&mut svg, &scene.scales, x0 + PAD, y0 + legend_top, title);
    svg.push_str("</svg>\n");
    svg
}

/// Everything the scene draws, and the area it was fitted to.
fn extent(scene: &Scene, area: ScreenRect) -> ScreenRect {
    let rects = scene
        .regions
        .iter()
        .map(|r| r.rect)
        .chain(scene.region_labels.iter().map(|l| l.rect))
        .chain(scene.road_labels.iter().map(|l| l.rect));
    rects.fold(area, |a, r| ScreenRect {
        left: a.left.min(r.left),
        top: a.top.min(r.top),
        right: a.right.max(r.right),
        bottom: a.bottom.max(r.bottom),
    })
}

fn rgb(color: [u8; 3]) -> String {
    format!("rgb({},{},{})", color[0], color[1], color[2])
}

fn write_regions(svg: &mut String, scene: &Scene) {
    let outline = rgb(outline_for(PAPER));
    let mut uses: Vec<&str> = Vec::new();
    for region in &scene.regions {
        if !uses.contains(&region.land_use.as_str()) {
            uses.push(&region.land_use);
        }
    }
    // In painting order (larger first), each region tagged with its use.
    svg.push_str("<g class=\"regions\">\n");
    for region in &scene.regions {
        let r = region.rect;
        let _ = writeln!(
            svg,
            r#"<rect id="region-{}" data-use="{}" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="{outline}" stroke-width="1"><title>{} {} {}</title></rect>"#,
            escape(&region.code),
            escape(&region.land_use),
            r.left,
            r.top,
            r.width(),
            r.height(),
            rgb(region.fill),
            escape(&region.number),
            escape(&region.code),
            escape(&region.land_use),
        );
    }
    svg.push_str("</g>\n");
}

fn write_roads(svg: &mut String, scene: &Scene) {
    svg.push_str(r##"<g class="roads" stroke="#666" stroke-width="1.5">"##);
    svg.push('\n');
    for road in &scene.roads {
        let _ = writeln!(
            svg,
            r#"<line class="road" data-road="{}" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            escape(&road.name),
            road.from[0],
            road.from[1],
            road.to[0],
            road.to[1]
        );
    }
    svg.push_str("</g>\n");
}

fn write_labels(svg: &mut String, scene: &Scene) {
    svg.push_str("<g class=\"road-names\">\n");
    for label in &scene.road_labels {
        write_label(svg, label, ROAD_FONT, "#333");
    }
    svg.push_str("</g>\n<g class=\"region-numbers\">\n");
    for label in &scene.region_labels {
        let fill = label
            .row
            .and_then(|row| scene.region_of_row(row))
            .map_or(PAPER, |r| r.fill);
        let color = match label.leader {
            None if !dark_text_on(fill) => "#fff",
            _ => "#000",
        };
        if let Some([_, to]) = label.leader {
            let _ = writeln!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="{color}"/>"#,
                to[0], to[1]
            );
        }
        write_label(svg, label, REGION_FONT, color);
    }
    svg.push_str("</g>\n");
}

fn write_label(svg: &mut String, label: &Label, font: f32, color: &str) {
    if let Some([from, to]) = label.leader {
        let _ = writeln!(
            svg,
            r#"<line class="leader" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{color}" stroke-width="0.8"/>"#,
            from[0], from[1], to[0], to[1]
        );
    }
    let [x, y] = label.rect.center();
    let _ = writeln!(
        svg,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{font}" fill="{color}" text-anchor="middle" dominant-baseline="central">{}</text>"#,
        escape(&label.text)
    );
}

fn write_legend(svg: &mut String, scales: &[UseScale], left: f32, top: f32, title: &str) {
    let _ = writeln!(
        svg,
        r#"<g class="legend"><text x="{left:.1}" y="{:.1}" font-size="13">{} — {NOT_TO_SCALE}；{NUMBERS_ARE_SERIALS}</text>"#,
        top + 12.0,
        escape(title)
    );
    for (index, scale) in scales.iter().enumerate() {
        let x = left + index as f32 * (BAR_WIDTH + 40.0);
        let y = top + 24.0;
        let _ = writeln!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}" font-size="11">{} 地面单价（元/m²）</text>"#,
            y + 10.0,
            escape(&scale.land_use)
        );
        let steps = 10;
        for step in 0..steps {
            let t = f64::from(step) / f64::from(steps - 1);
            let _ = writeln!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="12" fill="{}"/>"#,
                x + step as f32 * BAR_WIDTH / steps as f32,
                y + 16.0,
                BAR_WIDTH / steps as f32,
                rgb(scale.ramp.at(t))
            );
        }
        let ticks = scale.range.map(|range| legend_ticks(range, 2));
        if let Some((Some(&low), Some(&high))) = ticks.as_ref().map(|t| (t.first(), t.last())) {
            let _ = writeln!(
                svg,
                r#"<text x="{x:.1}" y="{:.1}" font-size="11">{low:.0}</text><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end">{high:.0}</text>"#,
                y + 42.0,
                x + BAR_WIDTH,
                y + 42.0
            );
        }
    }
    svg.push_str("</g>\n");
}

/// Escapes text for SVG element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}
