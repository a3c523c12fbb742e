import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import { createUpdateVersion } from '../versions/update-version.js';

/**
 * TAX-5: applies an update import (a newer release of an imported taxonomy) staged in
 * `import_term` under `importId`, in the caller's transaction: a new version copied from the
 * published one, the file's differences recorded and applied (see versions/update-version.ts).
 */
export async function applyUpdateImport(
  em: EntityManager,
  input: {
    importId: string;
    taxonomyId: string;
    reviewBeforeImport: boolean;
    reviewElements: string[];
    actor: Actor;
  },
): Promise<{
  versionId: string;
  status: string;
  changes: { added: number; modified: number; replaced: number; deleted: number; toReview: number };
}> {
  return createUpdateVersion(em, input);
}
