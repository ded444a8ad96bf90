//! What a write does to what it lands on (issue 14), through the built binary: `export` and
//! `schematic --svg` share one writer. Every case runs as the user running the tests and, when
//! that is root, once more as an ordinary user (uid 65534, through `setpriv`), since root may
//! write where a clerk may not.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_gazette-browser");
/// The real issue: it has the land-price table, so `export` and `schematic` both get as far as
/// writing.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/gazette-2023-03.ron");
const NOBODY: u32 = 65534;

/// Who runs the binary.
#[derive(Debug, Clone, Copy, PartialEq)]
enum User {
    /// The user running the tests.
    Me,
    /// An ordinary user (only when the tests run as root).
    Nobody,
}

fn is_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid()).unwrap_or(1) == 0
}

fn users() -> Vec<User> {
    if is_root() {
        vec![User::Me, User::Nobody]
    } else {
        vec![User::Me]
    }
}

/// A fresh folder for one case, owned by the user who will write in it.
fn scratch(name: &str, user: User) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "file-writes-{name}-{user:?}-{}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    give(&dir, user);
    dir
}

/// Makes `path` belong to `user`.
fn give(path: &Path, user: User) {
    if user == User::Nobody {
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// The binary where the ordinary user can run it: a copy in a world-readable folder under the
/// system's temporary folder, since the checkout may lie in a folder only root may enter (a
/// clone under /root on a CI machine).
fn bin_for_nobody() -> &'static Path {
    static COPY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("file-writes-bin-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let copy = dir.join("gazette-browser");
        fs::copy(BIN, &copy).unwrap();
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).unwrap();
        copy
    })
}

fn command(user: User) -> Command {
    match user {
        User::Me => Command::new(BIN),
        User::Nobody => {
            let mut command = Command::new("setpriv");
            command
                .args([
                    &format!("--reuid={NOBODY}"),
                    &format!("--regid={NOBODY}"),
                    "--clear-groups",
                ])
                .arg(bin_for_nobody());
            command
        }
    }
}

fn run(user: User, args: &[&str]) -> Output {
    command(user)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn export_to(user: User, target: &Path) -> Output {
    run(
        user,
        &[
            "export",
            "land-prices",
            "--output",
            target.to_str().unwrap(),
        ],
    )
}

fn svg_to(user: User, target: &Path) -> Output {
    run(user, &["schematic", "--svg", target.to_str().unwrap()])
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The run of `user` ended with `status`; its message is shown when not.
fn assert_status(output: &Output, status: i32, user: User) {
    assert_eq!(
        output.status.code(),
        Some(status),
        "{user:?}: {}",
        stderr(output)
    );
}

fn is_csv(bytes: &[u8]) -> bool {
    bytes.starts_with("\u{feff}序号".as_bytes())
}

/// Names in `dir` that a write of ours left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".gazette-browser-"))
        .collect()
}

#[test]
fn a_regular_file_is_replaced_whole_and_nothing_is_left_behind() {
    for user in users() {
        let dir = scratch("regular", user);
        let target = dir.join("out.csv");
        fs::write(&target, "old").unwrap();
        give(&target, user);
        let output = export_to(user, &target);
        assert_status(&output, 0, user);
        assert!(is_csv(&fs::read(&target).unwrap()), "{user:?}");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{user:?}");
        // A name relative to the working folder (the temporary file is made in "."): the
        // same, and the fresh temporary file is not taken for a stale one.
        fs::write(&target, "old").unwrap();
        let output = command(user)
            .args(["export", "land-prices", "--output", "out.csv"])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_status(&output, 0, user);
        assert!(is_csv(&fs::read(&target).unwrap()), "{user:?}");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{user:?}");
    }
}

#[test]
fn a_new_file_gets_the_mode_of_any_new_file() {
    for user in users() {
        let dir = scratch("new-mode", user);
        let target = dir.join("new.csv");
        let mut export = command(user);
        export.args([
            "export",
            "land-prices",
            "--output",
            target.to_str().unwrap(),
        ]);
        // The child's umask set to the usual 022 for a known answer, whatever the test run's.
        // SAFETY: umask is async-signal-safe and touches only the child's own mask.
        unsafe {
            use std::os::unix::process::CommandExt;
            export.pre_exec(|| {
                libc::umask(0o022);
                Ok(())
            });
        }
        let output = export.output().unwrap();
        assert_status(&output, 0, user);
        let mode = fs::metadata(&target).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o644, "{user:?}: a new file came out {mode:o}");
    }
}

