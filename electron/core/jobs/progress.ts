/**
 * Progress of long work (exports, imports), pushed to whoever follows it: the work reports after each chunk,
 * and followers hear at most every PUSH_EVERY_MS (and always the start and the end) so a fast loop cannot
 * flood the window.
 */
export interface ProgressEntry {
  ownerId: string;
  done: number;
  total: number;
  label: string;
  finished: boolean;
}

export interface ProgressEvent extends ProgressEntry {
  jobId: string;
}

type Listener = (event: ProgressEvent) => void;

const PUSH_EVERY_MS = 100;

export class ProgressRegistry {
  private readonly entries = new Map<string, ProgressEntry & { pushedAt: number }>();
  private readonly listeners = new Set<Listener>();

  start(jobId: string, ownerId: string, label: string): (done: number, total: number) => void {
    this.entries.set(jobId, { ownerId, done: 0, total: 0, label, finished: false, pushedAt: 0 });
    this.push(jobId, true);
    return (done, total) => {
      const entry = this.entries.get(jobId);
      if (!entry) return;
      Object.assign(entry, { done, total });
      this.push(jobId, false);
    };
  }

  finish(jobId: string): void {
    const entry = this.entries.get(jobId);
    if (!entry) return;
    entry.finished = true;
    this.push(jobId, true);
    this.entries.delete(jobId);
  }

  /** Hears every job's progress; the caller filters by owner. Returns how to stop. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private push(jobId: string, always: boolean): void {
    const entry = this.entries.get(jobId);
    const now = performance.now();
    if (!entry || (!always && now - entry.pushedAt < PUSH_EVERY_MS)) return;
    entry.pushedAt = now;
    const event: ProgressEvent = {
      jobId,
      ownerId: entry.ownerId,
      done: entry.done,
      total: entry.total,
      label: entry.label,
      finished: entry.finished,
    };
    for (const listener of this.listeners) listener(event);
  }
}
