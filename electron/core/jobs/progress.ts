/**
 * Progress of long work (exports, imports) that a host can poll while the work runs: the work yields to
 * the event loop between chunks, so a progress call is answered in the meantime.
 */
export interface ProgressEntry {
  ownerId: string;
  done: number;
  total: number;
  label: string;
  finished: boolean;
}

export class ProgressRegistry {
  private readonly entries = new Map<string, ProgressEntry>();

  start(jobId: string, ownerId: string, label: string): (done: number, total: number) => void {
    this.entries.set(jobId, { ownerId, done: 0, total: 0, label, finished: false });
    return (done, total) => {
      const entry = this.entries.get(jobId);
      if (entry) Object.assign(entry, { done, total });
    };
  }

  finish(jobId: string): void {
    const entry = this.entries.get(jobId);
    if (entry) entry.finished = true;
    // Keep finished entries briefly so a last poll still sees 100%.
    setTimeout(() => this.entries.delete(jobId), 60_000).unref();
  }

  read(jobId: string, ownerId: string): ProgressEntry | null {
    const entry = this.entries.get(jobId);
    return entry && entry.ownerId === ownerId ? entry : null;
  }
}
