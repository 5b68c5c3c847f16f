; Inno Setup 6 script: per-machine Windows installer around the PyInstaller bundle.
; Built by .github/workflows/windows.yml on a Windows runner (cannot be built on Linux):
;   pyinstaller --noconfirm --clean build.spec
;   ISCC.exe /DAppVersion=<app.__version__> packaging\windows\casebook.iss
; -> dist\casebook-<version>-setup.exe
;
; Installs dist\casebook\ (casebook.exe windowed, casebook-cli.exe console, _internal\) under
; Program Files, a start-menu entry and an uninstaller. User data (database, evidence store,
; backups, settings) lives in each user's %LOCALAPPDATA%\Casebook\casebook, is never written
; by the installer and is kept on uninstall: it belongs to the investigations.

#define AppName "Casebook"
#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (from app/__init__.py)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\casebook"
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find the installation by it.
AppId={{6F0C2B8E-3D7A-4E55-9B1C-CA5EB00C0001}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Casebook
VersionInfoVersion={#AppVersion}
; Per-machine install into Program Files (needs an administrator, as offices deploy it).
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=casebook-{#AppVersion}-setup
SetupIconFile=..\icons\casebook.ico
UninstallDisplayIcon={app}\casebook.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade over a running Casebook would leave a half-replaced bundle: close it first.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle as a whole: files of the previous version that the new one no
; longer has (renamed modules, dropped DLLs) must not linger in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\casebook.exe"; Comment: "Casebook"
Name: "{autoprograms}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\casebook-cli.exe"" selftest"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\casebook.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\casebook.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything left in the program's own folder (e.g. files a later version added and an
; interrupted upgrade left). Never {localappdata}\Casebook: the users' data stays.
Type: filesandordirs; Name: "{app}\_internal"
