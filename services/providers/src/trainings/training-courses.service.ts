import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { ProblemException, ValidationProblem, type Page } from '@platform/http';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { findOrNotFound, pageOf } from '../shared/lookup.js';
import { containsPattern } from '../shared/name-search.js';
import { TrainingCourse } from './training.entities.js';
import type {
  CreateTrainingCourseBody,
  ListTrainingCoursesQuery,
  UpdateTrainingCourseBody,
} from './training.schemas.js';
import { trainingCourseView, type TrainingCourseView } from './training.views.js';

const WHAT = 'Training course';

/** 409: another course already has this code (codes are compared case-insensitively). */
class CourseCodeTakenProblem extends ProblemException {
  constructor(code: string) {
    super({
      type: 'https://provider-platform.dev/problems/code-taken',
      title: 'Course code already in use',
      status: 409,
      detail: `CRD-4: another training course already has the code ${code}`,
      errors: [{ field: 'code', message: 'already in use' }],
    });
  }
}

/** CRD-4: the training course registry, configured by administrators. */
@Injectable()
export class TrainingCoursesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(body: CreateTrainingCourseBody, actor: Actor): Promise<TrainingCourseView> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        await checkServiceProduct(em, body.serviceProductId);
        const course = em.create(TrainingCourse, {
          id: randomUUID(),
          ...body,
          ...newAudit(actor),
        });
        await em.flush();
        return trainingCourseView(course);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new CourseCodeTakenProblem(body.code);
      }
      throw error;
    }
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
    const [courses, total] = await this.orm.em.fork().findAndCount(TrainingCourse, where, {
      orderBy: { name: 'asc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return pageOf(courses, total, query, trainingCourseView);
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
    throw new ProblemException({
      type: 'https://provider-platform.dev/problems/rule-violation',
      title: 'Refused by rule CRD-4',
      status: 409,
      rule: 'CRD-4',
      detail: `CRD-4: service product ${id} already delivers training course ${other.code}; a training service product delivers one course`,
      errors: [{ field: 'serviceProductId', message: 'already delivers another course' }],
    });
  }
}
