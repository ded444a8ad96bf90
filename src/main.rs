//! Entry point of Gazette Browser: the command line, or the window when no command is given.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use gazette_browser::cli::{Cli, run_command};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(command) => run_command(&cli, command),
        None => {
            // The window arrives with the browser issue; until then, show the help.
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            0
        }
    };
    std::process::exit(code);
}
