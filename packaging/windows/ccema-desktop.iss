; Inno Setup 6 script: the Windows installer of CCEMA Desktop, made from the PyInstaller folder.
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\ccema-desktop.spec
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\ccema-desktop.iss
;
; gives dist\ccema-desktop-VERSION-windows-x64-setup.exe. .github/workflows/packaging.yml does both on a
; windows-latest runner. NOT built or run on the project's Linux machine (see packaging/README.md).
;
; Upgrades: the same AppId installs over the previous version in place. The old _internal folder is removed
; first so nothing of the older release lingers. The data folder (%LOCALAPPDATA%\CCEMA\CCEMA Desktop) is
; never touched by install, upgrade or uninstall; the app upgrades the database itself on first start, after
; a backup, and an older app refuses a newer database with a message.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ccema-desktop"
#endif

[Setup]
; Never change this id: it is how Windows knows a new version replaces the installed one.
AppId={{CCA69BF8-862C-456C-9F98-6118B86E54DC}
AppName=CCEMA Desktop
AppVersion={#AppVersion}
AppVerName=CCEMA Desktop {#AppVersion}
AppPublisher=IOM / CCEMA
VersionInfoVersion={#AppVersion}
; Facilitators often have no administrator rights on the laptop: install for the current user by default
; (%LOCALAPPDATA%\Programs), for all users when run as administrator and chosen in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\CCEMA Desktop
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ccema-desktop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
UninstallDisplayIcon={app}\ccema-desktop.exe
UninstallDisplayName=CCEMA Desktop

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; ccema-desktop.exe (the app, no console window), ccema.exe (the command line), _internal\ (Python, Qt, data)
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\CCEMA Desktop"; Filename: "{app}\ccema-desktop.exe"
Name: "{autodesktop}\CCEMA Desktop"; Filename: "{app}\ccema-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ccema-desktop.exe"; Description: "{cm:LaunchProgram,CCEMA Desktop}"; Flags: nowait postinstall skipifsilent
