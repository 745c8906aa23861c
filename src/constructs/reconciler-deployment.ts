import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PoolAdmissionPolicy } from './pool-admission-policy.js';
import { PropChecker } from './private/errors.js';
import { CAPI_API_GROUP, compareText, INFRA_API_GROUP, IPAM_API_GROUP } from '../vocabulary.js';

/** What the NIC controller does: nothing, report drift only, or also change the servers' NICs. */
export type ReconcilerNicMode = 'off' | 'observe' | 'attach';

/** One RBAC rule of the reconciler's roles: verbs on resources of one API group. */
export interface ReconcilerRule {
  /** The API group; `''` is the core group. */
  readonly apiGroup: string;
  /** Resources, with subresources as `resource/subresource`. */
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** CPU and memory of the reconciler's container. */
export interface ReconcilerResources {
  /** @default 50 */
  readonly cpuRequestMillis?: number;
  /** @default 500 */
  readonly cpuLimitMillis?: number;
  /** @default 64 */
  readonly memoryRequestMiB?: number;
  /** @default 256 */
  readonly memoryLimitMiB?: number;
}

/** Properties of a {@link ReconcilerDeployment}. */
export interface ReconcilerDeploymentProps {
  /**
   * The container image. Its entrypoint must be the `capi-ionos` command (the deployment only
   * passes arguments: `reconcile ...`).
   * @default DEFAULT_RECONCILER_IMAGE
   */
  readonly image?: string;
  /**
   * Base name of every object (ServiceAccount, roles, bindings, Deployment, Lease).
   * @default 'capi-ionos-reconciler'
   */
  readonly name?: string;
  /** The namespace the reconciler runs in (and holds its Lease). @default 'capi-ionos-system' */
  readonly namespace?: string;
  /** Whether to create the namespace too. @default true */
  readonly createNamespace?: boolean;
  /** Replicas; one leads, the others wait on the Lease. @default 2 */
  readonly replicas?: number;
  /** Run the claim binder (IPAddressClaims of InClusterIPPools and GlobalInClusterIPPools). @default true */
  readonly claims?: boolean;
  /** Run the NIC controller in this mode. @default 'observe' */
  readonly nics?: ReconcilerNicMode;
  /**
   * The Secrets with the Cloud API credentials the NIC controller may read (each cluster's
   * `credentialsRef`): a Role `<name>-credentials-<namespace>` per namespace granting `get` on
   * exactly these names. The reconciler
   * has no other access to Secrets. `capi-ionos synth --with-reconciler` fills it from the fleet.
   * @default none: the NIC controller can read no Secret
   */
  readonly credentialsSecrets?: readonly { readonly namespace: string; readonly name: string }[];
  /**
   * Ship a ValidatingAdmissionPolicy and binding that take over the In-Cluster IPAM provider's
   * admission of pools ({@link PoolAdmissionPolicy}). Needs Kubernetes 1.31+.
   * @default the value of `claims` (where the reconciler binds, the provider is absent)
   */
  readonly poolAdmission?: boolean;
  /**
   * Watch only this namespace (the ClusterRole still applies cluster-wide, as pools may be global).
   * @default every namespace
   */
  readonly watchNamespace?: string;
  /**
   * Port of `/metrics`, served on 127.0.0.1 only (scrape it through a sidecar that authenticates,
   * e.g. kube-rbac-proxy). @default 8080
   */
  readonly metricsPort?: number;
  /**
   * Port of `/healthz` and `/readyz`, served on 127.0.0.1 only; the probes run inside the
   * container (`node -e fetch(...)`). @default 8081
   */
  readonly healthPort?: number;
  /** CPU and memory. @default 50m/500m CPU, 64/256 MiB memory */
  readonly resources?: ReconcilerResources;
  /** When the kubelet pulls the image. @default IfNotPresent */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

/** The image used when none is given. */
export const DEFAULT_RECONCILER_IMAGE = 'ghcr.io/cdk8s-capi-ionos/capi-ionos:0.1.0';

/** The user and group the container runs as (the "nonroot" user of distroless images). */
const NON_ROOT = 65532;

/** Node.js in the image (the Dockerfile's distroless base), for the probes. */
export const RECONCILER_NODE_PATH = '/nodejs/bin/node';

const IPAM = IPAM_API_GROUP;
const INFRA = INFRA_API_GROUP;
const CAPI = CAPI_API_GROUP;

/** What each controller calls, by resource (from its store calls and informers). */
const CLAIM_BINDER_CALLS: Readonly<Record<string, readonly string[]>> = {
  // Informers list and watch; the binder adds and removes its finalizer and writes status.addressRef.
  [`${IPAM}/ipaddressclaims`]: ['list', 'watch', 'update'],
  [`${IPAM}/ipaddressclaims/status`]: ['update'],
  // One IPAddress per bound claim, deleted when the claim goes.
  [`${IPAM}/ipaddresses`]: ['list', 'watch', 'create', 'update', 'delete'],
  // Pools get the ProtectPool finalizer and their status.ipAddresses counts.
  [`${IPAM}/inclusterippools`]: ['list', 'watch', 'update'],
  [`${IPAM}/inclusterippools/status`]: ['update'],
  [`${IPAM}/globalinclusterippools`]: ['list', 'watch', 'update'],
  [`${IPAM}/globalinclusterippools/status`]: ['update'],
  // A claim of a paused Cluster waits.
  [`${CAPI}/clusters`]: ['list', 'watch'],
  // Events (one per object and reason, its count bumped on repeats).
  [`/events`]: ['get', 'create', 'update'],
  // The In-Cluster IPAM provider's webhooks: while they are installed, the binder binds nothing.
  ['admissionregistration.k8s.io/validatingwebhookconfigurations']: ['list', 'watch'],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations']: ['list', 'watch'],
};

/** The NIC controller in observe mode: it reads, and reports drift in the status and Events. */
const NIC_OBSERVER_CALLS: Readonly<Record<string, readonly string[]>> = {
  [`${INFRA}/ionoscloudmachines`]: ['get', 'list', 'watch'],
  [`${INFRA}/ionoscloudmachines/status`]: ['update'],
  // The addresses of the machine's claims.
  [`${IPAM}/ipaddressclaims`]: ['get', 'list', 'watch'],
  [`${IPAM}/ipaddresses`]: ['get'],
  // The credentials: Cluster → IonosCloudCluster → credentialsRef Secret (the Secret by name,
  // in its namespace only: see the credentials Roles).
  [`${CAPI}/clusters`]: ['get'],
  [`${INFRA}/ionoscloudclusters`]: ['get'],
  [`/events`]: ['get', 'create', 'update'],
};

/** What attach mode adds: the pending Cloud API request is an annotation of the machine. */
const NIC_ATTACH_CALLS: Readonly<Record<string, readonly string[]>> = {
  [`${INFRA}/ionoscloudmachines`]: ['update'],
};

const VERB_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/**
 * The cluster-wide rules the enabled controllers need, and nothing more: the union of what each
 * one calls, one rule per resource, in a fixed order (see docs/reconciler-deployment.md).
 */
export function reconcilerClusterRules(options: { readonly claims: boolean; readonly nics: ReconcilerNicMode }): ReconcilerRule[] {
  const verbs = new Map<string, Set<string>>();
  const tables = [
    ...(options.claims ? [CLAIM_BINDER_CALLS] : []),
    ...(options.nics === 'off' ? [] : [NIC_OBSERVER_CALLS]),
    ...(options.nics === 'attach' ? [NIC_ATTACH_CALLS] : []),
  ];
  for (const table of tables) {
    for (const [resource, calls] of Object.entries(table)) {
      const set = verbs.get(resource) ?? new Set<string>();
      for (const verb of calls) set.add(verb);
      verbs.set(resource, set);
    }
  }
  return [...verbs.keys()].sort(compareText).map((key) => {
    const slash = key.indexOf('/');
    return {
      apiGroup: key.slice(0, slash),
      resources: [key.slice(slash + 1)],
      verbs: VERB_ORDER.filter((v) => verbs.get(key)!.has(v)),
    };
  });
}

/** The rule of a credentials Role: `get` on the named Secrets of one namespace, nothing else. */
export const CREDENTIALS_VERBS: readonly string[] = ['get'];

/** The rules of the leader-election Role in the reconciler's own namespace. */
export const LEADER_ELECTION_RULES: readonly ReconcilerRule[] = [
  { apiGroup: 'coordination.k8s.io', resources: ['leases'], verbs: ['get', 'create', 'update'] },
];

/**
 * The runtime reconciler as a workload: an optional Namespace, a ServiceAccount, a ClusterRole
 * with exactly the verbs its controllers use and its binding, a Role and RoleBinding for the
 * leader-election Lease in its own namespace, and a Deployment (two replicas with leader
 * election, health and readiness probes, metrics port, resource limits, a non-root user and a
 * read-only root file system). Every name is explicit; no object carries a cdk8s hash.
 */
export class ReconcilerDeployment extends Construct {
  /** Base name of every object, and the name of the Lease. */
  public readonly name: string;
  /** The namespace it runs in. */
  public readonly namespace: string;
  /** The ClusterRole's rules. */
  public readonly clusterRules: readonly ReconcilerRule[];
  /** The ServiceAccount's user name, as RBAC sees it. */
  public readonly serviceAccountUser: string;

