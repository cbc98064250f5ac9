import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { MethodName, Params, Result } from '../../../shared/api/contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { createCore, type Core } from '../../../electron/core';

const open: { core: Core; dir: string }[] = [];
afterEach(() => {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls as a person and expects success. */
  call<M extends MethodName>(actorId: string | null, method: M, params: Params<M>): Promise<Result<M>>;
  /** Calls and expects a structured error. */
  fail(actorId: string | null, method: string, params: unknown): Promise<ApiErrorShape>;
  reopen(): TestCore;
}

/** A real core on a real SQLite file in a fresh temporary folder: no mocks. */
export function makeCore(dataDir = mkdtempSync(join(tmpdir(), 'capability-test-'))): TestCore {
  const core = createCore({ dataDir, log: () => {} });
  open.push({ core, dir: dataDir });
  const self: TestCore = {
    core,
    dataDir,
    async call(actorId, method, params) {
      const outcome = await core.dispatch(actorId, method, params);
      if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.result as never;
    },
    async fail(actorId, method, params) {
      const outcome = await core.dispatch(actorId, method, params);
      if (outcome.ok) throw new Error(`${method} unexpectedly succeeded`);
      return outcome.error;
    },
    reopen() {
      const i = open.findIndex((o) => o.core === core);
      open.splice(i, 1);
      core.close();
      return makeCore(dataDir);
    },
  };
  return self;
}

/** A procurement lead with an evaluation on the Merton framework, plus people to put on the panel. */
export async function leadWithEvaluation(t: TestCore) {
  const lead = await t.call(null, 'people.create', { name: 'Lee Lead' });
  const frameworks = await t.call(lead.id, 'frameworks.list', {});
  const evaluation = await t.call(lead.id, 'evaluations.create', {
    name: 'Community services 2026',
    reference: 'CS-26',
    frameworkId: frameworks[0]!.id,
  });
  return { lead, evaluation, frameworkId: frameworks[0]!.id };
}
