import type { HsdsServiceStatus } from './hsds.views.js';

/**
 * PRV-1 / PRV-6 → HSDS `service.status`: active only when a directory may offer it (an approved
 * service of an approved provider — a reopened one needs approval again — as search decides: search/directory-scope.ts);
 * suspended (service or provider) is temporarily closed; ended, or a closed or rejected provider,
 * is defunct; anything not yet approved is inactive.
 */
export function hsdsServiceStatus(
  serviceStatus: string,
  providerStatus: string,
): HsdsServiceStatus {
  if (serviceStatus === 'ended' || providerStatus === 'closed' || providerStatus === 'rejected') {
    return 'defunct';
  }
  if (serviceStatus === 'suspended' || providerStatus === 'suspended') return 'temporarily closed';
  if (serviceStatus === 'approved' && providerStatus === 'approved') return 'active';
  return 'inactive';
}
