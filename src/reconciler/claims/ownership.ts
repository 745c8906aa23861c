/**
 * Who owns the pools: exactly one binder serves InClusterIPPools and GlobalInClusterIPPools in a
 * cluster, this reconciler or the In-Cluster IPAM provider, never both (the provider adopts an
 * IPAddress by name and allocates from its own cache, so two binders hand out one address twice).
 *
 * The provider cannot run without its admission webhooks (they validate the pools and protect
 * them while in use), so a webhook configuration that intercepts the pool kinds is the sign that
 * it is installed. The claim binder watches both kinds of webhook configuration and binds nothing
 * while one is found (see docs/reconciler.md, "Who owns a pool").
 */
import { IPAM_API_GROUP } from '../../vocabulary.js';
import type { KubeObject } from '../store.js';

/** The resources the provider's webhooks intercept (any one of them is enough). */
const POOL_RESOURCES: readonly string[] = ['inclusterippools', 'globalinclusterippools'];

interface WebhookRule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
}

interface Webhook {
  readonly name?: string;
  readonly rules?: readonly WebhookRule[];
}

/**
 * The webhooks among `configurations` (Validating- and MutatingWebhookConfigurations) that
 * intercept InClusterIPPools or GlobalInClusterIPPools, as `Kind name: webhook (resources)`,
 * sorted. Empty when the In-Cluster IPAM provider's admission is not installed.
 */
export function poolWebhooks(configurations: readonly KubeObject[]): string[] {
  const found: string[] = [];
  for (const configuration of configurations) {
    for (const webhook of ((configuration['webhooks'] as readonly Webhook[] | undefined) ?? [])) {
      const resources = new Set<string>();
      for (const rule of webhook.rules ?? []) {
        const groups = rule.apiGroups ?? [];
        if (!groups.includes(IPAM_API_GROUP) && !groups.includes('*')) continue;
        for (const resource of rule.resources ?? []) {
          const base = resource.split('/')[0]!;
          if (base === '*') POOL_RESOURCES.forEach((r) => resources.add(r));
          else if (POOL_RESOURCES.includes(base)) resources.add(base);
        }
      }
      if (resources.size > 0) {
        found.push(`${configuration.kind} ${configuration.metadata.name}: webhook ${webhook.name ?? '(unnamed)'} (${[...resources].sort().join(', ')})`);
      }
    }
  }
  return found.sort();
}

/** The message of a binder that refuses to bind beside the provider. */
export function providerFoundMessage(found: readonly string[]): string {
  return `the In-Cluster IPAM provider's admission is installed (${found.join('; ')}): it binds the claims of these pools, `
    + 'and two binders hand out one address twice, so this binder binds nothing. Run the reconciler without the claim '
    + 'binder (reconcile --nics only; synth --with-reconciler --ipam-provider in-cluster), or uninstall the provider';
}
