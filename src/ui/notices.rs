//! Dismissible notices above the content: a file that could not be opened, a last file that is
//! gone, settings that were reset. Each says what happened, the details (file, line:column,
//! what is wrong and what to do, as [`crate::model::load::LoadError`] words them) and what the
//! window shows now. Notices never cover the content, so the clerk can keep working.

use super::file_strings::FileText;
use super::settings::SettingsReset;
use super::strings::Lang;
use eframe::egui::{self, RichText};

/// One thing the clerk should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A file chosen, dropped or named on the command line could not be opened; the content
    /// shown before is still shown. `error` is the loader's message.
    OpenFailed {
        /// The loader's message: file, position, what is wrong, what to do.
        error: String,
    },
    /// The file open at the end of the last run cannot be opened now; the built-in issue is
    /// shown instead.
    LastFileFailed {
        /// The loader's message.
        error: String,
    },
    /// Remembered settings could not be used and were reset.
    SettingsReset(SettingsReset),
}

impl Notice {
    /// The heading, in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        match self {
            Notice::OpenFailed { .. } => FileText::OpenFailed.get(lang),
            Notice::LastFileFailed { .. } => FileText::LastFileFailed.get(lang),
            Notice::SettingsReset(_) => FileText::SettingsReset.get(lang),
        }
    }

    /// The details (the loader's message, or which settings), in `lang` where they are ours.
    pub fn details(&self, lang: Lang) -> String {
        match self {
            Notice::OpenFailed { error } | Notice::LastFileFailed { error } => error.clone(),
            Notice::SettingsReset(SettingsReset::Unreadable(keys)) => {
                format!(
                    "{}{}",
                    FileText::SettingsUnreadable.get(lang),
                    keys.join(", ")
                )
            }
            Notice::SettingsReset(SettingsReset::Newer(version)) => {
                format!("{}{version}", FileText::SettingsNewer.get(lang))
            }
        }
    }

    /// What the window does about it, in `lang`.
    pub fn outcome(&self, lang: Lang) -> &'static str {
        match self {
            Notice::OpenFailed { .. } => FileText::KeptContent.get(lang),
            Notice::LastFileFailed { .. } => FileText::ShowingEmbedded.get(lang),
            Notice::SettingsReset(_) => FileText::SettingsDefaults.get(lang),
        }
    }
}

/// The notices not yet dismissed, oldest first.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
}

impl Notices {
    /// Adds a notice; an identical one already shown is not repeated.
    pub fn push(&mut self, notice: Notice) {
        if !self.list.contains(&notice) {
            self.list.push(notice);
        }
    }

    /// The notices shown now.
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Draws the notices in a panel at the top of `ui`; the dismiss button removes one.
    pub fn show(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.list.is_empty() {
            return;
        }
        let mut dismissed = None;
        egui::Panel::top("notices").show(ui, |ui| {
            for (i, notice) in self.list.iter().enumerate() {
                if notice_frame(ui, notice, i, lang) {
                    dismissed = Some(i);
                }
            }
        });
        if let Some(i) = dismissed {
            self.list.remove(i);
        }
    }
}

/// One notice in a framed box; true when its dismiss button was clicked.
fn notice_frame(ui: &mut egui::Ui, notice: &Notice, i: usize, lang: Lang) -> bool {
    let color = match notice {
        Notice::SettingsReset(_) => ui.visuals().warn_fg_color,
        _ => ui.visuals().error_fg_color,
    };
    let mut dismissed = false;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, color))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(notice.title(lang)).strong().color(color));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    dismissed = ui.button(FileText::Dismiss.get(lang)).clicked();
                });
            });
            egui::ScrollArea::vertical()
                .id_salt(("notice", i))
                .max_height(140.0)
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(RichText::new(notice.details(lang)).monospace()).wrap(),
                    );
                });
            ui.label(notice.outcome(lang));
        });
    dismissed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_notice_is_not_stacked_twice() {
        let mut notices = Notices::default();
        let notice = Notice::OpenFailed {
            error: "a.ron:3:7: expected a struct".into(),
        };
        notices.push(notice.clone());
        notices.push(notice);
        assert_eq!(notices.list().len(), 1);
    }

    #[test]
    fn a_settings_notice_names_the_unreadable_keys_in_either_language() {
        let notice = Notice::SettingsReset(SettingsReset::Unreadable(vec!["lang".into()]));
        assert!(notice.details(Lang::Zh).contains("lang"));
        assert!(notice.details(Lang::En).starts_with("These settings"));
        assert_eq!(notice.title(Lang::Zh), "设置已恢复默认");
    }
}
