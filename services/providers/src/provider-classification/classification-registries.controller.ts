import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { AGENCY_READERS, REGISTRY_ADMINS } from '../shared/roles.js';
import { ClassificationRegistriesService } from './classification-registries.service.js';
import {
  categoryExample,
  codeInput,
  createCategoryBody,
  createSpecialtyBody,
  createTypeBody,
  listByNameQuery,
  listCategoriesQuery,
  renameBody,
  specialtyExample,
  typeExample,
  updateCategoryBody,
  type CreateCategoryBody,
  type CreateSpecialtyBody,
  type CreateTypeBody,
  type ListByNameQuery,
  type ListCategoriesQuery,
  type RenameBody,
  type UpdateCategoryBody,
} from './provider-classification.schemas.js';
import type {
  CategoryView,
  CategoryWithTypesView,
  SpecialtyView,
  TypeView,
} from './provider-classification.views.js';

const codePipe = new ZodValidationPipe(codeInput, 'path');

/** PRV-3: provider categories and their types, configured by administrators (ROLE). */
@ApiTags('provider classification')
@Controller('provider-categories')
export class ProviderCategoriesController {
  constructor(
    @Inject(ClassificationRegistriesService)
    private readonly registries: ClassificationRegistriesService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Create a provider category (PRV-3); codes are unique' })
  create(
    @ValidBody(createCategoryBody, categoryExample) body: CreateCategoryBody,
    @CurrentActor() actor: Actor,
  ): Promise<CategoryWithTypesView> {
    return this.registries.createCategory(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'Provider categories by name; filter by name substring and active' })
  list(@ValidQuery(listCategoriesQuery) query: ListCategoriesQuery): Promise<Page<CategoryView>> {
    return this.registries.listCategories(query);
  }

  @Get(':code')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One provider category with its types (PRV-3)' })
  get(@Param('code', codePipe) code: string): Promise<CategoryWithTypesView> {
    return this.registries.getCategory(code);
  }

  @Patch(':code')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Rename or (de)activate a provider category (PRV-3)',
    description:
      'An inactive category cannot be newly assigned to a provider; providers that have it keep it.',
  })
  update(
    @Param('code', codePipe) code: string,
    @ValidBody(updateCategoryBody, { active: false }) body: UpdateCategoryBody,
    @CurrentActor() actor: Actor,
  ): Promise<CategoryWithTypesView> {
    return this.registries.updateCategory(code, body, actor);
  }

  @Post(':code/types')
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Add a type to the category (PRV-3: a sub-classification); codes are unique within it',
  })
  createType(
    @Param('code', codePipe) code: string,
    @ValidBody(createTypeBody, typeExample) body: CreateTypeBody,
    @CurrentActor() actor: Actor,
  ): Promise<TypeView> {
    return this.registries.createType(code, body, actor);
  }

  @Get(':code/types')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: "The category's types by name (PRV-3)" })
  listTypes(
    @Param('code', codePipe) code: string,
    @ValidQuery(listByNameQuery) query: ListByNameQuery,
  ): Promise<Page<TypeView>> {
    return this.registries.listTypes(code, query);
  }

  @Get(':code/types/:typeCode')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One type of the category (PRV-3)' })
  getType(
    @Param('code', codePipe) code: string,
    @Param('typeCode', codePipe) typeCode: string,
  ): Promise<TypeView> {
    return this.registries.getType(code, typeCode);
  }

  @Patch(':code/types/:typeCode')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Rename a type of the category (PRV-3)' })
  renameType(
    @Param('code', codePipe) code: string,
    @Param('typeCode', codePipe) typeCode: string,
    @ValidBody(renameBody, { name: 'Therapeutic foster home' }) body: RenameBody,
    @CurrentActor() actor: Actor,
  ): Promise<TypeView> {
    return this.registries.renameType(code, typeCode, body, actor);
  }
}

/** PRV-3: the specialty registry (areas of particular experience), configured by administrators. */
@ApiTags('provider classification')
@Controller('specialties')
export class SpecialtiesController {
  constructor(
    @Inject(ClassificationRegistriesService)
    private readonly registries: ClassificationRegistriesService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Create a specialty (PRV-3); codes are unique' })
  create(
    @ValidBody(createSpecialtyBody, specialtyExample) body: CreateSpecialtyBody,
    @CurrentActor() actor: Actor,
  ): Promise<SpecialtyView> {
    return this.registries.createSpecialty(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'Specialties by name; filter by name substring' })
  list(@ValidQuery(listByNameQuery) query: ListByNameQuery): Promise<Page<SpecialtyView>> {
    return this.registries.listSpecialties(query);
  }

  @Get(':code')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One specialty (PRV-3)' })
  get(@Param('code', codePipe) code: string): Promise<SpecialtyView> {
    return this.registries.getSpecialty(code);
  }

  @Patch(':code')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Rename a specialty (PRV-3)' })
  rename(
    @Param('code', codePipe) code: string,
    @ValidBody(renameBody, { name: 'Developmental delay (children)' }) body: RenameBody,
    @CurrentActor() actor: Actor,
  ): Promise<SpecialtyView> {
    return this.registries.renameSpecialty(code, body, actor);
  }
}
