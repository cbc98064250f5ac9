// Is the build in out/ current? `npm start` rebuilds only when it is not.
//
// The build is current when every output exists and none is older than the newest input (a source
// file, the build configuration, or the locked dependencies). Only these three outputs are checked:
// every build writes them, and further entries (such as the core's worker) come and go with the code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_OUTPUTS = ['out/main/index.js', 'out/main/web-host.js', 'out/renderer/index.html'];

/** Folders whose files are compiled into out/, and the single files that change what is built. */
export const BUILD_INPUT_DIRS = ['electron', 'shared', 'renderer', 'resources/frameworks'];
export const BUILD_INPUT_FILES = ['electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * The decision, on modification times alone.
 * @param {{ path: string, mtimeMs: number }[]} inputs
 * @param {{ path: string, mtimeMs: number | null }[]} outputs  null: the output does not exist
 * @returns {{ build: false } | { build: true, reason: 'missing' | 'changed', path: string }}
 */
export function buildDecision(inputs, outputs) {
  const missing = outputs.find((output) => output.mtimeMs === null);
  if (missing) return { build: true, reason: 'missing', path: missing.path };
  const oldestOutput = Math.min(...outputs.map((output) => output.mtimeMs));
  const changed = inputs.find((input) => input.mtimeMs > oldestOutput);
  return changed ? { build: true, reason: 'changed', path: changed.path } : { build: false };
}

function mtimeOrNull(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Reads the modification times under `root` and decides. */
export function checkBuild(root) {
  const inputs = [...BUILD_INPUT_DIRS.flatMap((dir) => filesUnder(join(root, dir))), ...BUILD_INPUT_FILES.map((file) => join(root, file))]
    .map((path) => ({ path, mtimeMs: mtimeOrNull(path) }))
    .filter((input) => input.mtimeMs !== null);
  const outputs = BUILD_OUTPUTS.map((file) => ({ path: join(root, file), mtimeMs: mtimeOrNull(join(root, file)) }));
  return buildDecision(inputs, outputs);
}
