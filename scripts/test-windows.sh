#!/usr/bin/env bash
# Runs the test suite on the Windows build, under wine: `cargo test --target
# x86_64-pc-windows-gnu` with wine as the target's runner (.cargo/config.toml). Installs what
# it needs itself (apt, as root) and makes its own wine prefix under target/windows/.
#
#   scripts/test-windows.sh                  every suite (lib, bins, tests; not the examples,
#                                            which only need to compile, nor doc tests)
#   scripts/test-windows.sh --test cli       cargo test's own selection arguments
#
# The test binaries are debug builds (console programs), built with the standard library for
# unwinding (`should_panic` tests need it). Test equipment (the ProcessPrng stand-in in
# scripts/wine/) goes into the wine prefix only, never into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/windows-env.sh

windows_install_build_deps
windows_install_wine
windows_prepare_wine

echo "== test (x86_64-pc-windows-gnu, under wine)"
if (($# == 0)); then
  set -- --lib --bins --tests
fi
windows_cargo test --locked --no-fail-fast -Zbuild-std=std,panic_unwind,test "$@"

# The shipped exe itself (release, window subsystem), if scripts/build-windows.sh made it: the
# command line answers through the console front and directly, with a Windows path.
if [[ -f dist/windows/gazette-browser.exe && -f dist/windows/gazette-browser.com ]]; then
  echo "== dist/windows under wine"
  bad_dir="$WINEPREFIX/drive_c/users/Public/公报 测试"
  mkdir -p "$bad_dir"
  printf '(这不是公报' >"$bad_dir/坏文件.ron"
  bad_path='C:\users\Public\公报 测试\坏文件.ron'
  for exe in gazette-browser.com gazette-browser.exe; do
    set +e
    message=$("$WINE" "dist/windows/$exe" --gazette "$bad_path" check 2>&1 >/dev/null)
    code=$?
    set -e
    echo "  $exe --gazette '$bad_path' check -> exit $code: $message"
    if [[ $code != 2 || $message != error:*坏文件.ron* ]]; then
      echo "error: expected exit 2 and a message naming 坏文件.ron" >&2
      exit 1
    fi
  done
  tables=$("$WINE" dist/windows/gazette-browser.com tables)
  grep -q '^land-prices' <<<"$tables" || {
    echo "error: gazette-browser.com tables did not list land-prices" >&2
    exit 1
  }
  echo "  gazette-browser.com tables: $(wc -l <<<"$tables") tables listed"
fi
