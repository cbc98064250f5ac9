import { create } from 'zustand';
import type { Person } from '../../../shared/api/people';
import { call, messageOf, setActor } from '../api/client';
import { attempt, type ActionResult } from './attempt';
import { useNavigation } from './navigation';

interface SessionState {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  firstRun: boolean;
  /** Set when the data file failed its integrity check: only recovery is offered. */
  recovery: { problem: string } | null;
  version: string;
  people: Person[];
  me: Person | null;
  load(): Promise<void>;
  signIn(person: Person): void;
  signOut(): void;
  createProfile(name: string): Promise<ActionResult>;
  /** Adds someone to this installation's people without switching to them (e.g. for the panel). */
  addPerson(name: string): Promise<(ActionResult & { person?: Person })>;
  createDemo(): Promise<ActionResult>;
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'loading',
  loadError: null,
  firstRun: false,
  recovery: null,
  version: '',
  people: [],
  me: null,
  async load() {
    try {
      const info = await call('app.info', {});
      const people = info.recovery ? [] : await call('people.list', {});
      set({ status: 'ready', firstRun: info.firstRun, recovery: info.recovery, version: info.version, people, loadError: null });
    } catch (error) {
      set({ status: 'failed', loadError: messageOf(error) });
    }
  },
  signIn(person) {
    setActor(person.id);
    useNavigation.getState().go({ name: 'evaluations' });
    set({ me: person });
  },
  signOut() {
    setActor(null);
    set({ me: null });
  },
  async createProfile(name) {
    const result = await get().addPerson(name);
    if (result.ok && result.person) get().signIn(result.person);
    return result;
  },
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
      const lead = get().people.find((p) => p.id === demo.leadPersonId);
      if (lead) {
        get().signIn(lead);
        useNavigation.getState().go({ name: 'evaluation', evaluationId: demo.evaluationId, tab: 'details' });
      }
    }),
}));
