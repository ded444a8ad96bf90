//! The window icon, drawn in code so no image decoder is needed: a red gazette cover (the colour
//! of the printed masthead) with a white title band and grey text lines.

use eframe::egui::IconData;

/// Side of the square icon in pixels.
const SIZE: u32 = 64;

/// The window icon as RGBA pixels.
pub fn icon() -> IconData {
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            rgba.extend_from_slice(&pixel(x, y));
        }
    }
    IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}

/// The colour of one pixel: transparent margin, red cover, white page with lines.
fn pixel(x: u32, y: u32) -> [u8; 4] {
    const CLEAR: [u8; 4] = [0, 0, 0, 0];
    const RED: [u8; 4] = [192, 32, 38, 255];
    const PAPER: [u8; 4] = [250, 248, 240, 255];
    const INK: [u8; 4] = [120, 120, 120, 255];
    let inside = |x0, y0, x1, y1| x >= x0 && x < x1 && y >= y0 && y < y1;
    if !inside(6, 2, 58, 62) {
        return CLEAR;
    }
    if !inside(12, 20, 52, 56) {
        return RED;
    }
    let line_row = (y - 20) % 7;
    if inside(16, 24, 48, 54) && (1..3).contains(&line_row) {
        INK
    } else {
        PAPER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_is_square_rgba_with_a_transparent_margin() {
        let icon = icon();
        assert_eq!(icon.rgba.len(), (icon.width * icon.height * 4) as usize);
        assert_eq!(&icon.rgba[0..4], &[0, 0, 0, 0]);
    }
}
