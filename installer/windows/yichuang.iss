; Inno Setup 6 script for 一窗 (Yichuang): a per-machine install of the PyInstaller one-folder build.
; Build on Windows (it cannot be built on the Linux CI), from the repository root:
;   python tools\build_translations.py
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\yichuang.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\yichuang.iss
; Output: dist\yichuang-<version>-setup.exe. See docs/installing.md.
;
; Profiles live in %LOCALAPPDATA%\yichuang (one per Windows user). They are not created by this installer and are
; never deleted by the uninstaller: removing or upgrading the program keeps every case, document and backup.

#ifndef AppVersion
  #define AppVersion "0.1.0"   ; pass /DAppVersion=<app/__init__.py __version__> so the two never disagree
#endif
#define AppName "一窗 综合受理"
#define AppExe "yichuang.exe"
#define Bundle "..\..\dist\yichuang"

[Setup]
; The AppId must never change: it is how an upgrade finds the installed copy and replaces it in place.
AppId={{6B0D3C5E-2F7A-4B8E-9C1D-59A1E0C4F7B2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Yichuang district IT
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Yichuang
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine: one install serves every clerk's Windows account on the counter PC.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=yichuang-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\yichuang.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Upgrades: close a running copy first, then replace the files; the profile is untouched and the database is
; migrated by the new version on its next start (a copy is kept in the profile's backups folder first).
CloseApplications=yes
RestartApplications=no
UsePreviousAppDir=yes

[Languages]
; ChineseSimplified.isl: if your Inno Setup has no Languages\ChineseSimplified.isl, copy it from the
; Inno Setup translations page (https://jrsoftware.org/files/istrans/) into that folder first.
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade must not leave modules of the previous version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only the program folder. %LOCALAPPDATA%\yichuang (the profiles) is deliberately not listed.
Type: filesandordirs; Name: "{app}\_internal"
