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

/// A one-line text box for `value` that leaves `value` alone while an input method composes:
/// the box shows the composition (kept between frames as a draft), and `value` takes the text
/// once it is committed. Returns the box's response and whether `value` changed.
pub fn single_line(
    ui: &mut egui::Ui,
    value: &mut String,
    salt: impl std::hash::Hash + std::fmt::Debug,
    configure: impl FnOnce(egui::TextEdit<'_>) -> egui::TextEdit<'_>,
) -> (egui::Response, bool) {
    let draft_id = ui.make_persistent_id(("ime-draft", salt));
    let mut draft = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| value.clone());
    let response = ui.add(configure(egui::TextEdit::singleline(&mut draft)));
    if response.has_focus() && composing(ui.ctx()) {
        ui.data_mut(|d| d.insert_temp(draft_id, draft));
        return (response, false);
    }
    ui.data_mut(|d| d.remove::<String>(draft_id));
    let changed = *value != draft;
    if changed {
        *value = draft;
    }
    (response, changed)
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
