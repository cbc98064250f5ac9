import { useEffect } from 'react';
import { BRIDGE_GLOBAL } from '../../../../shared/api/bridge';
import { useScoring } from '../../stores/scoring';

/**
 * Saves what is unsaved when the window is hidden or about to close. In a browser the request may not
 * outlive the page, so the browser is also asked to confirm leaving while anything is unsaved; in the
 * desktop app the IPC message reaches the core even as the window closes (and asking would block it).
 */
export function useSaveOnLeave(): void {
  useEffect(() => {
    const inDesktopApp = BRIDGE_GLOBAL in window;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      const scoring = useScoring.getState();
      if (!scoring.hasUnsaved()) return;
      void scoring.flush();
      if (!inDesktopApp) event.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void useScoring.getState().flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
}
