/** How long work takes, and the longest the event loop stood still meanwhile (a host answers nothing then). */
export async function withStalls<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 15)); // lets the timer see the end of a last stall
  clearInterval(tick);
  return { result, ms, longestStallMs: longest };
}
