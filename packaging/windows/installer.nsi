; The Windows installer of 公报浏览器 (Gazette Browser), built by scripts/package.sh with Debian's
; makensis:
;   makensis -INPUTCHARSET UTF8 -DVERSION=x.y.z -DFILES=<folder> -DOUTFILE=<setup.exe> installer.nsi
; FILES holds gazette-browser.exe, its console front gazette-browser.com, gazette-browser.ico and the text files the installer copies.
;
; Clerks have no administrator rights: everything goes to the user's own profile and registry
; (per-user install under %LOCALAPPDATA%\Programs, the Start menu of this user, "Apps & features"
; through HKCU). Opening .ron files from Explorer is an option that is off unless ticked.
; Silent: setup.exe /S installs with the defaults (no file association); add /ASSOCIATE to tick
; the .ron option (for IT departments that deploy silently); uninstall.exe /S removes.

; A 64-bit installer: the program is x64 anyway, and so it runs under a 64-bit-only wine (the
; test); 32-bit stubs would need wine's 32-bit part.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"

!define APP_EXE "gazette-browser.exe"
!define APP_KEY "GazetteBrowser"
!define PROG_ID "GazetteBrowser.GazetteFile"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
!define SHORTCUT "$SMPROGRAMS\$(AppName).lnk"
; SHChangeNotify(SHCNE_ASSOCCHANGED, SHCNF_IDLIST): Explorer rereads file associations.
!define NOTIFY_ASSOC_CHANGED 'System::Call "shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)"'

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Gazette Browser"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "$(AppName) ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Gazette Browser 公报浏览器"
VIAddVersionKey /LANG=0 "FileDescription" "公报浏览器 安装程序 (Gazette Browser setup)"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${FILES}\gazette-browser.ico"
!define MUI_UNICON "${FILES}\gazette-browser.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the one used when Windows' own language is neither of them.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_SIMPCHINESE} "公报浏览器"
LangString AppName ${LANG_ENGLISH} "Gazette Browser"
LangString SectionProgram ${LANG_SIMPCHINESE} "公报浏览器（必需）"
LangString SectionProgram ${LANG_ENGLISH} "Gazette Browser (required)"
LangString SectionAssociate ${LANG_SIMPCHINESE} "双击 .ron 公报数据文件时用公报浏览器打开"
LangString SectionAssociate ${LANG_ENGLISH} "Open .ron gazette data files with Gazette Browser"
LangString FileTypeName ${LANG_SIMPCHINESE} "公报数据文件"
LangString FileTypeName ${LANG_ENGLISH} "Gazette data file"
LangString Publisher ${LANG_SIMPCHINESE} "公报浏览器项目组"
LangString Publisher ${LANG_ENGLISH} "Gazette Browser team"
LangString WelcomeText ${LANG_SIMPCHINESE} "本向导将把 公报浏览器 ${VERSION} 安装到您本人的账户中，不需要管理员权限。$\r$\n$\r$\n安装完成后，可在“开始”菜单中找到“公报浏览器”。$\r$\n$\r$\n点击“下一步”继续。"
LangString WelcomeText ${LANG_ENGLISH} "This wizard installs Gazette Browser ${VERSION} into your own user account; no administrator rights are needed.$\r$\n$\r$\nAfterwards you find Gazette Browser in the Start menu.$\r$\n$\r$\nClick Next to continue."

Section "$(SectionProgram)" SecProgram
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${FILES}\${APP_EXE}"
  File "${FILES}\gazette-browser.com"
  File "${FILES}\gazette-browser.ico"
  File "${FILES}\使用说明.txt"
  File "${FILES}\LICENSE-MIT.txt"
  File "${FILES}\LICENSE-APACHE.txt"
  File "${FILES}\OFL-字体许可.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\gazette-browser.ico" 0
  ; Its name depends on the installer's language; the uninstaller removes the one made here.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "StartMenuShortcut" "${SHORTCUT}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "$(Publisher)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\gazette-browser.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ; EstimatedSize is in KiB.
  SectionGetSize ${SecProgram} $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; Off by default (/o): the clerk decides whether .ron files open here.
Section /o "$(SectionAssociate)" SecAssociate
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "$(FileTypeName)"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\gazette-browser.ico"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" --gazette "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROG_ID}" ""
  ; Become the default only where no other program has claimed .ron files.
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ${If} $0 == ""
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROG_ID}"
  ${EndIf}
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "AssociatedRon" 1
  ${NOTIFY_ASSOC_CHANGED}
SectionEnd

; /ASSOCIATE on the command line ticks the .ron option (the only way to choose it with /S).
Function .onInit
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/ASSOCIATE" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecAssociate}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "StartMenuShortcut"
  ${If} $0 != ""
    Delete "$0"
  ${EndIf}
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\gazette-browser.com"
  Delete "$INSTDIR\gazette-browser.ico"
  Delete "$INSTDIR\使用说明.txt"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\OFL-字体许可.txt"
  Delete "$INSTDIR\uninstall.exe"
  ; Only an empty folder is removed: files the clerk put there stay.
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  ${EndIf}
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ${NOTIFY_ASSOC_CHANGED}
SectionEnd
