/**
 * The fleet's runtime, in memory: the machines the manifests imply are created with their
 * IPAddressClaims named and owned as the IONOS provider makes them, the real claim binder binds
 * them over the in-memory store, and then every control plane and node pool is rolled at once
 * (the worst moment the planner sizes pools for), round by round: new machines first, then
 * deletions, as Cluster API does. Every claim left unbound at any moment is reported.
 *
 *   const result = await simulate(objects);
 *   if (result.unbound.length > 0) ...   // a pool ran dry
 */
import { ManualClock } from '../clock.js';
import { MemoryStore } from '../memory-store.js';
import { CLUSTER_NAME_LABEL, IPAM_API_GROUP, claimAddressRef, compareText, ownerReference, withoutFinalizer } from '../claims/api.js';
import { runClaimBinder, untilSettled, type ClaimBinder } from '../claims/binder.js';
import { machineNetworks } from '../nics/decide.js';
import { RESOURCES, type KubeObject } from '../store.js';
import { machineGroups, type MachineGroup, type ManifestProblem } from './fleet-machines.js';
import { machinesToCreate, machinesToDelete, rolledOut, roundsToRollOut } from './rollout.js';

/** The finalizer the IONOS provider puts on the claims it creates (`MachineFinalizer` in CAPIC's API types). */
const PROVIDER_CLAIM_FINALIZER = 'ionoscloudmachine.infrastructure.cluster.x-k8s.io';
const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
const CONTROL_PLANE_LABEL = 'cluster.x-k8s.io/control-plane';

/** A pool as a claim names it. */
export interface PoolName {
  readonly kind: string;
  /** Set for InClusterIPPools. */
  readonly namespace?: string;
  readonly name: string;
}

/** One address a NIC of a machine gets (or does not). */
export interface NicAddress {
  readonly namespace: string;
  readonly cluster: string;
  /** `<kind>/<name>` of the group the machine belongs to. */
  readonly owner: string;
  readonly machine: string;
  /** `primary`, or `network <LAN id>` for an additional network. */
  readonly nic: string;
  readonly family: 4 | 6;
  readonly claim: string;
  readonly pool: PoolName;
  /** `address/prefix`; absent while the claim is unbound. */
  readonly address?: string;
  readonly gateway?: string;
}

/** How much of a pool was in use, as its `status.ipAddresses` showed. */
export interface PoolUse {
  readonly pool: PoolName;
  /** Allocatable addresses (a decimal string: IPv6 pools can be larger than a number holds). */
  readonly total: string;
  /** In use once the fleet is up. */
  readonly steady: number;
  /** The most in use at any moment of the rollout. */
  readonly peak: number;
  /** When the peak was first reached. */
  readonly peakMoment: string;
}

/** A claim that was not bound once the binder had nothing left to do. */
export interface UnboundClaim {
  readonly namespace: string;
  readonly claim: string;
  readonly machine: string;
  readonly pool: PoolName;
  /** `initial` or `rollout round N`: the first moment the claim was seen unbound. */
  readonly moment: string;
  /** The binder's last event for the claim, e.g. `PoolExhausted`. */
  readonly reason?: string;
  readonly message?: string;
}

/** What a simulation found. */
export interface SimulationResult {
  /** Why the manifests could not be simulated; nothing else is filled in then. */
  readonly problems: readonly ManifestProblem[];
  /** Machines once the fleet is up. */
  readonly machines: number;
  /** Rounds the rollout took (0 when nothing rolls). */
  readonly rounds: number;
  /** Clock time the simulation covered, in seconds (rounds, binder backoffs, grace periods). */
  readonly simulatedSeconds: number;
  /** Every NIC address of the fleet once it is up, by namespace, cluster, machine, NIC. */
  readonly nics: readonly NicAddress[];
  readonly pools: readonly PoolUse[];
  readonly unbound: readonly UnboundClaim[];
  /** Groups whose rollout could not finish, each with the reason. */
  readonly stuck: readonly string[];
}

/** Settings of a simulation. */
export interface SimulationOptions {
  /**
   * Clock time between rollout rounds, which lets addresses released in one round leave their
   * pool's reuse grace period before later rounds.
   * @default 60_000
   */
  readonly roundMs?: number;
  /**
   * Called after each moment (for progress reports): the initial binding is round 0; `rounds` is
   * how many rounds the rollout takes when no claim is left unbound.
   */
  readonly onMoment?: (moment: string, round: number, rounds: number) => void;
}

