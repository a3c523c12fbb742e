// The adapters' in-process dedupe: bounded memory, concurrent sends share one attempt, and a
// failed attempt is forgotten so the retry of an activity really sends.
import { describe, expect, it } from '@jest/globals';
import { InMemoryDeliveredKeys, OncePerKey } from './idempotency.js';

describe('OncePerKey', () => {
  it('delivers a key once, including when sends of it overlap', async () => {
    const once = new OncePerKey(new InMemoryDeliveredKeys());
    let deliveries = 0;
    const deliver = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      deliveries += 1;
    };
    await Promise.all([once.run('k', deliver), once.run('k', deliver)]);
    await once.run('k', deliver);
    expect(deliveries).toBe(1);
  });

  it('forgets a failed attempt so the retry delivers', async () => {
    const once = new OncePerKey(new InMemoryDeliveredKeys());
    await expect(
      once.run('k', async () => {
        throw new Error('smtp down');
      }),
    ).rejects.toThrow('smtp down');
    let delivered = false;
    await once.run('k', async () => {
      delivered = true;
    });
    expect(delivered).toBe(true);
  });
});

describe('InMemoryDeliveredKeys', () => {
  it('keeps only the most recent keys', () => {
    const keys = new InMemoryDeliveredKeys(2);
    keys.add('a');
    keys.add('b');
    keys.add('c');
    expect([keys.has('a'), keys.has('b'), keys.has('c'), keys.size]).toEqual([
      false,
      true,
      true,
      2,
    ]);
    expect(() => new InMemoryDeliveredKeys(0)).toThrow(RangeError);
  });
});
