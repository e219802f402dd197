// `npm test`: lint, typecheck, build, unit tests (vitest), UI tests (Playwright +
// Debian Chromium) and Electron-shell tests, in that order. Each runner writes a JSON
// report; the last line printed is the total over all of them, "N passed, N failed",
// and the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.tmp/results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${ok ? 'passed' : 'FAILED'} (${seconds}s)`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest(label, report) {
  const { seconds } = run(label, bin('vitest'), ['run', '--config', 'vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const json = readJson(report);
  if (!json) {
    totals.failed += 1;
    lines.push(`${label}: FAILED — the runner wrote no report (${seconds}s)`);
    return;
  }
  const passed = json.numPassedTests ?? 0;
  const failed = json.numFailedTests ?? 0;
  const suitesFailed = (json.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  totals.passed += passed;
  totals.failed += failed + suitesFailed;
  totals.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed + suitesFailed} failed, ${skipped} skipped (${seconds}s)`);
}

function playwright(label, config, report) {
  const { seconds } = run(label, bin('playwright'), ['test', '--config', config], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const json = readJson(report);
  if (!json) {
    totals.failed += 1;
    lines.push(`${label}: FAILED — the runner wrote no report (${seconds}s)`);
    return;
  }
  const stats = json.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const failed = (stats.unexpected ?? 0) + (json.errors?.length ?? 0);
  const skipped = stats.skipped ?? 0;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds}s)`);
  // A skipped test is reported by name, with its reason, never counted as a pass.
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
          lines.push(`  skipped: ${[...trail, spec.title].join(' › ')} — ${reason}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of json.suites ?? []) walk(suite, [suite.title]);
}

check('lint', bin('eslint'), ['.']);
check('typecheck', bin('tsc'), ['-b']);
const built = check('build', bin('electron-vite'), ['build']);
vitest('unit', path.join(results, 'unit.json'));
if (built) {
  playwright('ui', 'tests/ui/playwright.config.ts', path.join(results, 'ui.json'));
  playwright('electron', 'tests/electron/playwright.config.ts', path.join(results, 'electron.json'));
} else {
  totals.failed += 1;
  lines.push('ui, electron: not run because the build failed');
}

console.log('\n=== summary ===');
for (const line of lines) console.log(line);
if (totals.skipped > 0) console.log(`${totals.skipped} skipped (not counted as passed)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || !existsSync(results) ? 1 : 0);