  public constructor(scope: Construct, id: string, props: ReconcilerDeploymentProps = {}) {
    super(scope, id);
    const name = props.name ?? 'capi-ionos-reconciler';
    const namespace = props.namespace ?? 'capi-ionos-system';
    const replicas = props.replicas ?? 2;
    const claims = props.claims ?? true;
    const nics = props.nics ?? 'observe';
    const metricsPort = props.metricsPort ?? 8080;
    const healthPort = props.healthPort ?? 8081;
    const image = props.image ?? DEFAULT_RECONCILER_IMAGE;

    const check = new PropChecker(this);
    check.dnsLabel('name', name);
    check.check(name.length <= 63 - '-leader-election'.length, 'name',
      `${JSON.stringify(name)} is ${name.length} characters long; the Role "<name>-leader-election" must fit 63, so use at most ${63 - '-leader-election'.length}`);
    check.dnsLabel('namespace', namespace);
    check.dnsLabel('watchNamespace', props.watchNamespace);
    check.integer('replicas', replicas, { min: 1 });
    for (const [prop, value] of Object.entries(props.resources ?? {})) check.integer(`resources.${prop}`, value as number, { min: 1 });
    check.integer('metricsPort', metricsPort, { min: 1, max: 65535 });
    check.integer('healthPort', healthPort, { min: 1, max: 65535 });
    check.check(metricsPort !== healthPort, 'healthPort', `is the same as metricsPort (${metricsPort}); give the health endpoints their own port`);
    check.check(claims || nics !== 'off', 'claims', "and nics are both off, so the reconciler would do nothing; enable 'claims' or set 'nics' to 'observe' or 'attach'");
    (props.credentialsSecrets ?? []).forEach((secret, i) => {
      check.dnsLabel(`credentialsSecrets[${i}].namespace`, secret.namespace);
      check.check(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secret.name), `credentialsSecrets[${i}].name`, `${JSON.stringify(secret.name)} is not a Secret name; use lower-case letters, digits, '-' and '.'`);
    });
    check.check(image.trim() !== '' && !/\s/.test(image), 'image', `${JSON.stringify(image)} is not an image reference; use e.g. registry.example.com/capi-ionos:1.0.0`);
    check.throwIfAny();

