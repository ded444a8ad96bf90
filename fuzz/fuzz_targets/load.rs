//! Any bytes given to the loader must produce a gazette or an error, never a panic, a hang or a
//! stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(gazette) = gazette_browser::model::load::parse_bytes(data, "fuzz.ron") {
        // Whatever loads must also render and cross-check without trouble.
        let _ = gazette_browser::text::issue_text(&gazette);
        let _ = gazette_browser::model::crosscheck::crosscheck(&gazette);
    }
});
