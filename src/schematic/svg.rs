//! The schematic as SVG, for reports: the same layout as the window, one `<rect>` per region
//! (`id="region-CODE"`), roads as labelled lines, the price legend, and the note that it is a
//! schematic. Chinese text stays text, so it can be searched and copied.

use super::{Axis, Layout, PlacedRegion, price_color, price_range};
use std::fmt::Write as _;

/// Pixels per grid column.
const CELL_WIDTH: f64 = 72.0;
/// Pixels per grid row.
const CELL_HEIGHT: f64 = 34.0;
/// Room for road labels on the left and bottom.
const MARGIN: f64 = 96.0;
/// Room for the legend below the drawing.
const LEGEND_HEIGHT: f64 = 90.0;

/// The note every rendering carries: positions are ranks, not distances.
pub const NOT_TO_SCALE: &str = "示意图，非实测比例";

/// Renders `layout` as a standalone SVG document. `uses` limits the regions drawn to those land
/// uses (all when empty); roads are always drawn, since one grid serves every use.
pub fn render(layout: &Layout, uses: &[String], title: &str) -> String {
    let regions: Vec<&PlacedRegion> = layout
        .regions
        .iter()
        .filter(|r| uses.is_empty() || uses.contains(&r.input.land_use))
        .collect();
    let width = MARGIN * 2.0 + f64::from(layout.width) * CELL_WIDTH;
    let drawing_height = MARGIN * 2.0 + f64::from(layout.height) * CELL_HEIGHT;
    let height = drawing_height + LEGEND_HEIGHT;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Noto Sans SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif">"#
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let range = price_range(layout);
    write_regions(&mut svg, layout, &regions, range);
    write_roads(&mut svg, layout);
    write_legend(&mut svg, drawing_height, range, title);
    svg.push_str("</svg>\n");
    svg
}

fn x_of(grid_x: u32) -> f64 {
    MARGIN + f64::from(grid_x) * CELL_WIDTH
}

fn y_of(layout: &Layout, grid_y: u32) -> f64 {
    MARGIN + f64::from(layout.height.saturating_sub(grid_y)) * CELL_HEIGHT
}

fn write_regions(
    svg: &mut String,
    layout: &Layout,
    regions: &[&PlacedRegion],
    range: Option<(f64, f64)>,
) {
    let mut uses: Vec<&str> = Vec::new();
    for region in regions {
        if !uses.contains(&region.input.land_use.as_str()) {
            uses.push(&region.input.land_use);
        }
    }
    for land_use in uses {
        let _ = writeln!(svg, r#"<g class="layer" data-use="{}">"#, escape(land_use));
        for region in regions.iter().filter(|r| r.input.land_use == land_use) {
            write_region(svg, layout, region, range);
        }
        svg.push_str("</g>\n");
    }
}

fn write_region(
    svg: &mut String,
    layout: &Layout,
    region: &PlacedRegion,
    range: Option<(f64, f64)>,
) {
    let rect = region.rect;
    let (x, y) = (x_of(rect.west), y_of(layout, rect.north));
    let w = f64::from(rect.east - rect.west) * CELL_WIDTH;
    let h = f64::from(rect.north - rect.south) * CELL_HEIGHT;
    let [r, g, b] = match (region.input.price, range) {
        (Some(price), Some(range)) => price_color(price, range),
        _ => [200, 200, 200],
    };
    let input = &region.input;
    let price = input
        .price
        .map_or_else(|| "--".to_owned(), |p| format!("{p} 元/m²"));
    let _ = writeln!(
        svg,
        r##"<rect id="region-{}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="rgb({r},{g},{b})" fill-opacity="0.75" stroke="#333" stroke-width="1"><title>{} {} {} 地面单价 {}</title></rect>"##,
        escape(&input.code),
        escape(&input.label),
        escape(&input.code),
        escape(&input.land_use),
        escape(&price)
    );
    let _ = writeln!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" dominant-baseline="middle">{}</text>"#,
        x + w / 2.0,
        y + h / 2.0,
        escape(&input.label)
    );
}

fn write_roads(svg: &mut String, layout: &Layout) {
    svg.push_str(r##"<g class="roads" stroke="#777" stroke-width="1.5">"##);
    svg.push('\n');
    for road in &layout.roads {
        let (x1, y1, x2, y2, lx, ly, anchor, rotate) = match road.axis {
            Axis::NorthSouth => {
                let x = x_of(road.position);
                let (top, bottom) = (y_of(layout, road.extent.1), y_of(layout, road.extent.0));
                (
                    x,
                    top,
                    x,
                    bottom,
                    x,
                    top - 6.0,
                    "start",
                    format!(" transform=\"rotate(-60 {x:.1} {:.1})\"", top - 6.0),
                )
            }
            Axis::EastWest => {
                let y = y_of(layout, road.position);
                let (left, right) = (x_of(road.extent.0), x_of(road.extent.1));
                (left, y, right, y, left - 4.0, y, "end", String::new())
            }
        };
        let _ = writeln!(
            svg,
            r#"<line class="road" data-road="{}" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"/>"#,
            escape(&road.name)
        );
        let _ = writeln!(
            svg,
            r##"<text x="{lx:.1}" y="{ly:.1}" font-size="11" fill="#444" stroke="none" text-anchor="{anchor}" dominant-baseline="middle"{rotate}>{}</text>"##,
            escape(&road.printed_names.join("/"))
        );
    }
    svg.push_str("</g>\n");
}

fn write_legend(svg: &mut String, top: f64, range: Option<(f64, f64)>, title: &str) {
    let y = top + 10.0;
    let _ = writeln!(
        svg,
        r#"<g class="legend"><text x="{MARGIN}" y="{y:.1}" font-size="13">{} — {NOT_TO_SCALE}</text>"#,
        escape(title)
    );
    if let Some((low, high)) = range {
        let steps = 10;
        for step in 0..steps {
            let price = low + (high - low) * f64::from(step) / f64::from(steps - 1);
            let [r, g, b] = price_color(price, (low, high));
            let x = MARGIN + f64::from(step) * 36.0;
            let _ = writeln!(
                svg,
                r#"<rect x="{x:.1}" y="{:.1}" width="36" height="14" fill="rgb({r},{g},{b})" fill-opacity="0.75"/>"#,
                y + 14.0
            );
        }
        let _ = writeln!(
            svg,
            r#"<text x="{MARGIN}" y="{:.1}" font-size="11">{low:.0}</text><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end">{high:.0} 元/m²（地面单价）</text>"#,
            y + 44.0,
            MARGIN + 360.0,
            y + 44.0
        );
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
