import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** Takes the data-edit-id of the element to focus. */
type FocusLater = (editId: string) => void;

const FocusContext = createContext<FocusLater>(() => undefined);

/**
 * Lets an editor move keyboard focus to an element that exists only after the edit renders
 * (a new input, the next button after a removal), so focus is never dropped to the page.
 */
export function FocusProvider({ children }: { children: ReactNode }) {
  const pending = useRef<string | null>(null);
  // A request re-renders the provider in the same batch as the edit, so the effect runs once the edit is on screen.
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (!pending.current) return;
    document.querySelector<HTMLElement>(`[data-edit-id="${CSS.escape(pending.current)}"]`)?.focus();
    pending.current = null;
  }, [requests]);
  const focusLater = useCallback<FocusLater>((editId) => {
    pending.current = editId;
    setRequests((n) => n + 1);
  }, []);
  return <FocusContext.Provider value={focusLater}>{children}</FocusContext.Provider>;
}

export const useFocusLater = (): FocusLater => useContext(FocusContext);
