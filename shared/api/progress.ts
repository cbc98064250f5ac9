import type { ApiErrorShape } from './errors';

/** Long work (exports, imports) tells the window how far it has got: pushed by the host, never polled. */
export interface ProgressUpdate {
  jobId: string;
  label: string;
  done: number;
  total: number;
  finished: boolean;
}

/** What a window following progress hears: an update of one of its person's jobs, or why it may not follow. */
export type ProgressPush = { kind: 'progress'; update: ProgressUpdate } | { kind: 'refused'; error: ApiErrorShape };

/** A fresh id for a job the window is about to start, so it can recognise that job's updates. */
export const newJobId = (): string => `job-${crypto.randomUUID()}`;
