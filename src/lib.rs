//! Gazette Browser (公报浏览器): browse one issue of the Zhumadian municipal government gazette.
//!
//! The library holds everything that can be tested without a window: the data model and its
//! loading and validation ([`model`]). The binary adds the command line and the egui window.

pub mod model;
pub mod text;
