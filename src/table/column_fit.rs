//! Column widths that use the window: every column as wide as its header and cells need, long
//! free-text columns (标定区域四至, 土地位置) held to a cap when room is short and given their
//! whole width when there is room, and what is left spread over all columns so the table fills
//! the width it has instead of ending beside empty space.
//!
//! The view measures text (it alone knows fonts) and hands the measurements here; the widths a
//! clerk drags are remembered in [`super::Layout::widths`] and then win over the fit.

/// What one column needs, measured in points by the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnNeed {
    /// The narrowest the header allows (title on two lines, unit, sort mark, filter button).
    pub minimum: f32,
    /// The width that shows the header on one line and every measured cell whole.
    pub natural: f32,
    /// Long free text, cut first (the whole text shows on hover) when room is short.
    pub long_text: bool,
}

/// The widths of the columns for a table `available` points wide. `long_text_cap` is the most a
/// long-text column takes while other columns still lack room; it is never taken below half of
/// that (or its minimum) to fit, the table scrolls sideways instead.
pub fn fit_widths(needs: &[ColumnNeed], available: f32, long_text_cap: f32) -> Vec<f32> {
    let mut widths: Vec<f32> = needs
        .iter()
        .map(|need| {
            let wanted = if need.long_text {
                need.natural.min(long_text_cap)
            } else {
                need.natural
            };
            wanted.max(need.minimum)
        })
        .collect();
    let total: f32 = widths.iter().sum();
    if total < available {
        // First the long texts grow toward their whole width …
        let short_of: Vec<f32> = needs
            .iter()
            .zip(&widths)
            .map(|(need, width)| (need.natural - width).max(0.0))
            .collect();
        grow(&mut widths, &short_of, available - total, Growth::UpToShare);
        // … then whatever is left goes to every column in proportion to its width.
        let left = available - widths.iter().sum::<f32>();
        if left > 0.5 {
            let shares = widths.clone();
            grow(&mut widths, &shares, left, Growth::All);
        }
    } else if total > available {
        let floor = |need: &ColumnNeed| {
            if need.long_text {
                need.minimum.max(long_text_cap / 2.0)
            } else {
                f32::INFINITY
            }
        };
        let spare: Vec<f32> = needs
            .iter()
            .zip(&widths)
            .map(|(need, width)| (width - floor(need)).max(0.0))
            .collect();
        let spare_total: f32 = spare.iter().sum();
        if spare_total > 0.0 {
            let taken = ((total - available) / spare_total).min(1.0);
            for (width, spare) in widths.iter_mut().zip(&spare) {
                *width -= spare * taken;
            }
        }
    }
    widths
}

/// Most of the width the frozen columns may take: the rest must leave room to scroll through.
const MOST_FROZEN_SHARE: f32 = 0.45;

/// Most of the width the clerk's own frozen columns may take.
const MOST_CHOSEN_FROZEN_SHARE: f32 = 0.75;

/// How many leading columns stay in place while the others scroll sideways, so a row keeps its
/// name (序号, 用途, 标定区域编号) beside the prices at the right. None when every column fits
/// (nothing scrolls). `chosen` is the clerk's count ([`super::Layout::frozen_shown`]), kept
/// while those columns leave a quarter of the width to scroll through. Otherwise the program
/// chooses the columns up to and including the first identifier (code) column, as frozen panes
/// in a spreadsheet are leading columns, and fewer (down to the first column, then none) when
/// they would take more than [`MOST_FROZEN_SHARE`] of the width.
pub fn frozen_count(
    identifies: &[bool],
    widths: &[f32],
    available: f32,
    chosen: Option<usize>,
) -> usize {
    let total: f32 = widths.iter().sum();
    if total <= available || widths.len() < 2 {
        return 0;
    }
    let fits = |count: usize, share: f32| widths[..count].iter().sum::<f32>() <= available * share;
    if let Some(chosen) = chosen {
        let chosen = chosen.min(widths.len() - 1);
        return (0..=chosen)
            .rev()
            .find(|&count| fits(count, MOST_CHOSEN_FROZEN_SHARE))
            .unwrap_or(0);
    }
    let through_code = identifies
        .iter()
        .position(|&is_code| is_code)
        .map_or(1, |at| at + 1)
        .min(widths.len() - 1);
    [through_code, 1]
        .into_iter()
        .find(|&count| fits(count, MOST_FROZEN_SHARE))
        .unwrap_or(0)
}

/// Whether a column may grow beyond its share of the extra room.
#[derive(Clone, Copy)]
enum Growth {
    /// At most its share (what it lacks of its natural width).
    UpToShare,
    /// All of `extra` is given out.
    All,
}

