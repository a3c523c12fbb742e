import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import type { Page } from '@platform/http';
import { markUpdated, newAudit } from '../shared/audit.js';
import { findOrNotFound } from '../shared/lookup.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { withUniqueCode } from '../shared/unique-code.js';
import { LicenceType } from './licence.entities.js';
import type {
  CreateLicenceTypeBody,
  ListLicenceTypesQuery,
  UpdateLicenceTypeBody,
} from './licence.schemas.js';
import { licenceTypeView, type LicenceTypeView } from './licence.views.js';

/** CRD-2 / CRD-3: the licence types an administrator registers. */
@Injectable()
export class LicenceTypesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(body: CreateLicenceTypeBody, actor: Actor): Promise<LicenceTypeView> {
    return withUniqueCode(
      'Licence type',
      body.code,
      () =>
        this.orm.em.fork().transactional(async (em) => {
          const type = em.create(LicenceType, {
            id: randomUUID(),
            code: body.code,
            name: body.name,
            description: body.description,
            mandatoryCourseCodes: body.mandatoryCourseCodes,
            defaultValidityMonths: body.defaultValidityMonths,
            ...newAudit(actor),
          });
          await em.flush();
          return licenceTypeView(type);
        }),
      { detail: `Another licence type already has the code ${body.code}` },
    );
  }

  async list(query: ListLicenceTypesQuery): Promise<Page<LicenceTypeView>> {
    const where = {
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.courseCode ? { mandatoryCourseCodes: { $contains: [query.courseCode] } } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      LicenceType,
      where,
      query,
      { code: 'asc' },
      licenceTypeView,
    );
  }

  async get(id: string): Promise<LicenceTypeView> {
    return licenceTypeView(
      await findOrNotFound(this.orm.em.fork(), LicenceType, 'Licence type', id),
    );
  }

  /**
   * CRD-3: a change of the mandatory courses applies to the next approval or renewal; warnings
   * already recorded stay as they were shown.
   */
  async update(id: string, body: UpdateLicenceTypeBody, actor: Actor): Promise<LicenceTypeView> {
    return this.orm.em.fork().transactional(async (em) => {
      const type = await findOrNotFound(em, LicenceType, 'Licence type', id);
      if (body.name !== undefined) type.name = body.name;
      if (body.description !== undefined) type.description = body.description;
      if (body.mandatoryCourseCodes !== undefined) {
        type.mandatoryCourseCodes = body.mandatoryCourseCodes;
      }
      if (body.defaultValidityMonths !== undefined) {
        type.defaultValidityMonths = body.defaultValidityMonths;
      }
      markUpdated(type, actor);
      return licenceTypeView(type);
    });
  }
}
