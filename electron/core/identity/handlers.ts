import { ApiError } from '../../../shared/api/errors';
import type { sessionMethods } from '../../../shared/api/session';
import { recordAudit } from '../audit/record';
import { administratorOnly, anyone, signedIn } from '../authorisation';
import type { HandlerContext } from '../context';
import { findPerson, insertPerson, listPeople, personWithSameName } from '../people/repo';
import type { HandlersFor } from '../registry';
import { waitAfterFailures } from './back-off';
import { hashPassphrase, passphraseMatches, type StoredHash } from './passphrase-hash';
import { assessPassphrase } from './passphrase-strength';
import {
  administratorId,
  appointAdministrator,
  currentCredential,
  demoPeople,
  evaluationsOf,
  idleMinutes,
  insertCredential,
  peopleWithPassphrase,
  recordAttempt,
  recordReset,
  saveIdleMinutes,
  signInHistory,
  unsealedDrafts,
} from './repo';
import { sessionInfo } from './sign-in';

const me = (ctx: HandlerContext) => ctx.actor!;

async function strongOrRefuse(passphrase: string, personalWords: string[]): Promise<void> {
  const verdict = await assessPassphrase(passphrase, personalWords);
  if (!verdict.acceptable) {
    throw new ApiError('RULE_VIOLATION', verdict.message, [verdict.message, ...verdict.suggestions].map((message) => ({ path: 'passphrase', message })));
  }
}

function nameIsFree(ctx: HandlerContext, name: string): void {
  const clash = personWithSameName(ctx.db, name);
  if (clash) throw new ApiError('CONFLICT', `There is already a profile called “${clash.name}”. Sign in as it, or add a distinguishing detail to your name.`);
}

