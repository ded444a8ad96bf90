# Shared by scripts/build-windows.sh and scripts/test-windows.sh (sourced, not run): the
# Windows toolchain, its installation, and the checks of a built exe.

WINDOWS_TARGET=x86_64-pc-windows-gnu
# Its own target folder: the Windows build uses Debian's compiler (1.96), the Linux build
# rustup's; sharing one folder would make each rebuild what the other left.
WINDOWS_TARGET_DIR=${WINDOWS_TARGET_DIR:-target/windows}

# Installs the Debian packages named, if any is missing (apt-get update only then).
windows_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "== apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# Debian's Rust with its standard library's source, and mingw-w64 (linker, windres, objdump).
windows_install_build_deps() {
  windows_apt_install rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
}

# Debian's cargo and rustc (1.96), not rustup's that come first on PATH; linker and runner for
# the target come from .cargo/config.toml.
windows_cargo() {
  PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_DIR="$WINDOWS_TARGET_DIR" \
    /usr/bin/cargo "$1" --target "$WINDOWS_TARGET" "${@:2}"
}

# DLLs every Windows 10/11 has (combase and the api-ms-win-* API sets since Windows 8). Anything else an exe imports (vcruntime140, libgcc_s_seh-1,
# libwinpthread-1, libstdc++-6 …) would have to be shipped beside it, and the exe would not
# start on a clerk's PC without them: the check fails on it.
WINDOWS_SYSTEM_DLLS=(
  advapi32 bcrypt bcryptprimitives combase comctl32 comdlg32 crypt32 d3d11 d3d12 d3dcompiler_47 dwmapi
  dwrite dxgi gdi32 hid imm32 kernel32 msvcrt ntdll ole32 oleaut32 opengl32 propsys secur32
  setupapi shell32 shlwapi uiautomationcore user32 userenv uxtheme version winmm ws2_32
  api-ms-win-core-synch-l1-2-0 api-ms-win-core-winrt-error-l1-1-0 api-ms-win-core-winrt-l1-1-0
  api-ms-win-core-winrt-string-l1-1-0
)

# Lists the DLLs an exe imports and fails on any not in WINDOWS_SYSTEM_DLLS.
windows_check_imports() {
  local exe=$1 dll bad=0
  local imports
  imports=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
  for dll in $imports; do
    if [[ " ${WINDOWS_SYSTEM_DLLS[*]} " == *" ${dll%.dll} "* ]]; then
      echo "  $dll"
    else
      echo "  $dll  <- not part of Windows: the exe would need it shipped beside it" >&2
      bad=1
    fi
  done
  if ((bad)); then
    echo "error: $exe imports DLLs that Windows does not ship" >&2
    return 1
  fi
}

# Fails unless the exe carries its version information (文件说明 公报浏览器) and an icon.
windows_check_resources() {
  local exe=$1
  local rc
  rc=$(x86_64-w64-mingw32-windres --input-format=coff --output-format=rc -i "$exe" 2>/dev/null) || {
    echo "error: cannot read the resources of $exe" >&2
    return 1
  }
  # 公报浏览器 in UTF-16, as windres prints it.
  if ! grep -q 'VALUE "FileDescription", L"\\x516c\\x62a5\\x6d4f\\x89c8\\x5668"' <<<"$rc"; then
    echo "error: $exe has no FileDescription 公报浏览器" >&2
    return 1
  fi
  if ! grep -q 'RT_GROUP_ICON' <<<"$rc"; then
    echo "error: $exe has no icon resource" >&2
    return 1
  fi
  echo "  resources: icon, FileDescription 公报浏览器, $(grep -o 'VALUE "FileVersion", "[^"]*"' <<<"$rc")"
}

# wine, and a prefix of the project's own under the target folder (a fresh machine has none).
WINE=/usr/lib/wine/wine64
export WINEPREFIX=${WINEPREFIX:-$PWD/$WINDOWS_TARGET_DIR/wine-prefix}
export WINEDEBUG=${WINEDEBUG:--all}
# No "install Mono/Gecko?" dialogs while the prefix is made.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}

windows_install_wine() {
  windows_apt_install wine64
}

# Makes the wine prefix once, and puts the ProcessPrng stand-in (scripts/wine/) in its
# system32, where every exe finds it, test binaries included. Test equipment only.
windows_prepare_wine() {
  local system32="$WINEPREFIX/drive_c/windows/system32"
  if [[ ! -f "$system32/kernel32.dll" ]]; then
    echo "== wine prefix $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    WINEARCH=win64 "$WINE" wineboot --init
    /usr/lib/wine/wineserver -w
  fi
  local dll="$system32/bcryptprimitives.dll"
  if [[ ! -f "$dll" || scripts/wine/bcryptprimitives.c -nt "$dll" ]]; then
    x86_64-w64-mingw32-gcc -O2 -shared -o "$dll" scripts/wine/bcryptprimitives.c -ladvapi32
  fi
}
