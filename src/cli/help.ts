/**
 * Help texts. Kept apart from the commands so that `--help` loads nothing heavy.
 */

export const MAIN_HELP = `capi-ionos: Cluster API manifests for IONOS Cloud, with IP ranges planned before anything is applied.

Usage: capi-ionos <command> [options]

Commands:
  synth [FLEET]      write the manifests to a directory (or print them with --stdout)
  plan [FLEET]       show the IP plan and its change against ipam.lock.yaml
  validate [FLEET]   everything synth and plan check, writing nothing
  reconcile          run the runtime reconciler (claim binding, NIC attachment) against a cluster
  simulate [FLEET]   bind every machine's claims in memory through a rollout of everything
  diff [FLEET]       what a fresh synthesis changes against dist/ (or dist/ at --base REF)
  init [DIR]         scaffold a fleet repository (fleet, CI workflow, Argo CD and Flux manifests)

Run 'capi-ionos <command> --help' for a command's options and examples.

FLEET is a cdk8s app (.ts/.js) or a fleet file (.yaml/.yml/.json/.jsonnet). Without it, the
app named in ./cdk8s.yaml or ./fleet.* is used.

Exit codes: 0 ok; 1 findings (invalid object, overlap, exhausted pool); 2 usage or input error.
Options for every command: --help, --debug (show stack traces of unexpected errors).

Reports (plan, validate, diff, simulate) go to stdout, and '--format json' makes them JSON;
errors, notes and progress go to stderr as text, whatever the format. Colour is used only on a
terminal and never when NO_COLOR is set; progress is drawn only when stderr is a terminal and CI
is unset. More in docs/cli.md.
`;

export const SYNTH_HELP = `Usage: capi-ionos synth [FLEET] [-o DIR [--force] | --stdout]

Renders every cluster of the fleet into Cluster API manifests, validates every object against
the CRDs (schemas and CEL rules), and only then replaces DIR as a whole: one directory per
cluster, '_shared/' for objects several clusters use, one file per object and a
kustomization.yaml in each directory. A failed run leaves DIR exactly as it was.

For a fleet file, the IP plan is made first (see 'capi-ionos plan --help'); new ranges are
added to ipam.lock.yaml beside it, which is written (atomically) before DIR.

DIR is replaced only when it is missing, empty, or an earlier output of synth (recognised by
the header of its kustomization.yaml). Anything else is refused with exit code 2: a file, a
directory holding other files (unless --force), the fleet's directory or a parent of it, the
working directory or a parent of it, a git work tree's root, $HOME, '/', an empty -o ''.
Staging and backup directories left by a killed run (.DIR.tmp-PID, .DIR.old-PID) are removed
by the next run once that process is gone.

Options:
  -o, --output DIR   where to write (default: 'dist' beside the fleet file)
      --force        replace DIR even though it holds files synth did not write (never
                     '/', $HOME, a git work tree's root, or the fleet's or working directory)
      --stdout       print all objects as one YAML stream instead of writing files
                     (fails if the lock file is not up to date, as nothing is written)
      --allow-secrets
                     let a Secret into the output (refused by default: its data would be
                     committed; reference existing Secrets, or use SOPS / External Secrets)
      --format FORMAT
                     how problems are printed besides the text on stderr: text (default),
                     json ({problems: [...]} on stdout) or github (workflow annotations,
                     the default when GITHUB_ACTIONS=true)
      --locked       fail instead of changing ipam.lock.yaml (for CI)
      --with-reconciler
                     add the runtime reconciler's own objects under '_reconciler/'
                     (ServiceAccount, least-privilege RBAC, Deployment; the Lease it
                     creates at run time)
      --reconciler-image IMAGE
                     the reconciler's container image (default: the release's image)
      --ipam-provider reconciler|in-cluster
                     who binds IPAddressClaims (default: reconciler, which also ships a
                     ValidatingAdmissionPolicy for the pools); 'in-cluster': the In-Cluster
                     IPAM provider does, and the reconciler runs only the NIC controller

Examples:
  capi-ionos synth examples/basic/main.ts
  capi-ionos synth fleet.yaml -o manifests
  capi-ionos synth --stdout | kubectl apply --dry-run=server -f -
`;

export const PLAN_HELP = `Usage: capi-ionos plan [FLEET] [--write|--locked] [--format table|markdown|json] [--prune] [--allow-renumber]

Plans every cluster's IP pools and control-plane VIPs from the fleet's networks and shows, per
network and pool, the ranges, capacity, the machines' peak need (replicas + surge), use,
headroom and the change against ipam.lock.yaml. Every range in the lock stays where it is; new
pools go into free space; a pool that needs more gets a second range. FLEET is a fleet file or
a cdk8s app (.ts, .js), whose Networks and planned pools are planned the same way; every
address written by hand (pools, endpoints, pod and service CIDRs) is checked against them.

Options:
      --write            write the new ipam.lock.yaml (only when the plan has no errors)
      --locked           exit 1 when ipam.lock.yaml is not what the plan would write (for CI)
      --format FORMAT    table (default), markdown (for a pull-request comment), json, or
                         github (the table, and problems as workflow annotations)
      --prune            release the ranges of pools and clusters no longer in the fleet
      --allow-renumber   re-plan a locked pool that would have to shrink or move

Exit code 1 when the plan has errors: overlapping ranges, an exhausted network, a pool smaller
than its peak, a gateway or control-plane endpoint inside a pool, a pool outside every declared
network (unless marked unmanaged), pod or service CIDRs on a node network, mixed families, or a
locked pool that would have to move.

Examples:
  capi-ionos plan fleet.yaml
  capi-ionos plan main.ts --format json
  capi-ionos plan --write
  capi-ionos plan --format markdown > plan.md     # post as a PR comment
`;

