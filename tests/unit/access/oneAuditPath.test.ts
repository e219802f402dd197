import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md: acts return their audit entries and session.act commits them with the act.
// A second way of writing an entry (a direct appendAudit, or a commit from the service
// around session.act) is how an act ends up without its entry, so the code is searched.

const main = path.resolve(__dirname, '../../../src/main');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(main, f).split(path.sep).join('/');

describe('one audit path', () => {
  const files = sources(main);

  it('appends audit entries only in commitActed (what session.act runs)', () => {
    const callers = files.filter((f) => /\bappendAudit\(/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(callers.sort()).toEqual(['access/acting.ts', 'audit/log.ts']);
  });

  it('commits to the register only through acting, storage and the demo-data generator', () => {
    const committers = files.filter((f) => /\.commit\(/.test(readFileSync(f, 'utf8'))).map(rel);
    const allowed = (f: string) => f === 'access/acting.ts' || f.startsWith('vault/') || f.startsWith('db/') || f.startsWith('register/demo/');
    expect(committers.filter((f) => !allowed(f))).toEqual([]);
  });
});
