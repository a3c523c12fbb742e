import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config.js';
import { databaseUrlVar, DEFAULT_PORTS, kafkaVars } from './platform-env.js';

describe('loadConfig (fail fast with a clear message)', () => {
  const shape = {
    DATABASE_URL: databaseUrlVar('providers'),
    ...kafkaVars,
    PORT: z.coerce.number(),
  };

  it('applies the documented defaults and parses lists', () => {
    const config = loadConfig('providers', shape, { PORT: '3001', KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.DATABASE_URL).toBe(
      `postgres://postgres@127.0.0.1:${DEFAULT_PORTS.postgres}/providers`,
    );
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every invalid variable by name in one error', () => {
    let error: unknown;
    try {
      loadConfig('providers', shape, { DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('providers: invalid configuration');
    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).toMatch(/PORT: .*number/i);
  });
});