#[test]
fn a_character_device_stays_a_device() {
    for user in users() {
        // /dev/null is written in place: it is still the device afterwards.
        let output = svg_to(user, Path::new("/dev/null"));
        assert_status(&output, 0, user);
        let meta = fs::metadata("/dev/null").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(meta.file_type().is_char_device(), "{user:?}");
    }
    if is_root() {
        // A device node made in a folder of ours (as in the stress test) stays one too.
        let dir = scratch("mknod", User::Me);
        let node = dir.join("null-copy");
        let made = Command::new("mknod")
            .args([node.to_str().unwrap(), "c", "1", "3"])
            .status()
            .unwrap();
        assert!(made.success());
        // Writable by anyone, as /dev/null is (mknod's mode follows the umask).
        fs::set_permissions(&node, fs::Permissions::from_mode(0o666)).unwrap();
        for user in users() {
            let output = svg_to(user, &node);
            assert_status(&output, 0, user);
            use std::os::unix::fs::FileTypeExt;
            let kind = fs::symlink_metadata(&node).unwrap().file_type();
            assert!(kind.is_char_device(), "{user:?}: the node became {kind:?}");
        }
    }
}

#[test]
fn a_fifo_is_written_in_place_and_stays_a_fifo() {
    for user in users() {
        let dir = scratch("fifo", user);
        let fifo = dir.join("pipe");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        give(&fifo, user);
        let reader = std::thread::spawn({
            let fifo = fifo.clone();
            move || fs::read(fifo).unwrap()
        });
        let output = export_to(user, &fifo);
        assert_status(&output, 0, user);
        assert!(is_csv(&reader.join().unwrap()), "{user:?}");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}

#[test]
fn dev_stdout_writes_into_the_redirected_output() {
    for user in users() {
        let dir = scratch("stdout", user);
        let log = dir.join("log.csv");
        fs::write(&log, "").unwrap();
        give(&log, user);
        let output = command(user)
            .args(["export", "land-prices", "--output", "/dev/stdout"])
            .stdout(fs::File::create(&log).unwrap())
            .output()
            .unwrap();
        assert_status(&output, 0, user);
        assert!(is_csv(&fs::read(&log).unwrap()), "{user:?}");
        assert!(fs::symlink_metadata("/dev/stdout").unwrap().is_symlink());
    }
}

#[test]
fn the_gazette_being_read_is_never_written_by_any_name() {
    for user in users() {
        let dir = scratch("input", user);
        let gazette = dir.join("g.ron");
        fs::copy(FIXTURE, &gazette).unwrap();
        give(&gazette, user);
        let hard = dir.join("hard.ron");
        fs::hard_link(&gazette, &hard).unwrap();
        let soft = dir.join("soft.ron");
        symlink("g.ron", &soft).unwrap();
        let before = fs::read(&gazette).unwrap();
        for target in [&gazette, &hard, &soft, &dir.join(".").join("g.ron")] {
            let target = target.to_str().unwrap();
            let g = gazette.to_str().unwrap();
            for args in [
                ["--gazette", g, "export", "land-prices", "-o", target].as_slice(),
                ["--gazette", g, "schematic", "--svg", target].as_slice(),
            ] {
                let output = run(user, args);
                assert_eq!(output.status.code(), Some(2), "{user:?} {args:?}");
                assert!(
                    stderr(&output).contains("it is the gazette file being read"),
                    "{user:?} {args:?}: {}",
                    stderr(&output)
                );
                assert_eq!(fs::read(&gazette).unwrap(), before, "{user:?} {args:?}");
                // Refused before the file is read and drawn: no notes of the drawing.
                assert!(!stderr(&output).contains("note:"), "{}", stderr(&output));
            }
        }
        assert!(fs::symlink_metadata(&soft).unwrap().is_symlink());
        assert_eq!(fs::metadata(&gazette).unwrap().nlink(), 2);
    }
}

#[test]
fn a_symlink_is_followed_its_target_replaced_and_the_link_kept() {
    for user in users() {
        let dir = scratch("symlink", user);
        let real = dir.join("real.csv");
        fs::write(&real, "old").unwrap();
        give(&real, user);
        let link = dir.join("link.csv");
        symlink("real.csv", &link).unwrap();
        let output = export_to(user, &link);
        assert_status(&output, 0, user);
        assert!(
            fs::symlink_metadata(&link).unwrap().is_symlink(),
            "{user:?}"
        );
        assert!(is_csv(&fs::read(&real).unwrap()), "{user:?}");
        // A link to a file not yet there: the file is made where it points.
        let dangling = dir.join("new-link.csv");
        symlink("made.csv", &dangling).unwrap();
        let output = export_to(user, &dangling);
        assert_status(&output, 0, user);
        assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
        assert!(is_csv(&fs::read(dir.join("made.csv")).unwrap()));
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{user:?}");
    }
}

#[test]
fn a_hard_linked_file_is_written_in_place_and_stays_linked() {
    for user in users() {
        let dir = scratch("hardlink", user);
        let first = dir.join("a.csv");
        fs::write(&first, "old").unwrap();
        give(&first, user);
        let second = dir.join("b.csv");
        fs::hard_link(&first, &second).unwrap();
        let inode = fs::metadata(&first).unwrap().ino();
        let output = export_to(user, &first);
        assert_status(&output, 0, user);
        let meta = fs::metadata(&first).unwrap();
        assert_eq!((meta.ino(), meta.nlink()), (inode, 2), "{user:?}");
        assert!(is_csv(&fs::read(&second).unwrap()), "{user:?}");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{user:?}");
    }
}

#[test]
fn mode_and_owner_are_carried_over() {
    for user in users() {
        let dir = scratch("mode", user);
        let private = dir.join("private.csv");
        fs::write(&private, "old").unwrap();
        give(&private, user);
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
        let output = export_to(user, &private);
        assert_status(&output, 0, user);
        let meta = fs::metadata(&private).unwrap();
        assert_eq!(meta.mode() & 0o777, 0o600, "{user:?}");
        assert!(is_csv(&fs::read(&private).unwrap()));
    }
    if is_root() {
        // Root writing a clerk's 0600 file: it stays the clerk's, 0600.
        let dir = scratch("owner-root", User::Me);
        let theirs = dir.join("theirs.csv");
        fs::write(&theirs, "old").unwrap();
        give(&theirs, User::Nobody);
        fs::set_permissions(&theirs, fs::Permissions::from_mode(0o600)).unwrap();
        let output = export_to(User::Me, &theirs);
        assert_status(&output, 0, User::Me);
        let meta = fs::metadata(&theirs).unwrap();
        assert_eq!((meta.uid(), meta.mode() & 0o777), (NOBODY, 0o600));
        // A clerk writing root's file that anyone may write (in the clerk's folder): written
        // in place, still root's; root's 0644 file there is refused and kept.
        let dir = scratch("owner-clerk", User::Nobody);
        let shared = dir.join("shared.csv");
        fs::write(&shared, "old").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o666)).unwrap();
        let output = export_to(User::Nobody, &shared);
        assert_status(&output, 0, User::Nobody);
        let meta = fs::metadata(&shared).unwrap();
        assert_eq!((meta.uid(), meta.mode() & 0o777), (0, 0o666));
        assert!(is_csv(&fs::read(&shared).unwrap()));
        // The clerk's own file in a folder of root's where the clerk may not create files:
        // written in place, nothing left in the system's temporary folder.
        let dir_of_root = scratch("owner-folder", User::Me);
        let own = dir_of_root.join("own.csv");
        fs::write(&own, "old").unwrap();
        give(&own, User::Nobody);
        let before = leftovers(&std::env::temp_dir()).len();
        let output = export_to(User::Nobody, &own);
        assert_status(&output, 0, User::Nobody);
        assert!(is_csv(&fs::read(&own).unwrap()));
        assert_eq!(fs::metadata(&own).unwrap().uid(), NOBODY);
        assert_eq!(leftovers(&dir_of_root), Vec::<String>::new());
        assert!(leftovers(&std::env::temp_dir()).len() <= before);
        let locked = dir.join("locked.csv");
        fs::write(&locked, "root's").unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
        let output = export_to(User::Nobody, &locked);
        assert_status(&output, 1, User::Nobody);
        assert!(
            stderr(&output).contains("no permission"),
            "{}",
            stderr(&output)
        );
        assert_eq!(fs::read(&locked).unwrap(), b"root's");
        assert_eq!(leftovers(&dir), Vec::<String>::new());
    }
}

