import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { termCodeInput } from '../terms/term.schemas.js';
import { TAXONOMY_ADMINS } from '../shared/roles.js';
import {
  listChangesQuery,
  reviewDecisionBody,
  reviewDecisionExample,
  type ListChangesQuery,
  type ReviewDecisionBody,
} from './review.schemas.js';
import { ReviewService } from './review.service.js';
import type { VersionChangeView } from './version-changes.reads.js';

const codePipe = new ZodValidationPipe(termCodeInput, 'path');

/** TAX-5: the differences an update import recorded, and the review of its list. */
@ApiTags('taxonomy-versions')
@Controller('taxonomy-versions')
export class ReviewController {
  constructor(@Inject(ReviewService) private readonly review: ReviewService) {}

  @Get(':id/changes')
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: "A version's added, modified, replaced and deleted terms, paged (TAX-5)",
    description:
      'Filter by `change`, `needsReview` (the review list) and `decided`. Each row has the old ' +
      'and new name, the changed elements, the replacement code, the decision, and for replaced ' +
      'and deleted terms how many provider-service indexes use the code.',
  })
  changes(
    @Param('id', idPipe) id: string,
    @ValidQuery(listChangesQuery) query: ListChangesQuery,
  ): Promise<Page<VersionChangeView>> {
    return this.review.changes(id, query);
  }

  @Post(':id/review/:code/accept')
  @HttpCode(200)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Accept the change of a term on the review list (TAX-5)',
    description:
      'Deleted: the term leaves the new version. Replaced: the old term leaves and its indexes ' +
      'move to the replacement on publishing. Modified: the file values apply. 409 naming TAX-5 ' +
      'when the version is not pending user review, the term is not on its list, or it was ' +
      'decided otherwise; the same decision again answers the same. The last decision publishes.',
  })
  accept(
    @Param('id', idPipe) id: string,
    @Param('code', codePipe) code: string,
    @ValidBody(reviewDecisionBody, reviewDecisionExample) body: ReviewDecisionBody,
    @CurrentActor() actor: Actor,
  ): Promise<VersionChangeView> {
    return this.review.decide(id, code, 'accepted', body?.comment, actor);
  }

  @Post(':id/review/:code/reject')
  @HttpCode(200)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Reject the change of a term on the review list (TAX-5)',
    description:
      'Deleted: the term stays. Replaced: both terms stay. Modified: the published values stay. ' +
      'Refusals as for accept.',
  })
  reject(
    @Param('id', idPipe) id: string,
    @Param('code', codePipe) code: string,
    @ValidBody(reviewDecisionBody, reviewDecisionExample) body: ReviewDecisionBody,
    @CurrentActor() actor: Actor,
  ): Promise<VersionChangeView> {
    return this.review.decide(id, code, 'rejected', body?.comment, actor);
  }

  @Post(':id/review/accept-all')
  @HttpCode(200)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Accept every undecided term on the review list (TAX-5)',
    description: 'As accepting each; answers how many were decided. Publishes the version.',
  })
  acceptAll(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ versionId: string; decision: 'accepted' | 'rejected'; decided: number }> {
    return this.review.decideAll(id, 'accepted', actor);
  }

  @Post(':id/review/reject-all')
  @HttpCode(200)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Reject every undecided term on the review list (TAX-5)',
    description: 'As rejecting each; answers how many were decided. Publishes the version.',
  })
  rejectAll(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ versionId: string; decision: 'accepted' | 'rejected'; decided: number }> {
    return this.review.decideAll(id, 'rejected', actor);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Discard an update version pending review or editing (TAX-2, TAX-5)',
    description: 'Its review process ends; a published or superseded version is 409 naming TAX-2.',
  })
  discard(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ versionId: string; status: 'discarded' }> {
    return this.review.discard(id, actor);
  }
}