function poolNameOf(ref: unknown, namespace: string): PoolName | undefined {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const { kind, name } = ref as { kind?: unknown; name?: unknown };
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  return kind === 'InClusterIPPool' ? { kind, namespace, name } : { kind, name };
}

/** `<kind>/[<namespace>/]<name>`. */
export function poolLabel(pool: PoolName): string {
  return `${pool.kind}/${pool.namespace === undefined ? '' : `${pool.namespace}/`}${pool.name}`;
}

/** Compares text with runs of digits as numbers, so that `workers-2` comes before `workers-10`. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const c = numeric ? (x.length - y.length || compareText(x, y)) : compareText(x, y);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/** A machine of the simulation and the claims it made. */
interface Machine {
  readonly group: MachineGroup;
  readonly name: string;
  readonly nics: readonly Omit<NicAddress, 'address' | 'gateway'>[];
}

/** One group's rollout: its machines by generation. */
interface Rollout {
  readonly group: MachineGroup;
  old: Machine[];
  fresh: Machine[];
  next: number;
}

/** Runs the simulation over `objects` (the rendered manifests). */
export async function simulate(objects: readonly KubeObject[], options: SimulationOptions = {}): Promise<SimulationResult> {
  const { groups, problems } = machineGroups(objects);
  if (problems.length > 0) return { problems, machines: 0, rounds: 0, simulatedSeconds: 0, nics: [], pools: [], unbound: [], stuck: [] };
  const roundMs = options.roundMs ?? 60_000;
  const clock = new ManualClock();
  const start = clock.now();
  // The binder's watches never fall behind here: a short history keeps old versions from piling up.
  const store = new MemoryStore({ clock, historyLimit: 1_000 });
  for (const o of objects) {
    if (o.kind === 'InClusterIPPool' || o.kind === 'GlobalInClusterIPPool' || o.kind === 'Cluster') await store.create(o);
  }
  const binder = runClaimBinder({ store, clock, leaderElection: false });
  const world = new World(store, clock, binder);
  try {
    const rollouts: Rollout[] = [];
    for (const group of groups) {
      if (group.kind === 'IonosCloudMachine') {
        await world.createMachine(group, group.name);
        continue;
      }
      const rollout: Rollout = { group, old: [], fresh: [], next: 0 };
      for (let i = 0; i < group.replicas; i++) rollout.old.push(await world.createMachine(group, `${group.name}-${rollout.next++}`));
      if (group.replicas > 0) rollouts.push(rollout);
    }
    const plannedRounds = Math.max(0, ...rollouts.map((r) => roundsToRollOut(r.group)));
    await world.observe('initial');
    options.onMoment?.('initial', 0, plannedRounds);
    const nics = await world.addresses();
    const machines = world.machineCount;
    world.markSteady();

    const stuck: string[] = [];
    const maxRounds = rollouts.reduce((n, r) => n + 2 * r.group.replicas, 2);
    let round = 0;
    let active = rollouts;
    while (active.length > 0 && round < maxRounds) {
      round++;
      const moment = `rollout round ${round}`;
      const progressed = new Set<Rollout>();
      for (const r of active) {
        const create = machinesToCreate(r.group, { old: r.old.length, fresh: r.fresh.length, freshReady: r.fresh.length });
        for (let i = 0; i < create; i++) r.fresh.push(await world.createMachine(r.group, `${r.group.name}-${r.next++}`));
        if (create > 0) progressed.add(r);
      }
      await world.observe(moment);
      for (const r of active) {
        const freshReady = r.fresh.filter((m) => world.isReady(m)).length;
        const remove = machinesToDelete(r.group, { old: r.old.length, fresh: r.fresh.length, freshReady });
        for (const machine of r.old.splice(0, remove)) await world.deleteMachine(machine);
        if (remove > 0) progressed.add(r);
      }
      await world.observe(moment);
      options.onMoment?.(moment, round, plannedRounds);
      for (const r of active) {
        if (!progressed.has(r) && !rolledOut(r.group, { old: r.old.length, fresh: r.fresh.length, freshReady: 0 })) {
          stuck.push(`${r.group.kind} ${r.group.namespace}/${r.group.name}: stopped in ${moment} with ${r.old.length} old and ${r.fresh.length} new machines, as new machines are not ready (unbound claims)`);
        }
      }
      active = active.filter((r) => progressed.has(r) && !rolledOut(r.group, { old: r.old.length, fresh: r.fresh.length, freshReady: 0 }));
      await clock.advance(roundMs);
    }
    for (const r of active) stuck.push(`${r.group.kind} ${r.group.namespace}/${r.group.name}: not rolled out after ${round} rounds`);
    return {
      problems: [],
      machines,
      rounds: round,
      simulatedSeconds: Math.round((clock.now() - start) / 1000),
      nics,
      pools: world.poolUses(),
      unbound: world.unboundClaims(),
      stuck,
    };
  } finally {
    await binder.stop();
  }
}

