// Money helpers live in libs/kernel so finance computes payments with the same exact cents.
export { MONEY_INPUT_PATTERN, formatMoney, parseMoney, type Cents } from '@platform/kernel';
