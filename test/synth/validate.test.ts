/**
 * Validation of synthesised objects against the CRDs (src/synth/validate.ts and the generated
 * imports/validators.ts). Objects are plain data shaped like the tool's output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateValidators } from '../../scripts/gen-validators.js';
import type { CelRule, KindValidator } from '../../imports/validators.js';
import { createObjectValidator, type ObjectValidator } from '../../src/synth/schema/dispatch.js';
import { celRuleInventory, validateObject, validateObjects, type Violation } from '../../src/synth/validate.js';

type Obj = Record<string, unknown>;

const BUNDLE = resolve(__dirname, '..', '..', 'crds', 'bundle.yaml');
const DC = '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00';
const IPAM = 'ipam.cluster.x-k8s.io';
const INFRA = 'infrastructure.cluster.x-k8s.io/v1alpha1';

function poolRef(name: string, kind = 'InClusterIPPool'): Obj {
  return { apiGroup: IPAM, kind, name };
}

function machineSpec(overrides: Obj = {}): Obj {
  return {
    datacenterID: DC,
    numCores: 2,
    memoryMB: 4096,
    disk: { sizeGB: 50, image: { id: 'c6b0e0f1-1111-4222-8333-444455556666' } },
    ipv4PoolRef: poolRef('prod-a-nodes'),
    additionalNetworks: [{ networkID: 3, ipv4PoolRef: poolRef('shared-storage', 'GlobalInClusterIPPool') }],
    ...overrides,
  };
}

function machine(spec: Obj = machineSpec()): Obj {
  return { apiVersion: INFRA, kind: 'IonosCloudMachine', metadata: { name: 'prod-a-m1', namespace: 'prod-a' }, spec };
}

function machineTemplate(spec: Obj = machineSpec()): Obj {
  return { apiVersion: INFRA, kind: 'IonosCloudMachineTemplate', metadata: { name: 'prod-a-workers', namespace: 'prod-a' }, spec: { template: { spec } } };
}

function ionosCluster(spec: Obj = {}): Obj {
  return {
    apiVersion: INFRA,
    kind: 'IonosCloudCluster',
    metadata: { name: 'prod-a', namespace: 'prod-a' },
    spec: { controlPlaneEndpoint: { host: '10.20.0.10', port: 6443 }, location: 'de/txl', credentialsRef: { name: 'ionos-credentials' }, ...spec },
  };
}

function pool(spec: Obj = {}, kind = 'InClusterIPPool', metadata: Obj = { name: 'prod-a-nodes', namespace: 'prod-a' }): Obj {
  return { apiVersion: `${IPAM}/v1alpha2`, kind, metadata, spec: { addresses: ['10.20.1.0/27'], prefix: 16, gateway: '10.20.0.1', ...spec } };
}

function kcp(spec: Obj = {}): Obj {
  return {
    apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
    kind: 'KubeadmControlPlane',
    metadata: { name: 'prod-a-control-plane', namespace: 'prod-a' },
    spec: {
      replicas: 3,
      version: 'v1.31.2',
      machineTemplate: { infrastructureRef: { apiVersion: INFRA, kind: 'IonosCloudMachineTemplate', name: 'prod-a-control-plane' } },
      kubeadmConfigSpec: { users: [{ name: 'root', sshAuthorizedKeys: ['ssh-ed25519 AAAA'] }] },
      ...spec,
    },
  };
}

function machineDeployment(spec: Obj = {}, templateSpec: Obj = {}): Obj {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'MachineDeployment',
    metadata: { name: 'prod-a-workers', namespace: 'prod-a' },
    spec: {
      clusterName: 'prod-a',
      replicas: 5,
      selector: { matchLabels: {} },
      template: {
        metadata: { labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
        spec: {
          clusterName: 'prod-a',
          version: 'v1.31.2',
          bootstrap: { configRef: { apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1', kind: 'KubeadmConfigTemplate', name: 'prod-a-workers' } },
          infrastructureRef: { apiVersion: INFRA, kind: 'IonosCloudMachineTemplate', name: 'prod-a-workers' },
          ...templateSpec,
        },
      },
      ...spec,
    },
  };
}

function machineHealthCheck(spec: Obj = {}): Obj {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'MachineHealthCheck',
    metadata: { name: 'prod-a-workers', namespace: 'prod-a' },
    spec: { clusterName: 'prod-a', maxUnhealthy: '40%', selector: { matchLabels: { pool: 'workers' } }, ...spec },
  };
}

/** One cluster's objects, as the tool emits them (all valid). */
function clusterObjects(): Obj[] {
  const labels = { 'cluster.x-k8s.io/cluster-name': 'prod-a' };
  return [
    {
      apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', metadata: { name: 'prod-a', namespace: 'prod-a', labels },
      spec: {
        clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
        controlPlaneRef: { apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1', kind: 'KubeadmControlPlane', name: 'prod-a-control-plane' },
        infrastructureRef: { apiVersion: INFRA, kind: 'IonosCloudCluster', name: 'prod-a' },
      },
    },
    ionosCluster(),
    kcp(),
    { ...machineTemplate(machineSpec({ numCores: 4, memoryMB: 8192 })), metadata: { name: 'prod-a-control-plane', namespace: 'prod-a' } },
    machineDeployment(),
    machineTemplate(),
    {
      apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1', kind: 'KubeadmConfigTemplate', metadata: { name: 'prod-a-workers', namespace: 'prod-a' },
      spec: { template: { spec: { joinConfiguration: { nodeRegistration: { kubeletExtraArgs: { 'provider-id': 'ionos://{{ ds.meta_data.instance_id }}' } } } } } },
    },
    machineHealthCheck(),
    pool(),
    pool({ addresses: ['172.16.0.0/26'], prefix: 20, gateway: undefined }, 'GlobalInClusterIPPool', { name: 'shared-storage' }),
    {
      apiVersion: 'addons.cluster.x-k8s.io/v1beta1', kind: 'ClusterResourceSet', metadata: { name: 'prod-a-crs', namespace: 'prod-a' },
      spec: { strategy: 'ApplyOnce', clusterSelector: { matchLabels: labels }, resources: [{ kind: 'ConfigMap', name: 'prod-a-calico' }] },
    },
    {
      apiVersion: `${IPAM}/v1beta1`, kind: 'IPAddressClaim', metadata: { name: 'nic-prod-a-m1-ipv4', namespace: 'prod-a', labels },
      spec: { poolRef: poolRef('prod-a-nodes') },
    },
    {
      apiVersion: `${IPAM}/v1beta1`, kind: 'IPAddress', metadata: { name: 'nic-prod-a-m1-ipv4', namespace: 'prod-a' },
      spec: { address: '10.20.1.1', prefix: 16, gateway: '10.20.0.1', claimRef: { name: 'nic-prod-a-m1-ipv4' }, poolRef: poolRef('prod-a-nodes') },
    },
    machine(),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'prod-a-calico', namespace: 'prod-a' }, data: { 'calico.yaml': '---' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ionos-credentials', namespace: 'prod-a' }, stringData: { token: 'x' } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'reconciler', namespace: 'capi-ionos' }, spec: {} },
  ];
}

/** The violations at `path`. */
function at(violations: readonly Violation[], path: string): string[] {
  return violations.filter((v) => v.path === path).map((v) => v.message);
}

describe('validateObject on the project CRDs', () => {
  it('accepts every kind the tool emits, and counts core kinds as not checked', () => {
    // GIVEN one realistic cluster's objects
    const objects = clusterObjects();
    // WHEN they are validated
    const { problems, stats } = validateObjects(objects);
    // THEN nothing is wrong, and core kinds are counted, never checked
    expect(problems).toEqual([]);
    expect(stats.objects).toBe(objects.length);
    expect(stats.unchecked).toEqual([{ kind: 'ConfigMap', count: 1 }, { kind: 'Deployment', count: 1 }, { kind: 'Secret', count: 1 }]);
    expect(stats.celEvaluated).toBeGreaterThan(0);
    expect(stats.celSkippedUnsupported).toBe(0);
    expect(stats.celSkippedInvalid).toBe(0);
  });

  describe('structural schema', () => {
    it('rejects a MachineDeployment with an unknown field, naming the allowed ones', () => {
      const v = validateObject(machineDeployment({ replica: 3 }));
      expect(at(v, 'spec.replica')).toEqual([expect.stringMatching(/^unknown field \(.*did you mean "replicas"\?\) \(CRD: unknown field\)$/)]);
    });

    it('rejects an unknown top-level field and an unknown metadata field', () => {
      const v = validateObject({ ...machine(), extra: 1, metadata: { name: 'm', namespace: 'prod-a', labelz: {} } });
      expect(at(v, 'extra')).toHaveLength(1);
      expect(at(v, 'metadata.labelz')).toEqual(['unknown field: not an ObjectMeta field']);
    });

    it('accepts unknown fields under x-kubernetes-preserve-unknown-fields', () => {
      const cluster = clusterObjects()[0]!;
      const spec = { ...(cluster.spec as Obj), topology: { class: 'c', version: 'v1.31.2', variables: [{ name: 'anything', value: { nested: [1, { free: true }] } }] } };
      expect(validateObject({ ...cluster, spec })).toEqual([]);
    });

    it('rejects a number where the CRD says integer, and a string where it says integer', () => {
      expect(at(validateObject(machine(machineSpec({ numCores: 2.5 }))), 'spec.numCores')).toEqual(['must be integer, got number 2.5 (CRD: type)']);
      expect(at(validateObject(machine(machineSpec({ numCores: '2' }))), 'spec.numCores')).toEqual(['must be integer, got string "2" (CRD: type)']);
    });

    it('rejects an int32 field beyond 32 bits, and accepts the largest int32', () => {
      expect(at(validateObject(machine(machineSpec({ numCores: 2 ** 31 }))), 'spec.numCores')).toEqual([
        expect.stringContaining('must fit a 32-bit signed integer, got 2147483648'),
      ]);
      expect(validateObject(machine(machineSpec({ numCores: 2 ** 31 - 1 })))).toEqual([]);
    });

    it('rejects a missing required field and accepts a defaulted one', () => {
      const { disk: _disk, ...noDisk } = machineSpec();
      expect(at(validateObject(machine(noDisk)), 'spec.disk')).toEqual(['is required but missing (CRD: required)']);
      // credentialsRef.name is required but has a default (""), which the API server fills in first.
      expect(at(validateObject(ionosCluster({ credentialsRef: {} })), 'spec.credentialsRef.name')).toEqual([]);
    });

    it('rejects availabilityZone ZONE_3 on a machine, and accepts it on the machine\'s disk', () => {
      expect(at(validateObject(machine(machineSpec({ availabilityZone: 'ZONE_3' }))), 'spec.availabilityZone')).toEqual([
        'must be one of "AUTO", "ZONE_1", "ZONE_2", got "ZONE_3" (CRD: enum)',
      ]);
      const disk = { sizeGB: 50, availabilityZone: 'ZONE_3', image: { id: 'img' } };
      expect(validateObject(machine(machineSpec({ disk })))).toEqual([]);
    });

    it('rejects memoryMB 1000 (below the minimum and not a multiple of 1024)', () => {
      expect(at(validateObject(machineTemplate(machineSpec({ memoryMB: 1000 }))), 'spec.template.spec.memoryMB')).toEqual([
        'must be >= 2048, got 1000 (CRD: minimum)',
        'must be a multiple of 1024, got 1000 (CRD: multipleOf)',
      ]);
    });

    it('rejects memoryMB 1536 as not a multiple of 1024, and accepts 3072', () => {
      const v = validateObject(machine(machineSpec({ memoryMB: 1536 })));
      expect(at(v, 'spec.memoryMB')).toContain('must be a multiple of 1024, got 1536 (CRD: multipleOf)');
      expect(validateObject(machine(machineSpec({ memoryMB: 3072 })))).toEqual([]);
    });

    it('rejects an InClusterIPPool with prefix 129, and accepts prefix 128', () => {
      expect(at(validateObject(pool({ prefix: 129 })), 'spec.prefix')).toEqual(['must be <= 128, got 129 (CRD: maximum)']);
      expect(validateObject(pool({ addresses: ['fd00::/120'], prefix: 128, gateway: undefined }))).toEqual([]);
    });

    it('rejects a KubeadmControlPlane with an invalid version (empty, too long, not a string)', () => {
      expect(at(validateObject(kcp({ version: '' })), 'spec.version')).toEqual(['must be at least 1 character long, got "" (CRD: minLength)']);
      expect(at(validateObject(kcp({ version: `v1.${'1'.repeat(300)}` })), 'spec.version')).toEqual([
        'must be at most 256 characters long, got 303 (CRD: maxLength)',
      ]);
      expect(at(validateObject(kcp({ version: 1.31 })), 'spec.version')).toEqual(['must be string, got number 1.31 (CRD: type)']);
      expect(validateObject(kcp({ version: 'v1.31.2' }))).toEqual([]);
    });

    it('rejects a value not matching the CRD pattern, and accepts one that does', () => {
      expect(at(validateObject(machineHealthCheck({ unhealthyRange: '1-5' })), 'spec.unhealthyRange')).toEqual([
        'must match the regular expression ^\\[[0-9]+-[0-9]+\\]$, got "1-5" (CRD: pattern)',
      ]);
      expect(validateObject(machineHealthCheck({ unhealthyRange: '[1-5]' }))).toEqual([]);
    });

    it('rejects a bad datacenterID UUID, and accepts upper case and missing dashes as the API server does', () => {
      expect(at(validateObject(machine(machineSpec({ datacenterID: 'dc-1' }))), 'spec.datacenterID')).toEqual([
        'must be a valid uuid such as 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00, got "dc-1" (CRD: format)',
      ]);
      expect(validateObject(machine(machineSpec({ datacenterID: DC.toUpperCase() })))).toEqual([]);
      expect(validateObject(machine(machineSpec({ datacenterID: DC.replace(/-/g, '') })))).toEqual([]);
    });

    it('rejects a bad date-time, and accepts RFC 3339 ones', () => {
      expect(at(validateObject(machineDeployment({ rolloutAfter: 'tomorrow' })), 'spec.rolloutAfter')).toEqual([
        expect.stringMatching(/^must be a valid date-time .*got "tomorrow" \(CRD: format\)$/),
      ]);
      expect(at(validateObject(machineDeployment({ rolloutAfter: '2024-02-30T10:00:00Z' })), 'spec.rolloutAfter')).toHaveLength(1);
      expect(validateObject(machineDeployment({ rolloutAfter: '2024-05-01T12:00:00Z' }))).toEqual([]);
      expect(validateObject(machineDeployment({ rolloutAfter: '2024-05-01T12:00:00.123+02:00' }))).toEqual([]);
    });

    it('rejects more items than maxItems, and duplicate keys in a map-type list', () => {
      const gates = (n: number) => Array.from({ length: n }, (_, i) => ({ conditionType: `Ready${i}` }));
      expect(at(validateObject(machineDeployment({}, { readinessGates: gates(33) })), 'spec.template.spec.readinessGates')).toEqual([
        'must have at most 32 items, got 33 (CRD: maxItems)',
      ]);
      expect(validateObject(machineDeployment({}, { readinessGates: gates(32) }))).toEqual([]);
      const dup = validateObject(machineDeployment({}, { readinessGates: [{ conditionType: 'A' }, { conditionType: 'B' }, { conditionType: 'A' }] }));
      expect(at(dup, 'spec.template.spec.readinessGates[2]')).toEqual([
        'duplicate entry with conditionType="A", also at [0] (CRD: x-kubernetes-list-type map, keys conditionType)',
      ]);
    });

    it('rejects an empty matchLabels (minProperties 1) and a non-string label value (additionalProperties)', () => {
      const image = (matchLabels: Obj) => machineSpec({ disk: { image: { selector: { matchLabels } } } });
      expect(at(validateObject(machine(image({}))), 'spec.disk.image.selector.matchLabels')).toEqual([
        'must have at least 1 entry, got 0 (CRD: minProperties)',
      ]);
      expect(at(validateObject(machine(image({ os: 1 }))), 'spec.disk.image.selector.matchLabels[os]')).toEqual([
        'must be string, got number 1 (CRD: type)',
      ]);
      expect(validateObject(machine(image({ os: 'ubuntu' })))).toEqual([]);
    });

    it('accepts an integer or a string for x-kubernetes-int-or-string, and rejects anything else', () => {
      expect(validateObject(machineHealthCheck({ maxUnhealthy: 2 }))).toEqual([]);
      expect(validateObject(machineHealthCheck({ maxUnhealthy: '40%' }))).toEqual([]);
      expect(at(validateObject(machineHealthCheck({ maxUnhealthy: true })), 'spec.maxUnhealthy')).toEqual([
        'must be integer or string, got boolean true (CRD: type)',
      ]);
      expect(at(validateObject(machineHealthCheck({ maxUnhealthy: 1.5 })), 'spec.maxUnhealthy')).toHaveLength(1);
    });

    it('rejects null where the CRD does not allow it', () => {
      expect(at(validateObject(machine(machineSpec({ cpuFamily: null }))), 'spec.cpuFamily')).toEqual([
        expect.stringContaining('must not be null'),
      ]);
    });
  });

  describe('apiVersion, kind and metadata', () => {
    it('rejects a version the CRD does not serve, and a kind of another group', () => {
      expect(at(validateObject({ ...pool(), apiVersion: `${IPAM}/v1alpha1` }), 'apiVersion')).toEqual([
        `InClusterIPPool is not served as ${IPAM}/v1alpha1; use ${IPAM}/v1alpha2`,
      ]);
      expect(at(validateObject({ ...machine(), apiVersion: `${IPAM}/v1alpha2` }), 'kind')).toEqual([
        expect.stringContaining(`IonosCloudMachine is served as apiVersion ${INFRA}`),
      ]);
      expect(at(validateObject({ ...machine(), apiVersion: undefined }), 'apiVersion')).toEqual(['is required, got nothing']);
    });

    it('rejects a missing name, a name that is no DNS-1123 subdomain, and a bad namespace', () => {
      expect(at(validateObject({ ...machine(), metadata: { namespace: 'prod-a' } }), 'metadata.name')).toEqual([
        'is required: every object needs an explicit metadata.name',
      ]);
      expect(at(validateObject({ ...machine(), metadata: { name: 'Prod_A', namespace: 'prod-a' } }), 'metadata.name')).toEqual([
        expect.stringContaining('must be a lowercase RFC 1123 subdomain'),
      ]);
      expect(at(validateObject({ ...machine(), metadata: { name: 'a.b-c', namespace: 'prod.a' } }), 'metadata.namespace')).toEqual([
        expect.stringContaining('must be a lowercase RFC 1123 label'),
      ]);
      expect(validateObject({ ...machine(), metadata: { name: 'a.b-c', namespace: 'prod-a' } })).toEqual([]);
    });

    it('rejects a GlobalInClusterIPPool with a namespace (cluster-scoped), and accepts one without', () => {
      const global = (metadata: Obj) => pool({ gateway: undefined }, 'GlobalInClusterIPPool', metadata);
      expect(at(validateObject(global({ name: 'shared', namespace: 'prod-a' })), 'metadata.namespace')).toEqual([
        'must not be set: this kind is cluster-scoped (the API server silently drops it, and GitOps tools then show a diff forever), got "prod-a"',
      ]);
      expect(validateObject(global({ name: 'shared' }))).toEqual([]);
    });

    it('rejects bad label keys and values', () => {
      const v = validateObject({ ...machine(), metadata: { name: 'm', namespace: 'prod-a', labels: { 'bad key': 'x', ok: 'y'.repeat(64) } } });
      expect(at(v, 'metadata.labels[bad key]')).toEqual([expect.stringContaining('label key name part must consist of')]);
      expect(at(v, 'metadata.labels[ok]')).toEqual([expect.stringContaining('label value must be no more than 63 characters')]);
    });
  });

  describe('CEL rules (x-kubernetes-validations)', () => {
    it('rejects VCPU with cpuFamily on an IonosCloudMachine, with the CRD rule\'s message', () => {
      expect(at(validateObject(machine(machineSpec({ type: 'VCPU', cpuFamily: 'INTEL_SKYLAKE' }))), 'spec')).toEqual([
        "cpuFamily must not be specified when using VCPU (CRD rule: self.type != 'VCPU' || !has(self.cpuFamily))",
      ]);
      expect(validateObject(machine(machineSpec({ type: 'ENTERPRISE', cpuFamily: 'INTEL_SKYLAKE' })))).toEqual([]);
    });

    it('accepts VCPU with cpuFamily on an IonosCloudMachineTemplate, whose CRD has no such rule', () => {
      expect(validateObject(machineTemplate(machineSpec({ type: 'VCPU', cpuFamily: 'INTEL_SKYLAKE' })))).toEqual([]);
    });

    it('rejects an ipv4PoolRef of kind Foo with the message from the CRD rule', () => {
      const v = validateObject(machineTemplate(machineSpec({ ipv4PoolRef: { apiGroup: IPAM, kind: 'Foo', name: 'prod-a-nodes' } })));
      expect(at(v, 'spec.template.spec.ipv4PoolRef')).toEqual([
        "ipv4PoolRef allows either InClusterIPPool or GlobalInClusterIPPool (CRD rule: self.kind == 'InClusterIPPool' || self.kind == 'GlobalInClusterIPPool')",
      ]);
    });

    it('rejects an ipv4PoolRef with the wrong apiGroup, and one without apiGroup as an evaluation error', () => {
      const wrong = validateObject(machine(machineSpec({ ipv4PoolRef: { apiGroup: 'ipam.example.com', kind: 'InClusterIPPool', name: 'p' } })));
      expect(at(wrong, 'spec.ipv4PoolRef')).toEqual([
        "ipv4PoolRef allows only IPAMConfig apiGroup ipam.cluster.x-k8s.io (CRD rule: self.apiGroup == 'ipam.cluster.x-k8s.io')",
      ]);
      const missing = validateObject(machine(machineSpec({ ipv4PoolRef: { kind: 'InClusterIPPool', name: 'p' } })));
      expect(at(missing, 'spec.ipv4PoolRef')).toEqual([
        "no such key: apiGroup evaluating rule: ipv4PoolRef allows only IPAMConfig apiGroup ipam.cluster.x-k8s.io (CRD rule: self.apiGroup == 'ipam.cluster.x-k8s.io')",
      ]);
    });

    it('rejects an empty pool name on an additional network', () => {
      const spec = machineSpec({ additionalNetworks: [{ networkID: 3, ipv6PoolRef: poolRef('') }] });
      expect(at(validateObject(machine(spec)), 'spec.additionalNetworks[0].ipv6PoolRef')).toEqual([
        "ipv6PoolRef.name is required (CRD rule: self.name != '')",
      ]);
    });

    it('rejects a disk image with both id and selector, and one with neither', () => {
      const message = 'exactly one of the fields in [id selector] must be set (CRD rule: [has(self.id),has(self.selector)].filter(x,x==true).size() == 1)';
      const both = machineSpec({ disk: { image: { id: 'img', selector: { matchLabels: { os: 'ubuntu' } } } } });
      expect(at(validateObject(machine(both)), 'spec.disk.image')).toEqual([message]);
      expect(at(validateObject(machine(machineSpec({ disk: { image: {} } }))), 'spec.disk.image')).toEqual([message]);
    });

    it('rejects IonosCloudCluster port 70000, and accepts an empty endpoint', () => {
      const v = validateObject(ionosCluster({ controlPlaneEndpoint: { host: 'api.example.com', port: 70000 } }));
      expect(at(v, 'spec.controlPlaneEndpoint')).toEqual([
        'port must be within 1-65535 (CRD rule: size(self.host) == 0 && self.port == 0 || self.port > 0 && self.port < 65536)',
      ]);
      expect(validateObject(ionosCluster({ controlPlaneEndpoint: { host: '', port: 0 } }))).toEqual([]);
    });

    it('rejects IonosCloudCluster credentialsRef.name "", and an absent name once the default "" is applied', () => {
      const message = "credentialsRef.name must be provided (CRD rule: has(self.name) && self.name != '')";
      expect(at(validateObject(ionosCluster({ credentialsRef: { name: '' } })), 'spec.credentialsRef')).toEqual([message]);
      expect(at(validateObject(ionosCluster({ credentialsRef: {} })), 'spec.credentialsRef')).toEqual([message]);
    });

    it('rejects a loadBalancerProviderRef without a location', () => {
      const { location: _location, ...noLocation } = ionosCluster().spec as Obj;
      const v = validateObject({ ...ionosCluster(), spec: { ...noLocation, loadBalancerProviderRef: { name: 'lb' } } });
      expect(at(v, 'spec')).toEqual([expect.stringMatching(/^location is required when loadBalancerProviderRef is set \(CRD rule: /)]);
    });

    it('evaluates self.matches() with RE2 semantics for failoverIP', () => {
      expect(validateObject(machine(machineSpec({ failoverIP: 'AUTO' })))).toEqual([]);
      expect(validateObject(machine(machineSpec({ failoverIP: '10.20.0.7' })))).toEqual([]);
      expect(at(validateObject(machine(machineSpec({ failoverIP: '10.20.0.256' }))), 'spec.failoverIP')).toEqual([
        expect.stringMatching(/^failoverIP must be either 'AUTO' or a valid IPv4 address \(CRD rule: /),
      ]);
    });

    it('skips transition rules and counts them', () => {
      // GIVEN a machine: datacenterID, type (defaulted) and networkID-at-spec carry oldSelf rules
      const { problems, stats } = validateObjects([machine(machineSpec({ networkID: 'lan-1' }))]);
      // THEN none fails, each is counted as skipped
      expect(problems).toEqual([]);
      expect(stats.celSkippedTransition).toBe(4); // datacenterID, networkID, type, and the spec-level networkID rule
      expect(stats.celEvaluated).toBe(8); // cpuFamily, 3 + 3 pool-ref rules, image
    });

    it('does not evaluate rules over a value with type errors, and says so', () => {
      const { problems, stats } = validateObjects([machine(machineSpec({ type: 'VCPU', cpuFamily: 'X', availabilityZone: 'ZONE_9' }))]);
      expect(stats.celSkippedInvalid).toBe(1);
      expect(problems.map((p) => p.path)).toEqual(['IonosCloudMachine prod-a/prod-a-m1', 'IonosCloudMachine prod-a/prod-a-m1: spec.availabilityZone']);
      expect(problems[0]!.message).toMatch(/^1 CEL rule was not evaluated because of/);
    });
  });

  describe('validateObjects', () => {
    it('names the object and the field, and sorts by object, then path', () => {
      const objects = [
        machineTemplate(machineSpec({ memoryMB: 1000 })),
        { ...pool({ prefix: 129 }), metadata: { name: 'b', namespace: 'prod-a' } },
        machine(machineSpec({ numCores: 0, additionalNetworks: Array.from({ length: 11 }, (_, i) => ({ networkID: i === 10 ? 0 : i + 1 })) })),
      ];
      const { problems } = validateObjects(objects);
      expect(problems.map((p) => p.path)).toEqual([
        'InClusterIPPool prod-a/b: spec.prefix',
        'IonosCloudMachine prod-a/prod-a-m1: spec.additionalNetworks[10].networkID',
        'IonosCloudMachine prod-a/prod-a-m1: spec.numCores',
        'IonosCloudMachineTemplate prod-a/prod-a-workers: spec.template.spec.memoryMB',
        'IonosCloudMachineTemplate prod-a/prod-a-workers: spec.template.spec.memoryMB',
      ]);
      // Same problems, same order, whatever the input order.
      expect(validateObjects([...objects].reverse()).problems).toEqual(problems);
    });

    it('reports an object defined twice', () => {
      const { problems } = validateObjects([pool(), pool()]);
      expect(problems).toEqual([{ path: 'InClusterIPPool prod-a/prod-a-nodes', message: expect.stringContaining('is defined more than once') }]);
    });
  });
});

describe('the CEL rule inventory', () => {
  it('knows every x-kubernetes-validations rule in the bundle: evaluated or transition, none unsupported', () => {
    // GIVEN every rule in crds/bundle.yaml, with where it sits
    const expected: string[] = [];
    const walk = (s: Obj | undefined, crd: string, version: string, path: string): void => {
      if (s === undefined) return;
      for (const r of (s['x-kubernetes-validations'] as Obj[] | undefined) ?? []) expected.push(`${crd} ${version} ${path} ${String(r.rule)}`);
      for (const [k, p] of Object.entries((s.properties as Record<string, Obj> | undefined) ?? {})) walk(p, crd, version, path === '' ? k : `${path}.${k}`);
      walk(s.items as Obj | undefined, crd, version, `${path}[]`);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties as Obj, crd, version, `${path}{}`);
    };
    for (const doc of parseAllDocuments(readFileSync(BUNDLE, 'utf8'))) {
      const crd = doc.toJS() as Obj | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      const spec = crd.spec as Obj;
      for (const v of spec.versions as Obj[]) {
        if (v.served !== true) continue;
        walk((v.schema as Obj).openAPIV3Schema as Obj, (crd.metadata as Obj).name as string, v.name as string, '');
      }
    }
    // WHEN the validator lists the rules it knows
    const inventory = celRuleInventory();
    // THEN it knows exactly those, and handles each
    expect(inventory.map((r) => `${r.crd} ${r.version} ${r.schemaPath} ${r.rule}`).sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(47);
    const transition = inventory.filter((r) => r.status === 'transition');
    expect(transition.every((r) => /\boldSelf\b/.test(r.rule))).toBe(true);
    expect(inventory.filter((r) => r.status === 'evaluated').every((r) => !/\boldSelf\b/.test(r.rule))).toBe(true);
    expect(inventory.filter((r) => r.status === 'unsupported')).toEqual([]);
    expect({ evaluated: inventory.length - transition.length, transition: transition.length }).toEqual({ evaluated: 35, transition: 12 });
  });
});

/**
 * Keywords and rule features the project CRDs do not use, checked through validators generated
 * from a small CRD written here.
 */
const WIDGET_CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.test.example.com}
spec:
  group: test.example.com
  names: {kind: Widget, plural: widgets}
  scope: Cluster
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          apiVersion: {type: string}
          kind: {type: string}
          metadata: {type: object}
          spec:
            type: object
            x-kubernetes-validations:
            - rule: self.minReplicas <= self.maxReplicas
              messageExpression: "'minReplicas (' + string(self.minReplicas) + ') must not exceed maxReplicas (' + string(self.maxReplicas) + ')'"
              fieldPath: .minReplicas
              reason: FieldValueForbidden
            - rule: self.ratio > 0.25 && self.count + 1 >= 1
              message: ratio and count
            - rule: self.tags.isSorted()
              message: tags must be sorted
            - rule: "self.tags == ['a']"
            - rule: "!oldSelf.hasValue() || oldSelf.value().minReplicas <= self.minReplicas"
              optionalOldSelf: true
            - rule: "!has(self.window) || self.window.start < self.window.end"
              message: window must end after it starts
            properties:
              minReplicas: {type: integer, format: int32, default: 1}
              maxReplicas: {type: integer, format: int64, minimum: 0, exclusiveMinimum: true, maximum: 100, exclusiveMaximum: true}
              ratio: {type: number, multipleOf: 0.25, default: 0.5}
              count: {type: integer, default: 0}
              note: {type: string, nullable: true}
              tags: {type: array, minItems: 1, items: {type: string}, x-kubernetes-list-type: set}
              ports: {type: array, uniqueItems: true, items: {type: integer}}
              labels: {type: object, maxProperties: 2, additionalProperties: {type: string}}
              window:
                type: object
                properties:
                  start: {type: string, format: date-time}
                  end: {type: string, format: date-time}
              shape:
                type: object
                properties:
                  circle: {type: object, properties: {r: {type: number}}}
                  square: {type: object, properties: {side: {type: number}}}
                oneOf: [{required: [circle]}, {required: [square]}]
              code: {type: string, not: {enum: [forbidden]}}
              named:
                type: object
                properties:
                  x-name: {type: string}
                x-kubernetes-validations:
                - rule: "!has(self.x__dash__name) || self.x__dash__name != 'bad'"
                  message: x-name must not be bad
              template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
              entries:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name, port]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    port: {type: integer, default: 80}
`;

describe('validators generated for keywords the project CRDs do not use', () => {
  let widgets: ObjectValidator;
  let rules: readonly CelRule[];

  beforeAll(async () => {
    const generated = generateValidators(WIDGET_CRD, 'widgets.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'capi-ionos-validators-'));
    const file = join(dir, 'validators.ts');
    writeFileSync(file, generated.code);
    const mod = (await import(pathToFileURL(file).href)) as { KINDS: readonly KindValidator[]; CEL_RULES: readonly CelRule[] };
    rules = mod.CEL_RULES;
    widgets = createObjectValidator(mod.KINDS, mod.CEL_RULES);
  });

  const widget = (spec: Obj): Obj => ({ apiVersion: 'test.example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { maxReplicas: 3, tags: ['a'], ...spec } });
  const check = (spec: Obj): Violation[] => widgets.validateObject(widget(spec));

  it('classifies rules: Kubernetes-only functions, set comparisons and optionalOldSelf are unsupported, with reasons', () => {
    expect(rules.map((r) => [r.status, r.why ?? ''])).toEqual([
      ['evaluated', ''],
      ['evaluated', ''],
      ['unsupported', expect.stringContaining("isSorted() from Kubernetes' lists CEL library")],
      ['unsupported', expect.stringContaining('x-kubernetes-list-type set/map')],
      ['unsupported', expect.stringContaining('optional')],
      ['evaluated', ''],
      ['evaluated', ''],
    ]);
    const { stats } = widgets.validateObjects([widget({})]);
    expect(stats.celSkippedUnsupported).toBe(3);
    expect(stats.celEvaluated).toBe(3);
  });

  it('accepts a valid widget (defaults applied before the rules)', () => {
    expect(check({ note: null, window: { start: '2024-01-01T00:00:00Z', end: '2024-01-02T00:00:00Z' } })).toEqual([]);
  });

  it('uses messageExpression, fieldPath and reason', () => {
    expect(at(check({ minReplicas: 5 }), 'spec.minReplicas')).toEqual([
      'minReplicas (5) must not exceed maxReplicas (3) (CRD rule: self.minReplicas <= self.maxReplicas; reason: FieldValueForbidden)',
    ]);
  });

  it('gives CEL integers as int, numbers as double and date-times as timestamps', () => {
    expect(at(check({ ratio: 0.25 }), 'spec')).toEqual(['ratio and count (CRD rule: self.ratio > 0.25 && self.count + 1 >= 1)']);
    expect(at(check({ window: { start: '2024-01-02T00:00:00Z', end: '2024-01-01T00:00:00Z' } }), 'spec')).toEqual([
      'window must end after it starts (CRD rule: !has(self.window) || self.window.start < self.window.end)',
    ]);
  });

  it('escapes property names for CEL as Kubernetes does', () => {
    expect(check({ named: { 'x-name': 'good' } })).toEqual([]);
    expect(at(check({ named: { 'x-name': 'bad' } }), 'spec.named')).toEqual([expect.stringContaining('x-name must not be bad')]);
  });

  it('rejects exclusive bounds, int64 overflow, multipleOf on numbers', () => {
    expect(at(check({ maxReplicas: 0 }), 'spec.maxReplicas')).toEqual(['must be > 0, got 0 (CRD: exclusiveMinimum)']);
    expect(at(check({ maxReplicas: 100 }), 'spec.maxReplicas')).toEqual(['must be < 100, got 100 (CRD: exclusiveMaximum)']);
    expect(check({ maxReplicas: 99 })).toEqual([]);
    expect(at(check({ ratio: 0.3 }), 'spec.ratio')).toEqual(['must be a multiple of 0.25, got 0.3 (CRD: multipleOf)']);
    expect(at(check({ minReplicas: 1, maxReplicas: 2 ** 64 }), 'spec.maxReplicas')).toEqual(expect.arrayContaining([expect.stringContaining('64-bit')]));
  });

  it('rejects too few items, duplicates in a set or uniqueItems list, and duplicate map-list keys after defaulting', () => {
    expect(at(check({ tags: [] }), 'spec.tags')).toEqual(['must have at least 1 item, got 0 (CRD: minItems)']);
    expect(at(check({ tags: ['a', 'b', 'a'] }), 'spec.tags[2]')).toEqual([expect.stringContaining('duplicate value "a", also at [0]')]);
    expect(at(check({ ports: [80, 443, 80] }), 'spec.ports[2]')).toEqual([expect.stringContaining('(CRD: uniqueItems)')]);
    expect(at(check({ entries: [{ name: 'a' }, { name: 'a', port: 80 }] }), 'spec.entries[1]')).toEqual([expect.stringContaining('name="a", port=80')]);
    expect(check({ entries: [{ name: 'a' }, { name: 'a', port: 81 }] })).toEqual([]);
  });

  it('accepts null only where nullable, and checks maxProperties', () => {
    expect(check({ note: null })).toEqual([]);
    expect(at(check({ labels: { a: 'x', b: 'y', c: 'z' } }), 'spec.labels')).toEqual(['must have at most 2 entries, got 3 (CRD: maxProperties)']);
  });

  it('checks oneOf and not', () => {
    expect(check({ shape: { circle: { r: 1 } } })).toEqual([]);
    expect(at(check({ shape: { circle: { r: 1 }, square: { side: 1 } } }), 'spec.shape')).toEqual([expect.stringContaining('exactly one of 2 schemas')]);
    expect(at(check({ shape: {} }), 'spec.shape')).toHaveLength(1);
    expect(at(check({ code: 'forbidden' }), 'spec.code')).toEqual([expect.stringContaining('(CRD: not)')]);
  });

  it('requires apiVersion and kind in an embedded resource and keeps its unknown fields', () => {
    expect(check({ template: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } } })).toEqual([]);
    expect(at(check({ template: { metadata: { name: 'x' } } }), 'spec.template.kind')).toEqual([expect.stringContaining('is required in an embedded resource')]);
  });

  it('rejects a namespace on the cluster-scoped widget', () => {
    expect(at(widgets.validateObject({ ...widget({}), metadata: { name: 'w', namespace: 'x' } }), 'metadata.namespace')).toHaveLength(1);
  });
});
