import type { EntityManager } from '@mikro-orm/postgresql';
import { rangesOverlap, dateRange, type CalendarDate } from '@platform/kernel';
import { LicenceType } from '../licences/licence.entities.js';
import { ProviderAffiliation, ProviderGroup } from '../provider-groups/provider-group.entities.js';
import { ProviderService } from '../provider-services/provider-service.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { throwIfRuleViolated, type RuleIssue } from '../shared/rule-issues.js';
import { unitRateProblems } from './contract-rules.js';
import type { ContractTermsState } from './contract-terms-state.js';

/** What the checks resolved and writing the terms needs. */
export interface CheckedContractTerms {
  licenceTypeIds: string[];
}

/**
 * CTR-1 / CTR-2 / CTR-5: checks a contract's terms against the rules and the stored records, and
 * refuses them (422 problem+json naming the first rule and every field to change) when any is
 * broken. Run on create, on every change (PATCH, re-issue, amendment) and again on issue.
 */
export async function checkContractTerms(
  em: EntityManager,
  terms: ContractTermsState,
): Promise<CheckedContractTerms> {
  const issues: RuleIssue[] = [...feeIssues(terms)];
  issues.push(...(await partyIssues(em, terms)));
  issues.push(...(await coveredServiceIssues(em, terms)));
  issues.push(...unitRateIssues(terms));
  const licence = await licenceTypesOf(em, terms.requiredLicenceTypeCodes);
  issues.push(...licence.issues);
  throwIfRuleViolated(issues, 422);
  return { licenceTypeIds: licence.ids };
}

/** CTR-1: a fixed-fee contract states its fee and has no unit rates; a utilization one no fee. */
function feeIssues(terms: ContractTermsState): RuleIssue[] {
  if (terms.type === 'fixed-fee') {
    return [
      ...(terms.fixedFee === null
        ? [{ rule: 'CTR-1', field: 'fixedFee', message: 'a fixed-fee contract states its fee' }]
        : []),
      ...(terms.unitRates.length > 0
        ? [
            {
              rule: 'CTR-1',
              field: 'unitRates',
              message: 'a fixed-fee contract pays its fee, not unit rates',
            },
          ]
        : []),
    ];
  }
  return terms.fixedFee === null
    ? []
    : [
        {
          rule: 'CTR-1',
          field: 'fixedFee',
          message: 'a utilization contract pays unit rates, not a fixed fee',
        },
      ];
}

/** An affiliation with the group that overlaps the contract period (PRV-4). */
function affiliatedDuring(
  affiliations: { providerId: string; startDate: string; endDate?: string | null }[],
  providerId: string,
  period: ContractTermsState['period'],
): boolean {
  const contractRange = dateRange(period.from, period.to);
  return affiliations.some(
    (affiliation) =>
      affiliation.providerId === providerId &&
      rangesOverlap(
        dateRange(
          affiliation.startDate as CalendarDate,
          (affiliation.endDate ?? null) as CalendarDate | null,
        ),
        contractRange,
      ),
  );
}

/**
 * CTR-2: the provider exists; a group contract names an open group, its signing provider and its
 * bound providers are affiliated with it during the period; other contracts bind no providers.
 */
