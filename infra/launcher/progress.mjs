// Timestamped progress lines: "[  12.3s] kafka: fetching jars from Maven Central…".
// Elapsed seconds (not wall-clock time) because the question people ask while waiting is
// "how long has this been going", and cold starts include multi-minute builds.

export function createProgress({ quiet = false, stream = process.stdout } = {}) {
  const t0 = Date.now();
  const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`;
  const write = (line) => {
    if (!quiet) stream.write(`${stamp()} ${line}\n`);
  };
  return {
    quiet,
    elapsed: () => (Date.now() - t0) / 1000,
    info: (component, message) => write(`${component}: ${message}`),
    // Plain line without a component prefix (summary etc.).
    line: (message) => write(message),
    // For steps that take minutes: print `message()` every `everyMs` so a silent terminal does
    // not look like a hang. Returns a function that stops it.
    heartbeat(component, message, everyMs = 15000) {
      const timer = setInterval(() => write(`${component}: ${message()}`), everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