    this.name = name;
    this.namespace = namespace;
    this.clusterRules = reconcilerClusterRules({ claims, nics });
    this.serviceAccountUser = `system:serviceaccount:${namespace}:${name}`;
    const labels = { 'app.kubernetes.io/name': 'capi-ionos-reconciler', 'app.kubernetes.io/instance': name };

    if (props.createNamespace ?? true) new kplus.Namespace(this, 'Namespace', { metadata: { name: namespace } });

    const serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name, namespace, labels },
      automountToken: true,
    });

    const clusterRole = new kplus.ClusterRole(this, 'ClusterRole', { metadata: { name, labels } });
    for (const rule of this.clusterRules) {
      clusterRole.allow([...rule.verbs], ...rule.resources.map((r) => kplus.ApiResource.custom({ apiGroup: rule.apiGroup, resourceType: r })));
    }
    new kplus.ClusterRoleBinding(this, 'ClusterRoleBinding', { metadata: { name, labels }, role: clusterRole }).addSubjects(serviceAccount);

    const leaderRole = new kplus.Role(this, 'LeaderElectionRole', { metadata: { name: `${name}-leader-election`, namespace, labels } });
    for (const rule of LEADER_ELECTION_RULES) {
      leaderRole.allow([...rule.verbs], ...rule.resources.map((r) => kplus.ApiResource.custom({ apiGroup: rule.apiGroup, resourceType: r })));
    }
    new kplus.RoleBinding(this, 'LeaderElectionRoleBinding', {
      metadata: { name: `${name}-leader-election`, namespace, labels },
      role: leaderRole,
    }).addSubjects(serviceAccount);

    // Secrets: only the credentials Secrets, by name, in their own namespaces.
    if (nics !== 'off') {
      const byNamespace = new Map<string, Set<string>>();
      for (const secret of props.credentialsSecrets ?? []) {
        byNamespace.set(secret.namespace, (byNamespace.get(secret.namespace) ?? new Set()).add(secret.name));
      }
      for (const ns of [...byNamespace.keys()].sort(compareText)) {
        // Named after the namespace too: synth writes one file per kind and name.
        const roleName = `${name}-credentials-${ns}`;
        new ApiObject(this, `Credentials-${ns}`, {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name: roleName, namespace: ns, labels },
          rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [...byNamespace.get(ns)!].sort(compareText), verbs: [...CREDENTIALS_VERBS] }],
        });
        new ApiObject(this, `CredentialsBinding-${ns}`, {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: roleName, namespace: ns, labels },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
          subjects: [{ kind: 'ServiceAccount', name, namespace }],
        });
      }
    }

    if (props.poolAdmission ?? claims) new PoolAdmissionPolicy(this, 'PoolAdmission', { name: `${name}-ippools` });

    // The endpoints listen on 127.0.0.1 only; the probes ask them from inside the container.
    const probe = (path: string): string[] => [RECONCILER_NODE_PATH, '-e',
      `fetch('http://127.0.0.1:${healthPort}${path}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`];
    const resources = props.resources ?? {};
    const deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { name, namespace, labels },
      replicas,
      select: false,
      podMetadata: { labels },
      serviceAccount,
      automountServiceAccountToken: true,
      securityContext: { ensureNonRoot: true, user: NON_ROOT, group: NON_ROOT },
      containers: [{
        name: 'reconciler',
        image,
        imagePullPolicy: kplus.ImagePullPolicy[props.imagePullPolicy === 'Always' ? 'ALWAYS' : props.imagePullPolicy === 'Never' ? 'NEVER' : 'IF_NOT_PRESENT'],
        args: [
          'reconcile',
          ...(claims ? ['--claims'] : []),
          ...(nics === 'off' ? [] : ['--nics', nics]),
          ...(props.watchNamespace === undefined ? [] : ['--namespace', props.watchNamespace]),
          '--leader-elect',
          '--lease-name', name,
          '--lease-namespace', '$(POD_NAMESPACE)',
          '--identity', '$(POD_NAME)',
          '--bind-address', '127.0.0.1',
          '--health-port', String(healthPort),
          '--metrics-port', String(metricsPort),
        ],
        envVariables: {
          POD_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME),
          POD_NAMESPACE: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE),
        },
        liveness: kplus.Probe.fromCommand(probe('/healthz'), { periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(5), failureThreshold: 3 }),
        readiness: kplus.Probe.fromCommand(probe('/readyz'), { periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(5), failureThreshold: 3 }),
        resources: {
          cpu: { request: kplus.Cpu.millis(resources.cpuRequestMillis ?? 50), limit: kplus.Cpu.millis(resources.cpuLimitMillis ?? 500) },
          memory: { request: Size.mebibytes(resources.memoryRequestMiB ?? 64), limit: Size.mebibytes(resources.memoryLimitMiB ?? 256) },
        },
        securityContext: {
          ensureNonRoot: true,
          user: NON_ROOT,
          group: NON_ROOT,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          privileged: false,
        },
      }],
    });
    deployment.select(kplus.LabelSelector.of({ labels }));
    const kube = ApiObject.of(deployment);
    // cdk8s-plus labels every pod with a hash of its construct path; the selector above does
    // not need it, and no hash should reach the output.
    kube.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    kube.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }));
    kube.addJsonPatch(JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));
    // cdk8s-plus writes `resourceNames: []` on every ClusterRole rule; it means the same as no field.
    const roleObject = ApiObject.of(clusterRole);
    // (It renders one rule per resource.)
    this.clusterRules.flatMap((r) => r.resources).forEach((_, i) => roleObject.addJsonPatch(JsonPatch.remove(`/rules/${i}/resourceNames`)));
  }
}

