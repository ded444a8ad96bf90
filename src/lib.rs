//! Gazette Browser (公报浏览器): browse one issue of the Zhumadian municipal government gazette.
//!
//! The library holds everything that can be tested without a window: the data model with its
//! loading (also on a worker thread), validation and cross-checks ([`model`]), plain-text
//! rendering ([`reader::text`]), CSV export ([`export`]), PDF for printing ([`print`]) and the command line ([`cli`]). The binary is a thin shell over it. The window
//! (`ui`) is behind the `gui` feature, on by default; without it nothing here needs eframe.

pub mod cli;
pub mod desktop;
pub mod export;
pub mod files;
pub mod line_break;
pub mod model;
pub mod print;
pub mod reader;
pub mod schematic;
pub mod search;
pub mod startup;
/// Synthetic tables and issues of any size, for tests and benches: not part of the shipped
/// library (the `synthetic` feature, which the tests and benches turn on).
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod table;
#[cfg(feature = "gui")]
pub mod ui;
