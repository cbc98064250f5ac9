import { z } from 'zod';
import { DisplayName } from '../domain/names';
import { Id, Name, NoParams, Ok, Timestamp } from './common';
import { method } from './define';
import { PersonSchema } from './people';

/** What a person types to sign in; its strength is checked only when it is chosen. */
export const Passphrase = z.string().min(1, 'Enter the passphrase').max(1024, 'A passphrase must be at most 1,024 characters');

export const PassphraseAssessmentSchema = z.object({
  acceptable: z.boolean(),
  /** 0 (guessable in seconds) to 4 (very strong), from the strength estimator. */
  score: z.number().int().min(0).max(4),
  /** Why it is refused, in a sentence; empty when acceptable. */
  message: z.string(),
  suggestions: z.array(z.string()),
});
export type PassphraseAssessment = z.infer<typeof PassphraseAssessmentSchema>;

export const SessionInfoSchema = z.object({
  /** Opaque; the page keeps it in memory and sends it with every call. Never put it in a URL. */
  sessionId: z.string(),
  person: PersonSchema,
  administrator: z.boolean(),
  idleMinutes: z.number().int(),
  /** The passphrase was set by the administrator: the session can only choose a new one. */
  mustChangePassphrase: z.boolean(),
  failedAttemptsSinceLastSignIn: z.number().int(),
  lastSignInAt: Timestamp.nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SignInResultSchema = z.discriminatedUnion('signedIn', [
  SessionInfoSchema.extend({ signedIn: z.literal(true) }),
  z.object({ signedIn: z.literal(false), message: z.string(), retryAfterSeconds: z.number().int() }),
]);

export const ProfileSchema = PersonSchema.extend({
  /** False for people added to a panel who have no passphrase here (they may work from a pack). */
  canSignIn: z.boolean(),
  administrator: z.boolean(),
  demo: z.boolean(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const PersonAccountSchema = ProfileSchema.extend({
  lastSignInAt: Timestamp.nullable(),
  failedSinceLastSignIn: z.number().int(),
  /** The administrator set a passphrase the person has not replaced yet. */
  resetPending: z.boolean(),
});

export const sessionMethods = {
  /** The profiles someone at this computer can sign in as. */
  'session.profiles': method({ params: NoParams, result: z.array(ProfileSchema), mutates: false }),
  /** Checks a passphrase someone is choosing, with the reason and suggestions when it is too weak. */
  'session.assessPassphrase': method({
    params: z.object({ passphrase: z.string().max(1024), name: z.string().max(200).optional() }).strict(),
    result: PassphraseAssessmentSchema,
    mutates: false,
  }),
  /** Adds a profile with its passphrase and signs in as it. The first one added here administers the installation. */
  'session.register': method({
    params: z.object({ name: DisplayName('Your full name', 120), passphrase: Passphrase }).strict(),
    result: SessionInfoSchema,
    mutates: true,
  }),
  /** Every attempt is recorded; after repeated wrong passphrases the next attempt must wait. */
  'session.signIn': method({
    params: z.object({ personId: Id, passphrase: Passphrase }).strict(),
    result: SignInResultSchema,
    mutates: true,
  }),
  /** Ends the session: "Lock" (the same person signs in again to carry on) or "Switch person". */
  'session.end': method({ params: z.object({ reason: z.enum(['lock', 'switch']) }).strict(), result: Ok, mutates: false }),
  /** Keeps an idle session from locking while the person is working without saving (typing, reading). */
  'session.touch': method({ params: NoParams, result: z.object({ idleMinutes: z.number().int() }), mutates: false }),
  'session.changePassphrase': method({
    params: z.object({ currentPassphrase: Passphrase, newPassphrase: Passphrase }).strict(),
    result: Ok,
    mutates: true,
  }),

  /** Installation administration: the administrator only. */
  'admin.accounts': method({
    params: NoParams,
    result: z.object({ idleMinutes: z.number().int(), people: z.array(PersonAccountSchema) }),
    mutates: false,
  }),
  /**
   * Sets a passphrase for someone who forgot theirs; they must choose a new one when they next sign in. Their
   * unsealed drafts are withheld from everyone, themselves included, so the reset reveals nothing.
   */
  'admin.resetPassphrase': method({
    params: z.object({ personId: Id, passphrase: Passphrase }).strict(),
    result: z.object({ withheldDrafts: z.number().int(), evaluations: z.number().int() }),
    mutates: true,
  }),
  'admin.handOver': method({
    params: z.object({ personId: Id, reason: Name('A reason', 500) }).strict(),
    result: Ok,
    mutates: true,
  }),
  'admin.setIdleMinutes': method({
    params: z.object({ minutes: z.number().int().min(1, 'at least 1 minute').max(240, 'at most 240 minutes (4 hours)') }).strict(),
    result: z.object({ idleMinutes: z.number().int() }),
    mutates: true,
  }),
};
