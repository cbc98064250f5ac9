// Which Node versions the locked dependencies accept, compared with `engines.node` in package.json.
// `node scripts/node-range.mjs` prints any version on which the two disagree (and who decides it);
// test/unit/packaging keeps them equal, so the README's Node requirement stays true after upgrades.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const semver = createRequire(import.meta.url)('semver');

/** `engines.node` of every package in a package-lock.json (v2/v3), the project itself excluded. */
export function lockedEngineRanges(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path !== '' && typeof entry.engines?.node === 'string')
    .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), range: entry.engines.node }));
}

/** Every x.y.0 from Node 18 to 30, plus each range's own lowest version (patch-level boundaries). */
function versionsToProbe(ranges) {
  const probes = new Set();
  for (let major = 18; major <= 30; major++) for (let minor = 0; minor <= 40; minor++) probes.add(`${major}.${minor}.0`);
  for (const range of ranges) {
    const lowest = semver.minVersion(range, { loose: true });
    if (lowest) probes.add(lowest.version);
  }
  return [...probes].sort(semver.compare);
}

/**
 * The Node versions on which `engines` and the dependencies disagree: allowed by one, refused by the
 * other. Empty when package.json states exactly what the dependencies accept.
 */
export function nodeRangeDisagreements(engines, dependencyRanges) {
  const ranges = dependencyRanges.map((dependency) => dependency.range);
  return versionsToProbe([engines, ...ranges]).flatMap((version) => {
    const blockers = dependencyRanges.filter((dependency) => !semver.satisfies(version, dependency.range, { loose: true }));
    const allowed = semver.satisfies(version, engines, { loose: true });
    return allowed === (blockers.length === 0) ? [] : [{ version, allowedByEngines: allowed, blockers }];
  });
}

/** The lowest Node version a range allows, e.g. "22.13.0". */
export function lowestNodeVersion(range) {
  return semver.minVersion(range)?.version ?? null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const disagreements = nodeRangeDisagreements(engines.node, lockedEngineRanges(lock));
  if (disagreements.length === 0) console.log(`engines.node "${engines.node}" is exactly what the dependencies accept.`);
  for (const { version, allowedByEngines, blockers } of disagreements) {
    const who = blockers.map((b) => `${b.name} (${b.range})`).join(', ');
    console.log(
      allowedByEngines ? `${version}: allowed by engines but refused by ${who}` : `${version}: refused by engines but every dependency accepts it`,
    );
  }
  process.exitCode = disagreements.length === 0 ? 0 : 1;
}
