import { create } from 'zustand';

export type SetupTab = 'details' | 'framework' | 'scale' | 'weights' | 'rules' | 'panel' | 'bidders';

export type Route =
  | { name: 'evaluations' }
  | { name: 'evaluation'; evaluationId: string; tab: SetupTab }
  | { name: 'frameworks' }
  | { name: 'framework'; frameworkId: string };

interface NavigationState {
  route: Route;
  go(route: Route): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  route: { name: 'evaluations' },
  go: (route) => set({ route }),
}));
