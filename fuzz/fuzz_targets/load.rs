//! Any bytes given to the loader must produce a gazette or an error, never a panic, a hang or a
//! stack overflow. `ron` is the one reader of every file (the hand-written row reader is gone,
//! issue 14), so what is checked here is the loader's own work around it: whatever loads is
//! what `ron` alone reads, writes back and reads again to the same gazette, and renders and
//! cross-checks; whatever is refused lists at most the problem limit in full.
#![no_main]

use gazette_browser::model::Gazette;
use gazette_browser::model::load::{LoadError, parse_bytes};
use gazette_browser::model::validate::PROBLEM_LIMIT;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse_bytes(data, "fuzz.ron") {
        Ok(gazette) => {
            let text = std::str::from_utf8(data).expect("the loader took bad UTF-8");
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            if !text.contains('\r') {
                let options = ron::Options::default().with_recursion_limit(64);
                let plain: Gazette = options.from_str(text).expect("the loader took what ron refuses");
                assert_eq!(plain, gazette);
            }
            let written = ron::to_string(&gazette).expect("a gazette always serialises");
            let again = parse_bytes(written.as_bytes(), "again.ron").expect("what was read reads back");
            assert_eq!(again, gazette);
            let _ = gazette_browser::reader::text::issue_text(&gazette);
            let _ = gazette_browser::model::crosscheck::crosscheck(&gazette);
        }
        Err(LoadError::Invalid { problems, .. }) => {
            assert!(problems.iter().count() <= PROBLEM_LIMIT);
        }
        Err(_) => {}
    }
});
