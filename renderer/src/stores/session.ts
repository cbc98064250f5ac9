import { create } from 'zustand';
import type { Result } from '../../../shared/api/contract';
import type { Person } from '../../../shared/api/people';
import type { Profile, SessionInfo } from '../../../shared/api/session';
import { call, messageOf, onConnection, setSession } from '../api/client';
import { attempt, type ActionResult } from './attempt';
import { useNavigation } from './navigation';

export type DemoProfiles = Result<'demo.create'>['profiles'];

interface SessionState {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  firstRun: boolean;
  hasAdministrator: boolean;
  /** Set when the data file failed its integrity check: only recovery is offered. */
  recovery: { problem: string } | null;
  version: string;
  /** Everyone known here (for panels and records). */
  people: Person[];
  /** Who can sign in here. */
  profiles: Profile[];
  me: Person | null;
  administrator: boolean;
  idleMinutes: number;
  mustChangePassphrase: boolean;
  /** Said once after signing in: wrong passphrases tried since last time. */
  signInNotice: string | null;
  /**
   * Locked: the session ended (Lock, idle, host restarted) but the screen stays as it was behind the lock,
   * so what was typed and not yet saved is still there when the same person signs in again.
   */
  locked: { reason: string } | null;
  /** The host stopped answering; the page keeps checking until it answers again. */
  hostDown: string | null;
  /** The demo's passphrases, shown once after making it. */
  demoProfiles: DemoProfiles | null;
  load(): Promise<void>;
  signIn(personId: string, passphrase: string): Promise<ActionResult & { retryAfterSeconds?: number }>;
  register(name: string, passphrase: string): Promise<ActionResult>;
  /** Opens a session the core already made (e.g. opening an evaluator pack made the profile). */
  begin(info: SessionInfo): void;
  lock(reason?: string): Promise<void>;
  /** Ends the session; `notice` is shown on the sign-in screen (e.g. after a restore). */
  switchPerson(notice?: string): Promise<void>;
  /** Said on the sign-in screen once, e.g. that a restore worked and everyone signs in again. */
  signedOutNotice: string | null;
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<ActionResult>;
  /** Adds someone to this installation's people without a passphrase (e.g. for the panel). */
  addPerson(name: string): Promise<ActionResult & { person?: Person }>;
  createDemo(): Promise<ActionResult>;
  dismissDemoProfiles(): void;
  dismissSignInNotice(): void;
}

const HOST_CHECK_MS = 3000;
let hostCheck: ReturnType<typeof setInterval> | null = null;

export const useSession = create<SessionState>((set, get) => {
  const lockedOut = (reason: string) => {
    setSession(null);
    if (get().me) set({ locked: { reason } });
  };

  onConnection({
    sessionLost: (message) => lockedOut(message),
    hostUnavailable(message) {
      set({ hostDown: message });
      hostCheck ??= setInterval(() => {
        call('app.info', {})
          .then(() => {
            if (hostCheck) clearInterval(hostCheck);
            hostCheck = null;
            set({ hostDown: null });
            // A restarted host knows no sessions: ask the same person to sign in again, keeping the page.
            if (get().me && !get().locked) {
              call('session.touch', {}).catch(() => undefined);
            }
          })
          .catch(() => undefined);
      }, HOST_CHECK_MS);
    },
  });

  return {
    status: 'loading',
    loadError: null,
    firstRun: false,
    hasAdministrator: false,
    recovery: null,
    version: '',
    people: [],
    profiles: [],
    me: null,
    administrator: false,
    idleMinutes: 15,
    mustChangePassphrase: false,
    signInNotice: null,
    locked: null,
    hostDown: null,
    demoProfiles: null,
    async load() {
      try {
        const info = await call('app.info', {});
        const [people, profiles] = info.recovery ? [[], []] : await Promise.all([call('people.list', {}), call('session.profiles', {})]);
        set({
          status: 'ready',
          firstRun: info.firstRun,
          hasAdministrator: info.hasAdministrator,
          recovery: info.recovery,
          version: info.version,
          people,
          profiles,
          loadError: null,
        });
      } catch (error) {
        set({ status: 'failed', loadError: messageOf(error) });
      }
    },
    async signIn(personId, passphrase) {
      let retryAfterSeconds: number | undefined;
      const result = await attempt(async () => {
        const outcome = await call('session.signIn', { personId, passphrase });
        if (!outcome.signedIn) {
          retryAfterSeconds = outcome.retryAfterSeconds;
          throw new Error(outcome.message);
        }
        get().begin(outcome);
      });
      return { ...result, retryAfterSeconds };
    },
    register: (name, passphrase) =>
      attempt(async () => {
        get().begin(await call('session.register', { name, passphrase }));
        await get().load();
      }),
    begin(info) {
      setSession(info.sessionId);
      const { me, locked } = get();
      const resuming = locked !== null && me?.id === info.person.id;
      if (!resuming) useNavigation.getState().go({ name: 'evaluations' });
      const failed = info.failedAttemptsSinceLastSignIn;
      set({
        signedOutNotice: null,
        me: info.person,
        administrator: info.administrator,
        idleMinutes: info.idleMinutes,
        mustChangePassphrase: info.mustChangePassphrase,
        locked: null,
        signInNotice:
          failed > 0
            ? `${failed} wrong passphrase${failed === 1 ? ' was' : 's were'} tried for your profile since you last signed in. If that was not you, tell the installation administrator.`
            : null,
      });
    },
    async lock(reason = 'You locked the app.') {
      await call('session.end', { reason: 'lock' }).catch(() => undefined);
      lockedOut(reason);
    },
    signedOutNotice: null,
    async switchPerson(notice) {
      await call('session.end', { reason: 'switch' }).catch(() => undefined);
      setSession(null);
      set({ me: null, locked: null, administrator: false, mustChangePassphrase: false, signInNotice: null, signedOutNotice: notice ?? null });
      await get().load();
    },
    changePassphrase: (currentPassphrase, newPassphrase) =>
      attempt(async () => {
        await call('session.changePassphrase', { currentPassphrase, newPassphrase });
        set({ mustChangePassphrase: false });
      }),
    async addPerson(name) {
      let person: Person | undefined;
      const result = await attempt(async () => {
        person = await call('people.create', { name });
        await get().load();
      });
      return { ...result, person };
    },
    createDemo: () =>
      attempt(async () => {
        const demo = await call('demo.create', {});
        await get().load();
        set({ demoProfiles: demo.profiles });
      }),
    dismissDemoProfiles: () => set({ demoProfiles: null }),
    dismissSignInNotice: () => set({ signInNotice: null }),
  };
});
