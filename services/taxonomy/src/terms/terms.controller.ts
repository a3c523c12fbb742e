import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { TAXONOMY_ADMINS, TAXONOMY_READERS } from '../shared/roles.js';
import { languageInput } from './language-tags.js';
import { TermQueriesService } from './term-queries.service.js';
import {
  addTermBody,
  addTermExample,
  displayStateBody,
  displayStateExample,
  listTermsQuery,
  termCodeInput,
  termLanguageQuery,
  termTextBody,
  termTextExample,
  updateTermBody,
  updateTermExample,
  type AddTermBody,
  type DisplayStateBody,
  type ListTermsQuery,
  type TermLanguageQuery,
  type TermTextBody,
  type UpdateTermBody,
} from './term.schemas.js';
import type { TermDetailView, TermListItem } from './term-views.js';
import { TermsService } from './terms.service.js';

const codePipe = new ZodValidationPipe(termCodeInput, 'path');

const EDIT_NOTE =
  'On an editing version the change applies at once; on the published version it becomes the ' +
  "term's draft, effective once the version is republished (TAX-4). Pending-review, superseded " +
  'and discarded versions refuse edits (409 naming TAX-2).';

/** TAX-3/TAX-4/TAX-6: a version's terms — read by staff and providers, changed by administrators. */
@ApiTags('terms')
@Controller('taxonomy-versions/:id/terms')
export class TermsController {
  constructor(
    @Inject(TermsService) private readonly terms: TermsService,
    @Inject(TermQueriesService) private readonly queries: TermQueriesService,
  ) {}

  @Get()
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({
    summary: "A version's terms by parent, name, display state, in a language, paged",
    description:
      'Texts in `language` with fallback to the taxonomy default language; each item says which ' +
      '(TAX-6). Inactive-hidden terms are left out unless an administrator asks with ' +
      '`includeHidden=true` (TAX-3). Published values until republished; `draft` marks pending edits.',
  })
  list(
    @Param('id', idPipe) versionId: string,
    @ValidQuery(listTermsQuery) query: ListTermsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<TermListItem>> {
    return this.queries.list(versionId, query, actor);
  }

  @Get(':code')
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({
    summary: 'One term with every language, references, children count and pending draft',
  })
  detail(
    @Param('id', idPipe) versionId: string,
    @Param('code', codePipe) code: string,
    @ValidQuery(termLanguageQuery) query: TermLanguageQuery,
  ): Promise<TermDetailView> {
    return this.queries.detail(versionId, code, query.language);
  }

  @Post()
  @HttpCode(201)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Add a custom term under a parent of the version (TAX-4)',
    description: `A code the version has is refused (409 naming \`code\`); an unknown parent is 422 naming \`parentCode\`. ${EDIT_NOTE}`,
  })
  add(
    @Param('id', idPipe) versionId: string,
    @ValidBody(addTermBody, addTermExample) body: AddTermBody,
    @CurrentActor() actor: Actor,
  ): Promise<TermDetailView> {
    return this.terms.add(versionId, body, actor);
  }

  @Patch(':code')
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({ summary: 'Change or move a term (TAX-4)', description: EDIT_NOTE })
  update(
    @Param('id', idPipe) versionId: string,
    @Param('code', codePipe) code: string,
    @ValidBody(updateTermBody, updateTermExample) body: UpdateTermBody,
    @CurrentActor() actor: Actor,
  ): Promise<TermDetailView> {
    return this.terms.update(versionId, code, body, actor);
  }

  @Delete(':code')
  @HttpCode(204)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Delete a term (TAX-4)',
    description: `A term used by an index or with children is refused (409 naming TAX-3). ${EDIT_NOTE}`,
  })
  async remove(
    @Param('id', idPipe) versionId: string,
    @Param('code', codePipe) code: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.terms.delete(versionId, code, actor);
  }

  @Delete(':code/draft')
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: "Discard a term's pending draft on the published version (TAX-4)",
    description:
      'The term stays as published: 200 with it; 204 when the draft was an addition (nothing of ' +
      'it is published). 404 when the term has no draft. A draft other drafts depend on (an ' +
      'added parent of drafted terms, a term whose published parent is drafted for deletion) ' +
      'is refused (409 naming TAX-4 and the codes).',
  })
  async discardDraft(
    @Param('id', idPipe) versionId: string,
    @Param('code', codePipe) code: string,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<TermDetailView | undefined> {
    const published = await this.terms.discardDraft(versionId, code);
    if (published) return published;
    response.status(204);
    return undefined;
  }

  @Put(':code/display-state')
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: "Set a term's display state (TAX-3)",
    description:
      "`used` is the system's (422 naming TAX-3 and `state`); a used term cannot be made " +
      'inactive (409 naming TAX-3). Applies at once, on the published version too.',
  })
  setDisplayState(
    @Param('id', idPipe) versionId: string,
    @Param('code', codePipe) code: string,
    @ValidBody(displayStateBody, displayStateExample) body: DisplayStateBody,
    @CurrentActor() actor: Actor,
  ): Promise<TermDetailView> {
    return this.terms.setDisplayState(versionId, code, body.state, actor);
  }

  @Put(':code/texts/:language')
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: "Add or replace a term's text in one language (TAX-6, field-level localisation)",
    description: EDIT_NOTE,
  })
  putText(
    @Param('id', idPipe) versionId: string,
    @Param('code', codePipe) code: string,
    @Param('language', new ZodValidationPipe(languageInput, 'path')) language: string,
    @ValidBody(termTextBody, termTextExample) body: TermTextBody,
    @CurrentActor() actor: Actor,
  ): Promise<TermDetailView> {
    return this.terms.putText(versionId, code, language, body, actor);
  }
}
