//! Build script: only for a Windows target, compiles assets/windows/gazette-browser.rc into the
//! exe, so Explorer shows the icon and 文件说明 公报浏览器 with the version from Cargo.toml.
//! For every other target it does nothing (embed-resource returns `NotWindows`).

use std::path::{Path, PathBuf};

const RESOURCE_SCRIPT: &str = "assets/windows/gazette-browser.rc";
const ICON: &str = "assets/icons/gazette-browser.ico";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={RESOURCE_SCRIPT}");
    println!("cargo:rerun-if-changed={ICON}");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if let Err(message) = write_version_header() {
        panic!("cannot write version.h for the Windows resources: {message}");
    }
    // The icon and version are what a clerk sees in Explorer: a Windows build without them is
    // a failed build, not a warning.
    if let Err(err) =
        embed_resource::compile(RESOURCE_SCRIPT, embed_resource::NONE).manifest_required()
    {
        panic!(
            "cannot compile {RESOURCE_SCRIPT}: {err} (scripts/build-windows.sh installs mingw-w64's windres)"
        );
    }
}

/// Writes `version.h` into OUT_DIR (embed-resource puts that folder on the resource compiler's
/// include path): the version numbers from Cargo.toml and the icon's absolute path, written with
/// forward slashes, which both windres and rc.exe read inside a string.
fn write_version_header() -> Result<(), String> {
    let env = |key: &str| std::env::var(key).map_err(|err| format!("{key}: {err}"));
    let out_dir = PathBuf::from(env("OUT_DIR")?);
    let manifest_dir = PathBuf::from(env("CARGO_MANIFEST_DIR")?);
    let icon = manifest_dir.join(ICON).to_string_lossy().replace('\\', "/");
    let header = format!(
        "#define VERSION_MAJOR {}\n#define VERSION_MINOR {}\n#define VERSION_PATCH {}\n\
         #define VERSION_TEXT \"{}\"\n#define GAZETTE_ICON \"{icon}\"\n",
        env("CARGO_PKG_VERSION_MAJOR")?,
        env("CARGO_PKG_VERSION_MINOR")?,
        env("CARGO_PKG_VERSION_PATCH")?,
        env("CARGO_PKG_VERSION")?,
    );
    let path = Path::new(&out_dir).join("version.h");
    std::fs::write(&path, header).map_err(|err| format!("{}: {err}", path.display()))
}
