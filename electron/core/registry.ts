import type { z } from 'zod';
import { contract, isMethodName, type Contract, type MethodName } from '../../shared/api/contract';
import { ApiError, issuesFromZod, type Outcome } from '../../shared/api/errors';
import type { Person } from '../../shared/api/people';
import { recordAudit } from './audit/record';
import { authorise, type AuthRule } from './authorisation';
import type { HandlerContext } from './context';
import type { Session, Sessions } from './identity/sessions';

export interface Handler<M extends MethodName> {
  auth: AuthRule;
  /**
   * For a mutation with slow or asynchronous work to do first (parsing an Excel upload, sealing or opening
   * a pack): runs after authorisation and before the transaction, while other calls are answered. It may
   * read the store but never writes it; what it returns is handed to run, which re-checks inside the one
   * transaction whatever it relied on that could have changed meanwhile.
   */
  prepare?(ctx: HandlerContext, params: z.output<Contract[M]['params']>): Promise<unknown>;
  /** A rolling backup is taken before this mutation runs (imports), named with this reason. */
  backupBefore?: string;
  /** Mutations are synchronous (one SQLite transaction); reads may be async (e.g. writing a workbook). */
  run(
    ctx: HandlerContext,
    params: z.output<Contract[M]['params']>,
    prepared?: unknown,
  ): z.input<Contract[M]['result']> | Promise<z.input<Contract[M]['result']>>;
}
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlersFor<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };

/** The one entry of the core: the session a call belongs to (null before signing in), the method and its params. */
export type Dispatch = (sessionId: string | null, method: string, params: unknown) => Promise<Outcome<unknown>>;

/** What a session whose passphrase the administrator set may still do: choose a new one, or leave. */
const WHILE_PASSPHRASE_MUST_CHANGE = new Set(['session.changePassphrase', 'session.end', 'session.touch', 'session.assessPassphrase', 'app.info', 'session.profiles']);

interface RegistryDeps {
  handlers: Handlers;
  makeContext(actor: Person | null, session: Session | null): HandlerContext;
  sessions: Sessions;
  findPerson(id: string): Person | undefined;
  backupNow(reason: string): Promise<unknown>;
  log(error: unknown): void;
}

/**
 * The one door into the core: validates params, resolves and authorises the actor, runs the handler
 * (mutations in one IMMEDIATE transaction together with their audit entry), validates the result, and
 * turns every failure into a structured error. A failed call changes nothing.
 */
export function createDispatch({ handlers, makeContext, sessions, findPerson, backupNow, log }: RegistryDeps): Dispatch {
  return async (sessionId, method, rawParams) => {
    try {
      if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', `There is no method "${method}".`);
      const spec = contract[method];
      const parsed = spec.params.safeParse(rawParams ?? {});
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error);
        throw new ApiError('INVALID_PARAMS', `Invalid request: ${issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ')}`, issues);
      }
      // The acting person comes from the session alone: nothing else a client sends can name them.
      let actor: Person | null = null;
      let session: Session | null = null;
      if (sessionId !== null) {
        session = sessions.resolve(sessionId);
        actor = findPerson(session.personId) ?? null;
        if (!actor) {
          sessions.end(session.id);
          throw new ApiError('UNAUTHENTICATED', 'That profile is no longer known to this installation. Sign in again.');
        }
        if (session.mustChangePassphrase && !WHILE_PASSPHRASE_MUST_CHANGE.has(method)) {
          throw new ApiError('FORBIDDEN', 'Choose a new passphrase first: the one you signed in with was set by the administrator.');
        }
      }
      const ctx = makeContext(actor, session);
      const handler = handlers[method] as Handler<MethodName>;
      let result: unknown;
      if (spec.mutates) {
        let prepared: unknown;
        if (handler.prepare || handler.backupBefore) authorise(handler.auth, ctx, parsed.data);
        if (handler.prepare) prepared = await handler.prepare(ctx, parsed.data as never);
        if (handler.backupBefore) await backupNow(handler.backupBefore);
        result = ctx.db
          .transaction(() => {
            authorise(handler.auth, ctx, parsed.data);
            const output = handler.run(ctx, parsed.data as never, prepared);
            if (output instanceof Promise) throw new Error(`mutating handler ${method} must be synchronous`);
            const checked = spec.result.parse(output);
            recordAudit(ctx, method, parsed.data, checked);
            return checked;
          })
          .immediate();
      } else {
        authorise(handler.auth, ctx, parsed.data);
        result = spec.result.parse(await handler.run(ctx, parsed.data as never));
        // An export is recorded with what it produced (files are named by their SHA-256, never copied in).
        if ('audited' in spec && spec.audited) ctx.db.transaction(() => recordAudit(ctx, method, { ...(parsed.data as object), produced: result }, null)).immediate();
      }
      return { ok: true, result };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
      log(error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the app; nothing was changed.' } };
    }
  };
}
