import { useEffect } from 'react';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';

const CHECK_EVERY_MS = 5_000;
/** While someone works without saving (reading a bid, typing), tell the core at most this often. */
const TOUCH_EVERY_MS = 60_000;
const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the administrator's idle time without keyboard or pointer activity, and keeps the
 * core's own idle clock in step while the person is active. The core enforces the same limit on its side.
 */
export function useIdleLock(): void {
  useEffect(() => {
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    const active = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY) window.addEventListener(event, active, { passive: true, capture: true });
    const timer = setInterval(() => {
      const { me, locked, idleMinutes, lock } = useSession.getState();
      if (!me || locked) {
        lastActivity = Date.now();
        return;
      }
      const now = Date.now();
      if (now - lastActivity >= idleMinutes * 60_000) {
        void lock(`Locked after ${idleMinutes} minute${idleMinutes === 1 ? '' : 's'} without activity.`);
      } else if (lastActivity > lastTouch && now - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = now;
        call('session.touch', {}).catch(() => undefined);
      }
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, active, { capture: true });
    };
  }, []);
}
