//! The console front of the Windows build, shipped as `gazette-browser.com` beside
//! `gazette-browser.exe`.
//!
//! The exe is a window program (`windows_subsystem = "windows"`): started from cmd.exe or
//! PowerShell it has no console to print to, and neither shell waits for it, so a script gets
//! neither its output nor its exit code. This small console program runs the exe beside it with
//! the same arguments, passes its output through and waits for it, so `gazette-browser check`
//! typed in cmd or PowerShell (both try `.com` before `.exe`) prints its result and sets
//! `%ERRORLEVEL%` / `$LASTEXITCODE`. Double-clicking the exe in Explorer still opens only the
//! window. README.md (Windows) says why this design rather than attaching to the parent console.

use std::io::Write;
use std::process::{Command, ExitCode, Stdio};
use std::thread;

/// The window program's file name, beside this one. (Built for Linux too, where it is only a
/// pass-through, so the tests exercise it on both.)
const WINDOW_EXE: &str = if cfg!(windows) {
    "gazette-browser.exe"
} else {
    "gazette-browser"
};

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs the window program with this program's arguments and returns its exit code.
fn run() -> Result<u8, String> {
    let here = std::env::current_exe()
        .map_err(|err| format!("cannot find where this program is: {err}"))?;
    let exe = here.with_file_name(WINDOW_EXE);
    // The output comes through pipes, not the console handles themselves: a window program
    // cannot count on writing to a console it is not attached to. Copied as bytes, Chinese text
    // reaches the console whole (Rust writes it to the console as UTF-16).
    let mut child = Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| {
            format!(
                "cannot start {}: {err}; {WINDOW_EXE} must be in the same folder as this program",
                exe.display()
            )
        })?;
    let stdout = child
        .stdout
        .take()
        .map(|out| pass_through(out, std::io::stdout));
    let stderr = child
        .stderr
        .take()
        .map(|err| pass_through(err, std::io::stderr));
    let status = child
        .wait()
        .map_err(|err| format!("lost {}: {err}", exe.display()))?;
    for copier in [stdout, stderr].into_iter().flatten() {
        // A copier that panicked lost only output, which its own error already reported.
        let _ = copier.join();
    }
    // The program's exit codes (0, 1, 2, 101 for a panic) pass unchanged; a Windows crash code
    // such as 0xC0000005 does not fit a console exit code and becomes 1.
    Ok(status
        .code()
        .and_then(|code| u8::try_from(code).ok())
        .unwrap_or(1))
}

/// Copies the child's output to ours on a thread of its own, so a full pipe on one stream
/// cannot stall the other.
fn pass_through<R, W>(mut from: R, to: fn() -> W) -> thread::JoinHandle<()>
where
    R: std::io::Read + Send + 'static,
    W: Write + 'static,
{
    thread::spawn(move || {
        let mut out = to();
        // A closed output (`| more` quit early) ends the copy; the child then gets a broken
        // pipe, which it treats as success.
        let _ = std::io::copy(&mut from, &mut out);
        let _ = out.flush();
    })
}