async function partyIssues(em: EntityManager, terms: ContractTermsState): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  const providerIds = [terms.providerId, ...terms.boundProviderIds];
  const found = new Set(
    (await em.find(Provider, { id: { $in: providerIds } }, { fields: ['id'] })).map((p) => p.id),
  );
  if (!found.has(terms.providerId)) {
    issues.push({ rule: 'CTR-2', field: 'providerId', message: `no provider ${terms.providerId}` });
  }
  const unknownBound = terms.boundProviderIds.filter((id) => !found.has(id));
  if (unknownBound.length > 0) {
    issues.push({
      rule: 'CTR-2',
      field: 'boundProviderIds',
      message: `no provider ${unknownBound.join(', ')}`,
    });
  }
  if (terms.providerGroupId === null) {
    if (terms.boundProviderIds.length > 0) {
      issues.push({
        rule: 'CTR-2',
        field: 'boundProviderIds',
        message: 'only a provider-group contract binds providers',
      });
    }
    return issues;
  }
  const group = await em.findOne(ProviderGroup, { id: terms.providerGroupId });
  if (!group || group.status !== 'active') {
    issues.push({
      rule: 'CTR-2',
      field: 'providerGroupId',
      message: group ? `the provider group ${group.name} is closed` : 'no such provider group',
    });
    return issues;
  }
  const affiliations = await em.find(ProviderAffiliation, {
    groupId: group.id,
    providerId: { $in: providerIds },
  });
  if (
    found.has(terms.providerId) &&
    !affiliatedDuring(affiliations, terms.providerId, terms.period)
  ) {
    issues.push({
      rule: 'CTR-2',
      field: 'providerId',
      message: `the provider signing a group contract must be affiliated with ${group.name} during the period`,
    });
  }
  const notAffiliated = terms.boundProviderIds.filter(
    (id) => found.has(id) && !affiliatedDuring(affiliations, id, terms.period),
  );
  if (notAffiliated.length > 0) {
    issues.push({
      rule: 'CTR-2',
      field: 'boundProviderIds',
      message: `not affiliated with ${group.name} during the contract period: ${notAffiliated.join(', ')}`,
    });
  }
  return issues;
}

/**
 * CTR-2: covered services are approved ("active") provider services of the provider, or of a
 * provider the group contract binds, offered during the contract period.
 */
async function coveredServiceIssues(
  em: EntityManager,
  terms: ContractTermsState,
): Promise<RuleIssue[]> {
  const ids = terms.coveredProviderServiceIds;
  if (ids.length === 0) return [];
  const services = new Map(
    (await em.find(ProviderService, { id: { $in: ids } })).map((service) => [service.id, service]),
  );
  const parties = new Set([terms.providerId, ...terms.boundProviderIds]);
  const contractRange = dateRange(terms.period.from, terms.period.to);
  const problems: string[] = [];
  for (const id of ids) {
    const service = services.get(id);
    if (!service || !parties.has(service.providerId)) {
      problems.push(
        `${id} is not a provider service of the ${terms.providerGroupId ? 'provider or a bound provider' : 'provider'}`,
      );
    } else if (service.status !== 'approved') {
      problems.push(`${id} is ${service.status}; only approved (active) provider services`);
    } else if (
      !rangesOverlap(
        dateRange(service.from as CalendarDate, (service.to ?? null) as CalendarDate | null),
        contractRange,
      )
    ) {
      problems.push(`${id} is not offered during the contract period`);
    }
  }
  return problems.map((message) => ({
    rule: 'CTR-2',
    field: 'coveredProviderServiceIds',
    message,
  }));
}

/** CTR-2 / CTR-5: unit rates for covered services only, inside the period, never overlapping. */
function unitRateIssues(terms: ContractTermsState): RuleIssue[] {
  const covered = new Set(terms.coveredProviderServiceIds);
  const uncovered = [
    ...new Set(
      terms.unitRates
        .map((rate) => rate.providerServiceId)
        .filter((providerServiceId) => !covered.has(providerServiceId)),
    ),
  ];
  const issues: RuleIssue[] = uncovered.map((id) => ({
    rule: 'CTR-2',
    field: 'unitRates',
    message: `a unit rate is for a covered service; ${id} is not covered`,
  }));
  for (const problem of unitRateProblems(terms.period, terms.unitRates)) {
    const [rule = 'CTR-5', message = problem] = problem.split(/: (.*)/s);
    issues.push({ rule, field: 'unitRates', message });
  }
  return issues;
}

/** CTR-2: the licence types by code; an unknown code is an issue naming it. */
async function licenceTypesOf(
  em: EntityManager,
  codes: readonly string[],
): Promise<{ ids: string[]; issues: RuleIssue[] }> {
  if (codes.length === 0) return { ids: [], issues: [] };
  const types = await em.find(LicenceType, { code: { $in: [...codes] } });
  const byCode = new Map(types.map((type) => [type.code, type.id]));
  const unknown = codes.filter((code) => !byCode.has(code));
  return {
    ids: codes.flatMap((code) => byCode.get(code) ?? []),
    issues:
      unknown.length === 0
        ? []
        : [
            {
              rule: 'CTR-2',
              field: 'requiredLicenceTypeCodes',
              message: `no licence type ${unknown.join(', ')}`,
            },
          ],
  };
}