export const VALIDATE_HELP = `Usage: capi-ionos validate [FLEET] [--format text|json|github] [--allow-secrets]

Runs every check of 'synth' and 'plan' (fleet schema, IP plan, construct props, CRD schemas and
CEL rules) and writes nothing. Exit code 0 when everything is valid, 1 on findings, 2 on input
errors.

Options:
      --format FORMAT    text (default), json: also print {"valid", "problems": [{"file",
                         "line", "column", "path", "code", "message", "layer"}], "findings"} on
                         stdout; the summary and errors stay on stderr ("findings": the plan's
                         warnings and notes), or github: workflow annotations on stdout (the
                         default when GITHUB_ACTIONS=true)
      --allow-secrets    let a Secret into the output (refused by default)

Examples:
  capi-ionos validate fleet.yaml
  capi-ionos validate examples/basic/main.ts
  capi-ionos validate --format json 2>/dev/null | jq '.problems[].message'
`;

/** `capi-ionos diff --help`. */
export const DIFF_HELP = `Usage: capi-ionos diff [FLEET] [--base REF] [-o DIR] [--format text|markdown|json] [--exit-code]

Synthesises the fleet in memory (writing nothing) and shows what changed against the
manifests in DIR, or in DIR as committed at Git revision REF: first the IP plan (the ranges of
ipam.lock.yaml against a fresh plan: pools added, grown or released, VIPs), then per cluster
directory the objects added, changed (with each changed field: 'spec.replicas: 5 → 6') and
removed. For a cdk8s app there is no IP plan, only the manifests.

Options:
      --base REF         compare with DIR and the lock file at a Git revision (a branch, tag or
                         commit: 'origin/main' in a pull request) instead of the files on disk
  -o, --output DIR       the directory synth writes to (default: 'dist' beside the fleet file)
      --format FORMAT    text (default), markdown (for a pull-request comment), json, or
                         github (text, and problems as workflow annotations)
      --allow-secrets    let a Secret into the output (refused by default)
      --exit-code        exit 1 when anything changed, 0 when nothing did (like git diff)

Without --exit-code the exit code is 0 whether or not anything changed; 1 and 2 mean what
they mean for synth (invalid objects, plan errors; usage or input errors).

Examples:
  capi-ionos diff                                   # is dist/ up to date?
  capi-ionos diff --exit-code > /dev/null           # the same, for a script
  capi-ionos diff --base origin/main --format markdown > diff.md   # a PR comment
`;

/** `capi-ionos init --help`. */
export const INIT_HELP = `Usage: capi-ionos init [DIR] [--format yaml|ts|jsonnet] [--name NAME] [--repo URL] [--oci URL] [--package SPEC] [--force]

Scaffolds a fleet repository in DIR (default: the current directory; created if missing):
  fleet.yaml, fleet.ts or fleet.jsonnet   a first fleet: one network, one cluster
  cdk8s.yaml, package.json, .gitignore    (and tsconfig.json for TypeScript)
  .github/workflows/fleet.yaml            CI: IP plan and manifest diff as a pull-request
                                          comment, validate, synth, dist/ committed; on main,
                                          dist/ pushed as an OCI artifact for Flux
  deploy/argocd/                          an Application over dist/, an ApplicationSet (one
                                          Application per cluster), an Application for the
                                          capi-ionos plugin, an overlay with sync waves
  deploy/flux/                            a Kustomization over dist/ from Git or from OCI
  README.md

Options:
      --format FORMAT    yaml (default), ts (a cdk8s app) or jsonnet
      --name NAME        the fleet's name (default: DIR's name as a DNS label)
      --repo URL         the Git URL Argo CD and Flux fetch the repository from
      --oci URL          the OCI repository CI pushes dist/ to (default: ghcr.io for a GitHub
                         --repo)
      --package SPEC     how package.json depends on cdk8s-capi-ionos (default: ^VERSION of this
                         capi-ionos; e.g. a file: path or a tarball URL)
      --force            overwrite files that exist (others in DIR are left alone)

Without --force, init writes nothing if any of its files exists.

Examples:
  capi-ionos init acme --repo https://github.com/acme/fleet.git
  capi-ionos init --format ts
`;

