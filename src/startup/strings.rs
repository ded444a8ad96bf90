//! What the clerk reads when the window cannot start: the message box (on Windows, where a
//! release build has no console) and standard error. Chinese first, then English, in one text,
//! because the window's language setting cannot be read before the window exists.

use super::{FailedStart, RENDERER_ENV, Renderer, UnknownRenderer};

/// Title of every start-up message box.
pub const TITLE: &str = "公报浏览器无法启动 · Gazette Browser cannot start";

/// No renderer could open the window: what each said, and what to try. Every renderer of the
/// build was tried by then, so the override is no help here; the driver and Mesa's software
/// OpenGL are.
pub fn none_started(failed: &[FailedStart]) -> String {
    let attempts: Vec<String> = failed
        .iter()
        .map(|f| format!("  {}: {}", f.renderer, f.error))
        .collect();
    let (dx_zh, dx_en) = if cfg!(feature = "wgpu") {
        ("或 Direct3D 12", "or Direct3D 12")
    } else {
        ("", "")
    };
    format!(
        "窗口无法打开：这台电脑的显卡驱动没有提供程序需要的图形接口（OpenGL 2 {dx_zh}）。\n\
         可以试试：\n\
         1. 请信息科安装或更新显卡驱动；在虚拟机或远程桌面里，可改在本机上运行。\n\
         2. 请信息科把 Mesa 的软件渲染 opengl32.dll 放在 gazette-browser.exe 旁边（无需管理员权限）。\n\
         命令行功能不受影响，例如 gazette-browser.com check。\n\n\
         The window could not open: this PC's display driver offers none of the graphics \
         interfaces the program needs (OpenGL 2 {dx_en}).\n\
         Try: 1. ask IT to install or update the display driver, or run the program on the PC \
         itself rather than in a virtual machine or remote desktop; 2. ask IT to put Mesa's \
         software opengl32.dll beside gazette-browser.exe (no admin rights needed).\n\
         The command line still works, e.g. gazette-browser.com check.\n\n\
         Tried / 已尝试:\n{}",
        attempts.join("\n"),
    )
}

/// The window ran and then failed.
pub fn failed_after_start(renderer: Renderer, error: &str) -> String {
    format!(
        "窗口运行中出错（{renderer}）：{error}\n如果再次出现，可换用另一种渲染方式：--renderer 或 {RENDERER_ENV}。\n\n\
         The window failed while running ({renderer}): {error}\n\
         If it happens again, try the other renderer with --renderer or {RENDERER_ENV}."
    )
}

/// `--renderer` or the environment variable names a renderer this build lacks.
pub fn unknown_renderer(err: &UnknownRenderer) -> String {
    let names: Vec<&str> = err.available.iter().map(|r| r.name()).collect();
    format!(
        "{source} 指定的渲染方式“{asked}”不可用，请改为 {names}，或删除该设置。\n\n{err}.",
        source = err.source,
        asked = err.asked,
        names = names.join("、"),
    )
}

/// The issue built into the program cannot be read: the exe itself is damaged.
pub fn embedded_unreadable(error: &str) -> String {
    format!(
        "程序内置的公报数据无法读取，程序文件可能已损坏，请重新复制 gazette-browser.exe。\n\n\
         The issue built into the program cannot be read; the program file may be damaged, copy \
         gazette-browser.exe again.\n\n{error}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_none_started_message_lists_every_attempt_and_what_to_try() {
        let failed = [FailedStart {
            renderer: Renderer::Glow,
            error: "OpenGL 1.1 found, 2.0 needed".into(),
        }];
        let message = none_started(&failed);
        assert!(message.contains("glow: OpenGL 1.1 found"), "{message}");
        assert!(message.contains("opengl32.dll"), "{message}");
        assert!(message.contains("窗口无法打开"), "{message}");
    }
}
