// Latency summaries. Nearest-rank percentiles report a value that was actually measured rather
// than an interpolation; with fewer than 100 samples (95 after warm-up) p99 is simply the maximum.

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

const fmt = (ms) => (Number.isNaN(ms) ? 'n/a' : `${ms.toFixed(0)} ms`);

/** Prints `[label, samples in ms]` rows as an aligned count/mean/p50/p90/p99/max table. */
export function latencyTable(rows) {
  const header = ['', 'count', 'mean', 'p50', 'p90', 'p99', 'max'];
  const lines = rows.map(([label, samples]) => {
    const s = summarize(samples);
    return [label, String(s.count), fmt(s.mean), fmt(s.p50), fmt(s.p90), fmt(s.p99), fmt(s.max)];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => l[i].length)));
  for (const line of [header, ...lines]) {
    console.log(
      line
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  '),
    );
  }
}

/** Runs `fn` and answers how long it took (ms) with what it answered. */
export async function timed(fn) {
  const started = performance.now();
  const answer = await fn();
  return { ms: performance.now() - started, answer };
}

/** mulberry32: a small deterministic pseudo-random source, so every run asks the same questions. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
