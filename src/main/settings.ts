import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from './vault/atomicWrite';

// The app's own settings: which register folders this machine has opened, and by whom,
// so the start screen can offer them. No register data, no passphrases.

const settingsSchema = z.object({
  recent: z.array(z.object({ folder: z.string(), userName: z.string() })).max(20).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

const MAX_RECENT = 8;

export function readSettings(dir: string): Settings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')));
    // A damaged settings file loses only the recent list; it never stops the app.
    return parsed.success ? parsed.data : { recent: [] };
  } catch {
    return { recent: [] };
  }
}

export function rememberRegister(dir: string, folder: string, userName: string): Settings {
  const current = readSettings(dir);
  const recent = [{ folder, userName }, ...current.recent.filter((r) => r.folder !== folder)].slice(0, MAX_RECENT);
  const next = { ...current, recent };
  mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(path.join(dir, 'settings.json'), Buffer.from(JSON.stringify(next, null, 2)));
  return next;
}
