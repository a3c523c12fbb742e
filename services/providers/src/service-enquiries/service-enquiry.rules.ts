import type {
  ServiceEnquiryContactMethod,
  ServiceEnquiryResponse,
  ServiceEnquiryStatus,
} from '@platform/contracts';
import type { RuleIssue } from '../shared/rule-issues.js';

/**
 * PRV-9: the rules of a service enquiry. Pure: the service applies them inside a transaction and
 * the unit spec proves each one.
 *
 *   (send) → sent ─respond→ responded        (final)
 *            sent ─cancel──→ cancelled        (final)
 */

export type ContactMethodSource = 'provider-preference' | 'case-worker';

export type ContactMethodResult =
  | { ok: true; method: ServiceEnquiryContactMethod; source: ContactMethodSource }
  | { ok: false; issue: RuleIssue };

/**
 * PRV-9: the enquiry goes by the provider's preferred communication unless the case worker chose
 * another method; a provider that recorded no preference needs the case worker to choose one.
 */
export function resolveContactMethod(
  chosen: ServiceEnquiryContactMethod | null | undefined,
  preferred: ServiceEnquiryContactMethod | null | undefined,
): ContactMethodResult {
  if (chosen) return { ok: true, method: chosen, source: 'case-worker' };
  if (preferred) return { ok: true, method: preferred, source: 'provider-preference' };
  return {
    ok: false,
    issue: {
      rule: 'PRV-9',
      field: 'contactMethod',
      message:
        'the provider has no preferred communication on record; choose phone, email, web or mail',
    },
  };
}

export type ResponseResult = { ok: true; availableUnits: number } | { ok: false; issue: RuleIssue };

/**
 * PRV-9: how many of the units asked for the provider can deliver. `available` means all of them
 * and `unavailable` none, so `availableUnits` may be omitted (if given it must agree);
 * `partially-available` needs it, between 1 and one less than the units asked for.
 */
export function resolveResponse(
  unitsAsked: number,
  response: ServiceEnquiryResponse,
  availableUnits: number | null | undefined,
): ResponseResult {
  const issue = (message: string): ResponseResult => ({
    ok: false,
    issue: { rule: 'PRV-9', field: 'availableUnits', message },
  });
  switch (response) {
    case 'available':
      if (availableUnits != null && availableUnits !== unitsAsked) {
        return issue(`"available" means all ${unitsAsked} units asked for`);
      }
      return { ok: true, availableUnits: unitsAsked };
    case 'unavailable':
      if (availableUnits != null && availableUnits !== 0) {
        return issue('"unavailable" means none of the units asked for (0)');
      }
      return { ok: true, availableUnits: 0 };
    case 'partially-available':
      if (availableUnits == null) {
        return issue('say how many of the units asked for the provider can deliver');
      }
      if (availableUnits < 1 || availableUnits >= unitsAsked) {
        return issue(
          `"partially-available" means some but not all of the ${unitsAsked} units asked for ` +
            `(1 to ${unitsAsked - 1})`,
        );
      }
      return { ok: true, availableUnits };
  }
}

export type EnquiryAction = 'respond' | 'cancel';

const NEXT: Record<EnquiryAction, ServiceEnquiryStatus> = {
  respond: 'responded',
  cancel: 'cancelled',
};

/** PRV-9: only an enquiry still awaiting its answer (sent) can be answered or cancelled. */
export function enquiryTransition(
  status: ServiceEnquiryStatus,
  action: EnquiryAction,
): { ok: true; to: ServiceEnquiryStatus } | { ok: false; message: string } {
  if (status === 'sent') return { ok: true, to: NEXT[action] };
  return {
    ok: false,
    message:
      status === 'responded'
        ? `the enquiry was already answered; it cannot be ${action === 'respond' ? 'answered again' : 'cancelled'}`
        : `the enquiry was cancelled; it cannot be ${action === 'respond' ? 'answered' : 'cancelled again'}`,
  };
}
