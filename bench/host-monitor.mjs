/*
 * Loaded into the built web host by the bench (node --import this-file out/main/web-host.js): watches the
 * host's own event loop and resident memory, and answers the bench over the IPC channel it was spawned with.
 * Plain JavaScript, so that nothing compiles TypeScript inside the process being measured.
 *
 *   { bench: 'begin', id }  → starts a window: the longest stall and the peak RSS from now on
 *   { bench: 'end', id }    → { bench: 'window', id, longestStallMs, peakRssBytes, startRssBytes, exactPeak }
 *
 * The longest stall is the longest gap between ticks of a 5 ms timer (an idle loop shows about 5 ms). The
 * peak RSS is the largest of process.memoryUsage.rss() sampled every 20 ms and, where Linux lets the process
 * reset it (writing 5 to /proc/self/clear_refs), VmHWM at the window's end — exact however short the peak.
 * RSS is the whole process's, the core's worker thread included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const TICK_MS = 5;
const SAMPLE_MS = 20;

function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function highWaterBytes() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

// The core's worker thread inherits the host's --import: only the host's own thread is watched.
if (isMainThread && typeof process.send === 'function') {
  let last = performance.now();
  let longest = 0;
  let peak = 0;
  let exact = false;
  let start = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  setInterval(tick, TICK_MS).unref();
  setInterval(sample, SAMPLE_MS).unref();

  process.on('message', (message) => {
    if (!message || typeof message !== 'object' || typeof message.bench !== 'string') return;
    if (message.bench === 'begin') {
      tick();
      longest = 0;
      exact = resetPeak();
      start = process.memoryUsage.rss();
      peak = start;
      process.send({ bench: 'begun', id: message.id });
    } else if (message.bench === 'end') {
      tick(); // a stall still under way when the window ends counts too
      sample();
      const peakRssBytes = exact ? Math.max(peak, highWaterBytes()) : peak;
      process.send({ bench: 'window', id: message.id, longestStallMs: longest, peakRssBytes, startRssBytes: start, exactPeak: exact });
    }
  });
  // The bench went away: stop as on Ctrl+C (the host closes its server and the core).
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
