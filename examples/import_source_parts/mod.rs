//! The parts of the `import_source` dev tool: reading the source by line, the explicit hand
//! decisions, and the builders of each part of the data file.

pub mod blocks;
pub mod decisions;
pub mod derived;
pub mod documents;
pub mod issue;
pub mod source;
pub mod tables;