/** Seconds until this person may try again, counting from their last wrong passphrase. */
function secondsToWait(ctx: HandlerContext, personId: string): number {
  const { failures, lastFailureAt } = signInHistory(ctx.db, personId);
  const wait = waitAfterFailures(failures);
  if (wait === 0 || !lastFailureAt) return 0;
  const left = Date.parse(lastFailureAt) + wait * 1000 - Date.parse(ctx.now());
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

type Verdict = { kind: 'too-soon'; seconds: number } | { kind: 'no-passphrase' } | { kind: 'checked'; matches: boolean; credentialSeq: number };

export const identityHandlers: HandlersFor<typeof sessionMethods> = {
  'session.profiles': {
    auth: anyone,
    run(ctx) {
      const withPassphrase = peopleWithPassphrase(ctx.db);
      const admin = administratorId(ctx.db);
      const demo = demoPeople(ctx.db);
      return listPeople(ctx.db).map((p) => ({ ...p, canSignIn: withPassphrase.has(p.id), administrator: p.id === admin, demo: demo.has(p.id) }));
    },
  },
  'session.assessPassphrase': { auth: anyone, run: (_ctx, { passphrase, name }) => assessPassphrase(passphrase, name ? [name] : []) },
  'session.register': {
    auth: anyone,
    async prepare(ctx, { name, passphrase }) {
      nameIsFree(ctx, name);
      await strongOrRefuse(passphrase, [name]);
      return hashPassphrase(passphrase, ctx.profileKdfLogN);
    },
    run(ctx, { name }, prepared) {
      nameIsFree(ctx, name);
      const at = ctx.now();
      const person = { id: ctx.newId(), name, createdAt: at };
      insertPerson(ctx.db, person);
      insertCredential(ctx.db, { personId: person.id, hash: prepared as StoredHash, kind: 'chosen', at, by: person.id });
      if (administratorId(ctx.db) === null) appointAdministrator(ctx.db, { personId: person.id, at, by: null, reason: 'the first profile added on this installation' });
      recordAttempt(ctx.db, person.id, at, 'signed-in');
      return sessionInfo(ctx, person, false);
    },
  },
  'session.signIn': {
    auth: anyone,
    async prepare(ctx, { personId, passphrase }): Promise<Verdict> {
      if (!findPerson(ctx.db, personId)) throw new ApiError('NOT_FOUND', 'There is no such profile here.');
      const seconds = secondsToWait(ctx, personId);
      if (seconds > 0) return { kind: 'too-soon', seconds };
      const credential = currentCredential(ctx.db, personId);
      if (!credential) return { kind: 'no-passphrase' };
      return { kind: 'checked', matches: await passphraseMatches(credential, passphrase), credentialSeq: credential.seq };
    },
    run(ctx, { personId }, prepared) {
      const verdict = prepared as Verdict;
      const person = findPerson(ctx.db, personId)!;
      const at = ctx.now();
      if (verdict.kind === 'no-passphrase') {
        return {
          signedIn: false,
          message: `${person.name} has no passphrase on this computer yet. Open your evaluator pack here to choose one, or ask the installation administrator to set one.`,
          retryAfterSeconds: 0,
        };
      }
      // Re-checked inside the transaction: two attempts at once cannot both slip past the wait.
      const seconds = verdict.kind === 'too-soon' ? verdict.seconds : secondsToWait(ctx, personId);
      if (seconds > 0) {
        recordAttempt(ctx.db, personId, at, 'too-soon');
        return { signedIn: false, message: `Too many wrong passphrases for ${person.name}. Wait ${seconds} seconds, then try again.`, retryAfterSeconds: seconds };
      }
      if (verdict.kind !== 'checked') throw new Error('unreachable');
      const credential = currentCredential(ctx.db, personId);
      if (!verdict.matches || credential?.seq !== verdict.credentialSeq) {
        recordAttempt(ctx.db, personId, at, 'wrong-passphrase');
        const next = secondsToWait(ctx, personId);
        return {
          signedIn: false,
          message: `That passphrase is not right for ${person.name}.${next > 0 ? ` Wait ${next} seconds before trying again.` : ''}`,
          retryAfterSeconds: next,
        };
      }
      const history = signInHistory(ctx.db, personId);
      recordAttempt(ctx.db, personId, at, 'signed-in');
      return { signedIn: true, ...sessionInfo(ctx, person, credential.kind === 'reset', history) };
    },
  },
  'session.end': {
    auth: anyone,
    run(ctx) {
      if (ctx.session) ctx.sessions.end(ctx.session.id);
      return { ok: true };
    },
  },
  'session.touch': { auth: signedIn, run: (ctx) => ({ idleMinutes: ctx.sessions.idle }) },
  'session.changePassphrase': {
    auth: signedIn,
    async prepare(ctx, { currentPassphrase, newPassphrase }) {
      const credential = currentCredential(ctx.db, me(ctx).id);
      if (!credential || !(await passphraseMatches(credential, currentPassphrase))) {
        throw new ApiError('RULE_VIOLATION', 'Your current passphrase is not right.', [{ path: 'currentPassphrase', message: 'Your current passphrase is not right.' }]);
      }
      if (newPassphrase === currentPassphrase) throw new ApiError('RULE_VIOLATION', 'Choose a passphrase different from the current one.', [{ path: 'newPassphrase', message: 'Choose a different passphrase.' }]);
      await strongOrRefuse(newPassphrase, [me(ctx).name]);
      return { seq: credential.seq, hash: await hashPassphrase(newPassphrase, ctx.profileKdfLogN) };
    },
    run(ctx, _params, prepared) {
      const { seq, hash } = prepared as { seq: number; hash: StoredHash };
      if (currentCredential(ctx.db, me(ctx).id)?.seq !== seq) throw new ApiError('CONFLICT', 'Your passphrase changed meanwhile; sign in again.');
      insertCredential(ctx.db, { personId: me(ctx).id, hash, kind: 'chosen', at: ctx.now(), by: me(ctx).id });
      // A new passphrase closes the person's other sessions (e.g. one left open elsewhere by whoever knew the old one).
      ctx.sessions.endFor(me(ctx).id, ctx.session?.id);
      if (ctx.session) ctx.sessions.passphraseChanged(ctx.session.id);
      return { ok: true };
    },
  },
  'admin.accounts': {
    auth: administratorOnly,
    run(ctx) {
      const withPassphrase = peopleWithPassphrase(ctx.db);
      const admin = administratorId(ctx.db);
      const demo = demoPeople(ctx.db);
      return {
        idleMinutes: idleMinutes(ctx.db),
        people: listPeople(ctx.db).map((p) => {
          const history = signInHistory(ctx.db, p.id);
          return {
            ...p,
            canSignIn: withPassphrase.has(p.id),
            administrator: p.id === admin,
            demo: demo.has(p.id),
            lastSignInAt: history.lastSignInAt,
            failedSinceLastSignIn: history.failures,
            resetPending: currentCredential(ctx.db, p.id)?.kind === 'reset',
          };
        }),
      };
    },
  },
  'admin.resetPassphrase': {
    auth: administratorOnly,
    async prepare(ctx, { personId, passphrase }) {
      const person = findPerson(ctx.db, personId);
      if (!person) throw new ApiError('NOT_FOUND', 'There is no such profile here.');
      if (personId === me(ctx).id) throw new ApiError('RULE_VIOLATION', 'Change your own passphrase from “Change passphrase”; a reset is for someone else.');
      await strongOrRefuse(passphrase, [person.name]);
      return hashPassphrase(passphrase, ctx.profileKdfLogN);
    },
    run(ctx, { personId }, prepared) {
      const at = ctx.now();
      const withheldDrafts = unsealedDrafts(ctx.db, personId);
      insertCredential(ctx.db, { personId, hash: prepared as StoredHash, kind: 'reset', at, by: me(ctx).id });
      recordReset(ctx.db, { personId, at, by: me(ctx).id });
      ctx.sessions.endFor(personId);
      // The reset is on the record of every evaluation the person sits on.
      const evaluations = evaluationsOf(ctx.db, personId);
      for (const evaluationId of evaluations) recordAudit(ctx, 'admin.resetPassphrase', { evaluationId, personId, withheldDrafts }, null);
      return { withheldDrafts, evaluations: evaluations.length };
    },
  },
  'admin.handOver': {
    auth: administratorOnly,
    run(ctx, { personId, reason }) {
      const person = findPerson(ctx.db, personId);
      if (!person) throw new ApiError('NOT_FOUND', 'There is no such profile here.');
      if (personId === me(ctx).id) throw new ApiError('RULE_VIOLATION', 'You already administer this installation.');
      if (demoPeople(ctx.db).has(personId)) throw new ApiError('RULE_VIOLATION', 'A demo profile cannot administer the installation.');
      if (!currentCredential(ctx.db, personId)) throw new ApiError('RULE_VIOLATION', `${person.name} has no passphrase here, so could not sign in to administer it.`);
      appointAdministrator(ctx.db, { personId, at: ctx.now(), by: me(ctx).id, reason });
      return { ok: true };
    },
  },
  'admin.setIdleMinutes': {
    auth: administratorOnly,
    run(ctx, { minutes }) {
      saveIdleMinutes(ctx.db, minutes, ctx.now(), me(ctx).id);
      ctx.sessions.setIdleMinutes(minutes);
      return { idleMinutes: minutes };
    },
  },
};
