import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { assertMayAccessProvider, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { todayDate } from '../shared/today.js';
import { findProvider } from '../providers/provider.lookup.js';
import {
  decideLicence,
  findLicence,
  loadLicenceParts,
  loadOneLicence,
  recordLicence,
  type LicenceCommand,
} from './licence-decisions.js';
import { checkLicenceTraining, type LicenceTrainingCheck } from './licence-training.js';
import { Licence, LicenceCoverage, LicenceStatusChange, LicenceType } from './licence.entities.js';
import type { ListLicencesQuery, RecordLicenceBody } from './licence.schemas.js';
import {
  licenceStatusChangeView,
  licenceView,
  type LicenceStatusChangeView,
  type LicenceView,
} from './licence.views.js';
import { containsPattern } from '../shared/name-search.js';
import { emptyPage, findPageWithRelated } from '@platform/persistence';

export interface LicenceTrainingCheckView extends LicenceTrainingCheck {
  licenceId: string;
  providerId: string;
  licenceTypeCode: string;
}

/** CRD-2 / CRD-3: the licences of providers, over HTTP (WF-2 uses the same domain functions). */
@Injectable()
export class LicencesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async record(
    providerId: string,
    body: RecordLicenceBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<LicenceView> {
    return this.orm.em.fork().transactional(async (em) => {
      const parts = await recordLicence(em, providerId, body, actor, correlationId);
      return licenceView(parts, todayDate());
    });
  }

  /**
   * CRD-2: applies a decision of a resource manager (approve, reject, suspend, reinstate, renew,
   * non-compliance). Approval and renewal carry the CRD-3 training warnings in the answer.
   */
  async decide(
    providerId: string,
    licenceId: string,
    command: LicenceCommand,
    actor: Actor,
    correlationId?: string,
  ): Promise<LicenceView> {
    const today = todayDate();
    return this.orm.em.fork().transactional(async (em) => {
      const decision = await decideLicence(em, licenceId, command, {
        actor,
        onDate: today,
        providerId,
        ...(correlationId ? { correlationId } : {}),
      });
      return licenceView(decision.parts, today);
    });
  }

  /** CRD-2: the provider's licences (ROLE-2: a provider sees only its own). */
  async list(
    providerId: string,
    query: ListLicencesQuery,
    actor: Actor,
  ): Promise<Page<LicenceView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    const covering = query.providerServiceId
      ? (
          await em.find(
            LicenceCoverage,
            { providerServiceId: query.providerServiceId },
            { fields: ['licenceId'] },
          )
        ).map((row) => row.licenceId)
      : undefined;
    const where = {
      providerId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.licenceTypeId ? { licenceTypeId: query.licenceTypeId } : {}),
      ...(covering ? { id: { $in: covering } } : {}),
      ...(query.number ? { number: { $ilike: containsPattern(query.number) } } : {}),
      ...(query.validOn
        ? {
            status: 'approved' as const,
            validFrom: { $lte: query.validOn },
            periodTo: { $gte: query.validOn },
          }
        : {}),
    };
    if (query.validOn && query.status && query.status !== 'approved') return emptyPage(query);
    const today = todayDate();
    return findPageWithRelated(
      em,
      Licence,
      where,
      query,
      { periodTo: 'desc', id: 'asc' },
      async (licences, snapshot) =>
        (await loadLicenceParts(snapshot, licences)).map((part) => licenceView(part, today)),
    );
  }

  async get(providerId: string, licenceId: string, actor: Actor): Promise<LicenceView> {
    assertMayAccessProvider(actor, providerId, 'Licence', licenceId);
    const em = this.orm.em.fork();
    const licence = await findLicence(em, licenceId, { providerId });
    return licenceView(await loadOneLicence(em, licence), todayDate());
  }

  /** CRD-2: who moved the licence through its lifecycle, when, from which status to which, why. */
  async history(
    providerId: string,
    licenceId: string,
    actor: Actor,
  ): Promise<LicenceStatusChangeView[]> {
    assertMayAccessProvider(actor, providerId, 'Licence', licenceId);
    const em = this.orm.em.fork();
    await findLicence(em, licenceId, { providerId });
    const changes = await em.find(LicenceStatusChange, { licenceId }, { orderBy: { id: 'asc' } });
    return changes.map(licenceStatusChangeView);
  }

  /** CRD-3: the training requirement of the licence as it stands on `date` (default today). */
  async trainingCheck(
    providerId: string,
    licenceId: string,
    date: CalendarDate | undefined,
    actor: Actor,
  ): Promise<LicenceTrainingCheckView> {
    assertMayAccessProvider(actor, providerId, 'Licence', licenceId);
    const em = this.orm.em.fork();
    const licence = await findLicence(em, licenceId, { providerId });
    const type = await em.findOneOrFail(LicenceType, { id: licence.licenceTypeId });
    const check = await checkLicenceTraining(em, {
      providerId,
      licenceType: type,
      onDate: date ?? todayDate(),
    });
    return { licenceId, providerId, licenceTypeCode: type.code, ...check };
  }
}
