//! The embedded Chinese font. A bare Linux machine has no CJK font, and the system-font fallback
//! then finds nothing and draws boxes; so a subset of Noto Sans SC (GB2312 plus every character
//! of the bundled issue, see `scripts/make-font-subset.sh`) is compiled in. egui's system-font
//! fallback stays on behind it for any rarer character a loaded file may hold.

use eframe::egui::{self, FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// The embedded font file (SIL OFL 1.1, licence in `assets/fonts/OFL.txt`): the same bytes the
/// PDF printouts embed, included once.
pub const NOTO_SANS_SC: &[u8] = crate::print::font::EMBEDDED_FONT;

/// Name under which the embedded font is registered.
pub const FONT_NAME: &str = "noto-sans-sc-subset";

/// Installs the embedded font: first choice for proportional text, so Chinese and the Latin
/// around it look of one piece; a fallback for monospace, which keeps egui's own digits.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        FONT_NAME,
        FontData::from_static(NOTO_SANS_SC),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
