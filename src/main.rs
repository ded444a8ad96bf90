//! Entry point of Gazette Browser: the command line, or the window when no command is given.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use gazette_browser::cli::{Cli, Status};
#[cfg(feature = "gui")]
use gazette_browser::{
    model::Gazette,
    startup::{self, RunError, StartError},
    ui::{RunOptions, WindowError},
};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: opening a million-row file makes millions of small
/// allocations on several threads, and glibc's per-thread heaps grow a page range at a time
/// (in a profile of the model job, a fifth of the time went to mprotect and sysmalloc, which
/// mimalloc does not spend; figures in benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    avoid_huge_pages();
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => gazette_browser::cli::finish(gazette_browser::cli::run(&cli, command)),
        None => open_window(&cli).into(),
    }
}

/// Turns transparent huge pages off for this process. mimalloc asks for them on its big
/// regions, and on the virtual machine this was measured on, faults that must find and clear
/// 2 MB at once made a million-row job slower and erratic right after another program freed
/// memory (1.84–2.06 s, against 1.54–1.75 s without; benches/README.md). With 4 KB pages the
/// window's resident memory also stays closer to what it touches (about 10 MB less at rest).
fn avoid_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only sets a flag of this process;
    // if the kernel refuses it (older than 3.15), nothing changes and the result is ignored.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Without the `gui` feature there is no window: say so and point to the commands.
#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli) -> Status {
    eprintln!(
        "error: this build has no window (built without the `gui` feature); \
         give a command, e.g. `gazette-browser check` (see --help)"
    );
    Status::BadInput
}

/// Opens the window on the built-in issue, then on the file `--gazette` names. The file loads
/// inside the window (with progress), and a file that cannot be used is explained there while
/// the built-in issue stays open: a clerk who double-clicks a damaged file sees why, where a
/// message on standard error would be invisible (the Windows build has no console). Scripts
/// that need an exit code use `gazette-browser --gazette FILE check`. For screenshots and
/// shortcuts:
/// `GAZETTE_BROWSER_TAB` (a document id, `overview` or `interpretations`) opens a given tab,
/// `GAZETTE_BROWSER_SEARCH` starts with a whole-issue search, `GAZETTE_BROWSER_FIND` with the
/// find bar of the opened document, `GAZETTE_BROWSER_VIEW` (`text`, `table` or `schematic`)
/// with that view of it, `GAZETTE_BROWSER_MAP` (a 用途 or `all`) with that map of the schematic,
/// `GAZETTE_BROWSER_THEME` (`light` or `dark`) in that theme. `--renderer` or
/// `GAZETTE_BROWSER_RENDERER` chooses the renderer tried first ([`startup`]).
#[cfg(feature = "gui")]
fn open_window(cli: &Cli) -> Status {
    let env_renderer = std::env::var(startup::RENDERER_ENV).ok();
    let order = match startup::renderer_order(
        cli.renderer.as_deref(),
        env_renderer.as_deref(),
        &startup::built_in(),
    ) {
        Ok(order) => order,
        Err(err) => {
            report_startup_error(&startup::strings::unknown_renderer(&err));
            return Status::BadInput;
        }
    };
    let gazette = match gazette_browser::model::load::embedded() {
        Ok(gazette) => gazette,
        Err(err) => {
            report_startup_error(&startup::strings::embedded_unreadable(&err.to_string()));
            return Status::BadInput;
        }
    };
    let options = RunOptions {
        tab: std::env::var("GAZETTE_BROWSER_TAB").ok(),
        lang: None,
        search: std::env::var("GAZETTE_BROWSER_SEARCH").ok(),
        find: std::env::var("GAZETTE_BROWSER_FIND").ok(),
        view: std::env::var("GAZETTE_BROWSER_VIEW").ok(),
        map: std::env::var("GAZETTE_BROWSER_MAP").ok(),
        theme: std::env::var("GAZETTE_BROWSER_THEME").ok(),
        open: cli.gazette_file().cloned(),
    };
    match run_window(gazette, &options, &order) {
        Ok(_) => Status::Success,
        Err(StartError::NoneStarted(failed)) => {
            report_startup_error(&startup::strings::none_started(&failed));
            Status::SystemFailure
        }
        Err(StartError::FailedAfterStart { renderer, error }) => {
            report_startup_error(&startup::strings::failed_after_start(renderer, &error));
            Status::SystemFailure
        }
    }
}

/// Opens the window with the first renderer of `order` that starts; the gazette a renderer
/// could not start with goes to the next one.
#[cfg(feature = "gui")]
fn run_window(
    gazette: Gazette,
    options: &RunOptions,
    order: &[startup::Renderer],
) -> Result<startup::Renderer, StartError> {
    let mut unused = Some(gazette);
    startup::start_with_fallback(order, |renderer| {
        let gazette = unused
            .take()
            .ok_or_else(|| RunError::NotStarted("no gazette left to open".to_owned()))?;
        match gazette_browser::ui::run(gazette, options.clone(), renderer) {
            Ok(()) => Ok(()),
            Err(WindowError::NotStarted { gazette, error }) => {
                unused = Some(*gazette);
                Err(RunError::NotStarted(error))
            }
            Err(WindowError::AfterStart(error)) => Err(RunError::AfterStart(error)),
        }
    })
}

/// Tells the clerk why there is no window: on standard error, and on Windows in a message box
/// too, because a release build started from Explorer or a shortcut has no console.
#[cfg(feature = "gui")]
fn report_startup_error(message: &str) {
    eprintln!("error: {message}");
    #[cfg(windows)]
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(startup::strings::TITLE)
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}
