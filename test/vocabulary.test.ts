import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  BOOTSTRAP_API_VERSION, CAPI_API_VERSION, compareText, CONTROLPLANE_API_VERSION, DNS1123_LABEL, DNS1123_SUBDOMAIN,
  INFRA_API_VERSION, IPAM_ADDRESS_API_VERSION, IPAM_API_GROUP, IPAM_POOL_API_VERSION, POOL_KINDS, UUID,
} from '../src/vocabulary.js';

const CRDS = new URL('../crds/', import.meta.url);

interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean }[] };
}

/** Every vendored CRD (one per file; bundle.yaml repeats them). */
function crds(): Crd[] {
  return readdirSync(CRDS).filter((f) => f.endsWith('.yaml') && f !== 'bundle.yaml')
    .flatMap((f) => parseAllDocuments(readFileSync(new URL(f, CRDS), 'utf8')).map((d) => d.toJS() as Crd));
}

describe('the shared vocabulary', () => {
  it('names API versions that the vendored CRDs serve', () => {
    const served = new Set(crds().flatMap((c) => c.spec.versions.filter((v) => v.served)
      .map((v) => `${c.spec.group}/${v.name}`)));
    const versions = [
      CAPI_API_VERSION, INFRA_API_VERSION, CONTROLPLANE_API_VERSION, BOOTSTRAP_API_VERSION,
      IPAM_POOL_API_VERSION, IPAM_ADDRESS_API_VERSION,
    ];
    for (const version of versions) {
      expect(served, version).toContain(version);
    }
  });

  it('names the pool group and kinds that the IONOS machine CRD accepts in a pool reference, and no other', () => {
    // GIVEN the CEL rules on ipv4PoolRef of the vendored IonosCloudMachine CRD
    const text = readFileSync(new URL('infrastructure.cluster.x-k8s.io_ionoscloudmachines.yaml', CRDS), 'utf8');
    const rules = [...text.matchAll(/rule: self\.(apiGroup|kind) == (.*)$/gm)].map((m) => [m[1], m[2]] as const);
    // THEN the group rule names IPAM_API_GROUP and the kind rule exactly POOL_KINDS
    const groups = new Set(rules.filter(([key]) => key === 'apiGroup').map(([, rule]) => rule));
    expect(groups).toEqual(new Set([`'${IPAM_API_GROUP}'`]));
    const kinds = new Set(rules.filter(([key]) => key === 'kind').map(([, rule]) => rule));
    expect(kinds).toEqual(new Set([POOL_KINDS.map((k) => `'${k}'`).join(' || self.kind == ')]));
  });

  it('orders strings by code unit, whatever the locale', () => {
    expect(['b', 'a', 'B', 'é', 'z', 'A10', 'A9'].sort(compareText)).toEqual(['A10', 'A9', 'B', 'a', 'b', 'z', 'é']);
    expect(compareText('x', 'x')).toBe(0);
  });

  it('accepts DNS-1123 labels and subdomains and rejects what is neither', () => {
    expect(['a', 'prod-a', '0abc9'].every((n) => DNS1123_LABEL.test(n))).toBe(true);
    expect(['', '-a', 'a-', 'A', 'a.b', 'a_b'].some((n) => DNS1123_LABEL.test(n))).toBe(false);
    expect(['a.b', 'prod-a.example.com'].every((n) => DNS1123_SUBDOMAIN.test(n))).toBe(true);
    expect(['a..b', '.a', 'a.', 'a.-b'].some((n) => DNS1123_SUBDOMAIN.test(n))).toBe(false);
  });

  it('accepts a dashed UUID in either case and rejects one without dashes', () => {
    expect(UUID.test('0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00')).toBe(true);
    expect(UUID.test('0B5C7C4E-6A2F-4B1E-9F3A-2D7E8C9A1B00')).toBe(true);
    expect(UUID.test('0b5c7c4e6a2f4b1e9f3a2d7e8c9a1b00')).toBe(false);
    expect(UUID.test('0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b0')).toBe(false);
  });
});
