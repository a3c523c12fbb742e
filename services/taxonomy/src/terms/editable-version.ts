import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { lockVersion } from '../versions/publishing.js';

export interface EditableVersion {
  versionId: string;
  taxonomyId: string;
  defaultLanguage: string;
  /**
   * TAX-4: an editing version is changed in place; the published version is changed through
   * drafts that take effect when it is republished.
   */
  writes: 'direct' | 'draft';
}

/**
 * The version a term command changes, locked for the transaction (edits, publishing and reviews
 * of one version run one at a time). Pending-review, superseded and discarded versions cannot be
 * edited (409 naming TAX-2): a pending version changes only through its review (TAX-5).
 */
export async function editableVersion(
  em: EntityManager,
  versionId: string,
): Promise<EditableVersion> {
  const version = await lockVersion(em, versionId);
  if (version.status !== 'editing' && version.status !== 'published') {
    refuse(
      {
        rule: 'TAX-2',
        field: 'versionId',
        message: `version ${version.versionLabel} is ${version.status}; only editing and published versions can be edited`,
      },
      409,
    );
  }
  const [taxonomy] = await em.execute<{ defaultLanguage: string }[]>(
    'select default_language as "defaultLanguage" from taxonomy where taxonomy_id = ?',
    [version.taxonomyId],
  );
  return {
    versionId,
    taxonomyId: version.taxonomyId,
    defaultLanguage: taxonomy?.defaultLanguage ?? 'en',
    writes: version.status === 'editing' ? 'direct' : 'draft',
  };
}