/// Adds `extra` to `widths`, each in proportion to its `share`.
fn grow(widths: &mut [f32], shares: &[f32], extra: f32, growth: Growth) {
    let share_total: f32 = shares.iter().sum();
    if share_total <= 0.0 {
        return;
    }
    let part = match growth {
        Growth::UpToShare => (extra / share_total).min(1.0),
        Growth::All => extra / share_total,
    };
    for (width, share) in widths.iter_mut().zip(shares) {
        *width += share * part;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(minimum: f32, natural: f32, long_text: bool) -> ColumnNeed {
        ColumnNeed {
            minimum,
            natural,
            long_text,
        }
    }

    /// 序号, 编号, 四至 (long), 名称, 位置 (long), 面积.
    fn land_price_needs() -> Vec<ColumnNeed> {
        vec![
            need(60.0, 60.0, false),
            need(90.0, 110.0, false),
            need(90.0, 520.0, true),
            need(90.0, 190.0, false),
            need(90.0, 300.0, true),
            need(80.0, 100.0, false),
        ]
    }

    fn sum(widths: &[f32]) -> f32 {
        widths.iter().sum()
    }

    #[test]
    fn with_room_to_spare_every_text_is_whole_and_the_width_is_filled() {
        let needs = land_price_needs();
        let widths = fit_widths(&needs, 1800.0, 280.0);
        assert!((sum(&widths) - 1800.0).abs() < 0.5, "{widths:?}");
        for (need, width) in needs.iter().zip(&widths) {
            assert!(*width >= need.natural - 0.01, "{need:?} got {width}");
        }
    }

    #[test]
    fn long_texts_grow_first_when_room_is_short_of_everything() {
        let needs = land_price_needs();
        // Short columns natural: 60+110+190+100 = 460; long capped at 280 each: 1020 in all.
        let widths = fit_widths(&needs, 1200.0, 280.0);
        assert!((sum(&widths) - 1200.0).abs() < 0.5, "{widths:?}");
        assert_eq!(widths[0], 60.0, "short columns keep their natural width");
        assert_eq!(widths[3], 190.0);
        assert!(widths[2] > 280.0 && widths[4] > 280.0, "{widths:?}");
        assert!(widths[2] < 520.0 && widths[4] < 300.0, "{widths:?}");
    }

    #[test]
    fn when_too_narrow_only_long_texts_give_way_down_to_half_the_cap() {
        let needs = land_price_needs();
        let widths = fit_widths(&needs, 900.0, 280.0);
        assert!((sum(&widths) - 900.0).abs() < 0.5, "{widths:?}");
        assert_eq!(widths[1], 110.0);
        assert!(widths[2] < 280.0 && widths[2] >= 140.0, "{widths:?}");
        let widths = fit_widths(&needs, 300.0, 280.0);
        assert_eq!(widths[2], 140.0, "no narrower: the table scrolls sideways");
        assert_eq!(widths[0], 60.0);
    }

    #[test]
    fn leading_columns_through_the_code_freeze_only_when_the_table_scrolls() {
        let identifies = [false, false, true, false, false];
        let widths = [60.0, 90.0, 120.0, 300.0, 300.0];
        assert_eq!(
            frozen_count(&identifies, &widths, 2000.0, None),
            0,
            "all fit"
        );
        assert_eq!(
            frozen_count(&identifies, &widths, 700.0, None),
            3,
            "序号 用途 编号"
        );
        assert_eq!(
            frozen_count(&identifies, &widths, 400.0, None),
            1,
            "only 序号"
        );
        assert_eq!(
            frozen_count(&identifies, &widths, 100.0, None),
            0,
            "not even 序号"
        );
        assert_eq!(
            frozen_count(&[false; 5], &widths, 700.0, None),
            1,
            "no code column: the first"
        );
        assert_eq!(
            frozen_count(&[true], &[500.0], 100.0, None),
            0,
            "one column"
        );
    }

    #[test]
    fn the_clerks_frozen_columns_stay_while_they_leave_room_to_scroll() {
        let identifies = [false, false, true, false, false];
        let widths = [60.0, 90.0, 120.0, 300.0, 300.0];
        let frozen = |available, chosen| frozen_count(&identifies, &widths, available, chosen);
        assert_eq!(
            frozen(400.0, Some(3)),
            3,
            "序号 to 编号, where the program froze 序号"
        );
        assert_eq!(frozen(700.0, Some(0)), 0, "none");
        assert_eq!(
            frozen(700.0, Some(4)),
            3,
            "four would leave too little room: as many as do"
        );
        assert_eq!(frozen(2000.0, Some(3)), 0, "nothing scrolls");
        assert_eq!(frozen(2000.0, Some(9)), 0, "nothing scrolls");
        assert_eq!(frozen(800.0, Some(9)), 4, "never every column");
    }

    #[test]
    fn no_column_is_narrower_than_its_header_needs() {
        let needs = [need(120.0, 40.0, false), need(150.0, 90.0, true)];
        for available in [10.0, 200.0, 270.0, 1000.0] {
            let widths = fit_widths(&needs, available, 100.0);
            assert!(widths[0] >= 120.0 && widths[1] >= 150.0, "{widths:?}");
        }
    }
}
