import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import { markUpdated, newAudit } from '../shared/audit.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { withUniqueCode } from '../shared/unique-code.js';
import {
  ProviderCategory,
  ProviderType,
  Specialty,
  type ProviderCategoryRecord,
  type ProviderTypeRecord,
  type SpecialtyRecord,
} from './provider-classification.entities.js';
import type {
  CreateCategoryBody,
  CreateSpecialtyBody,
  CreateTypeBody,
  ListByNameQuery,
  ListCategoriesQuery,
  RenameBody,
  UpdateCategoryBody,
} from './provider-classification.schemas.js';
import {
  categoryView,
  specialtyView,
  typeView,
  type CategoryView,
  type CategoryWithTypesView,
  type SpecialtyView,
  type TypeView,
} from './provider-classification.views.js';

const CATEGORY = 'Provider category';
const TYPE = 'Provider type';
const SPECIALTY = 'Specialty';

/** PRV-3: the registries administrators configure: provider categories with their types, specialties. */
@Injectable()
export class ClassificationRegistriesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  // ---- categories ----

  async createCategory(body: CreateCategoryBody, actor: Actor): Promise<CategoryWithTypesView> {
    return withUniqueCode(CATEGORY, body.code, () =>
      this.orm.em.fork().transactional(async (em) => {
        const category = em.create(ProviderCategory, {
          code: body.code,
          name: body.name,
          active: body.active ?? true,
          ...newAudit(actor),
        });
        await em.flush();
        return { ...categoryView(category), types: [] };
      }),
    );
  }

  /** PRV-3: rename, or (de)activate: an inactive category is not given to more providers. */
  async updateCategory(
    code: string,
    body: UpdateCategoryBody,
    actor: Actor,
  ): Promise<CategoryWithTypesView> {
    return this.orm.em.fork().transactional(async (em) => {
      const category = await findCategory(em, code);
      if (body.name !== undefined) category.name = body.name;
      if (body.active !== undefined) category.active = body.active;
      markUpdated(category, actor);
      await em.flush();
      return this.withTypes(em, category);
    });
  }

  async getCategory(code: string): Promise<CategoryWithTypesView> {
    const em = this.orm.em.fork();
    return this.withTypes(em, await findCategory(em, code));
  }

  async listCategories(query: ListCategoriesQuery): Promise<Page<CategoryView>> {
    const where = {
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      ProviderCategory,
      where,
      query,
      { name: 'asc', code: 'asc' },
      categoryView,
    );
  }

  // ---- types (PRV-3: a sub-classification of one category) ----

  async createType(categoryCode: string, body: CreateTypeBody, actor: Actor): Promise<TypeView> {
    return withUniqueCode(TYPE, body.code, () =>
      this.orm.em.fork().transactional(async (em) => {
        await findCategory(em, categoryCode);
        const type = em.create(ProviderType, {
          categoryCode,
          code: body.code,
          name: body.name,
          ...newAudit(actor),
        });
        await em.flush();
        return typeView(type);
      }),
    );
  }

  async renameType(
    categoryCode: string,
    code: string,
    body: RenameBody,
    actor: Actor,
  ): Promise<TypeView> {
    return this.orm.em.fork().transactional(async (em) => {
      const type = await findType(em, categoryCode, code);
      type.name = body.name;
      markUpdated(type, actor);
      await em.flush();
      return typeView(type);
    });
  }

  async getType(categoryCode: string, code: string): Promise<TypeView> {
    return typeView(await findType(this.orm.em.fork(), categoryCode, code));
  }

  async listTypes(categoryCode: string, query: ListByNameQuery): Promise<Page<TypeView>> {
    const em = this.orm.em.fork();
    await findCategory(em, categoryCode);
    return findPage(
      em,
      ProviderType,
      {
        categoryCode,
        ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      },
      query,
      { name: 'asc', code: 'asc' },
      typeView,
    );
  }

  // ---- specialties ----

  async createSpecialty(body: CreateSpecialtyBody, actor: Actor): Promise<SpecialtyView> {
    return withUniqueCode(SPECIALTY, body.code, () =>
      this.orm.em.fork().transactional(async (em) => {
        const specialty = em.create(Specialty, {
          code: body.code,
          name: body.name,
          ...newAudit(actor),
        });
        await em.flush();
        return specialtyView(specialty);
      }),
    );
  }

  async renameSpecialty(code: string, body: RenameBody, actor: Actor): Promise<SpecialtyView> {
    return this.orm.em.fork().transactional(async (em) => {
      const specialty = await findSpecialty(em, code);
      specialty.name = body.name;
      markUpdated(specialty, actor);
      await em.flush();
      return specialtyView(specialty);
    });
  }

  async getSpecialty(code: string): Promise<SpecialtyView> {
    return specialtyView(await findSpecialty(this.orm.em.fork(), code));
  }

  async listSpecialties(query: ListByNameQuery): Promise<Page<SpecialtyView>> {
    const where = query.name ? { name: { $ilike: containsPattern(query.name) } } : {};
    return findPage(
      this.orm.em.fork(),
      Specialty,
      where,
      query,
      { name: 'asc', code: 'asc' },
      specialtyView,
    );
  }

  private async withTypes(
    em: EntityManager,
    category: ProviderCategoryRecord,
  ): Promise<CategoryWithTypesView> {
    const types = await em.find(
      ProviderType,
      { categoryCode: category.code },
      { orderBy: { name: 'asc', code: 'asc' } },
    );
    return { ...categoryView(category), types: types.map(typeView) };
  }
}

async function findCategory(em: EntityManager, code: string): Promise<ProviderCategoryRecord> {
  const category = await em.findOne(ProviderCategory, { code });
  if (!category) throw new NotFoundProblem(CATEGORY, code);
  return category;
}

async function findType(
  em: EntityManager,
  categoryCode: string,
  code: string,
): Promise<ProviderTypeRecord> {
  const type = await em.findOne(ProviderType, { categoryCode, code });
  if (!type) throw new NotFoundProblem(TYPE, `${categoryCode}/${code}`);
  return type;
}

async function findSpecialty(em: EntityManager, code: string): Promise<SpecialtyRecord> {
  const specialty = await em.findOne(Specialty, { code });
  if (!specialty) throw new NotFoundProblem(SPECIALTY, code);
  return specialty;
}
