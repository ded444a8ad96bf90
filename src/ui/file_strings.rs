//! Every user-visible string of opening files, the loading indicator, notices and the settings
//! reset, in Chinese and English. Kept apart from `strings.rs` so parallel work on the shell's
//! strings merges cleanly; the font-coverage test reads every `*strings*.rs`.

use super::strings::Lang;

/// A fixed string of the file handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileText {
    /// The File menu.
    MenuFile,
    /// File → Open… (Ctrl+O).
    Open,
    /// File → back to the issue built into the program.
    OpenEmbedded,
    /// How the built-in issue is named where a file name would be.
    Embedded,
    /// Name of the *.ron filter in the open dialog.
    RonFiles,
    /// While the open dialog is up.
    ChoosingFile,
    /// Before the name of the file being opened.
    Opening,
    /// Once the file is read and is being parsed and checked.
    Parsing,
    /// Stops opening a file.
    Cancel,
    /// Dismisses a notice.
    Dismiss,
    /// Heading of a notice about a file that could not be opened.
    OpenFailed,
    /// What a failed open leaves on screen.
    KeptContent,
    /// Heading of the notice when the last file cannot be reopened at startup.
    LastFileFailed,
    /// What is shown instead of the last file.
    ShowingEmbedded,
    /// Heading of the notice when settings were reset.
    SettingsReset,
    /// Settings with unreadable values: before the list of their names.
    SettingsUnreadable,
    /// Settings written by a newer program: before its settings version.
    SettingsNewer,
    /// What a reset of the settings means for the clerk.
    SettingsDefaults,
    /// Shown while a file is dragged over the window.
    DropToOpen,
    /// Why the path field is shown: no portal and no zenity on this Linux desktop.
    NoDialogService,
    /// Why the path field is shown: dialogs turned off by the environment variable.
    DialogsTurnedOff,
    /// Why the path field is shown: the clerk said the dialog did not appear.
    DialogDidNotAppear,
    /// Before the path field.
    FilePath,
    /// Placeholder of the path field (an example of a full path).
    PathHint,
    /// Opens the typed path.
    OpenTyped,
    /// While the open dialog is up: for a dialog that never appears.
    DialogNotShown,
}

impl FileText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn both(self) -> (&'static str, &'static str) {
        use FileText::*;
        match self {
            MenuFile => ("文件", "File"),
            Open => ("打开…", "Open…"),
            OpenEmbedded => ("打开内置本期", "Open the built-in issue"),
            Embedded => ("内置本期", "built-in issue"),
            RonFiles => ("公报数据文件", "Gazette data files"),
            ChoosingFile => ("正在选择文件…", "Choosing a file…"),
            Opening => ("正在打开", "Opening"),
            Parsing => ("正在解析…", "Parsing…"),
            Cancel => ("取消", "Cancel"),
            Dismiss => ("知道了", "Dismiss"),
            OpenFailed => ("无法打开文件", "Cannot open the file"),
            KeptContent => (
                "仍显示原来打开的内容。请按上面的说明处理后再打开。",
                "What was open before is still shown. Fix the file as described above and open it again.",
            ),
            LastFileFailed => (
                "上次打开的文件无法再打开",
                "The file opened last time cannot be opened",
            ),
            ShowingEmbedded => ("现显示内置本期。", "The built-in issue is shown instead."),
            SettingsReset => ("设置已恢复默认", "Settings reset to defaults"),
            SettingsUnreadable => (
                "以下设置无法读取（设置文件可能已损坏）：",
                "These settings could not be read (the settings file may be damaged): ",
            ),
            SettingsNewer => (
                "设置由较新版本的本程序保存，设置版本：",
                "The settings were saved by a newer version of this program, settings version ",
            ),
            SettingsDefaults => (
                "已改用默认设置；程序照常运行，关闭时会保存新的设置。",
                "Defaults are used instead; the program works as usual and saves new settings when closed.",
            ),
            DropToOpen => ("松开鼠标即可打开此文件", "Drop to open this file"),
            NoDialogService => (
                "此桌面没有文件选择对话框服务（既没有 xdg-desktop-portal，也没有 zenity），无法弹出“打开”对话框。请在下面输入或粘贴文件的完整路径；如需对话框，请管理员安装 xdg-desktop-portal-gtk 或 zenity。",
                "This desktop has no file-dialog service (neither xdg-desktop-portal nor zenity), so no Open dialog can be shown. Type or paste the file's full path below; to get the dialog, ask your administrator to install xdg-desktop-portal-gtk or zenity.",
            ),
            DialogsTurnedOff => (
                "文件对话框已由环境变量 GAZETTE_BROWSER_NO_NATIVE_DIALOGS 关闭。请在下面输入或粘贴文件的完整路径。",
                "File dialogs are turned off by the environment variable GAZETTE_BROWSER_NO_NATIVE_DIALOGS. Type or paste the file's full path below.",
            ),
            DialogDidNotAppear => (
                "文件对话框没有出现。请在下面输入或粘贴文件的完整路径。",
                "The file dialog did not appear. Type or paste the file's full path below.",
            ),
            FilePath => ("文件路径：", "File path:"),
            PathHint if cfg!(windows) => (
                "例如 D:\\公报\\gazette-2023-04.ron",
                "e.g. D:\\Gazettes\\gazette-2023-04.ron",
            ),
            PathHint => (
                "例如 /home/用户/公报/gazette-2023-04.ron",
                "e.g. /home/clerk/gazettes/gazette-2023-04.ron",
            ),
            OpenTyped => ("打开", "Open"),
            DialogNotShown => ("对话框没有出现？输入路径", "No dialog? Type the path"),
        }
    }
}