#[test]
fn a_read_only_file_is_refused_and_kept() {
    for user in users() {
        let dir = scratch("read-only", user);
        let target = dir.join("kept.csv");
        fs::write(&target, "kept").unwrap();
        give(&target, user);
        fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
        let output = export_to(user, &target);
        if user == User::Me && is_root() {
            // Root may write anything; the mode stays.
            assert_status(&output, 0, User::Me);
            assert_eq!(fs::metadata(&target).unwrap().mode() & 0o777, 0o444);
        } else {
            assert_status(&output, 1, user);
            assert_eq!(fs::read(&target).unwrap(), b"kept", "{user:?}");
        }
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{user:?}");
    }
}

#[test]
fn folders_and_missing_folders_are_refused_with_their_own_status() {
    for user in users() {
        let dir = scratch("folders", user);
        let output = export_to(user, &dir);
        assert_status(&output, 2, user);
        assert!(
            stderr(&output).contains("that is a folder"),
            "{}",
            stderr(&output)
        );
        let output = export_to(user, &dir.join("missing").join("out.csv"));
        assert_status(&output, 1, user);
        assert!(stderr(&output).contains("the folder does not exist"));
        // A path under a regular file: the system refuses, whoever asks (root included).
        let file = dir.join("file");
        fs::write(&file, "x").unwrap();
        let output = export_to(user, &file.join("out.csv"));
        assert_status(&output, 1, user);
        assert_eq!(fs::read(&file).unwrap(), b"x");
    }
}

