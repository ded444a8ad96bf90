//! Any bytes given to the loader must produce a gazette or an error, never a panic, a hang or a
//! stack overflow; and the rows fast path must read exactly what `ron` reads.
#![no_main]

use gazette_browser::model::{Gazette, fast_rows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(gazette) = gazette_browser::model::load::parse_bytes(data, "fuzz.ron") {
        // Whatever loads must also render and cross-check without trouble.
        let _ = gazette_browser::text::issue_text(&gazette);
        let _ = gazette_browser::model::crosscheck::crosscheck(&gazette);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = ron::Options::default().with_recursion_limit(64);
    let slow: Result<Gazette, _> = options.from_str(text);
    match fast_rows::parse_if_rows_exceed(text, &options, 0) {
        None => {}
        Some(Ok(fast)) => assert_eq!(Ok(fast), slow.map_err(|e| e.span)),
        Some(Err(fast)) => assert!(slow.is_err(), "fast path refused what ron reads: {fast}"),
    }
});
