//! Whether an input method is composing: while a clerk types 住宅 as "zhu zhai" with pinyin, the
//! text box holds the half-typed syllables (an IME that draws its composition in the box, as
//! Fcitx5 does with `UseOnTheSpot` and IBus on Wayland). A filter or search applied to
//! "zhu zhai" flashes an empty table or "没有找到"; the fields that act on every change wait
//! for the committed text instead.

use eframe::egui::{self, Event, ImeEvent};

/// Where the composing flag lives between frames.
fn state_id() -> egui::Id {
    egui::Id::unique("gazette-ime-composing")
}

/// Whether a composition is in progress after this frame's input: a non-empty preedit starts or
/// continues one, a commit or an empty preedit ends it. Calling it twice in a frame gives the
/// same answer, since the last input-method event of the frame decides.
pub fn composing(ctx: &egui::Context) -> bool {
    let before = ctx
        .data(|d| d.get_temp::<bool>(state_id()))
        .unwrap_or(false);
    let now = ctx.input(|input| after_events(before, &input.events));
    ctx.data_mut(|d| d.insert_temp(state_id(), now));
    now
}

/// The composing flag after `events`, starting from `before`.
fn after_events(before: bool, events: &[Event]) -> bool {
    events.iter().fold(before, |composing, event| match event {
        Event::Ime(ImeEvent::Preedit { text, .. }) => !text.is_empty(),
        Event::Ime(ImeEvent::Commit(_)) => false,
        Event::WindowFocused(false) => false,
        _ => composing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preedit(text: &str) -> Event {
        Event::Ime(ImeEvent::Preedit {
            text: text.to_owned(),
            active_range_chars: None,
        })
    }

    #[test]
    fn a_preedit_starts_a_composition_that_a_commit_or_an_empty_preedit_ends() {
        assert!(after_events(false, &[preedit("zhu")]));
        assert!(after_events(true, &[]), "it lasts across frames");
        assert!(after_events(true, &[preedit("zhu zhai")]));
        assert!(!after_events(
            true,
            &[Event::Ime(ImeEvent::Commit("住宅".into()))]
        ));
        assert!(!after_events(true, &[preedit("")]), "backspaced away");
        assert!(
            !after_events(true, &[Event::WindowFocused(false)]),
            "leaving the window drops it"
        );
        assert!(after_events(
            false,
            &[Event::Ime(ImeEvent::Commit("住".into())), preedit("zhai")]
        ));
    }
}
