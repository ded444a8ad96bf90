//! Any bytes given to the loader must produce a gazette or an error, never a panic, a hang or a
//! stack overflow; and the rows fast path and the streaming reader (in windows of several sizes)
//! must read exactly what `ron` reads, or step aside.
#![no_main]

use gazette_browser::model::{Gazette, fast_rows, stream};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for window in [1, 7, 4096] {
        let read = std::sync::atomic::AtomicU64::new(0);
        let streamed = stream::parse_windowed(&mut &data[..], window, u64::MAX, &read);
        if let Ok(Some(streamed)) = streamed {
            let text = std::str::from_utf8(data).expect("the streaming reader took bad UTF-8");
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let options = ron::Options::default().with_recursion_limit(64);
            let slow: Gazette = options.from_str(text).expect("the streaming reader took bad RON");
            assert_eq!(streamed, slow, "window {window}");
        }
    }
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
