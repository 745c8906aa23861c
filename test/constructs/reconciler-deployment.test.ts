import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import {
  LEADER_ELECTION_RULES,
  RECONCILER_CHART_ID,
  ReconcilerChart,
  ReconcilerDeployment,
  reconcilerClusterRules,
} from '../../src/constructs/reconciler-deployment.js';
import { problemsOf } from './fixtures.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: any };

function synth(props: ConstructorParameters<typeof ReconcilerDeployment>[2] = {}): Obj[] {
  const chart = new ReconcilerChart(Testing.app(), props);
  return Testing.synth(chart) as Obj[];
}

function find(objs: Obj[], kind: string): Obj {
  const found = objs.find((o) => o.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} in ${objs.map((o) => o.kind).join(', ')}`);
  return found;
}

/** The rendered rules as (group, resource) -> verbs. */
function ruleTable(role: Obj): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const rule of role.rules as { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }[]) {
    expect(rule.resourceNames).toBeUndefined();
    for (const g of rule.apiGroups) for (const r of rule.resources) table[`${g === '' ? 'core' : g}/${r}`] = [...rule.verbs].sort();
  }
  return table;
}

describe('ReconcilerDeployment', () => {
  it('renders a namespace, service account, roles, bindings and a deployment, all with explicit names', () => {
    const objs = synth();
    expect(objs.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
      'Namespace /capi-ionos-system',
      'ServiceAccount capi-ionos-system/capi-ionos-reconciler',
      'ClusterRole /capi-ionos-reconciler',
      'ClusterRoleBinding /capi-ionos-reconciler',
      'Role capi-ionos-system/capi-ionos-reconciler-leader-election',
      'RoleBinding capi-ionos-system/capi-ionos-reconciler-leader-election',
      'ValidatingAdmissionPolicy /capi-ionos-reconciler-ippools',
      'ValidatingAdmissionPolicyBinding /capi-ionos-reconciler-ippools',
      'Deployment capi-ionos-system/capi-ionos-reconciler',
    ]);
    // No cdk8s hash anywhere: not in names, not in labels or selectors.
    expect(JSON.stringify(objs)).not.toMatch(/cdk8s\.io|-[0-9a-f]{8}"/);
  });

  it('grants exactly the verbs the controllers use, cluster-wide, and the Lease verbs in its namespace only', () => {
    const objs = synth();
    // Derived from the controllers' store calls: informers list+watch, writes update, no patch.
    expect(ruleTable(find(objs, 'ClusterRole'))).toEqual({
      'admissionregistration.k8s.io/mutatingwebhookconfigurations': ['list', 'watch'],
      'admissionregistration.k8s.io/validatingwebhookconfigurations': ['list', 'watch'],
      'core/events': ['create', 'get', 'update'],
      'cluster.x-k8s.io/clusters': ['get', 'list', 'watch'],
      'infrastructure.cluster.x-k8s.io/ionoscloudclusters': ['get'],
      'infrastructure.cluster.x-k8s.io/ionoscloudmachines': ['get', 'list', 'watch'],
      'infrastructure.cluster.x-k8s.io/ionoscloudmachines/status': ['update'],
      'ipam.cluster.x-k8s.io/globalinclusterippools': ['list', 'update', 'watch'],
      'ipam.cluster.x-k8s.io/globalinclusterippools/status': ['update'],
      'ipam.cluster.x-k8s.io/inclusterippools': ['list', 'update', 'watch'],
      'ipam.cluster.x-k8s.io/inclusterippools/status': ['update'],
      'ipam.cluster.x-k8s.io/ipaddressclaims': ['get', 'list', 'update', 'watch'],
      'ipam.cluster.x-k8s.io/ipaddressclaims/status': ['update'],
      'ipam.cluster.x-k8s.io/ipaddresses': ['create', 'delete', 'get', 'list', 'update', 'watch'],
    });
    const role = find(objs, 'Role');
    expect(role.metadata.namespace).toBe('capi-ionos-system');
    expect(ruleTable(role)).toEqual({ 'coordination.k8s.io/leases': ['create', 'get', 'update'] });
    expect(LEADER_ELECTION_RULES).toHaveLength(1);
    for (const binding of [find(objs, 'ClusterRoleBinding'), find(objs, 'RoleBinding')]) {
      expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'capi-ionos-reconciler', namespace: 'capi-ionos-system' }]);
    }
  });

  it('leaves out what a disabled controller would need', () => {
    const claimsOnly = ruleTable(find(synth({ nics: 'off' }), 'ClusterRole'));
    expect(Object.keys(claimsOnly)).not.toContain('core/secrets');
    expect(Object.keys(claimsOnly).some((k) => k.startsWith('infrastructure.'))).toBe(false);
    expect(claimsOnly['ipam.cluster.x-k8s.io/ipaddressclaims']).toEqual(['list', 'update', 'watch']);
    const nicsOnly = ruleTable(find(synth({ claims: false, nics: 'attach' }), 'ClusterRole'));
    expect(nicsOnly['ipam.cluster.x-k8s.io/ipaddresses']).toEqual(['get']);
    expect(nicsOnly['ipam.cluster.x-k8s.io/inclusterippools']).toBeUndefined();
    // Observe mode reports in the status and Events only; attach mode also annotates machines.
    const observe = ruleTable(find(synth({ claims: false, nics: 'observe' }), 'ClusterRole'));
    expect(observe['infrastructure.cluster.x-k8s.io/ionoscloudmachines']).toEqual(['get', 'list', 'watch']);
    expect(nicsOnly['infrastructure.cluster.x-k8s.io/ionoscloudmachines']).toEqual(['get', 'list', 'update', 'watch']);
    const writes = ['create', 'update', 'patch', 'delete'];
    expect(Object.entries(observe).filter(([, verbs]) => verbs.some((v) => writes.includes(v))).map(([r]) => r))
      .toEqual(['core/events', 'infrastructure.cluster.x-k8s.io/ionoscloudmachines/status']);
    // No admission policy where the provider binds.
    expect(synth({ claims: false }).map((o) => o.kind)).not.toContain('ValidatingAdmissionPolicy');
  });

  it('grants Secrets only by name in the fleet\'s namespaces, never cluster-wide', () => {
    const objs = synth({ credentialsSecrets: [
      { namespace: 'prod-b', name: 'ionos-credentials' }, { namespace: 'prod-a', name: 'ionos-credentials' }, { namespace: 'prod-a', name: 'other' },
    ] });
    expect(JSON.stringify(find(objs, 'ClusterRole').rules)).not.toContain('secrets');
    const roles = objs.filter((o) => o.kind === 'Role' && o.metadata.name.startsWith('capi-ionos-reconciler-credentials-'));
    expect(roles.map((r) => [r.metadata.namespace, r.rules])).toEqual([
      ['prod-a', [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['ionos-credentials', 'other'], verbs: ['get'] }]],
      ['prod-b', [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['ionos-credentials'], verbs: ['get'] }]],
    ]);
    const bindings = objs.filter((o) => o.kind === 'RoleBinding' && o.metadata.name.startsWith('capi-ionos-reconciler-credentials-'));
    expect(bindings.map((b) => [b.metadata.namespace, b.roleRef.name, b.subjects])).toEqual([
      ['prod-a', 'capi-ionos-reconciler-credentials-prod-a', [{ kind: 'ServiceAccount', name: 'capi-ionos-reconciler', namespace: 'capi-ionos-system' }]],
      ['prod-b', 'capi-ionos-reconciler-credentials-prod-b', [{ kind: 'ServiceAccount', name: 'capi-ionos-reconciler', namespace: 'capi-ionos-system' }]],
    ]);
    expect(synth({ nics: 'off', credentialsSecrets: [{ namespace: 'prod-a', name: 'c' }] }).some((o) => o.kind === 'Role' && o.metadata.name.includes('-credentials'))).toBe(false);
  });

  it('runs two replicas with leader election, probes, limits, a non-root user and a read-only root file system', () => {
    const deployment = find(synth({ image: 'registry.example.com/capi-ionos:1.2.3', nics: 'attach', watchNamespace: 'prod-a' }), 'Deployment');
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/instance': 'capi-ionos-reconciler', 'app.kubernetes.io/name': 'capi-ionos-reconciler' } });
    expect(deployment.spec.template.metadata.labels).toEqual(deployment.spec.selector.matchLabels);
    const pod = deployment.spec.template.spec;
    expect(pod.serviceAccountName).toBe('capi-ionos-reconciler');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    const [container] = pod.containers;
    expect(container.image).toBe('registry.example.com/capi-ionos:1.2.3');
    expect(container.args).toEqual([
      'reconcile', '--claims', '--nics', 'attach', '--namespace', 'prod-a', '--leader-elect',
      '--lease-name', 'capi-ionos-reconciler', '--lease-namespace', '$(POD_NAMESPACE)', '--identity', '$(POD_NAME)',
      '--bind-address', '127.0.0.1', '--health-port', '8081', '--metrics-port', '8080',
    ]);
    expect(container.env.map((e: { name: string }) => e.name)).toEqual(['POD_NAME', 'POD_NAMESPACE']);
    // Nothing listens beyond the pod's loopback: no ports, probes from inside the container.
    expect(container.ports).toBeUndefined();
    expect(container.livenessProbe.exec.command).toEqual(['/nodejs/bin/node', '-e',
      "fetch('http://127.0.0.1:8081/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]);
    expect(container.readinessProbe.exec.command[2]).toContain("fetch('http://127.0.0.1:8081/readyz')");
    expect(container.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '50m', memory: '64Mi' } });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true,
      runAsGroup: 65532, runAsNonRoot: true, runAsUser: 65532,
    });
  });

  it('uses the given name, namespace and ports, and can leave the namespace to someone else', () => {
    const objs = synth({ name: 'ipam', namespace: 'infra', createNamespace: false, healthPort: 9440, metricsPort: 9443, replicas: 3 });
    expect(objs.map((o) => o.kind)).not.toContain('Namespace');
    expect(objs.every((o) => ['ipam', 'ipam-leader-election', 'ipam-ippools'].includes(o.metadata.name))).toBe(true);
    const deployment = find(objs, 'Deployment');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0].args.slice(-4)).toEqual(['--health-port', '9440', '--metrics-port', '9443']);
    expect(deployment.spec.template.spec.containers[0].livenessProbe.exec.command[2]).toContain('127.0.0.1:9440/healthz');
  });

  it('writes its objects into their own directory', () => {
    const app = Testing.app();
    const chart = new ReconcilerChart(app);
    expect(chart.node.id).toBe(RECONCILER_CHART_ID);
    expect(Chart.of(chart.reconciler)).toBe(chart);
    expect(chart.reconciler.serviceAccountUser).toBe('system:serviceaccount:capi-ionos-system:capi-ionos-reconciler');
  });

  it('rejects bad names, equal ports, no controllers and a bad image, all at once', () => {
    const problems = problemsOf(() => new ReconcilerDeployment(new Chart(Testing.app(), 'c'), 'r', {
      name: 'Bad_Name', namespace: 'ns', healthPort: 8080, metricsPort: 8080, claims: false, nics: 'off', image: 'a b', replicas: 0,
    }));
    expect(problems.map((p) => p.path)).toEqual(['c/r: name', 'c/r: replicas', 'c/r: healthPort', 'c/r: claims', 'c/r: image']);
    expect(problems[1]!.message).toBe('must be >= 1, got 0; use 1');
  });

  it('matches the snapshot of the default chart', () => {
    expect(synth()).toMatchSnapshot();
  });
});
