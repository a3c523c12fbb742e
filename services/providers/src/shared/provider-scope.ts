import type { Actor } from '@platform/contracts';
import { assertMayAccessProvider, isProviderSelfService } from '@platform/http';

/**
 * ROLE-2 / SS-3: the provider a list across providers is narrowed to. A provider's own user sees
 * only its own records (asking for another provider is a 404; a token without a provider id gets
 * '', which matches nothing); staff see the provider they asked for, or every provider.
 */
export function listedProviderId(actor: Actor, asked: string | undefined): string | undefined {
  if (asked) assertMayAccessProvider(actor, asked);
  return isProviderSelfService(actor) ? (actor.providerId ?? '') : asked;
}
