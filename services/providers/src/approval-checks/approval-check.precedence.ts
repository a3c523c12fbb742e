import type { ApprovalCheckScope, Role } from '@platform/contracts';
import { REGISTRY_ADMINS, RESOURCE_MANAGERS } from '../shared/roles.js';

/**
 * SVC-8 / ROLE: who may set (and remove) an approval check at each level. The guide (§3.7) has
 * administrators set organisation-unit and user checks, and resource managers set them for a
 * provider and its services; a resource manager's supervisor may do everything they may.
 */
export const APPROVAL_CHECK_SETTERS: Readonly<Record<ApprovalCheckScope, readonly Role[]>> = {
  'organisation-unit': REGISTRY_ADMINS,
  user: REGISTRY_ADMINS,
  provider: RESOURCE_MANAGERS,
  'provider-service': RESOURCE_MANAGERS,
};

/** Every role that may set an approval check at some level (the route's guard). */
export const ANY_APPROVAL_CHECK_SETTER: readonly Role[] = [
  ...new Set(Object.values(APPROVAL_CHECK_SETTERS).flat()),
];

/** SVC-8 / ROLE: may someone with these roles set or remove a check at this level? */
export function maySetApprovalCheck(roles: readonly Role[], scope: ApprovalCheckScope): boolean {
  return roles.some((role) => APPROVAL_CHECK_SETTERS[scope].includes(role));
}

/** A stored setting, as the resolution needs it; `percentage` null is a removed setting. */
export interface ApprovalCheckSetting {
  id: string;
  scope: ApprovalCheckScope;
  scopeId: string;
  serviceProductId: string | null;
  percentage: number | null;
}

/** What a service delivery is judged by: its product and whichever levels are known. */
export interface ApprovalCheckContext {
  serviceProductId: string;
  /** The product's own percentage (`ServiceProduct.approvalCheckPercentage`), the last resort. */
  productPercentage: number;
  providerServiceId?: string;
  providerId?: string;
  userId?: string;
  organisationUnitId?: string;
}

export type ApprovalCheckSourceScope = ApprovalCheckScope | 'service-product';

/** One level of the precedence, with what is set there (null: nothing). */
export interface ConsideredLevel {
  /** 1 is the most specific. */
  rank: number;
  scope: ApprovalCheckSourceScope;
  /** The id of the organisation unit, user, provider, provider service or product. */
  id: string;
  /** The product the level is for; null: the level's setting for all services. */
  serviceProductId: string | null;
  /** The setting found at the level; null for the product's own percentage or when none. */
  settingId: string | null;
  percentage: number | null;
}

export interface EffectiveApprovalCheck {
  serviceProductId: string;
  percentage: number;
  /** The level whose percentage applies: the first one in `considered` that has one. */
  source: Omit<ConsideredLevel, 'rank' | 'percentage'>;
  /** Every level that was looked at, most specific first. */
  considered: ConsideredLevel[];
}

interface Level {
  scope: ApprovalCheckScope;
  id: string | undefined;
  forProduct: boolean;
}

/**
 * SVC-8 precedence (ADR 0011): the most specific setting wins —
 *   1. provider service (its product is implied)
 *   2. provider, for the product          3. provider, for all services
 *   4. user, for the product              5. user, for all services
 *   6. organisation unit, for the product 7. organisation unit, for all services
 *   8. the product's own percentage.
 * A level whose id is not known (no user given …) is skipped; a removed setting is no setting.
 */
function levelsOf(context: ApprovalCheckContext): Level[] {
  return [
    { scope: 'provider-service', id: context.providerServiceId, forProduct: true },
    { scope: 'provider', id: context.providerId, forProduct: true },
    { scope: 'provider', id: context.providerId, forProduct: false },
    { scope: 'user', id: context.userId, forProduct: true },
    { scope: 'user', id: context.userId, forProduct: false },
    { scope: 'organisation-unit', id: context.organisationUnitId, forProduct: true },
    { scope: 'organisation-unit', id: context.organisationUnitId, forProduct: false },
  ];
}

function settingAt(
  level: Level & { id: string },
  serviceProductId: string,
  settings: readonly ApprovalCheckSetting[],
): ApprovalCheckSetting | undefined {
  return settings.find(
    (setting) =>
      setting.percentage !== null &&
      setting.scope === level.scope &&
      setting.scopeId === level.id &&
      // A provider service's setting is for its own product, whatever the row says.
      (level.scope === 'provider-service' ||
        setting.serviceProductId === (level.forProduct ? serviceProductId : null)),
  );
}

/**
 * SVC-8: the share of this delivery's kind that needs a case supervisor's manual approval, and
 * which level it comes from. Pure: the caller passes the candidate settings (any others are
 * ignored) and the product's own percentage.
 */
export function resolveApprovalCheck(
  context: ApprovalCheckContext,
  settings: readonly ApprovalCheckSetting[],
): EffectiveApprovalCheck {
  const { serviceProductId } = context;
  const considered: ConsideredLevel[] = [];
  for (const level of levelsOf(context)) {
    if (level.id === undefined) continue;
    const setting = settingAt({ ...level, id: level.id }, serviceProductId, settings);
    considered.push({
      rank: considered.length + 1,
      scope: level.scope,
      id: level.id,
      serviceProductId: level.forProduct ? serviceProductId : null,
      settingId: setting?.id ?? null,
      percentage: setting?.percentage ?? null,
    });
  }
  considered.push({
    rank: considered.length + 1,
    scope: 'service-product',
    id: serviceProductId,
    serviceProductId,
    settingId: null,
    percentage: context.productPercentage,
  });
  // The product's own percentage is never null, so some level always answers.
  const winner = considered.find((level) => level.percentage !== null) as ConsideredLevel;
  return {
    serviceProductId,
    percentage: winner.percentage as number,
    source: {
      scope: winner.scope,
      id: winner.id,
      serviceProductId: winner.serviceProductId,
      settingId: winner.settingId,
    },
    considered,
  };
}
