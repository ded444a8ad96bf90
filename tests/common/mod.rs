//! Helpers shared by the integration tests: settings kept in memory, scratch folders and files,
//! and label queries on a headless window. Each test file uses a part of them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

pub mod table_screen;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::HashMap;
use std::path::PathBuf;

/// Settings kept in memory, standing in for eframe's file on disk.
#[derive(Default)]
pub struct MemoryStorage(pub HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
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

/// What `app` saves at the end of a run.
pub fn saved(app: &mut impl eframe::App) -> MemoryStorage {
    let mut storage = MemoryStorage::default();
    app.save(&mut storage);
    storage
}

/// A folder for the files of one test group, the same for every call in this test process.
pub fn temp_dir(group: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-{group}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to a file `name` in the group's folder.
pub fn temp_file(group: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let path = temp_dir(group).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A new empty folder on every call, for tests that look at what a folder holds afterwards.
pub fn fresh_dir(name: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("gazette-{name}-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether some widget of the window is labelled `label` exactly.
pub fn has_label<S>(harness: &Harness<'_, S>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// Whether some widget's label contains `part`.
pub fn has_label_containing<S>(harness: &Harness<'_, S>, part: &str) -> bool {
    harness.query_all_by_label_contains(part).next().is_some()
}
