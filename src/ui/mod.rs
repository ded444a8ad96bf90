//! The egui layer. (Minimal module list of the table work; the lead merges it with the shell's.)

pub mod table_export;
pub mod table_strings;
pub mod table_view;