/** The in-memory cluster the simulation runs in, and what it has seen. */
class World {
  private readonly machines = new Map<string, Machine>();
  private readonly bound = new Set<string>();
  private readonly unbound = new Map<string, UnboundClaim>();
  private readonly uses = new Map<string, { pool: PoolName; total: string; steady: number; peak: number; peakMoment: string }>();

  public constructor(
    private readonly store: MemoryStore,
    private readonly clock: ManualClock,
    private readonly binder: ClaimBinder,
  ) {}

  /** Creates an IonosCloudMachine and its claims, as Cluster API and the IONOS provider would. */
  public async createMachine(group: MachineGroup, name: string): Promise<Machine> {
    const roleLabel: Record<string, string> =
      group.kind === 'KubeadmControlPlane' ? { [CONTROL_PLANE_LABEL]: '' } : group.kind === 'MachineDeployment' ? { [DEPLOYMENT_NAME_LABEL]: group.name } : {};
    const object = await this.store.create({
      apiVersion: RESOURCES.ionosCloudMachine.apiVersion,
      kind: RESOURCES.ionosCloudMachine.kind,
      metadata: { name, namespace: group.namespace, labels: { [CLUSTER_NAME_LABEL]: group.cluster, ...roleLabel } },
      spec: group.machineSpec,
    });
    const spec = group.machineSpec as { additionalNetworks?: { ipv4PoolRef?: unknown; ipv6PoolRef?: unknown }[] } & Record<string, unknown>;
    const nics: Machine['nics'][number][] = [];
    for (const declared of machineNetworks(object).declared) {
      const source = declared.primary ? spec : spec.additionalNetworks?.[Number(/\d+/.exec(declared.key)![0])] ?? {};
      for (const [family, claim, ref] of [[4, declared.ipv4Claim, source.ipv4PoolRef], [6, declared.ipv6Claim, source.ipv6PoolRef]] as const) {
        const pool = poolNameOf(ref, group.namespace);
        if (claim === undefined || pool === undefined) continue;
        await this.store.create({
          apiVersion: RESOURCES.ipAddressClaim.apiVersion,
          kind: RESOURCES.ipAddressClaim.kind,
          metadata: {
            name: claim,
            namespace: group.namespace,
            labels: { [CLUSTER_NAME_LABEL]: group.cluster },
            finalizers: [PROVIDER_CLAIM_FINALIZER],
            ownerReferences: [{ ...ownerReference(object, true), blockOwnerDeletion: true }],
          },
          spec: { poolRef: { apiGroup: IPAM_API_GROUP, kind: pool.kind, name: pool.name } },
        });
        nics.push({
          namespace: group.namespace,
          cluster: group.cluster,
          owner: `${group.kind}/${group.name}`,
          machine: name,
          nic: declared.primary ? 'primary' : `network ${declared.lan}`,
          family,
          claim,
          pool,
        });
      }
    }
    const machine: Machine = { group, name, nics };
    this.machines.set(`${group.namespace}/${name}`, machine);
    return machine;
  }

  /** Deletes a machine as the provider does: its claims lose the provider's finalizer and go with it. */
  public async deleteMachine(machine: Machine): Promise<void> {
    for (const nic of machine.nics) {
      const claim = await this.store.get(RESOURCES.ipAddressClaim, nic.namespace, nic.claim);
      if (claim !== undefined) await this.store.update(withoutFinalizer(claim, PROVIDER_CLAIM_FINALIZER));
    }
    await this.store.delete(RESOURCES.ionosCloudMachine, machine.group.namespace, machine.name);
    this.machines.delete(`${machine.group.namespace}/${machine.name}`);
  }

  /** How many machines there are now. */
  public get machineCount(): number {
    return this.machines.size;
  }

