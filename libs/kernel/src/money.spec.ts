import { describe, expect, it } from '@jest/globals';
import { formatMoney, formatSignedMoney, parseMoney } from './money.js';

describe('money as integer cents (ARCHITECTURE rule 8)', () => {
  it.each([
    ['100', 10_000n],
    ['100.5', 10_050n],
    ['100.05', 10_005n],
    ['0.01', 1n],
    ['0', 0n],
    ['999999999999.99', 99_999_999_999_999n],
  ])('parses %s exactly', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it('keeps amounts a float would round: 0.1 + 0.2 is 30 cents', () => {
    expect(parseMoney('0.1') + parseMoney('0.2')).toBe(parseMoney('0.3'));
  });

  it.each(['1.234', '-1.00', '1e3', '01.00', '', '1,00', ' 1.00'])('refuses %p', (text) => {
    expect(() => parseMoney(text)).toThrow(RangeError);
  });

  it('formats with exactly two decimals, and round-trips', () => {
    expect(formatMoney(10_000n)).toBe('100.00');
    expect(formatMoney(5n)).toBe('0.05');
    expect(formatMoney(parseMoney('123.4'))).toBe('123.40');
  });

  it('refuses to format a negative amount as a rate', () => {
    expect(() => formatMoney(-1n)).toThrow(RangeError);
  });

  it('formats a signed difference either way (FIN-8 adjustments)', () => {
    expect(formatSignedMoney(-1_000n)).toBe('-10.00');
    expect(formatSignedMoney(-5n)).toBe('-0.05');
    expect(formatSignedMoney(1_000n)).toBe('10.00');
    expect(formatSignedMoney(0n)).toBe('0.00');
  });
});
