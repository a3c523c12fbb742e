import { describe, expect, it } from '@jest/globals';
import { dateRange, parseMoney } from '@platform/kernel';
import {
  validateLines,
  type InvoiceLineToValidate,
  type ValidationFacts,
} from './line-validation.js';
import { day, sharedSessions } from '../../test/support/domain-fixtures.js';

const facts = (overrides: Partial<ValidationFacts> = {}): ValidationFacts => ({
  registeredClients: new Set(['ann', 'bob']),
  registeredProviders: new Set(['provider-1']),
  registeredPayees: new Set(['group-1']),
  openCases: new Map([
    ['case-1', dateRange(day('2025-06-01'))],
    ['case-closed', dateRange(day('2025-06-01'), day('2025-12-31'))],
  ]),
  approvals: [
    { providerId: 'provider-1', serviceId: 'therapy', period: dateRange(day('2025-01-01')) },
  ],
  alreadyBilled: new Map(),
  fixedFeeCoverage: [],
  authorizationLineItems: [sharedSessions()],
  payableProducts: new Set(['therapy']),
  ...overrides,
});

const line = (overrides: Partial<InvoiceLineToValidate> = {}): InvoiceLineToValidate => ({
  lineId: 'line-1',
  lineNumber: 1,
  providerId: 'provider-1',
  payeeId: null,
  caseId: 'case-1',
  serviceId: 'therapy',
  clientIds: ['ann'],
  servicePeriod: { start: day('2026-01-10'), end: day('2026-01-10') },
  units: 3,
  billedUnitAmount: parseMoney('100'),
  ...overrides,
});

const codes = (validation: ReturnType<typeof validateLines>[number] | undefined) =>
  validation && !validation.valid ? validation.failures.map((f) => `${f.rule} ${f.code}`) : [];

