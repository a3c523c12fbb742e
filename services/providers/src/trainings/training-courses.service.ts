import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { RuleViolation, ValidationProblem, type Page } from '@platform/http';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { findOrNotFound } from '../shared/lookup.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { withUniqueCode } from '../shared/unique-code.js';
import { TrainingCourse } from './training.entities.js';
import type {
  CreateTrainingCourseBody,
  ListTrainingCoursesQuery,
  UpdateTrainingCourseBody,
} from './training.schemas.js';
import { trainingCourseView, type TrainingCourseView } from './training.views.js';

const WHAT = 'Training course';

/** CRD-4: the training course registry, configured by administrators. */
@Injectable()
export class TrainingCoursesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(body: CreateTrainingCourseBody, actor: Actor): Promise<TrainingCourseView> {
    // Codes are compared case-insensitively: the unique index is on upper(code).
    return withUniqueCode(
      'Course',
      body.code,
      () =>
        this.orm.em.fork().transactional(async (em) => {
          await checkServiceProduct(em, body.serviceProductId);
          const course = em.create(TrainingCourse, {
            id: randomUUID(),
            ...body,
            ...newAudit(actor),
          });
          await em.flush();
          return trainingCourseView(course);
        }),
      { detail: `CRD-4: another training course already has the code ${body.code}` },
    );
  }

  async update(
    id: string,
    body: UpdateTrainingCourseBody,
    actor: Actor,
  ): Promise<TrainingCourseView> {
    return this.orm.em.fork().transactional(async (em) => {
      const course = await findOrNotFound(em, TrainingCourse, WHAT, id);
      if (body.serviceProductId !== undefined) {
        await checkServiceProduct(em, body.serviceProductId, course.id);
      }
      em.assign(course, body);
      markUpdated(course, actor);
      await em.flush();
      return trainingCourseView(course);
    });
  }

  async get(id: string): Promise<TrainingCourseView> {
    return trainingCourseView(await findOrNotFound(this.orm.em.fork(), TrainingCourse, WHAT, id));
  }

  /** CRD-4: courses by name; `search` matches code or name. */
  async list(query: ListTrainingCoursesQuery): Promise<Page<TrainingCourseView>> {
    const pattern = query.search ? containsPattern(query.search) : undefined;
    const where = {
      ...(pattern ? { $or: [{ code: { $ilike: pattern } }, { name: { $ilike: pattern } }] } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
      ...(query.serviceProductId ? { serviceProductId: query.serviceProductId } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      TrainingCourse,
      where,
      query,
      { name: 'asc', id: 'asc' },
      trainingCourseView,
    );
  }
}

/**
 * CRD-4: a course's training service product must exist (an unknown id is a bad request, 400) and
 * deliver no other course, so a managed training of the product names one course (409).
 */
async function checkServiceProduct(
  em: EntityManager,
  id: string | null,
  courseId?: string,
): Promise<void> {
  if (id === null) return;
  if ((await em.count(ServiceProduct, { id })) === 0) {
    throw new ValidationProblem([
      { field: 'serviceProductId', message: `no service product with id ${id}` },
    ]);
  }
  const other = await em.findOne(TrainingCourse, {
    serviceProductId: id,
    ...(courseId ? { id: { $ne: courseId } } : {}),
  });
  if (other) {
    throw new RuleViolation(
      'CRD-4',
      `CRD-4: service product ${id} already delivers training course ${other.code}; a training service product delivers one course`,
      409,
      [{ field: 'serviceProductId', message: 'already delivers another course' }],
    );
  }
}
