//! Keeping the window on the screen it opens on.
//!
//! The window opens at 1280×800 the first time and at the size the clerk left it afterwards
//! (eframe keeps it). On a 1366×768 laptop, on 1920×1080 at 150 % (1280×720 logical) or on a
//! 1024×600 netbook that is taller than the screen, and the status bar with 已选 and 合计 ends
//! below it. So once the monitor's size is known, a window larger than [`SHARE`] of it is
//! shrunk to that share and placed near the top, leaving room for the taskbar; a window that
//! fits is left alone.

/// The largest share of the monitor, in each direction, the window may take at start.
pub const SHARE: f32 = 0.9;

/// Where the top edge goes, as a share of the monitor's height: near the top, so the taskbar at
/// the bottom (Windows' default) keeps the space below.
const TOP: f32 = 0.025;

/// The title bar's height assumed when the reported one is smaller: X11 window managers
/// report the inner rectangle as the outer one (seen under openbox, whose 40 px frame was
/// missing), and Windows' title bar is 31–45 px at 100–150 %.
const MIN_TITLE_BAR: f32 = 40.0;

/// Sizes in logical points, width first.
pub type Size = (f32, f32);

/// Where the window goes: its inner size and its outer top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// The inner size (what the program draws in).
    pub inner: Size,
    /// The outer rectangle's top-left corner on the monitor.
    pub outer_position: (f32, f32),
}

/// Where a window of `inner` size goes on a `monitor`, or `None` when it fits within [`SHARE`]
/// of it in both directions. `decoration` is what the frame and title bar add to the inner size,
/// as reported (the height is taken as at least [`MIN_TITLE_BAR`]); `min_inner` is the smallest
/// inner size the window allows.
pub fn fit_to_monitor(
    inner: Size,
    decoration: Size,
    monitor: Size,
    min_inner: Size,
) -> Option<Placement> {
    if monitor.0 <= 0.0 || monitor.1 <= 0.0 {
        return None;
    }
    let decoration = (decoration.0.max(0.0), decoration.1.max(MIN_TITLE_BAR));
    let max_outer = (monitor.0 * SHARE, monitor.1 * SHARE);
    if inner.0 + decoration.0 <= max_outer.0 && inner.1 + decoration.1 <= max_outer.1 {
        return None;
    }
    let width = inner.0.min(max_outer.0 - decoration.0).max(min_inner.0);
    let height = inner.1.min(max_outer.1 - decoration.1).max(min_inner.1);
    let outer = (width + decoration.0, height + decoration.1);
    Some(Placement {
        inner: (width, height),
        outer_position: (
            ((monitor.0 - outer.0) / 2.0).max(0.0),
            (monitor.1 * TOP).min(monitor.1 - outer.1).max(0.0),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST_START: Size = (1280.0, 800.0);
    const MIN_INNER: Size = (720.0, 480.0);

    fn fitted(monitor: Size, decoration: Size) -> Option<Placement> {
        fit_to_monitor(FIRST_START, decoration, monitor, MIN_INNER)
    }

    #[test]
    fn a_laptop_screen_gets_a_window_that_fits_with_room_for_the_taskbar() {
        for monitor in [(1366.0, 768.0), (1280.0, 720.0), (1024.0, 600.0)] {
            // Reported decorations: none (X11), Windows' frame and title bar.
            for decoration in [(0.0, 0.0), (16.0, 39.0)] {
                let place = fitted(monitor, decoration).expect("the first start is too large");
                let outer_width = place.inner.0 + decoration.0;
                let outer_height = place.inner.1 + decoration.1.max(MIN_TITLE_BAR);
                let (x, y) = place.outer_position;
                assert!(outer_height <= monitor.1 * SHARE, "{monitor:?}: {place:?}");
                assert!(outer_width <= monitor.0 * SHARE, "{monitor:?}: {place:?}");
                // A 40 px taskbar at the bottom stays clear of the window.
                assert!(
                    y + outer_height <= monitor.1 - 40.0,
                    "{monitor:?}: {place:?}"
                );
                assert!(
                    x >= 0.0 && x + outer_width <= monitor.0,
                    "{monitor:?}: {place:?}"
                );
            }
        }
    }

    #[test]
    fn a_window_that_fits_is_left_where_the_clerk_put_it() {
        assert_eq!(fitted((1920.0, 1080.0), (0.0, 0.0)), None);
        assert_eq!(fitted((2560.0, 1440.0), (16.0, 39.0)), None);
    }

    #[test]
    fn the_window_never_shrinks_below_its_minimum_size() {
        let place = fitted((800.0, 500.0), (0.0, 0.0)).expect("too large");
        assert_eq!(place.inner, MIN_INNER);
        assert_eq!(
            place.outer_position.1, 0.0,
            "at the top when nothing else fits"
        );
    }

    #[test]
    fn an_unknown_monitor_size_changes_nothing() {
        assert_eq!(fitted((0.0, 0.0), (0.0, 0.0)), None);
    }
}
