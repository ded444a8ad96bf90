//! What this desktop offers the window: native file dialogs, and a program that opens a folder.
//!
//! On Linux the native dialogs (rfd) go through the xdg-desktop-portal's FileChooser over D-Bus
//! and fall back to `zenity`; on a minimal desktop (统信UOS, 麒麟 or a bare X session) with
//! neither, rfd returns "nothing chosen" at once, exactly as if the clerk had cancelled, and 打开…
//! seems to do nothing. So the window asks here first, and where no dialog can appear it offers
//! a path field with a message saying why. The facts are read from the machine in one place
//! ([`DesktopFacts::of_this_machine`]) and the decisions ([`dialog_support`], [`folder_opener`],
//! [`typed_path`]) are plain functions of them, tested without a desktop.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Setting this environment variable (to anything but empty or `0`) turns the native dialogs
/// off: for a desktop where a portal is installed but broken, and for tests and screenshots.
pub const NO_NATIVE_DIALOGS_VAR: &str = "GAZETTE_BROWSER_NO_NATIVE_DIALOGS";

/// The D-Bus interface a portal backend must implement for rfd's dialogs.
const FILE_CHOOSER: &str = "org.freedesktop.impl.portal.FileChooser";

/// Whether native file dialogs can be shown, and if not, why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DialogSupport {
    /// rfd can show a dialog (Windows, macOS, or Linux with a portal or zenity).
    #[default]
    Native,
    /// No dialog can appear; the window offers a path field instead.
    Missing(MissingReason),
}

/// Why no native file dialog can appear; the window's message is chosen by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingReason {
    /// Linux without an xdg-desktop-portal file chooser and without zenity.
    NoPortalNoZenity,
    /// Turned off with [`NO_NATIVE_DIALOGS_VAR`].
    TurnedOff,
    /// The clerk said the dialog did not appear (a portal that is installed but does not answer).
    DidNotAppear,
}

/// What the decisions here depend on, read from the machine once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DesktopFacts {
    /// Linux or another freedesktop system, where dialogs need a portal or zenity.
    pub freedesktop: bool,
    /// The native dialogs are turned off ([`NO_NATIVE_DIALOGS_VAR`]).
    pub turned_off: bool,
    /// `zenity` is on PATH.
    pub zenity: bool,
    /// A session bus and an installed portal with a FileChooser backend.
    pub portal_file_chooser: bool,
    /// `xdg-open` is on PATH (freedesktop only).
    pub xdg_open: bool,
}

impl DesktopFacts {
    /// The facts of the machine the program runs on.
    pub fn of_this_machine() -> Self {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let data_dirs = xdg_data_dirs(
            std::env::var_os("XDG_DATA_HOME"),
            std::env::var_os("HOME"),
            std::env::var_os("XDG_DATA_DIRS"),
        );
        let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| Path::new(&dir).join("bus").exists());
        DesktopFacts {
            freedesktop: cfg!(all(unix, not(target_os = "macos"))),
            turned_off: std::env::var_os(NO_NATIVE_DIALOGS_VAR)
                .is_some_and(|value| !value.is_empty() && value != "0"),
            zenity: on_path(&path, "zenity"),
            portal_file_chooser: session_bus && portal_file_chooser_installed(&data_dirs),
            xdg_open: on_path(&path, "xdg-open"),
        }
    }
}

/// Whether rfd can show a file dialog on a desktop with these facts.
pub fn dialog_support(facts: &DesktopFacts) -> DialogSupport {
    if facts.turned_off {
        DialogSupport::Missing(MissingReason::TurnedOff)
    } else if facts.freedesktop && !facts.zenity && !facts.portal_file_chooser {
        DialogSupport::Missing(MissingReason::NoPortalNoZenity)
    } else {
        DialogSupport::Native
    }
}

/// The program that opens a folder in the file manager, or `None` where there is none (the
/// window then shows the folder's path to copy).
pub fn folder_opener(facts: &DesktopFacts) -> Option<&'static str> {
    if cfg!(windows) {
        Some("explorer")
    } else if cfg!(target_os = "macos") {
        Some("open")
    } else if facts.xdg_open {
        Some("xdg-open")
    } else {
        None
    }
}

/// The path a clerk typed or pasted into the path field: surrounding blanks and the quotes that
/// Windows' "Copy as path" adds are removed, and a leading `~/` means the home folder.
/// `None` for an empty field.
pub fn typed_path(text: &str, home: Option<&Path>) -> Option<PathBuf> {
    let trimmed = text.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|&quote| {
            trimmed
                .strip_prefix(quote)
                .and_then(|rest| rest.strip_suffix(quote))
        })
        .unwrap_or(trimmed)
        .trim();
    if unquoted.is_empty() {
        return None;
    }
    match (unquoted.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => Some(home.join(rest)),
        _ => Some(PathBuf::from(unquoted)),
    }
}

/// The folders of the XDG base directory specification where data files are looked up, most
/// important first: `$XDG_DATA_HOME` (default `~/.local/share`), then `$XDG_DATA_DIRS`
/// (default `/usr/local/share:/usr/share`).
fn xdg_data_dirs(
    data_home: Option<OsString>,
    home: Option<OsString>,
    data_dirs: Option<OsString>,
) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    match (data_home.filter(|dir| !dir.is_empty()), home) {
        (Some(dir), _) => dirs.push(PathBuf::from(dir)),
        (None, Some(home)) => dirs.push(Path::new(&home).join(".local/share")),
        (None, None) => {}
    }
    let system = data_dirs
        .filter(|dirs| !dirs.is_empty())
        .unwrap_or_else(|| OsString::from("/usr/local/share:/usr/share"));
    dirs.extend(std::env::split_paths(&system));
    dirs
}

