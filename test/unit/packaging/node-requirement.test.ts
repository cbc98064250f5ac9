import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockedEngineRanges, lowestNodeVersion, nodeRangeDisagreements } from '../../../scripts/node-range.mjs';

const root = resolve(import.meta.dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
const engines: string = readJson('package.json').engines.node;

describe('the Node requirement', () => {
  it('in package.json is exactly the range every locked dependency accepts', () => {
    const disagreements = nodeRangeDisagreements(engines, lockedEngineRanges(readJson('package-lock.json')));
    expect(disagreements.map(({ version, blockers }) => `${version}: ${blockers.map((b) => `${b.name} ${b.range}`).join(', ')}`)).toEqual([]);
  });

  it('is recorded the same in the lockfile, which npm ci checks against', () => {
    expect(readJson('package-lock.json').packages[''].engines.node).toBe(engines);
  });

  it('is the one the README states', () => {
    const requirements = readFileSync(resolve(root, 'README.md'), 'utf8').split('## Requirements')[1]!.split('\n## ')[0]!;
    const [major, minor] = lowestNodeVersion(engines)!.split('.');
    expect(requirements).toContain(`Node.js ${major}.${minor}+`);
  });

  it('is caught out when a dependency raises its own minimum', () => {
    const dependencies = [
      { name: 'electron', range: '>= 22.12.0' },
      { name: 'a-newer-tool', range: '>=24' },
    ];
    const disagreements = nodeRangeDisagreements('^22.13.0 || >=24', dependencies);
    expect(disagreements[0]).toMatchObject({ version: '22.13.0', allowedByEngines: true, blockers: [{ name: 'a-newer-tool' }] });
  });

  it('is caught out when it refuses versions every dependency accepts', () => {
    const disagreements = nodeRangeDisagreements('>=24', [{ name: 'electron', range: '>= 22.12.0' }]);
    expect(disagreements[0]).toMatchObject({ version: '22.12.0', allowedByEngines: false, blockers: [] });
  });
});
