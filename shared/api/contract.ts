import type { z } from 'zod';
import { appMethods } from './app';
import { auditMethods } from './audit';
import { backupMethods } from './backup';
import { conflictMethods } from './conflicts';
import { evaluationMethods } from './evaluations';
import { exchangeMethods } from './exchange';
import { exportMethods } from './export';
import { frameworkMethods } from './frameworks';
import { moderationMethods } from './moderation';
import { rankingMethods } from './ranking';
import { peopleMethods } from './people';
import { scoreSheetMethods } from './score-sheets';
import { scoringMethods } from './scoring';
import { sessionMethods } from './session';
import { submissionMethods } from './submissions';

/** The one typed contract every host serves: method name → zod params and result. */
export const contract = {
  ...appMethods,
  ...sessionMethods,
  ...peopleMethods,
  ...frameworkMethods,
  ...evaluationMethods,
  ...submissionMethods,
  ...conflictMethods,
  ...scoringMethods,
  ...moderationMethods,
  ...rankingMethods,
  ...exportMethods,
  ...auditMethods,
  ...backupMethods,
  ...scoreSheetMethods,
  ...exchangeMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
export type Result<M extends MethodName> = z.output<Contract[M]['result']>;

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(contract, name);

/**
 * What crosses a host boundary: the session the call belongs to (opaque, from session.signIn or
 * session.register; null before signing in) and the method's params. The core takes the acting person
 * from the session alone, never from anything else a client sends.
 */
export interface Envelope {
  sessionId: string | null;
  params: unknown;
}
