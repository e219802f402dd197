import path from 'node:path';
import { MappaError } from '../../shared/errors';
import { readSettings } from '../settings';

// Paths come only from the host's dialogs (or the recent list those dialogs filled), so
// a compromised page cannot point the service at any file it likes.

export interface ChosenPaths {
  /** The person picked this path in a dialog. */
  approve(p: string): string;
  /** The absolute path, if the person chose it; otherwise a refusal naming the form field. */
  require(p: string, field: string, what: string): string;
}

export function createChosenPaths(settingsDir: string): ChosenPaths {
  const approved = new Set<string>(readSettings(settingsDir).recent.map((r) => path.resolve(r.folder)));
  return {
    approve(p) {
      const resolved = path.resolve(p);
      approved.add(resolved);
      return resolved;
    },
    require(p, field, what) {
      const resolved = path.resolve(p);
      if (!path.isAbsolute(p) || !approved.has(resolved)) {
        throw new MappaError('path_not_chosen', `Choose the ${what} with the Choose button; it cannot be typed in.`, field);
      }
      return resolved;
    },
  };
}
