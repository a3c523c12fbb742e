import { describe, expect, it } from '@jest/globals';
import {
  enquiryTransition,
  resolveContactMethod,
  resolveResponse,
} from './service-enquiry.rules.js';

describe('service enquiry rules (PRV-9)', () => {
  it("PRV-9: the enquiry goes by the provider's preferred communication by default", () => {
    expect(resolveContactMethod(undefined, 'email')).toEqual({
      ok: true,
      method: 'email',
      source: 'provider-preference',
    });
  });

  it("PRV-9: the case worker may choose another method than the provider's preference", () => {
    expect(resolveContactMethod('phone', 'email')).toEqual({
      ok: true,
      method: 'phone',
      source: 'case-worker',
    });
  });

  it('PRV-9: with no preference on record the case worker must choose, naming contactMethod', () => {
    expect(resolveContactMethod(null, null)).toMatchObject({
      ok: false,
      issue: { rule: 'PRV-9', field: 'contactMethod' },
    });
    expect(resolveContactMethod('mail', null)).toMatchObject({ ok: true, method: 'mail' });
  });

  it('PRV-9: available means every unit asked for, unavailable none', () => {
    expect(resolveResponse(3, 'available', undefined)).toEqual({ ok: true, availableUnits: 3 });
    expect(resolveResponse(3, 'available', 3)).toEqual({ ok: true, availableUnits: 3 });
    expect(resolveResponse(3, 'unavailable', null)).toEqual({ ok: true, availableUnits: 0 });
    expect(resolveResponse(3, 'unavailable', 0)).toEqual({ ok: true, availableUnits: 0 });
  });

  it.each([
    ['available', 2],
    ['unavailable', 1],
  ] as const)('PRV-9: %s with %i units available contradicts itself', (response, units) => {
    expect(resolveResponse(3, response, units)).toMatchObject({
      ok: false,
      issue: { rule: 'PRV-9', field: 'availableUnits' },
    });
  });

  it('PRV-9: partially-available names how many units, some but not all', () => {
    expect(resolveResponse(3, 'partially-available', 2)).toEqual({ ok: true, availableUnits: 2 });
    expect(resolveResponse(3, 'partially-available', 1)).toEqual({ ok: true, availableUnits: 1 });
    for (const units of [undefined, 0, 3, 4]) {
      expect(resolveResponse(3, 'partially-available', units)).toMatchObject({
        ok: false,
        issue: { field: 'availableUnits' },
      });
    }
    // one unit asked for cannot be partly available
    expect(resolveResponse(1, 'partially-available', 1)).toMatchObject({ ok: false });
  });

  it('PRV-9: a sent enquiry is answered or cancelled; both are final', () => {
    expect(enquiryTransition('sent', 'respond')).toEqual({ ok: true, to: 'responded' });
    expect(enquiryTransition('sent', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    for (const status of ['responded', 'cancelled'] as const) {
      for (const action of ['respond', 'cancel'] as const) {
        expect(enquiryTransition(status, action)).toMatchObject({ ok: false });
      }
    }
  });
});