#[test]
fn names_of_255_bytes_work() {
    for user in users() {
        let dir = scratch("long", user);
        for length in [240, 250, 255] {
            let name =
                format!("{}.csv", "地".repeat((length - 4) / 3)) + &"x".repeat((length - 4) % 3);
            assert_eq!(name.len(), length);
            let target = dir.join(&name);
            let output = export_to(user, &target);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{user:?} {length}: {}",
                stderr(&output)
            );
            assert!(is_csv(&fs::read(&target).unwrap()));
        }
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{user:?}");
    }
}

#[test]
fn stale_temporary_files_of_ours_are_removed_by_the_next_write_and_nothing_else() {
    for user in users() {
        let dir = scratch("stale", user);
        // Left by a killed run whose process is gone (pid beyond any pid_max).
        let stale = dir.join(".gazette-browser-4194305-abcdEF12.tmp");
        // Not ours by name (an old-style name, someone's notes), so kept.
        let kept = [
            ".out.csv.4194305.tmp",
            ".gazette-browser-notes.tmp",
            "out.csv",
        ];
        for name in [stale.file_name().unwrap().to_str().unwrap()]
            .iter()
            .chain(&kept)
        {
            fs::write(dir.join(name), "x").unwrap();
            give(&dir.join(name), user);
        }
        // A temporary file of a live export (this test's process), fresh: kept.
        let live = dir.join(format!(
            ".gazette-browser-{}-ZZZZzzzz.tmp",
            std::process::id()
        ));
        fs::write(&live, "x").unwrap();
        give(&live, user);
        let output = export_to(user, &dir.join("out.csv"));
        assert_status(&output, 0, user);
        assert!(!stale.exists(), "{user:?}: the stale file is removed");
        for name in kept {
            assert!(dir.join(name).exists(), "{user:?}: {name} is kept");
        }
        assert!(live.exists(), "{user:?}: a live export's file is kept");
    }
    if is_root() {
        // Someone else's stale file (by owner) is not ours to remove.
        let dir = scratch("stale-foreign", User::Me);
        let foreign = dir.join(".gazette-browser-4194305-abcdEF12.tmp");
        fs::write(&foreign, "x").unwrap();
        give(&foreign, User::Nobody);
        let output = export_to(User::Me, &dir.join("out.csv"));
        assert_status(&output, 0, User::Me);
        assert!(foreign.exists());
    }
}

#[test]
fn a_big_export_into_a_closed_pipe_ends_quietly() {
    for user in users() {
        let mut child = command(user)
            .args(["export", "land-prices", "--output", "-"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read nothing and close the pipe, as `| head -c 0` would.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_status(&output, 0, user);
        assert_eq!(stderr(&output), "", "{user:?}");
    }
}

/// Set for the child run of [`an_interrupted_write_leaves_no_temporary_file`].
const CHILD_FOLDER: &str = "GAZETTE_TEST_INTERRUPT_FOLDER";

#[test]
#[ignore = "the child process of an_interrupted_write_leaves_no_temporary_file"]
fn interrupted_child() {
    let folder = PathBuf::from(std::env::var_os(CHILD_FOLDER).unwrap());
    let _ = gazette_browser::files::write_file(&folder.join("out.csv"), None, |sink| {
        sink.write_all(b"half an export")
            .and_then(|()| sink.flush())
            .map_err(|e| gazette_browser::files::WriteError::io(&folder, e))?;
        // Wait to be interrupted.
        std::thread::sleep(std::time::Duration::from_secs(120));
        Ok::<(), gazette_browser::files::WriteError>(())
    });
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    for signal in ["INT", "TERM"] {
        let dir = scratch(&format!("interrupt-{signal}"), User::Me);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "interrupted_child", "--ignored", "--nocapture"])
            .env(CHILD_FOLDER, &dir)
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        // Until the child has its temporary file (it then waits to be interrupted).
        while leftovers(&dir).is_empty() {
            let ended = child.try_wait().unwrap();
            assert!(
                ended.is_none(),
                "the child ended ({ended:?}) before writing"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{signal}");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{signal}");
        assert!(!dir.join("out.csv").exists(), "{signal}");
    }
}
