//! What the window remembers between runs (language, theme, open tab, last opened file), read from and
//! written to eframe's storage under our own keys, with a version.
//!
//! Reading never fails and never blocks startup: a value of the wrong shape (a hand-edited or
//! damaged settings file, or one from an older layout) falls back to its default, and settings
//! written by a newer version of the program are not trusted at all. Either way the window says
//! so once, so a clerk knows why their language or last file is gone.

use super::Tab;
use super::strings::Lang;
use serde::de::DeserializeOwned;
use std::path::PathBuf;

/// The layout of the stored settings. Raise it when a key changes meaning or shape; version 0
/// (no version key) is the first release, which stored `lang` and `tab` in today's shapes.
pub const SETTINGS_VERSION: u32 = 1;

/// Storage key of [`SETTINGS_VERSION`].
pub const KEY_VERSION: &str = "settings_version";
/// Storage key of the interface language.
pub const KEY_LANG: &str = "lang";
/// Storage key of the theme.
pub const KEY_THEME: &str = "theme";
/// Storage key of the open tab.
pub const KEY_TAB: &str = "tab";
/// Storage key of the last opened file (absent for the embedded issue).
pub const KEY_LAST_FILE: &str = "last_file";

/// The remembered settings, each already checked for shape.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
    /// Light, dark or the system's (the default, light where the system does not say).
    pub theme: eframe::egui::ThemePreference,
    /// The tab open at the end of the last run (the caller checks it still exists).
    pub tab: Option<Tab>,
    /// The file open at the end of the last run; `None` for the embedded issue.
    pub last_file: Option<PathBuf>,
}

/// Why some or all remembered settings were replaced by defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsReset {
    /// These keys held values that could not be read; they are back to their defaults.
    Unreadable(Vec<String>),
    /// The settings were written by a newer program (this settings version); all of them are
    /// back to their defaults, since their meaning may have changed.
    Newer(u32),
}

impl Settings {
    /// Reads the settings from `storage` (defaults without one), saying what had to be reset.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> (Settings, Option<SettingsReset>) {
        let Some(storage) = storage else {
            return (Settings::default(), None);
        };
        match storage.get_string(KEY_VERSION) {
            None => {}
            Some(text) => match ron::from_str::<u32>(&text) {
                Ok(version) if version <= SETTINGS_VERSION => {}
                Ok(version) => {
                    return (Settings::default(), Some(SettingsReset::Newer(version)));
                }
                Err(_) => {
                    // Without a readable version nothing else can be trusted either.
                    let reset = SettingsReset::Unreadable(vec![KEY_VERSION.to_owned()]);
                    return (Settings::default(), Some(reset));
                }
            },
        }
        let mut bad = Vec::new();
        let settings = Settings {
            lang: read(storage, KEY_LANG, &mut bad).unwrap_or_default(),
            theme: read(storage, KEY_THEME, &mut bad).unwrap_or_default(),
            tab: read(storage, KEY_TAB, &mut bad),
            last_file: read::<Option<PathBuf>>(storage, KEY_LAST_FILE, &mut bad).flatten(),
        };
        let reset = (!bad.is_empty()).then_some(SettingsReset::Unreadable(bad));
        (settings, reset)
    }

    /// Writes the settings, with the current [`SETTINGS_VERSION`].
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY_VERSION, &SETTINGS_VERSION);
        eframe::set_value(storage, KEY_LANG, &self.lang);
        eframe::set_value(storage, KEY_THEME, &self.theme);
        if let Some(tab) = &self.tab {
            eframe::set_value(storage, KEY_TAB, tab);
        }
        eframe::set_value(storage, KEY_LAST_FILE, &self.last_file);
    }
}

/// The value under `key`: `None` when absent; `None` and the key noted in `bad` when its text
/// is not a `T`.
fn read<T: DeserializeOwned>(
    storage: &dyn eframe::Storage,
    key: &str,
    bad: &mut Vec<String>,
) -> Option<T> {
    let text = storage.get_string(key)?;
    match ron::from_str(&text) {
        Ok(value) => Some(value),
        Err(_) => {
            bad.push(key.to_owned());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Map(HashMap<String, String>);

    impl eframe::Storage for Map {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    fn map(pairs: &[(&str, &str)]) -> Map {
        Map(pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect())
    }

    #[test]
    fn what_is_saved_is_read_back() {
        let settings = Settings {
            lang: Lang::En,
            theme: eframe::egui::ThemePreference::Dark,
            tab: Some(Tab::Document("sme-plan".into())),
            last_file: Some(PathBuf::from("/data/公报 2023-04.ron")),
        };
        let mut storage = Map::default();
        settings.save(&mut storage);
        assert_eq!(Settings::load(Some(&storage)), (settings, None));
    }

    #[test]
    fn first_run_and_first_release_settings_need_no_notice() {
        assert_eq!(
            Settings::load(Some(&Map::default())),
            (Settings::default(), None)
        );
        let old = map(&[("lang", "En"), ("tab", "Overview")]);
        let (settings, reset) = Settings::load(Some(&old));
        assert_eq!(reset, None);
        assert_eq!(settings.lang, Lang::En);
        assert_eq!(settings.tab, Some(Tab::Overview));
    }

    #[test]
    fn a_value_of_the_wrong_shape_falls_back_to_its_default_and_is_named() {
        let storage = map(&[
            ("settings_version", "1"),
            ("lang", "Klingon"),
            ("tab", "(((("),
            ("last_file", "Some(\"/data/a.ron\")"),
        ]);
        let (settings, reset) = Settings::load(Some(&storage));
        assert_eq!(settings.lang, Lang::Zh);
        assert_eq!(settings.tab, None);
        assert_eq!(settings.last_file, Some(PathBuf::from("/data/a.ron")));
        assert_eq!(
            reset,
            Some(SettingsReset::Unreadable(vec!["lang".into(), "tab".into()]))
        );
    }

    #[test]
    fn settings_of_a_newer_program_are_not_trusted() {
        let storage = map(&[("settings_version", "7"), ("lang", "En")]);
        assert_eq!(
            Settings::load(Some(&storage)),
            (Settings::default(), Some(SettingsReset::Newer(7)))
        );
        let garbled = map(&[("settings_version", "\"one\""), ("lang", "En")]);
        assert_eq!(
            Settings::load(Some(&garbled)).1,
            Some(SettingsReset::Unreadable(vec!["settings_version".into()]))
        );
    }
}
