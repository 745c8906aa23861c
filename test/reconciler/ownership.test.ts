import { describe, expect, it } from 'vitest';
import { poolWebhooks } from '../../src/reconciler/claims/ownership.js';
import type { KubeObject } from '../../src/reconciler/store.js';

function configuration(kind: string, name: string, rules: readonly Record<string, unknown>[], webhook = 'w.example.com'): KubeObject {
  return { apiVersion: 'admissionregistration.k8s.io/v1', kind, metadata: { name }, webhooks: [{ name: webhook, rules }] };
}

describe('poolWebhooks: the sign that the In-Cluster IPAM provider is installed', () => {
  it.each<[string, KubeObject, string[]]>([
    ['finds the provider\'s validating webhook of InClusterIPPools',
      configuration('ValidatingWebhookConfiguration', 'capi-ipam', [{ apiGroups: ['ipam.cluster.x-k8s.io'], resources: ['inclusterippools'] }], 'validation.inclusterippool.ipam.cluster.x-k8s.io'),
      ['ValidatingWebhookConfiguration capi-ipam: webhook validation.inclusterippool.ipam.cluster.x-k8s.io (inclusterippools)']],
    ['finds a mutating webhook of global pools and their subresources',
      configuration('MutatingWebhookConfiguration', 'm', [{ apiGroups: ['ipam.cluster.x-k8s.io'], resources: ['globalinclusterippools/status'] }]),
      ['MutatingWebhookConfiguration m: webhook w.example.com (globalinclusterippools)']],
    ['counts wildcards as covering both pool kinds',
      configuration('ValidatingWebhookConfiguration', 'all', [{ apiGroups: ['*'], resources: ['*'] }]),
      ['ValidatingWebhookConfiguration all: webhook w.example.com (globalinclusterippools, inclusterippools)']],
    ['ignores webhooks of other resources of the group (claims, addresses)',
      configuration('ValidatingWebhookConfiguration', 'capi', [{ apiGroups: ['ipam.cluster.x-k8s.io'], resources: ['ipaddressclaims', 'ipaddresses'] }]), []],
    ['ignores webhooks of the same resource names in another group',
      configuration('ValidatingWebhookConfiguration', 'other', [{ apiGroups: ['example.com'], resources: ['inclusterippools'] }]), []],
  ])('%s', (_name, config, expected) => {
    expect(poolWebhooks([config])).toEqual(expected);
  });
});
