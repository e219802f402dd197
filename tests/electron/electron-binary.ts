import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronPackage = path.resolve(__dirname, '../../node_modules/electron');

/**
 * Where an Electron binary is, without triggering the npm package's download: either
 * ELECTRON_OVERRIDE_DIST_PATH, or a download the package completed earlier.
 */
export function findElectronBinary(): { path: string } | { path: null; reason: string } {
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const candidate = path.join(override, relative);
    return existsSync(candidate) ? { path: candidate } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist.` };
  }
  const downloaded = path.join(electronPackage, 'dist', relative);
  if (existsSync(pathFile) && existsSync(downloaded)) return { path: downloaded };
  return {
    path: null,
    reason: 'No Electron binary on this machine (its download cannot be reached here): set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to run this test.',
  };
}