/// Whether the portal's D-Bus service is installed (so the bus can start it) together with a
/// backend that implements the file chooser (xdg-desktop-portal-gtk, -kde, -gnome …): without a
/// backend the portal answers, but with an error, and no dialog appears.
fn portal_file_chooser_installed(data_dirs: &[PathBuf]) -> bool {
    let service = data_dirs.iter().any(|dir| {
        dir.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    });
    service && data_dirs.iter().any(|dir| has_file_chooser_backend(dir))
}

/// Whether a `*.portal` file in `data_dir/xdg-desktop-portal/portals` names the FileChooser.
fn has_file_chooser_backend(data_dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(data_dir.join("xdg-desktop-portal/portals")) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.path().extension().is_some_and(|ext| ext == "portal")
            && std::fs::read_to_string(entry.path()).is_ok_and(|text| text.contains(FILE_CHOOSER))
    })
}

/// Whether an executable file named `program` is in one of PATH's folders.
fn on_path(path: &OsString, program: &str) -> bool {
    std::env::split_paths(path).any(|dir| is_executable(&dir.join(program)))
}

#[cfg(unix)]
fn is_executable(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    file.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(file: &Path) -> bool {
    file.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linux(zenity: bool, portal: bool) -> DesktopFacts {
        DesktopFacts {
            freedesktop: true,
            zenity,
            portal_file_chooser: portal,
            ..DesktopFacts::default()
        }
    }

    #[test]
    fn a_bare_linux_desktop_has_no_dialog_and_says_why() {
        assert_eq!(
            dialog_support(&linux(false, false)),
            DialogSupport::Missing(MissingReason::NoPortalNoZenity)
        );
    }

    #[test]
    fn a_portal_or_zenity_is_enough_for_the_native_dialog() {
        assert_eq!(dialog_support(&linux(true, false)), DialogSupport::Native);
        assert_eq!(dialog_support(&linux(false, true)), DialogSupport::Native);
    }

    #[test]
    fn windows_and_macos_always_have_the_native_dialog() {
        assert_eq!(
            dialog_support(&DesktopFacts::default()),
            DialogSupport::Native
        );
    }

    #[test]
    fn the_environment_switch_turns_dialogs_off_everywhere() {
        let facts = DesktopFacts {
            turned_off: true,
            ..linux(true, true)
        };
        assert_eq!(
            dialog_support(&facts),
            DialogSupport::Missing(MissingReason::TurnedOff)
        );
    }

    #[test]
    fn a_typed_path_loses_blanks_and_copy_as_path_quotes() {
        assert_eq!(
            typed_path("  \"C:\\公报\\2023 第3号.ron\" \n", None),
            Some(PathBuf::from("C:\\公报\\2023 第3号.ron"))
        );
        assert_eq!(
            typed_path("'/tmp/a b.ron'", None),
            Some(PathBuf::from("/tmp/a b.ron"))
        );
        assert_eq!(typed_path("   ", None), None);
        assert_eq!(typed_path("\"\"", None), None);
    }

    #[test]
    fn a_typed_path_starting_with_tilde_is_in_the_home_folder() {
        assert_eq!(
            typed_path("~/公报/a.ron", Some(Path::new("/home/clerk"))),
            Some(PathBuf::from("/home/clerk/公报/a.ron"))
        );
        assert_eq!(typed_path("~/a.ron", None), Some(PathBuf::from("~/a.ron")));
    }

    #[test]
    fn the_portal_counts_only_with_its_service_and_a_file_chooser_backend() {
        let root = std::env::temp_dir().join(format!("gazette-desktop-{}", std::process::id()));
        let share = root.join("share");
        let dirs = vec![share.clone()];
        std::fs::create_dir_all(share.join("dbus-1/services")).unwrap();
        std::fs::create_dir_all(share.join("xdg-desktop-portal/portals")).unwrap();
        let write = |path: PathBuf, text: &str| std::fs::write(path, text).unwrap();

        assert!(!portal_file_chooser_installed(&dirs), "nothing installed");
        write(
            share.join("dbus-1/services/org.freedesktop.portal.Desktop.service"),
            "[D-BUS Service]\n",
        );
        assert!(
            !portal_file_chooser_installed(&dirs),
            "portal without backend"
        );
        write(
            share.join("xdg-desktop-portal/portals/wlr.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.Screenshot;\n",
        );
        assert!(
            !portal_file_chooser_installed(&dirs),
            "backend without a file chooser"
        );
        write(
            share.join("xdg-desktop-portal/portals/gtk.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.FileChooser;\n",
        );
        assert!(portal_file_chooser_installed(&dirs));
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// XDG folders are a freedesktop convention, looked up only there; elsewhere (Windows)
    /// `XDG_DATA_DIRS` is not read and its `:` is not the system's path separator.
    #[cfg(unix)]
    #[test]
    fn data_dirs_follow_the_xdg_defaults() {
        assert_eq!(
            xdg_data_dirs(None, Some("/home/c".into()), None),
            vec![
                PathBuf::from("/home/c/.local/share"),
                PathBuf::from("/usr/local/share"),
                PathBuf::from("/usr/share")
            ]
        );
        assert_eq!(
            xdg_data_dirs(Some("/d".into()), None, Some("/x:/y".into())),
            vec![
                PathBuf::from("/d"),
                PathBuf::from("/x"),
                PathBuf::from("/y")
            ]
        );
    }
}
