import { useEffect, useRef } from 'react';

/**
 * Focuses the element when it appears, if keyboard focus was lost (the control that moved here has gone):
 * a keyboard user then carries on from the new screen's heading rather than from the top of the page.
 */
export function useFocusWhenLost<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) ref.current?.focus();
  }, []);
  return ref;
}
