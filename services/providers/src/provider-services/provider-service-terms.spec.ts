import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PaymentOptions, ProviderServiceRate } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { PROVIDER_STATUSES } from '../providers/provider-lifecycle.js';
import type { ApprovalCriterionCheck, ApprovalSubject } from './approval-criterion.js';
import { approvalCriteriaWarnings } from './approval-warnings.js';
import {
  additionRefusal,
  approvalRefusal,
  checkDate,
  effectivePaymentOptions,
  effectiveRateOn,
  placeLimitProblem,
  trainingWarnings,
} from './provider-service-terms.js';

const day = (value: string) => value as CalendarDate;
const fixed95: ProviderServiceRate = { kind: 'fixed', amount: '95.00' };
const product100: ProviderServiceRate = { kind: 'fixed', amount: '100.00' };
const service = (rate: ProviderServiceRate | null) => ({
  from: day('2026-01-01'),
  to: day('2026-12-31'),
  rate,
});

describe('effective rate of a provider service (PRV-6)', () => {
  it("PRV-6: the provider-service rate overrides the product's rate", () => {
    expect(effectiveRateOn(service(fixed95), product100, day('2026-03-01'))).toEqual({
      ok: true,
      source: 'provider-service',
      rate: fixed95,
    });
  });

  it("PRV-6: without its own rate the product's rate that day applies, range or fixed", () => {
    const range: ProviderServiceRate = { kind: 'range', minimum: '80.00', maximum: null };
    expect(effectiveRateOn(service(null), range, day('2026-03-01'))).toEqual({
      ok: true,
      source: 'service-product',
      rate: range,
    });
  });

  it('PRV-6: with neither rate there is none, and no source', () => {
    expect(effectiveRateOn(service(null), null, day('2026-03-01'))).toEqual({
      ok: true,
      source: null,
      rate: null,
    });
  });

  it('PRV-6: both ends of the period are covered; a day outside has no rate', () => {
    for (const date of ['2026-01-01', '2026-12-31']) {
      expect(effectiveRateOn(service(fixed95), null, day(date))).toMatchObject({ ok: true });
    }
    for (const date of ['2025-12-31', '2027-01-01']) {
      expect(effectiveRateOn(service(fixed95), product100, day(date))).toEqual({
        ok: false,
        message: `The provider offers this service from 2026-01-01 to 2026-12-31; it has no rate on ${date}`,
      });
    }
    expect(
      effectiveRateOn({ ...service(null), to: null }, product100, day('2040-01-01')),
    ).toMatchObject({ ok: true, source: 'service-product' });
  });
});

describe('effective payment options (PRV-7, SVC-3)', () => {
  const productOptions: PaymentOptions = {
    fixed: 'pay-fixed',
    minimum: 'pay-billed',
    maximum: 'pay-maximum',
  };
  it("PRV-7: the provider's payment options override the product's", () => {
    const own: PaymentOptions = {
      fixed: 'pay-nothing',
      minimum: 'pay-minimum',
      maximum: 'pay-nothing',
    };
    expect(effectivePaymentOptions(own, productOptions)).toEqual({
      source: 'provider-service',
      paymentOptions: own,
    });
  });
  it("PRV-7: without an override the product's options apply", () => {
    expect(effectivePaymentOptions(null, productOptions)).toEqual({
      source: 'service-product',
      paymentOptions: productOptions,
    });
  });
});

describe('provider status and new services (PRV-1)', () => {
  it('PRV-1: a suspended or closed provider cannot be given a new service; others can', () => {
    const refused = PROVIDER_STATUSES.filter((status) => additionRefusal(status) !== null);
    expect(refused).toEqual(['suspended', 'closed']);
    expect(additionRefusal('closed')).toBe(
      'A closed provider cannot be authorised for new services',
    );
  });

  it('PRV-1: only an approved provider has services approved', () => {
    expect(PROVIDER_STATUSES.filter((status) => approvalRefusal(status) === null)).toEqual([
      'approved',
    ]);
    expect(approvalRefusal('suspended')).toContain('cannot be authorised for new services');
    expect(approvalRefusal('enrolled')).toContain('approve the provider before');
    expect(approvalRefusal('reopened')).toContain('approve the provider before');
  });
});

describe('place limit (PRV-6)', () => {
  it('PRV-6: a place limit only for products measured in places', () => {
    expect(placeLimitProblem('place', 4)).toBeNull();
    expect(placeLimitProblem('day', null)).toBeNull();
    expect(placeLimitProblem('day', 4)).toContain('measured per day');
  });
});

describe('training warnings (SVC-10)', () => {
  it('SVC-10: one warning per member missing courses, naming them; none when nobody is', () => {
    expect(trainingWarnings([])).toEqual([]);
    expect(
      trainingWarnings([
        {
          memberId: '0199a3c2-9a10-7cc0-8d5e-000000000101',
          memberName: 'Maria Lopez',
          missingCourseCodes: ['FIRST-AID', 'CPR'],
        },
      ]),
    ).toEqual([
      {
        rule: 'SVC-10',
        memberId: '0199a3c2-9a10-7cc0-8d5e-000000000101',
        memberName: 'Maria Lopez',
        missingCourseCodes: ['FIRST-AID', 'CPR'],
        message:
          'Maria Lopez has not completed or been waived from the mandatory courses FIRST-AID, CPR',
      },
    ]);
  });

  it('SVC-7 / SVC-10: judged today, or on the first day of a service that starts later', () => {
    expect(checkDate(day('2026-03-01'), day('2026-01-01'))).toBe('2026-03-01');
    expect(checkDate(day('2026-03-01'), day('2026-05-01'))).toBe('2026-05-01');
  });
});

describe('approval criteria warnings (SVC-7)', () => {
  // The checks below ignore the entity manager; no database is involved.
  const em = {} as EntityManager;
  const subject: ApprovalSubject = {
    providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
    providerServiceId: '0199a3c2-9a10-7cc0-8d5e-000000000301',
    serviceProductId: '0199a3c2-7b20-7cc0-8d5e-5e7a1ce00001',
    onDate: '2026-03-01',
  };
  const seen: ApprovalSubject[] = [];
  const unmet: ApprovalCriterionCheck = async (_em, asked) => {
    seen.push(asked);
    return ['Licence: none valid on 2026-03-01'];
  };
  const met: ApprovalCriterionCheck = async () => [];

  it('SVC-7: an unmet criterion becomes a warning naming it; a met one none', async () => {
    const warnings = await approvalCriteriaWarnings(em, subject, ['licence', 'accreditation'], {
      licence: unmet,
      accreditation: met,
    });
    expect(warnings).toEqual([
      { rule: 'SVC-7', criterion: 'licence', message: 'Licence: none valid on 2026-03-01' },
    ]);
    expect(seen).toEqual([subject]);
  });

  it('SVC-7: a criterion with no registered check is reported as not checked, never passed', async () => {
    const warnings = await approvalCriteriaWarnings(em, subject, ['home-study'], {
      licence: met,
    });
    expect(warnings).toEqual([
      {
        rule: 'SVC-7',
        criterion: 'home-study',
        message: expect.stringContaining(
          'Home study: this approval criterion could not be checked',
        ),
      },
    ]);
  });

  it('SVC-7: no criteria, no warnings', async () => {
    expect(await approvalCriteriaWarnings(em, subject, [], {})).toEqual([]);
  });
});