export const SIMULATE_HELP = `Usage: capi-ionos simulate [FLEET] [--format table|json] [--round-seconds N]

Runs the fleet in memory before anything is applied: creates every machine the manifests imply
(each replica of every control plane and node pool, and the standalone machines), with the
IPAddressClaims the IONOS provider would create for their NICs, and lets the real claim binder
of 'capi-ionos reconcile' bind them. Then it rolls every control plane and node pool at once,
round by round as Cluster API does (new machines up to maxSurge, then deletions down to
maxUnavailable), and reports every NIC's address, each pool's use at its peak, and every claim
that could not be bound at any moment.

Options:
      --format FORMAT      table (default), json, or github (the table, and problems as
                           workflow annotations)
      --allow-secrets      let a Secret into the output (refused by default)
      --round-seconds N    simulated time between rollout rounds (default 60), which lets
                           addresses released in one round leave their pool's
                           addressReuseGracePeriodSeconds before later rounds

Exit code 1 when a claim stays unbound at any moment (the pool is named) or a rollout cannot
finish; 0 when every claim was bound throughout.

Examples:
  capi-ionos simulate fleet.yaml
  capi-ionos simulate examples/basic/main.ts --format json | jq '.pools'
`;

export const RECONCILE_HELP = `Usage: capi-ionos reconcile [--kubeconfig K] [--claims] [--nics observe|attach] [options]

Runs the runtime reconciler against a Cluster API management cluster until SIGTERM or SIGINT:
the claim binder (binds IPAddressClaims of InClusterIPPools and GlobalInClusterIPPools to
IPAddresses, as the In-Cluster IPAM provider does) and, with --nics, the NIC controller for
IonosCloudMachines. Logs one JSON object per line to stderr. On SIGTERM it stops its
controllers, gives its Lease up and exits 0; it exits 1 when it loses the Lease.

Options:
      --kubeconfig FILE       the cluster connection (default: $KUBECONFIG, the pod's service
                              account inside a pod, else ~/.kube/config)
      --context NAME          a kubeconfig context other than the current one
      --claims                run the claim binder (the default when --nics is not given)
      --nics MODE             run the NIC controller: observe (report drift in status and
                              events) or attach (also create missing NICs and fix their IPs;
                              always under its own Lease <lease-name>-nic-attacher, also
                              without --leader-elect, so that one replica alone acts)
  -n, --namespace NS          bind claims and watch machines of this namespace only; IPAddresses
                              and global pools are still watched in every namespace
      --leader-elect          take part in leader election; only the Lease holder reconciles
      --lease-name NAME       the Lease (default: capi-ionos-reconciler)
      --lease-namespace NS    its namespace (default: $POD_NAMESPACE, else capi-ionos-system)
      --lease-duration S      how long a Lease holds after its last renewal (default: 15s)
      --renew-deadline S      how long the leader keeps leading without renewing (default: 10s)
      --retry-period S        the pause between attempts to take or renew it (default: 2s)
      --identity NAME         this replica's holder identity (default: $POD_NAME, else host name
                              and a random suffix)
      --bind-address ADDR     where the endpoints listen (default: 127.0.0.1)
      --health-port PORT      /healthz and /readyz (default: 8081; 0 picks a free port)
      --metrics-port PORT     /metrics, Prometheus text format (default: 8080; may equal
                              --health-port)
      --workers N             objects reconciled at the same time per controller (default: 1)
      --log-level LEVEL       debug, info (default), warn or error

The NIC controller reads each cluster's Cloud API token from the Secret its IonosCloudCluster
names (spec.credentialsRef), or from $IONOS_TOKEN (and $IONOS_API_URL) when that is set.

Examples:
  capi-ionos reconcile --kubeconfig ~/.kube/mgmt --claims
  capi-ionos reconcile --claims --nics observe --leader-elect --health-port 0 --metrics-port 0
`;

/** The Jsonnet options' help (see jsonnet-options.ts), for every command that reads a fleet. */
export const JSONNET_HELP = `
Jsonnet fleets (FLEET.jsonnet), as with the jsonnet command; each option may be repeated:
  -V, --ext-str NAME[=VALUE]    std.extVar(NAME) is the string VALUE (without =VALUE: the
                                environment variable NAME)
      --ext-code NAME[=CODE]    std.extVar(NAME) is the value of the Jsonnet CODE
  -A, --tla-str NAME[=VALUE]    the top-level function's argument NAME is the string VALUE
      --tla-code NAME[=CODE]    the top-level function's argument NAME is the value of CODE
  -J, --jpath DIR               also search DIR for imports (the last -J wins; JSONNET_PATH
                                directories come after every -J)
'capi-ionos.libsonnet' is always importable.
`;

/**
 * What `capi-ionos <command> --help` prints, by command: main.ts answers from here without
 * loading the command (whose own --help prints the same; test/cli/help.test.ts checks). A command
 * missing here still gets its help, from its module.
 */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  synth: SYNTH_HELP + JSONNET_HELP,
  plan: PLAN_HELP + JSONNET_HELP,
  validate: VALIDATE_HELP + JSONNET_HELP,
  reconcile: RECONCILE_HELP,
  simulate: SIMULATE_HELP + JSONNET_HELP,
  diff: DIFF_HELP + JSONNET_HELP,
  init: INIT_HELP,
};