/**
 * The credentials Secrets of every IonosCloudCluster in `scope`'s tree (`spec.credentialsRef`,
 * in the cluster's namespace), sorted and without repeats: what the NIC controller may read.
 */
export function credentialsSecretsIn(scope: Construct): { namespace: string; name: string }[] {
  const seen = new Map<string, { namespace: string; name: string }>();
  for (const child of scope.node.findAll()) {
    if (!(child instanceof ApiObject) || child.kind !== 'IonosCloudCluster') continue;
    const namespace = child.metadata.namespace;
    const name = (child.toJson() as { spec?: { credentialsRef?: { name?: string } } }).spec?.credentialsRef?.name;
    if (namespace !== undefined && name !== undefined && name !== '') seen.set(`${namespace}/${name}`, { namespace, name });
  }
  return [...seen.keys()].sort(compareText).map((key) => seen.get(key)!);
}

/** The directory (chart id) of the reconciler's objects; no cluster can have this name. */
export const RECONCILER_CHART_ID = '_reconciler';

/** A chart holding only the reconciler, written to its own directory ({@link RECONCILER_CHART_ID}). */
export class ReconcilerChart extends Chart {
  /** The reconciler's objects. */
  public readonly reconciler: ReconcilerDeployment;

  public constructor(scope: Construct, props: ReconcilerDeploymentProps = {}) {
    super(scope, RECONCILER_CHART_ID, { disableResourceNameHashes: true });
    this.reconciler = new ReconcilerDeployment(this, 'Reconciler', props);
  }
}