  /** Whether every claim of the machine is bound (as of the last observation). */
  public isReady(machine: Machine): boolean {
    return machine.nics.every((n) => this.bound.has(`${n.namespace}/${n.claim}`));
  }

  /** Lets the binder finish, then records unbound claims and pool use at `moment`. */
  public async observe(moment: string): Promise<void> {
    await untilSettled(this.clock, [this.binder]);
    this.bound.clear();
    for (const claim of (await this.store.list(RESOURCES.ipAddressClaim)).items) {
      const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
      if (claimAddressRef(claim) !== undefined) {
        this.bound.add(key);
        continue;
      }
      if (claim.metadata.deletionTimestamp !== undefined || this.unbound.has(key)) continue;
      const machine = claim.metadata.ownerReferences?.[0]?.name ?? '';
      const pool = poolNameOf((claim.spec as { poolRef?: unknown } | undefined)?.poolRef, claim.metadata.namespace ?? '')!;
      this.unbound.set(key, { namespace: claim.metadata.namespace ?? '', claim: claim.metadata.name, machine, pool, moment, ...(await this.lastEvent(claim)) });
    }
    for (const kind of [RESOURCES.inClusterIPPool, RESOURCES.globalInClusterIPPool]) {
      for (const pool of (await this.store.list(kind)).items) {
        const name = poolNameOf({ kind: pool.kind, name: pool.metadata.name }, pool.metadata.namespace ?? '')!;
        const usage = (pool.status as { ipAddresses?: { total?: unknown; used?: unknown } } | undefined)?.ipAddresses;
        const used = Number(usage?.used ?? 0);
        const use = this.uses.get(poolLabel(name)) ?? { pool: name, total: String(usage?.total ?? 0), steady: 0, peak: -1, peakMoment: moment };
        if (used > use.peak) Object.assign(use, { peak: used, peakMoment: moment });
        use.total = String(usage?.total ?? use.total);
        this.uses.set(poolLabel(name), use);
      }
    }
  }

  /** Takes the use seen so far as the fleet's steady state. */
  public markSteady(): void {
    for (const use of this.uses.values()) use.steady = use.peak;
  }

  private async lastEvent(claim: KubeObject): Promise<{ reason?: string; message?: string }> {
    const events = (await this.store.list(RESOURCES.event, { namespace: claim.metadata.namespace })).items.filter((e) => {
      const involved = e['involvedObject'] as { kind?: string; name?: string } | undefined;
      return involved?.kind === claim.kind && involved.name === claim.metadata.name;
    });
    const last = events.sort((a, b) => compareText(String(a['lastTimestamp']), String(b['lastTimestamp']))).at(-1);
    return last === undefined ? {} : { reason: String(last['reason']), message: String(last['message']) };
  }

  /** Every NIC address of the machines there now, in a stable order. */
  public async addresses(): Promise<NicAddress[]> {
    const out: NicAddress[] = [];
    for (const machine of this.machines.values()) {
      for (const nic of machine.nics) {
        const claim = await this.store.get(RESOURCES.ipAddressClaim, nic.namespace, nic.claim);
        const ref = claim === undefined ? undefined : claimAddressRef(claim);
        const address = ref === undefined ? undefined : await this.store.get(RESOURCES.ipAddress, nic.namespace, ref);
        const spec = (address?.spec ?? {}) as { address?: string; prefix?: number; gateway?: string };
        out.push({
          ...nic,
          ...(spec.address === undefined ? {} : { address: `${spec.address}/${spec.prefix}` }),
          ...(spec.gateway === undefined ? {} : { gateway: spec.gateway }),
        });
      }
    }
    // The primary NIC first, then the additional networks by LAN id.
    const key = (n: NicAddress) => [n.namespace, n.cluster, n.machine, n.nic === 'primary' ? '' : n.nic, String(n.family)];
    return out.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) {
        const c = naturalCompare(ka[i]!, kb[i]!);
        if (c !== 0) return c;
      }
      return 0;
    });
  }

  public poolUses(): PoolUse[] {
    return [...this.uses.entries()].sort(([a], [b]) => compareText(a, b)).map(([, use]) => ({ ...use, peak: Math.max(use.peak, 0) }));
  }

  public unboundClaims(): UnboundClaim[] {
    return [...this.unbound.entries()].sort(([a], [b]) => compareText(a, b)).map(([, claim]) => claim);
  }
}
