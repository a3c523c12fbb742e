// In-process dedupe for adapters, so an activity retried in the same worker does not deliver the
// same notification twice. It is bounded and forgets on restart by design: durable dedupe belongs
// to the caller's inbox/outbox, which can pass its own store through the adapters' options.

/** Remembers idempotency keys that were delivered. Implementations may be durable. */
export interface DeliveredKeys {
  has(key: string): boolean | Promise<boolean>;
  add(key: string): void | Promise<void>;
}

/** Keeps the most recent `capacity` keys in insertion order and evicts the oldest. */
export class InMemoryDeliveredKeys implements DeliveredKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.add(key);
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next();
      if (oldest.done) break;
      this.keys.delete(oldest.value);
    }
  }

  get size(): number {
    return this.keys.size;
  }
}

/**
 * Runs `deliver` at most once per key: skips keys already delivered, and lets concurrent sends of
 * one key share the first attempt. A failed attempt is not remembered, so a retry sends again.
 */
export class OncePerKey {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(readonly delivered: DeliveredKeys) {}

  run(key: string, deliver: () => Promise<void>): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const attempt = (async () => {
      if (await this.delivered.has(key)) return;
      await deliver();
      await this.delivered.add(key);
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, attempt);
    return attempt;
  }
}
