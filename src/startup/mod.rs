//! Starting the window, without the window: decisions eframe leaves to the program, as plain
//! functions the window applies.

pub mod window_fit;