describe('line-item validation (FIN-4, FIN-5)', () => {
  it('FIN-4: a line passing every check is valid and names the authorization line item it uses', () => {
    expect(validateLines([line()], facts())).toEqual([
      {
        valid: true,
        lineId: 'line-1',
        match: {
          matched: true,
          lineId: 'line-1',
          authorizationId: 'auth-1',
          lineItemId: 'auth-1/therapy',
          units: 3,
          unitsLeft: 7,
        },
      },
    ]);
  });

  it('FIN-4: returns every failure of a line, each with its code and rule, in a fixed order', () => {
    const bad = line({
      clientIds: ['zed'],
      providerId: 'provider-x',
      payeeId: 'nobody',
      caseId: 'case-closed',
    });
    expect(
      codes(validateLines([bad], facts({ alreadyBilled: new Map([['line-1', 'old-7']]) }))[0]),
    ).toEqual([
      'FIN-4 client-not-registered',
      'FIN-4 provider-not-registered',
      'FIN-4 payee-not-registered',
      'FIN-4 case-not-valid',
      'FIN-4 duplicate-line-item',
      'FIN-4 provider-not-approved-for-service',
      'FIN-4 no-matching-authorization',
    ]);
  });

  it('SVC-4: a service whose pay-by flags send it to placement or attendance payments is refused on an invoice', () => {
    expect(codes(validateLines([line()], facts({ payableProducts: new Set() }))[0])).toEqual([
      'SVC-4 service-not-paid-through-channel',
    ]);
    expect(validateLines([line()], facts())[0]?.valid).toBe(true);
  });

  it('FIN-4: a case is valid only when open on every day of the service period', () => {
    const closing = line({
      caseId: 'case-closed',
      servicePeriod: { start: day('2025-12-30'), end: day('2026-01-02') },
    });
    const [validation] = validateLines([closing], facts());
    expect(validation?.valid === false && validation.failures[0]).toEqual({
      code: 'case-not-valid',
      rule: 'FIN-4',
      message: 'case case-closed is not open throughout 2025-12-30 to 2026-01-02',
    });
    const before = line({
      caseId: 'case-1',
      servicePeriod: { start: day('2025-05-31'), end: day('2025-06-01') },
    });
    expect(codes(validateLines([before], facts())[0])).toContain('FIN-4 case-not-valid');
  });

  it('FIN-4: a line the caller says takes no units is judged as usual but leaves its units to a later line', () => {
    const first = line({ units: 8 });
    const later = line({
      lineId: 'line-2',
      lineNumber: 2,
      units: 5,
      servicePeriod: { start: day('2026-01-20'), end: day('2026-01-20') },
    });
    expect(validateLines([first, later], facts()).map((v) => v.valid)).toEqual([true, false]);
    expect(
      validateLines([first, later], facts(), { takesNoUnits: new Set(['line-1']) }).map(
        (v) => v.valid,
      ),
    ).toEqual([true, true]);
  });

  it('FIN-4: a registered payee and no case named pass', () => {
    expect(validateLines([line({ payeeId: 'group-1', caseId: null })], facts())[0]?.valid).toBe(
      true,
    );
  });

  it('FIN-4: the failure message names the unregistered clients', () => {
    const [validation] = validateLines([line({ clientIds: ['ann', 'zed'] })], facts());
    expect(validation?.valid === false && validation.failures[0]?.message).toContain('zed');
  });

  it('FIN-4: a duplicate already billed names the earlier line', () => {
    const [validation] = validateLines(
      [line()],
      facts({ alreadyBilled: new Map([['line-1', 'old-7']]) }),
    );
    expect(validation?.valid === false && validation.failures).toEqual([
      { code: 'duplicate-line-item', rule: 'FIN-4', message: expect.stringContaining('old-7') },
    ]);
  });

  it('FIN-4: the later of two identical lines in one batch is the duplicate, and takes no units', () => {
    const validations = validateLines(
      [line({ lineId: 'second', lineNumber: 2 }), line({ lineId: 'first' })],
      facts(),
    );
    expect(validations.map((v) => [v.lineId, v.valid])).toEqual([
      ['second', false],
      ['first', true],
    ]);
    expect(codes(validations[0])).toEqual(['FIN-4 duplicate-line-item']);
    expect(validations[1]?.valid && validations[1].match.unitsLeft).toBe(7);
  });

  it('FIN-4: clients listed in another order are still the same line', () => {
    const validations = validateLines(
      [
        line({ clientIds: ['ann', 'bob'] }),
        line({ lineId: 'again', lineNumber: 2, clientIds: ['bob', 'ann'] }),
      ],
      facts(),
    );
    expect(codes(validations[1])).toEqual(['FIN-4 duplicate-line-item']);
  });

  it('FIN-4: the provider must be approved for the service over the whole service period', () => {
    const approvalUntil15Jan = [
      {
        providerId: 'provider-1',
        serviceId: 'therapy',
        period: dateRange(day('2025-01-01'), day('2026-01-15')),
      },
    ];
    const spanning = line({ servicePeriod: { start: day('2026-01-10'), end: day('2026-01-20') } });
    expect(codes(validateLines([spanning], facts({ approvals: approvalUntil15Jan }))[0])).toEqual([
      'FIN-4 provider-not-approved-for-service',
    ]);
    const otherService = [
      { providerId: 'provider-1', serviceId: 'respite', period: dateRange(day('2025-01-01')) },
    ];
    expect(codes(validateLines([line()], facts({ approvals: otherService }))[0])).toEqual([
      'FIN-4 provider-not-approved-for-service',
    ]);
  });

  it('FIN-4: 3 sessions billed need ≥ 3 left unbilled', () => {
    const base = facts();
    const [candidate] = base.authorizationLineItems;
    if (!candidate) throw new Error('fixture');
    const twoLeft = facts({ authorizationLineItems: [{ ...candidate, unitsUsed: 8 }] });
    expect(codes(validateLines([line()], twoLeft)[0])).toEqual(['FIN-4 not-enough-unbilled-units']);
  });

  it('FIN-4: a multi-client line whose clients are on different authorizations fails', () => {
    const base = facts();
    const [candidate] = base.authorizationLineItems;
    if (!candidate) throw new Error('fixture');
    const split = facts({
      authorizationLineItems: [
        { ...candidate, clientIds: ['ann'] },
        {
          ...candidate,
          authorizationId: 'auth-2',
          lineItemId: 'auth-2/therapy',
          clientIds: ['bob'],
        },
      ],
    });
    expect(codes(validateLines([line({ clientIds: ['ann', 'bob'] })], split)[0])).toEqual([
      'FIN-4 clients-not-on-one-authorization',
    ]);
  });

  it('FIN-5: a fixed-fee contract for the service overlapping the period stops the line, and it takes no units', () => {
    const fixedFee = facts({
      fixedFeeCoverage: [
        {
          contractId: 'ctr-1',
          providerId: 'provider-1',
          serviceIds: ['therapy'],
          period: dateRange(day('2026-01-01'), day('2026-12-31')),
        },
      ],
    });
    const validations = validateLines(
      [line({ units: 8 }), line({ lineId: 'next', lineNumber: 2, units: 8, clientIds: ['bob'] })],
      fixedFee,
    );
    expect(validations[0]?.valid === false && validations[0].failures).toEqual([
      {
        code: 'fixed-fee-contract-covers-period',
        rule: 'FIN-5',
        message: expect.stringContaining('ctr-1'),
      },
    ]);
    expect(codes(validations[1])).toEqual(['FIN-5 fixed-fee-contract-covers-period']);
  });

  it('FIN-5: a fixed-fee contract for another service, another provider or another period does not stop the line', () => {
    const period = dateRange(day('2026-01-01'), day('2026-12-31'));
    for (const coverage of [
      { contractId: 'c', providerId: 'provider-1', serviceIds: ['respite'], period },
      { contractId: 'c', providerId: 'provider-2', serviceIds: ['therapy'], period },
      {
        contractId: 'c',
        providerId: 'provider-1',
        serviceIds: ['therapy'],
        period: dateRange(day('2026-02-01')),
      },
    ]) {
      expect(validateLines([line()], facts({ fixedFeeCoverage: [coverage] }))[0]?.valid).toBe(true);
    }
  });

  it('FIN-4: a line failing another check leaves its units to a later line that passes', () => {
    const validations = validateLines(
      [
        line({ units: 8, caseId: 'case-closed' }),
        line({ lineId: 'later', lineNumber: 2, units: 8, clientIds: ['bob'] }),
      ],
      facts(),
    );
    expect(validations.map((v) => v.valid)).toEqual([false, true]);
  });
});
