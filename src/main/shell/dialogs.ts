import type { BrowserWindow, Dialog } from 'electron';
import type { Dialogs, FolderPurpose } from '../host';

const FOLDER_TITLES: Record<FolderPurpose, { title: string; buttonLabel: string }> = {
  create: { title: 'Choose an empty folder for the new register', buttonLabel: 'Use this folder' },
  open: { title: 'Choose the folder that holds the register', buttonLabel: 'Open register' },
  restore: { title: 'Choose an empty folder to restore the register into', buttonLabel: 'Restore here' },
};

const BACKUP_FILTER = [{ name: 'MAPPA Register backup', extensions: ['mappa-backup'] }];
const EXCHANGE_FILTERS = {
  exchange: [{ name: 'MAPPA exchange file', extensions: ['mappa'] }],
  key: [{ name: 'MAPPA office key', extensions: ['mappa-key'] }],
};
const EXCHANGE_TITLES = {
  save: { exchange: 'Save the exchange file (OFFICIAL-SENSITIVE, encrypted for its recipients)', key: 'Save this office’s public key file' },
  open: { exchange: 'Choose the exchange file to open', key: 'Choose the partner office’s key file' },
};

/** The operating system's own file dialogs, attached to the app window. */
export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFolder(purpose) {
      const parent = window();
      const options = { ...FOLDER_TITLES[purpose], properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseBackupFile(mode, suggestedName) {
      const parent = window();
      if (mode === 'save') {
        const options = { title: 'Save the backup', defaultPath: suggestedName, filters: BACKUP_FILTER, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      }
      const options = { title: 'Choose the backup to restore', filters: BACKUP_FILTER, properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportFile(format, suggestedName) {
      const parent = window();
      const options = {
        title: 'Save the export (OFFICIAL-SENSITIVE)',
        defaultPath: suggestedName,
        filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : format === 'txt' ? { name: 'Text', extensions: ['txt'] } : { name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseExchangeFile(mode, kind, suggestedName) {
      const parent = window();
      if (mode === 'save') {
        const options = { title: EXCHANGE_TITLES.save[kind], defaultPath: suggestedName, filters: EXCHANGE_FILTERS[kind], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      }
      const options = { title: EXCHANGE_TITLES.open[kind], filters: EXCHANGE_FILTERS[kind], properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
