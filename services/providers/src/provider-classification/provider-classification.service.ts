import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  providerClassified,
  providerServiceCentreAdded,
  providerServiceCentreClosed,
  providerServiceCentreUpdated,
  providerSpecialtiesChanged,
  type Actor,
} from '@platform/contracts';
import {
  assertMayAccessProvider,
  NotFoundProblem,
  ProblemException,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import { recordEvent } from '@platform/messaging';
import type { ProviderRecord } from '../providers/provider.entity.js';
import { findProvider } from '../providers/provider.lookup.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { changedFields } from '../shared/changed-fields.js';
import { eventOrigin } from '../shared/event-origin.js';
import { pageOf } from '../shared/lookup.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { refuseClassification, sameClassification } from './classification.js';
import {
  ProviderCategory,
  ProviderServiceCentre,
  ProviderSpecialty,
  ProviderType,
  Specialty,
  type ProviderServiceCentreRecord,
} from './provider-classification.entities.js';
import type {
  AddServiceCentreBody,
  AddSpecialtyBody,
  ClassifyBody,
  CloseServiceCentreBody,
  ListByNameQuery,
  ListServiceCentresQuery,
  UpdateServiceCentreBody,
} from './provider-classification.schemas.js';
import {
  serviceCentreEventData,
  serviceCentreView,
  type ClassificationView,
  type ProviderSpecialtyView,
  type ServiceCentreView,
} from './provider-classification.views.js';
import { refuseClose, refuseUpdate, type CentreRefusal } from './service-centre.js';

const CENTRE = 'Service centre';

/** PRV-3: a provider's category and type, its specialties and its service centres. */
@Injectable()
export class ProviderClassificationService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  // ---- category and type ----

  async classification(providerId: string, actor: Actor): Promise<ClassificationView> {
    const em = this.orm.em.fork();
    return this.classificationView(em, await findProvider(em, providerId, { readBy: actor }));
  }

  /**
   * PRV-3: sets the provider's category and type. The type must be one of the category's; an
   * inactive category cannot be newly assigned. The category row is share-locked, so it cannot
   * be deactivated between the check and the commit. An unchanged classification emits nothing.
   */
  async classify(
    providerId: string,
    body: ClassifyBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClassificationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await findProvider(em, providerId, { forUpdate: true });
      const current = {
        categoryCode: provider.categoryCode ?? null,
        typeCode: provider.typeCode ?? null,
      };
      const requested = { categoryCode: body.categoryCode, typeCode: body.typeCode ?? null };
      const category = requested.categoryCode
        ? await em.findOne(
            ProviderCategory,
            { code: requested.categoryCode },
            { lockMode: LockMode.PESSIMISTIC_READ },
          )
        : null;
      const typeCodes = category
        ? (await em.find(ProviderType, { categoryCode: category.code })).map((t) => t.code)
        : [];
      const refusal = refuseClassification(
        current,
        requested,
        category ? { code: category.code, active: category.active, typeCodes } : null,
      );
      if (refusal?.kind === 'unknown') {
        throw new ValidationProblem([{ field: refusal.field, message: refusal.message }]);
      }
      if (refusal) throw new RuleViolation('PRV-3', refusal.message, 422);
      if (sameClassification(current, requested)) return this.classificationView(em, provider);

      provider.categoryCode = requested.categoryCode;
      provider.typeCode = requested.typeCode;
      provider.updatedBy = actor.userId;
      const view = await this.classificationView(em, provider);
      recordEvent(em, providerClassified, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: {
          providerId,
          categoryCode: view.categoryCode,
          categoryName: view.categoryName,
          typeCode: view.typeCode,
          typeName: view.typeName,
          previousCategoryCode: current.categoryCode,
          previousTypeCode: current.typeCode,
        },
      });
      return view;
    });
  }

  // ---- specialties ----

  async specialties(
    providerId: string,
    query: ListByNameQuery,
    actor: Actor,
  ): Promise<Page<ProviderSpecialtyView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    const all = await this.specialtiesOf(em, providerId);
    const matching = query.name
      ? all.filter((s) => s.name.toLowerCase().includes((query.name as string).toLowerCase()))
      : all;
    return pageOf(
      matching.slice(query.offset, query.offset + query.limit),
      matching.length,
      query,
      (s) => s,
    );
  }

  /** PRV-3: gives the provider a specialty from the registry. */
  async addSpecialty(
    providerId: string,
    body: AddSpecialtyBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ProviderSpecialtyView> {
    return this.orm.em.fork().transactional(async (em) => {
      // The lock serialises specialty changes of one provider, so each event's full list is right.
      await findProvider(em, providerId, { forUpdate: true });
      const specialty = await em.findOne(Specialty, { code: body.specialtyCode });
      if (!specialty) {
        throw new ValidationProblem([
          { field: 'specialtyCode', message: `no specialty with code "${body.specialtyCode}"` },
        ]);
      }
      if (await em.findOne(ProviderSpecialty, { providerId, specialtyCode: specialty.code })) {
        throw new ProblemException({
          type: 'https://provider-platform.dev/problems/already-added',
          title: 'Specialty already added',
          status: 409,
          detail: `The provider already has the specialty "${specialty.code}"`,
          errors: [{ field: 'specialtyCode', message: 'the provider already has it' }],
        });
      }
      const added = em.create(ProviderSpecialty, {
        providerId,
        specialtyCode: specialty.code,
        addedBy: actor.userId,
        addedAt: new Date(),
      });
      await em.flush();
      await this.recordSpecialtiesChanged(
        em,
        providerId,
        [specialty.code],
        [],
        actor,
        correlationId,
      );
      return {
        code: specialty.code,
        name: specialty.name,
        addedBy: added.addedBy,
        addedAt: added.addedAt.toISOString(),
      };
    });
  }

  /** PRV-3: takes a specialty away from the provider. */
  async removeSpecialty(
    providerId: string,
    specialtyCode: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId, { forUpdate: true });
      const held = await em.findOne(ProviderSpecialty, { providerId, specialtyCode });
      if (!held) throw new NotFoundProblem('Specialty of the provider', specialtyCode);
      em.remove(held);
      await em.flush();
      await this.recordSpecialtiesChanged(
        em,
        providerId,
        [],
        [specialtyCode],
        actor,
        correlationId,
      );
    });
  }

  // ---- service centres ----

  async serviceCentres(
    providerId: string,
    query: ListServiceCentresQuery,
    actor: Actor,
  ): Promise<Page<ServiceCentreView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    const where = {
      providerId,
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.activeOn
        ? {
            from: { $lte: query.activeOn },
            $or: [{ to: null }, { to: { $gte: query.activeOn } }],
          }
        : {}),
    };
    return findPage(
      em,
      ProviderServiceCentre,
      where,
      query,
      { name: 'asc', id: 'asc' },
      serviceCentreView,
    );
  }

  async serviceCentre(
    providerId: string,
    centreId: string,
    actor: Actor,
  ): Promise<ServiceCentreView> {
    assertMayAccessProvider(actor, providerId);
    return serviceCentreView(await findCentre(this.orm.em.fork(), providerId, centreId));
  }

  /** PRV-3: a new location from which the provider delivers non-placement services. */
  async addServiceCentre(
    providerId: string,
    body: AddServiceCentreBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceCentreView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId);
      const centre = em.create(ProviderServiceCentre, {
        id: randomUUID(),
        providerId,
        name: body.name,
        addressLine1: body.addressLine1 ?? null,
        addressLine2: body.addressLine2 ?? null,
        city: body.city ?? null,
        region: body.region ?? null,
        postalCode: body.postalCode ?? null,
        phone: body.phone ?? null,
        from: body.from,
        to: null,
        closeReason: null,
        ...newAudit(actor),
      });
      recordEvent(em, providerServiceCentreAdded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: serviceCentreEventData(centre),
      });
      return serviceCentreView(centre);
    });
  }

  /** PRV-3: changes an open centre's details; a change to nothing new emits nothing. */
  async updateServiceCentre(
    providerId: string,
    centreId: string,
    body: UpdateServiceCentreBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceCentreView> {
    return this.orm.em.fork().transactional(async (em) => {
      const centre = await findCentre(em, providerId, centreId, { forUpdate: true });
      throwIfRefused(refuseUpdate(centre));
      const before = serviceCentreEventData(centre);
      for (const [key, value] of Object.entries(body)) {
        if (value !== undefined) Object.assign(centre, { [key]: value });
      }
      const after = serviceCentreEventData(centre);
      const changed = changedFields(before, after);
      if (changed.length === 0) return serviceCentreView(centre);
      markUpdated(centre, actor);
      recordEvent(em, providerServiceCentreUpdated, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...after, changedFields: changed },
      });
      return serviceCentreView(centre);
    });
  }

  /** PRV-3: the centre's last day of service; it delivers nothing after it. */
  async closeServiceCentre(
    providerId: string,
    centreId: string,
    body: CloseServiceCentreBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceCentreView> {
    return this.orm.em.fork().transactional(async (em) => {
      const centre = await findCentre(em, providerId, centreId, { forUpdate: true });
      throwIfRefused(refuseClose(centre, body.to));
      const reason = body.reason?.trim() || null;
      centre.to = body.to;
      centre.closeReason = reason;
      markUpdated(centre, actor);
      recordEvent(em, providerServiceCentreClosed, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...serviceCentreEventData(centre), to: body.to, reason },
      });
      return serviceCentreView(centre);
    });
  }

  // ---- helpers ----

  private async classificationView(
    em: EntityManager,
    provider: ProviderRecord,
  ): Promise<ClassificationView> {
    const categoryCode = provider.categoryCode ?? null;
    const typeCode = provider.typeCode ?? null;
    const category = categoryCode
      ? await em.findOne(ProviderCategory, { code: categoryCode })
      : null;
    const type =
      categoryCode && typeCode
        ? await em.findOne(ProviderType, { categoryCode, code: typeCode })
        : null;
    return {
      providerId: provider.id,
      categoryCode,
      categoryName: category?.name ?? null,
      typeCode,
      typeName: type?.name ?? null,
    };
  }

  private async specialtiesOf(
    em: EntityManager,
    providerId: string,
  ): Promise<ProviderSpecialtyView[]> {
    const held = await em.find(ProviderSpecialty, { providerId });
    const names = new Map(
      (await em.find(Specialty, { code: { $in: held.map((h) => h.specialtyCode) } })).map((s) => [
        s.code,
        s.name,
      ]),
    );
    return held
      .map((h) => ({
        code: h.specialtyCode,
        name: names.get(h.specialtyCode) ?? h.specialtyCode,
        addedBy: h.addedBy,
        addedAt: h.addedAt.toISOString(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  }

  private async recordSpecialtiesChanged(
    em: EntityManager,
    providerId: string,
    added: string[],
    removed: string[],
    actor: Actor,
    correlationId?: string,
  ): Promise<void> {
    const held = await em.find(
      ProviderSpecialty,
      { providerId },
      { orderBy: { specialtyCode: 'asc' } },
    );
    recordEvent(em, providerSpecialtiesChanged, {
      aggregateId: providerId,
      ...eventOrigin(actor, correlationId),
      data: { providerId, added, removed, specialtyCodes: held.map((h) => h.specialtyCode) },
    });
  }
}

async function findCentre(
  em: EntityManager,
  providerId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProviderServiceCentreRecord> {
  const centre = await em.findOne(
    ProviderServiceCentre,
    { id, providerId },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!centre) throw new NotFoundProblem(CENTRE, id);
  return centre;
}

function throwIfRefused(refusal: CentreRefusal | null): void {
  if (!refusal) return;
  if (refusal.kind === 'field') {
    throw new ValidationProblem([{ field: refusal.field, message: refusal.message }]);
  }
  throw new RuleViolation('PRV-3', refusal.message);
}
