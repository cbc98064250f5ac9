import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/api/contract';
import { dumpDatabase, makeCore, withDemoPassphrases } from '../support/core';

/*
 * Every method of the contract, whatever it does, refuses malformed input with a structured error before
 * anything runs, and the database is unchanged afterwards.
 */
describe('every method of the contract', () => {
  it('refuses malformed params with INVALID_PARAMS and changes nothing', async () => {
    const t = makeCore();
    const demo = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
    await t.sessionOf(demo.leadPersonId); // signed in before the snapshot: signing in is recorded
    const before = dumpDatabase(t.core.databaseFile);
    const methods = Object.keys(contract) as MethodName[];
    expect(methods.length).toBeGreaterThan(50);
    for (const method of methods) {
      for (const params of [42, 'text', [1, 2]]) {
        const error = await t.fail(demo.leadPersonId, method, params);
        expect(error.code, `${method} with ${JSON.stringify(params)}`).toBe('INVALID_PARAMS');
        expect(error.message.length).toBeGreaterThan(10);
      }
    }
    expect(dumpDatabase(t.core.databaseFile)).toEqual(before);
  });
});
