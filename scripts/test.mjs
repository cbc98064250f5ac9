// `npm test`: typecheck, lint, unit tests (core on real SQLite), build, then e2e in Chromium against the
// real web host. Every step runs even if an earlier one failed, and the last line counts everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (label, args) => {
  console.log(`\n▶ ${label}: npx ${args.join(' ')}`);
  const result = spawnSync(npx, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
};
/** Runs a step with its output held back, so that steps running at once print one after another. */
const runAlongside = (label, args) =>
  new Promise((resolve) => {
    const child = spawn(npx, args, { env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      console.log(`\n▶ ${label}: npx ${args.join(' ')}`);
      process.stdout.write(output);
      resolve(code === 0);
    });
  });
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

// If the desktop app last rebuilt better-sqlite3 for Electron's ABI, rebuild it for Node's first.
if (spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:')"], { stdio: 'ignore' }).status !== 0) {
  console.log('▶ better-sqlite3 is not built for this Node; rebuilding it');
  spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const checks = [];

// Typecheck, lint and build are independent and mostly single-threaded: on two cores they run at once.
const [typecheckOk, lintOk, buildOk] = await Promise.all([
  runAlongside('typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']),
  runAlongside('lint', ['eslint', '.', '--max-warnings=0']),
  runAlongside('build', ['electron-vite', 'build']),
]);
for (const [label, ok] of [
  ['typecheck', typecheckOk],
  ['lint', lintOk],
  ['build', buildOk],
]) {
  checks.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
  if (ok) passed++;
  else failed++;
}

// The unit tests that kill a real host process run the built web host, so build first.
const unitOk = run('unit tests', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) failed++;
checks.push(`unit: ${unit ? `${unit.numPassedTests} passed, ${unit.numFailedTests} failed` : 'did not report'}`);

if (buildOk) {
  const e2eOk = run('e2e tests (Chromium)', ['playwright', 'test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
    skipped += e2e.stats.skipped;
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) failed++;
  checks.push(`e2e: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected + e2e.stats.flaky} failed` : 'did not report'}`);
}

console.log(`\n${checks.join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
