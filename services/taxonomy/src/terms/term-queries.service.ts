import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { hasAnyRole, type Actor } from '@platform/contracts';
import type { Page } from '@platform/http';
import { TAXONOMY_ADMINS } from '../shared/roles.js';
import { listTerms, termDetail } from './term-reads.js';
import type { ListTermsQuery } from './term.schemas.js';
import type { TermDetailView, TermListItem } from './term-views.js';

/** Reading a version's terms (TAX-3, TAX-4, TAX-6). */
@Injectable()
export class TermQueriesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** TAX-3: inactive-hidden terms are shown only to administrators who ask for them. */
  list(versionId: string, query: ListTermsQuery, actor: Actor): Promise<Page<TermListItem>> {
    const showHidden = query.includeHidden === true && hasAnyRole(actor, TAXONOMY_ADMINS);
    return listTerms(this.orm.em.fork(), versionId, query, showHidden);
  }

  detail(versionId: string, code: string, language: string | undefined): Promise<TermDetailView> {
    return termDetail(this.orm.em.fork(), versionId, code, language);
  }
}
