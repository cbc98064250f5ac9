import { create } from 'zustand';

export type EvaluationTab =
  | 'details'
  | 'framework'
  | 'scale'
  | 'weights'
  | 'rules'
  | 'panel'
  | 'bidders'
  | 'bids'
  | 'declarations'
  | 'register'
  | 'scoring'
  | 'progress'
  | 'moderation'
  | 'ranking'
  | 'export'
  | 'audit'
  | 'packs';

export type Route =
  | { name: 'evaluations' }
  /** bidderId opens one bidder inside a tab (e.g. the scoring workspace). */
  | { name: 'evaluation'; evaluationId: string; tab: EvaluationTab; bidderId?: string }
  | { name: 'frameworks' }
  | { name: 'backups' }
  | { name: 'installation' }
  | { name: 'account' }
  | { name: 'framework'; frameworkId: string };

interface NavigationState {
  route: Route;
  go(route: Route): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  route: { name: 'evaluations' },
  go: (route) => set({ route }),
}));
