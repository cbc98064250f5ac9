import type { z } from 'zod';
import type { SessionInfoSchema } from '../../../shared/api/session';
import type { HandlerContext } from '../context';
import type { Person } from '../../../shared/api/people';
import { administratorId, signInHistory } from './repo';

/** What a person is told when a session opens: who they are here, and any wrong passphrases tried since last time. */
export function sessionInfo(ctx: HandlerContext, person: Person, mustChangePassphrase: boolean, history = signInHistory(ctx.db, person.id)): z.input<typeof SessionInfoSchema> {
  const session = ctx.sessions.start(person.id, mustChangePassphrase);
  return {
    sessionId: session.id,
    person,
    administrator: administratorId(ctx.db) === person.id,
    idleMinutes: ctx.sessions.idle,
    mustChangePassphrase,
    failedAttemptsSinceLastSignIn: history.failures,
    lastSignInAt: history.lastSignInAt,
  };
}
