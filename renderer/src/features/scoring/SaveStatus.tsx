import type { SaveState } from '../../stores/scoring';
import { formatTime } from './criteria';

/** Announces autosave politely: "Saving…", "Saved at 14:02:31", or what went wrong. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Saved at ${formatTime(state.at)}`
        : state.kind === 'failed'
          ? `Not saved: ${state.message}${state.willRetry ? ' What you typed is kept here, and the app keeps trying to save it.' : ''}`
          : '';
  return (
    <p className={`save-status${state.kind === 'failed' ? ' save-status-failed' : ''}`} role="status">
      {text}
    </p>
  );
}
