// What the host (the Electron shell, or a test harness) provides to the service: the
// operating system's file dialogs and a folder for the app's own small settings.
// The service never receives a path the user did not pick in one of these dialogs.

export type FolderPurpose = 'create' | 'open' | 'restore';

export interface Dialogs {
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
  chooseBackupFile(mode: 'save' | 'open', suggestedName: string): Promise<string | null>;
  /** Where to save an export the person asked for (it is readable outside the register). */
  chooseExportFile(format: 'csv' | 'pdf' | 'txt', suggestedName: string): Promise<string | null>;
  /** An exchange file (.mappa) or an office key file (.mappa-key), to save for a partner or to open from one. */
  chooseExchangeFile(mode: 'save' | 'open', kind: 'exchange' | 'key', suggestedName: string): Promise<string | null>;
}

export interface Host {
  dialogs: Dialogs;
  /** Where settings.json lives (Electron's userData). Holds no register data. */
  settingsDir: string;
}
