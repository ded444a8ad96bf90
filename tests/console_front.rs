//! The console front (`gazette-browser.com` on Windows, src/bin/gazette-browser-console.rs):
//! what cmd.exe and PowerShell see through it is what the program itself prints and returns.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::process::{Command, Output};

fn through_front(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser-console"))
        .args(args)
        .output()
        .expect("the console front runs")
}

fn direct(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-browser"))
        .args(args)
        .output()
        .expect("the program runs")
}

#[test]
fn output_and_exit_code_pass_through_unchanged() {
    for args in [&["tables"][..], &["check"], &["text", "no-such-doc"]] {
        let front = through_front(args);
        let program = direct(args);
        assert_eq!(front.status.code(), program.status.code(), "{args:?}");
        assert_eq!(front.stdout, program.stdout, "{args:?}");
        assert_eq!(front.stderr, program.stderr, "{args:?}");
    }
}

#[test]
fn a_bad_file_exits_2_with_its_message_through_the_front() {
    let dir = std::env::temp_dir().join(format!("公报 前端 {}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("坏文件.ron");
    std::fs::write(&bad, "(这不是公报").unwrap();
    let output = through_front(&["--gazette", bad.to_str().unwrap(), "check"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.starts_with("error: "), "{message}");
    assert!(message.contains("坏文件.ron"), "{message}");
}
