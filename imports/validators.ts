/* eslint-disable */
// GENERATED FILE, DO NOT EDIT.
// Compiled from crds/bundle.yaml by scripts/gen-validators.ts. Regenerate with:
//   npx tsx scripts/gen-validators.ts crds/bundle.yaml imports/validators.ts
//
// Straight-line validators for the structural schemas of the CRDs (one function per
// distinct object/array node), defaulters that apply the schemas' defaults the way the
// API server does before validating, and converters producing the typed values CEL rules
// see as `self`. The rule sources are embedded below; they are compiled lazily at run time.
// The run-time helpers (messages, formats, metadata, CEL) come in as a ValidatorRuntime.

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** The checks a validator may fail; implemented by src/synth/schema/collector.ts. */
export interface ValidatorRuntime {
  /** Count of errors after which the API server would not run CEL rules (type, required, enum, too long, too many). */
  readonly blocking: number;
  readonly f: { readonly [format: string]: (value: string) => boolean };
  type(path: string, value: unknown, expected: string): void;
  nul(path: string): void;
  unknown(path: string, key: string, allowed: readonly string[]): void;
  required(path: string, key: string): void;
  enumv(path: string, value: unknown, allowed: readonly unknown[]): void;
  inEnum(value: unknown, allowed: readonly unknown[]): boolean;
  range(path: string, value: number, format: 'int32' | 'int64'): void;
  min(path: string, value: number, bound: number, exclusive: boolean): void;
  max(path: string, value: number, bound: number, exclusive: boolean): void;
  multipleOf(path: string, value: number, factor: number): void;
  isMultiple(value: number, factor: number): boolean;
  cp(value: string): number;
  minLength(path: string, value: string, bound: number): void;
  maxLength(path: string, value: string, bound: number): void;
  pattern(path: string, value: string, pattern: string): void;
  re2(pattern: string, value: string): boolean;
  format(path: string, value: string, format: string, blocksCel: boolean): void;
  minItems(path: string, count: number, bound: number): void;
  maxItems(path: string, count: number, bound: number): void;
  unique(path: string, items: readonly unknown[], why: string): void;
  listMap(path: string, items: readonly unknown[], keys: readonly string[]): void;
  count(value: Obj): number;
  minProperties(path: string, count: number, bound: number): void;
  maxProperties(path: string, count: number, bound: number): void;
  meta(path: string, value: unknown, namespaced: boolean | undefined, root: boolean): void;
  embedded(path: string, value: Obj): void;
  probe(check: Check, value: unknown, path: string): boolean;
  combinator(path: string, value: unknown, keyword: 'anyOf' | 'oneOf' | 'not', branches: number): void;
  cel(path: string, self: unknown, rules: readonly number[], convert: Convert): void;
  celBlocked(path: string, rules: readonly number[]): void;
  celMeta(value: unknown): unknown;
  timestamp(value: string, format: 'date' | 'datetime'): unknown;
  bytes(value: string): unknown;
  dyn(value: unknown): unknown;
}
type R = ValidatorRuntime;
/** A generated node validator. */
export type Check = (v: unknown, p: string, r: R) => void;
/** A generated converter to the CEL value of a node. */
export type Convert = (v: any, r: R) => unknown;

/** One x-kubernetes-validations rule (identical rules at several places share an entry). */
export interface CelRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  /** Whether messageExpression can be evaluated here; if not, message is used. */
  readonly messageExpressionSupported?: boolean;
  /** The rule's fieldPath, normalised to this project's path syntax (`.a.b`, `[key]`). */
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
  /** evaluated: checked here; transition: reads oldSelf, skipped on create; unsupported: cannot be evaluated here (see why). */
  readonly status: 'evaluated' | 'transition' | 'unsupported';
  readonly why?: string;
}

/** Where a rule sits in the bundle (one entry per occurrence). */
export interface CelRuleSite {
  readonly crd: string;
  readonly kind: string;
  readonly version: string;
  /** The schema path: `spec.disk.image`, `[]` for list items, `{}` for map values. */
  readonly schemaPath: string;
  /** Index into CEL_RULES. */
  readonly rule: number;
}

/** The validator of one served version of one CRD. */
export interface KindValidator {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly crd: string;
  readonly namespaced: boolean;
  /** Returns the object with the schema defaults applied (a copy where anything was added). */
  readonly defaults: (v: Obj) => Obj;
  readonly validate: (v: Obj, r: R) => void;
}

/** Every distinct rule, with what the validator does with it. */
export const CEL_RULES: readonly CelRule[] = [
  {"message":"location is required when loadBalancerProviderRef is set","rule":"!has(self.loadBalancerProviderRef) || has(self.location)","status":"evaluated"},
  {"message":"port must be within 1-65535","rule":"size(self.host) == 0 && self.port == 0 || self.port > 0 && self.port < 65536","status":"evaluated"},
  {"message":"credentialsRef.name must be provided","rule":"has(self.name) && self.name != ''","status":"evaluated"},
  {"message":"location is immutable","rule":"self == oldSelf","status":"transition","why":"reads oldSelf (transition rule; not evaluated on create)"},
  {"message":"cpuFamily must not be specified when using VCPU","rule":"self.type != 'VCPU' || !has(self.cpuFamily)","status":"evaluated"},
  {"message":"networkID is required once set","rule":"!has(oldSelf.networkID) || has(self.networkID)","status":"transition","why":"reads oldSelf (transition rule; not evaluated on create)"},
  {"message":"ipv4PoolRef allows only IPAMConfig apiGroup ipam.cluster.x-k8s.io","rule":"self.apiGroup == 'ipam.cluster.x-k8s.io'","status":"evaluated"},
  {"message":"ipv4PoolRef allows either InClusterIPPool or GlobalInClusterIPPool","rule":"self.kind == 'InClusterIPPool' || self.kind == 'GlobalInClusterIPPool'","status":"evaluated"},
  {"message":"ipv4PoolRef.name is required","rule":"self.name != ''","status":"evaluated"},
  {"message":"ipv6PoolRef allows only IPAMConfig apiGroup ipam.cluster.x-k8s.io","rule":"self.apiGroup == 'ipam.cluster.x-k8s.io'","status":"evaluated"},
  {"message":"ipv6PoolRef allows either InClusterIPPool or GlobalInClusterIPPool","rule":"self.kind == 'InClusterIPPool' || self.kind == 'GlobalInClusterIPPool'","status":"evaluated"},
  {"message":"ipv6PoolRef.name is required","rule":"self.name != ''","status":"evaluated"},
  {"message":"datacenterID is immutable","rule":"self == oldSelf","status":"transition","why":"reads oldSelf (transition rule; not evaluated on create)"},
  {"message":"exactly one of the fields in [id selector] must be set","rule":"[has(self.id),has(self.selector)].filter(x,x==true).size() == 1","status":"evaluated"},
  {"message":"failoverIP is immutable","rule":"self == oldSelf","status":"transition","why":"reads oldSelf (transition rule; not evaluated on create)"},
  {"message":"failoverIP must be either 'AUTO' or a valid IPv4 address","rule":"self == \"AUTO\" || self.matches(\"((25[0-5]|(2[0-4]|1\\\\d|[1-9]|)\\\\d)\\\\.?\\\\b){4}$\")","status":"evaluated"},
  {"message":"networkID is immutable","rule":"self == oldSelf","status":"transition","why":"reads oldSelf (transition rule; not evaluated on create)"},
  {"message":"type is immutable","rule":"self == oldSelf","status":"transition","why":"reads oldSelf (transition rule; not evaluated on create)"},
];

/** Every occurrence of a rule in the bundle. */
export const CEL_RULE_SITES: readonly CelRuleSite[] = [
  {"crd":"ionoscloudclusters.infrastructure.cluster.x-k8s.io","kind":"IonosCloudCluster","rule":0,"schemaPath":"spec","version":"v1alpha1"},
  {"crd":"ionoscloudclusters.infrastructure.cluster.x-k8s.io","kind":"IonosCloudCluster","rule":1,"schemaPath":"spec.controlPlaneEndpoint","version":"v1alpha1"},
  {"crd":"ionoscloudclusters.infrastructure.cluster.x-k8s.io","kind":"IonosCloudCluster","rule":2,"schemaPath":"spec.credentialsRef","version":"v1alpha1"},
  {"crd":"ionoscloudclusters.infrastructure.cluster.x-k8s.io","kind":"IonosCloudCluster","rule":3,"schemaPath":"spec.location","version":"v1alpha1"},
  {"crd":"ionoscloudclustertemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudClusterTemplate","rule":0,"schemaPath":"spec.template.spec","version":"v1alpha1"},
  {"crd":"ionoscloudclustertemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudClusterTemplate","rule":1,"schemaPath":"spec.template.spec.controlPlaneEndpoint","version":"v1alpha1"},
  {"crd":"ionoscloudclustertemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudClusterTemplate","rule":2,"schemaPath":"spec.template.spec.credentialsRef","version":"v1alpha1"},
  {"crd":"ionoscloudclustertemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudClusterTemplate","rule":3,"schemaPath":"spec.template.spec.location","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":4,"schemaPath":"spec","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":5,"schemaPath":"spec","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":6,"schemaPath":"spec.additionalNetworks[].ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":7,"schemaPath":"spec.additionalNetworks[].ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":8,"schemaPath":"spec.additionalNetworks[].ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":9,"schemaPath":"spec.additionalNetworks[].ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":10,"schemaPath":"spec.additionalNetworks[].ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":11,"schemaPath":"spec.additionalNetworks[].ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":12,"schemaPath":"spec.datacenterID","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":13,"schemaPath":"spec.disk.image","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":14,"schemaPath":"spec.failoverIP","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":15,"schemaPath":"spec.failoverIP","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":6,"schemaPath":"spec.ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":7,"schemaPath":"spec.ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":8,"schemaPath":"spec.ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":9,"schemaPath":"spec.ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":10,"schemaPath":"spec.ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":11,"schemaPath":"spec.ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":16,"schemaPath":"spec.networkID","version":"v1alpha1"},
  {"crd":"ionoscloudmachines.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachine","rule":17,"schemaPath":"spec.type","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":5,"schemaPath":"spec.template.spec","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":6,"schemaPath":"spec.template.spec.additionalNetworks[].ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":7,"schemaPath":"spec.template.spec.additionalNetworks[].ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":8,"schemaPath":"spec.template.spec.additionalNetworks[].ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":9,"schemaPath":"spec.template.spec.additionalNetworks[].ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":10,"schemaPath":"spec.template.spec.additionalNetworks[].ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":11,"schemaPath":"spec.template.spec.additionalNetworks[].ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":12,"schemaPath":"spec.template.spec.datacenterID","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":13,"schemaPath":"spec.template.spec.disk.image","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":14,"schemaPath":"spec.template.spec.failoverIP","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":15,"schemaPath":"spec.template.spec.failoverIP","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":6,"schemaPath":"spec.template.spec.ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":7,"schemaPath":"spec.template.spec.ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":8,"schemaPath":"spec.template.spec.ipv4PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":9,"schemaPath":"spec.template.spec.ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":10,"schemaPath":"spec.template.spec.ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":11,"schemaPath":"spec.template.spec.ipv6PoolRef","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":16,"schemaPath":"spec.template.spec.networkID","version":"v1alpha1"},
  {"crd":"ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io","kind":"IonosCloudMachineTemplate","rule":17,"schemaPath":"spec.template.spec.type","version":"v1alpha1"},
];

const K2 = ["apiVersion","kind","metadata","spec","status"];
const K4 = ["clusterSelector","resources","strategy"];
const K6 = ["matchExpressions","matchLabels"];
const K9 = ["key","operator","values"];
const K14 = ["kind","name"];
const E15 = ["Secret","ConfigMap"];
const E16 = ["ApplyOnce","Reconcile"];
const K18 = ["conditions","observedGeneration","v1beta2"];
const K21 = ["lastTransitionTime","message","reason","severity","status","type"];
const K23 = ["conditions"];
const K26 = ["lastTransitionTime","message","observedGeneration","reason","status","type"];
const P27 = new RegExp("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$", 'u');
const E28 = ["True","False","Unknown"];
const P29 = new RegExp("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$", 'u');
const K30 = ["type"];
const K32 = ["apiVersion","kind","metadata","spec"];
const K34 = ["template"];
const K36 = ["metadata","spec"];
const K38 = ["annotations","labels"];
const K40 = ["bootCommands","clusterConfiguration","diskSetup","files","format","ignition","initConfiguration","joinConfiguration","mounts","ntp","postKubeadmCommands","preKubeadmCommands","useExperimentalRetryJoin","users","verbosity"];
const K43 = ["apiServer","apiVersion","certificatesDir","clusterName","controlPlaneEndpoint","controllerManager","dns","etcd","featureGates","imageRepository","kind","kubernetesVersion","networking","scheduler"];
const K45 = ["certSANs","extraArgs","extraEnvs","extraVolumes","timeoutForControlPlane"];
const K49 = ["name","value","valueFrom"];
const K51 = ["configMapKeyRef","fieldRef","resourceFieldRef","secretKeyRef"];
const K53 = ["key","name","optional"];
const K55 = ["apiVersion","fieldPath"];
const K57 = ["containerName","divisor","resource"];
const P59 = new RegExp("^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$", 'u');
const K62 = ["hostPath","mountPath","name","pathType","readOnly"];
const K64 = ["extraArgs","extraEnvs","extraVolumes"];
const K66 = ["imageRepository","imageTag"];
const K68 = ["external","local"];
const K70 = ["caFile","certFile","endpoints","keyFile"];
const K73 = ["dataDir","extraArgs","extraEnvs","imageRepository","imageTag","peerCertSANs","serverCertSANs"];
const K76 = ["dnsDomain","podSubnet","serviceSubnet"];
const K78 = ["filesystems","partitions"];
const K81 = ["device","extraOpts","filesystem","label","overwrite","partition","replaceFS"];
const K85 = ["device","layout","overwrite","tableType"];
const E86 = ["mbr","gpt"];
const K89 = ["append","content","contentFrom","encoding","owner","path","permissions"];
const K91 = ["secret"];
const K93 = ["key","name"];
const E94 = ["base64","gzip","gzip+base64"];
const E95 = ["cloud-config","ignition"];
const K97 = ["containerLinuxConfig"];
const K99 = ["additionalConfig","strict"];
const K101 = ["apiVersion","bootstrapTokens","kind","localAPIEndpoint","nodeRegistration","patches","skipPhases"];
const K104 = ["description","expires","groups","token","ttl","usages"];
const K106 = ["advertiseAddress","bindPort"];
const K108 = ["criSocket","ignorePreflightErrors","imagePullPolicy","imagePullSerial","kubeletExtraArgs","name","taints"];
const E109 = ["Always","IfNotPresent","Never"];
const K112 = ["effect","key","timeAdded","value"];
const K114 = ["directory"];
const K117 = ["apiVersion","caCertPath","controlPlane","discovery","kind","nodeRegistration","patches","skipPhases"];
const K119 = ["localAPIEndpoint"];
const K121 = ["bootstrapToken","file","timeout","tlsBootstrapToken"];
const K123 = ["apiServerEndpoint","caCertHashes","token","unsafeSkipCAVerification"];
const K126 = ["kubeConfig","kubeConfigPath"];
const K128 = ["cluster","user"];
const K130 = ["certificateAuthorityData","insecureSkipTLSVerify","proxyURL","server","tlsServerName"];
const K132 = ["authProvider","exec"];
const K134 = ["config","name"];
const K136 = ["apiVersion","args","command","env","provideClusterInfo"];
const K139 = ["name","value"];
const K143 = ["enabled","servers"];
const K146 = ["gecos","groups","homeDir","inactive","lockPassword","name","passwd","passwdFrom","primaryGroup","shell","sshAuthorizedKeys","sudo"];
const D158 = "";
const K164 = ["availabilityGates","controlPlane","infrastructure","infrastructureNamingStrategy","patches","variables","workers"];
const K167 = ["conditionType","polarity"];
const E168 = ["Positive","Negative"];
const K169 = ["conditionType"];
const K171 = ["machineHealthCheck","machineInfrastructure","metadata","namingStrategy","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","readinessGates","ref"];
const K173 = ["maxUnhealthy","nodeStartupTimeout","remediationTemplate","unhealthyConditions","unhealthyRange"];
const K176 = ["apiVersion","fieldPath","kind","name","namespace","resourceVersion","uid"];
const K179 = ["status","timeout","type"];
const P180 = new RegExp("^\\[[0-9]+-[0-9]+\\]$", 'u');
const K182 = ["ref"];
const K186 = ["definitions","description","enabledIf","external","name"];
const K189 = ["jsonPatches","selector"];
const K192 = ["op","path","value","valueFrom"];
const E193 = ["add","replace","remove"];
const K196 = ["template","variable"];
const K198 = ["apiVersion","kind","matchResources"];
const K200 = ["controlPlane","infrastructureCluster","machineDeploymentClass","machinePoolClass"];
const K202 = ["names"];
const K204 = ["discoverVariablesExtension","generateExtension","settings","validateExtension"];
const K207 = ["metadata","name","required","schema"];
const K209 = ["openAPIV3Schema"];
const K211 = ["additionalProperties","allOf","anyOf","default","description","enum","example","exclusiveMaximum","exclusiveMinimum","format","items","maxItems","maxLength","maxProperties","maximum","minItems","minLength","minProperties","minimum","not","oneOf","pattern","properties","required","type","uniqueItems","x-kubernetes-int-or-string","x-kubernetes-preserve-unknown-fields","x-kubernetes-validations","x-metadata"];
const E214 = ["object","array","string","integer","number","boolean"];
const K217 = ["fieldPath","message","messageExpression","reason","rule"];
const E218 = ["FieldValueInvalid","FieldValueForbidden","FieldValueRequired","FieldValueDuplicate"];
const K219 = ["rule"];
const K221 = ["machineDeployments","machinePools"];
const K224 = ["class","failureDomain","machineHealthCheck","minReadySeconds","namingStrategy","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","readinessGates","strategy","template"];
const K226 = ["remediation","rollingUpdate","type"];
const K228 = ["maxInFlight"];
const K230 = ["deletePolicy","maxSurge","maxUnavailable"];
const E231 = ["Random","Newest","Oldest"];
const E232 = ["RollingUpdate","OnDelete"];
const K234 = ["bootstrap","infrastructure","metadata"];
const K235 = ["class"];
const K238 = ["class","failureDomains","minReadySeconds","namingStrategy","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","template"];
const K240 = ["conditions","observedGeneration","v1beta2","variables"];
const K243 = ["definitions","definitionsConflict","name"];
const K246 = ["from","metadata","required","schema"];
const D255 = "FieldValueInvalid";
const K263 = ["availabilityGates","clusterNetwork","controlPlaneEndpoint","controlPlaneRef","infrastructureRef","paused","topology"];
const K265 = ["apiServerPort","pods","serviceDomain","services"];
const K267 = ["cidrBlocks"];
const K270 = ["host","port"];
const K272 = ["class","classNamespace","controlPlane","rolloutAfter","variables","version","workers"];
const P273 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", 'u');
const K275 = ["machineHealthCheck","metadata","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","readinessGates","replicas","variables"];
const K277 = ["enable","maxUnhealthy","nodeStartupTimeout","remediationTemplate","unhealthyConditions","unhealthyRange"];
const K279 = ["overrides"];
const K282 = ["definitionFrom","name","value"];
const K283 = ["name"];
const K287 = ["class","failureDomain","machineHealthCheck","metadata","minReadySeconds","name","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","readinessGates","replicas","strategy","variables"];
const K290 = ["class","failureDomains","metadata","minReadySeconds","name","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","replicas","variables"];
const K292 = ["conditions","controlPlaneReady","failureDomains","failureMessage","failureReason","infrastructureReady","observedGeneration","phase","v1beta2"];
const K295 = ["attributes","controlPlane"];
const E296 = ["Pending","Provisioning","Provisioned","Deleting","Failed","Unknown"];
const K298 = ["conditions","controlPlane","workers"];
const K300 = ["availableReplicas","desiredReplicas","readyReplicas","replicas","upToDateReplicas"];
const K303 = ["clusterName","machineNamingStrategy","minReadySeconds","paused","progressDeadlineSeconds","replicas","revisionHistoryLimit","rolloutAfter","selector","strategy","template"];
const K307 = ["bootstrap","clusterName","failureDomain","infrastructureRef","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","providerID","readinessGates","version"];
const K309 = ["configRef","dataSecretName"];
const K311 = ["availableReplicas","conditions","observedGeneration","phase","readyReplicas","replicas","selector","unavailableReplicas","updatedReplicas","v1beta2"];
const E312 = ["ScalingUp","ScalingDown","Running","Failed","Unknown"];
const K314 = ["availableReplicas","conditions","readyReplicas","upToDateReplicas"];
const K317 = ["clusterName","maxUnhealthy","nodeStartupTimeout","remediationTemplate","selector","unhealthyConditions","unhealthyRange"];
const K319 = ["conditions","currentHealthy","expectedMachines","observedGeneration","remediationsAllowed","targets","v1beta2"];
const K323 = ["addresses","bootstrapReady","certificatesExpiryDate","conditions","deletion","failureMessage","failureReason","infrastructureReady","lastUpdated","nodeInfo","nodeRef","observedGeneration","phase","v1beta2"];
const K326 = ["address","type"];
const E327 = ["Hostname","ExternalIP","InternalIP","ExternalDNS","InternalDNS"];
const K329 = ["nodeDrainStartTime","waitForNodeVolumeDetachStartTime"];
const K331 = ["architecture","bootID","containerRuntimeVersion","kernelVersion","kubeProxyVersion","kubeletVersion","machineID","operatingSystem","osImage","systemUUID"];
const E332 = ["Pending","Provisioning","Provisioned","Running","Deleting","Deleted","Failed","Unknown"];
const K335 = ["kubeadmConfigSpec","machineNamingStrategy","machineTemplate","remediationStrategy","replicas","rolloutAfter","rolloutBefore","rolloutStrategy","version"];
const K337 = ["infrastructureRef","metadata","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout","readinessGates"];
const K339 = ["maxRetry","minHealthyPeriod","retryPeriod"];
const K341 = ["certificatesExpiryDays"];
const K343 = ["rollingUpdate","type"];
const K345 = ["maxSurge"];
const E346 = ["RollingUpdate"];
const K348 = ["conditions","failureMessage","failureReason","initialized","lastRemediation","observedGeneration","ready","readyReplicas","replicas","selector","unavailableReplicas","updatedReplicas","v1beta2","version"];
const K350 = ["machine","retryCount","timestamp"];
const D353 = {"rollingUpdate":{"maxSurge":1},"type":"RollingUpdate"};
const K358 = ["kubeadmConfigSpec","machineNamingStrategy","machineTemplate","remediationStrategy","rolloutAfter","rolloutBefore","rolloutStrategy"];
const K360 = ["metadata","nodeDeletionTimeout","nodeDrainTimeout","nodeVolumeDetachTimeout"];
const R367 = [0];
const K368 = ["controlPlaneEndpoint","credentialsRef","loadBalancerProviderRef","location"];
const R370 = [1];
const R373 = [2];
const R377 = [3];
const K382 = ["conditions","controlPlaneEndpointIPBlockID","currentClusterRequest","currentRequest","ready"];
const K384 = ["method","requestPath","state"];
const E385 = ["QUEUED","RUNNING","DONE","FAILED"];
const K394 = ["spec"];
const R400 = [4, 5];
const K401 = ["additionalNetworks","availabilityZone","cpuFamily","datacenterID","disk","failoverIP","ipv4PoolRef","ipv6PoolRef","memoryMB","networkID","numCores","providerID","type"];
const K404 = ["dhcp","ipv4PoolRef","ipv6PoolRef","networkID","vnet"];
const R406 = [6, 7, 8];
const K407 = ["apiGroup","kind","name"];
const R410 = [9, 10, 11];
const E412 = ["AUTO","ZONE_1","ZONE_2"];
const R414 = [12];
const K417 = ["availabilityZone","diskType","image","name","sizeGB"];
const E418 = ["AUTO","ZONE_1","ZONE_2","ZONE_3"];
const E419 = ["HDD","SSD Standard","SSD Premium"];
const R421 = [13];
const K422 = ["id","selector"];
const K424 = ["matchLabels","resolutionPolicy","useMachineVersion"];
const E426 = ["Exact","Newest"];
const R431 = [14, 15];
const R434 = [16];
const R437 = [17];
const E438 = ["ENTERPRISE","VCPU"];
const K445 = ["conditions","currentRequest","location","machineNetworkInfo","ready"];
const K447 = ["nicInfo"];
const K450 = ["ipv4Addresses","ipv6Addresses","networkID","primary"];
const D456 = true;
const D457 = "AUTO";
const D459 = "HDD";
const D462 = "Exact";
const D463 = 20;
const D464 = 3072;
const D465 = 1;
const D466 = "ENTERPRISE";
const R471 = [5];
const K479 = ["addressReuseGracePeriodSeconds","addresses","allocateReservedIPAddresses","excludedAddresses","gateway","prefix"];
const K481 = ["ipAddresses"];
const K483 = ["free","outOfRange","total","used"];
const K487 = ["clusterName","poolRef"];
const K490 = ["addressRef","conditions","v1beta2"];
const K495 = ["address","claimRef","gateway","poolRef","prefix"];

function v10(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
  }
}
function v8(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "key": case "operator": case "values": break; default: if (o[k] !== undefined) r.unknown(p, k, K9); }
  }
  if (o["key"] === undefined) r.required(p, "key");
  if (o["operator"] === undefined) r.required(p, "operator");
  let x: unknown;
  x = o["key"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".key"); }
    else if (typeof x !== 'string') r.type(p + ".key", x, 'string');
  }
  x = o["operator"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".operator"); }
    else if (typeof x !== 'string') r.type(p + ".operator", x, 'string');
  }
  x = o["values"];
  if (x !== undefined) v10(x, p + ".values", r);
}
function v7(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v8(x, p + '[' + i + ']', r);
  }
}
function v11(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  let x: unknown;
  for (const k in o) {
    x = o[k];
    if (x === undefined) continue;
    if (x === null) { r.nul(p + '[' + k + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + k + ']', x, 'string');
  }
}
function v5(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "matchExpressions": case "matchLabels": break; default: if (o[k] !== undefined) r.unknown(p, k, K6); }
  }
  let x: unknown;
  x = o["matchExpressions"];
  if (x !== undefined) v7(x, p + ".matchExpressions", r);
  x = o["matchLabels"];
  if (x !== undefined) v11(x, p + ".matchLabels", r);
}
function v13(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "kind": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K14); }
  }
  if (o["kind"] === undefined) r.required(p, "kind");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
    else {
      if (x !== "Secret" && x !== "ConfigMap") r.enumv(p + ".kind", x, E15);
    }
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".name", x, 253);
    }
  }
}
function v12(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v13(x, p + '[' + i + ']', r);
  }
}
function v3(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "clusterSelector": case "resources": case "strategy": break; default: if (o[k] !== undefined) r.unknown(p, k, K4); }
  }
  if (o["clusterSelector"] === undefined) r.required(p, "clusterSelector");
  let x: unknown;
  x = o["clusterSelector"];
  if (x !== undefined) v5(x, p + ".clusterSelector", r);
  x = o["resources"];
  if (x !== undefined) v12(x, p + ".resources", r);
  x = o["strategy"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".strategy"); }
    else if (typeof x !== 'string') r.type(p + ".strategy", x, 'string');
    else {
      if (x !== "ApplyOnce" && x !== "Reconcile") r.enumv(p + ".strategy", x, E16);
    }
  }
}
function v20(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "lastTransitionTime": case "message": case "reason": case "severity": case "status": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K21); }
  }
  if (o["lastTransitionTime"] === undefined) r.required(p, "lastTransitionTime");
  if (o["status"] === undefined) r.required(p, "status");
  if (o["type"] === undefined) r.required(p, "type");
  let x: unknown;
  x = o["lastTransitionTime"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".lastTransitionTime"); }
    else if (typeof x !== 'string') r.type(p + ".lastTransitionTime", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".lastTransitionTime", x, 'date-time', true);
    }
  }
  x = o["message"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".message"); }
    else if (typeof x !== 'string') r.type(p + ".message", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".message", x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + ".message", x, 10240);
    }
  }
  x = o["reason"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".reason"); }
    else if (typeof x !== 'string') r.type(p + ".reason", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".reason", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".reason", x, 256);
    }
  }
  x = o["severity"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".severity"); }
    else if (typeof x !== 'string') r.type(p + ".severity", x, 'string');
    else {
      if (x.length > 32 && r.cp(x) > 32) r.maxLength(p + ".severity", x, 32);
    }
  }
  x = o["status"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".status"); }
    else if (typeof x !== 'string') r.type(p + ".status", x, 'string');
  }
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".type", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".type", x, 256);
    }
  }
}
function v19(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v20(x, p + '[' + i + ']', r);
  }
}
function v25(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "lastTransitionTime": case "message": case "observedGeneration": case "reason": case "status": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K26); }
  }
  if (o["lastTransitionTime"] === undefined) r.required(p, "lastTransitionTime");
  if (o["message"] === undefined) r.required(p, "message");
  if (o["reason"] === undefined) r.required(p, "reason");
  if (o["status"] === undefined) r.required(p, "status");
  if (o["type"] === undefined) r.required(p, "type");
  let x: unknown;
  x = o["lastTransitionTime"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".lastTransitionTime"); }
    else if (typeof x !== 'string') r.type(p + ".lastTransitionTime", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".lastTransitionTime", x, 'date-time', true);
    }
  }
  x = o["message"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".message"); }
    else if (typeof x !== 'string') r.type(p + ".message", x, 'string');
    else {
      if (x.length > 32768 && r.cp(x) > 32768) r.maxLength(p + ".message", x, 32768);
    }
  }
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
      if (x < 0) r.min(p + ".observedGeneration", x, 0, false);
    }
  }
  x = o["reason"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".reason"); }
    else if (typeof x !== 'string') r.type(p + ".reason", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".reason", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".reason", x, 1024);
      if (!P27.test(x)) r.pattern(p + ".reason", x, "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
    }
  }
  x = o["status"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".status"); }
    else if (typeof x !== 'string') r.type(p + ".status", x, 'string');
    else {
      if (x !== "True" && x !== "False" && x !== "Unknown") r.enumv(p + ".status", x, E28);
    }
  }
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (x.length > 316 && r.cp(x) > 316) r.maxLength(p + ".type", x, 316);
      if (!P29.test(x)) r.pattern(p + ".type", x, "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$");
    }
  }
}
function v24(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 32) r.maxItems(p, v.length, 32);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v25(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K30);
}
function v22(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": break; default: if (o[k] !== undefined) r.unknown(p, k, K23); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v24(x, p + ".conditions", r);
}
function v17(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "observedGeneration": case "v1beta2": break; default: if (o[k] !== undefined) r.unknown(p, k, K18); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["v1beta2"];
  if (x !== undefined) v22(x, p + ".v1beta2", r);
}
function root1(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v3(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v17(x, "status", r);
}
function v37(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "annotations": case "labels": break; default: if (o[k] !== undefined) r.unknown(p, k, K38); }
  }
  let x: unknown;
  x = o["annotations"];
  if (x !== undefined) v11(x, p + ".annotations", r);
  x = o["labels"];
  if (x !== undefined) v11(x, p + ".labels", r);
}
function v41(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 1000) r.maxItems(p, v.length, 1000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + '[' + i + ']', x, 10240);
    }
  }
}
function v46(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + '[' + i + ']', x, 253);
    }
  }
}
function v52(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "key": case "name": case "optional": break; default: if (o[k] !== undefined) r.unknown(p, k, K53); }
  }
  if (o["key"] === undefined) r.required(p, "key");
  let x: unknown;
  x = o["key"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".key"); }
    else if (typeof x !== 'string') r.type(p + ".key", x, 'string');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  x = o["optional"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".optional"); }
    else if (typeof x !== 'boolean') r.type(p + ".optional", x, 'boolean');
  }
}
function v54(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "fieldPath": break; default: if (o[k] !== undefined) r.unknown(p, k, K55); }
  }
  if (o["fieldPath"] === undefined) r.required(p, "fieldPath");
  let x: unknown;
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
  }
  x = o["fieldPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".fieldPath"); }
    else if (typeof x !== 'string') r.type(p + ".fieldPath", x, 'string');
  }
}
function v58(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'string' && (typeof v !== 'number' || !Number.isInteger(v))) { r.type(p, v, 'integer or string'); return; }
  if (typeof v === 'string') {
    if (!P59.test(v)) r.pattern(p, v, "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$");
  }
}
function v56(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "containerName": case "divisor": case "resource": break; default: if (o[k] !== undefined) r.unknown(p, k, K57); }
  }
  if (o["resource"] === undefined) r.required(p, "resource");
  let x: unknown;
  x = o["containerName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".containerName"); }
    else if (typeof x !== 'string') r.type(p + ".containerName", x, 'string');
  }
  x = o["divisor"];
  if (x !== undefined) v58(x, p + ".divisor", r);
  x = o["resource"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".resource"); }
    else if (typeof x !== 'string') r.type(p + ".resource", x, 'string');
  }
}
function v50(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "configMapKeyRef": case "fieldRef": case "resourceFieldRef": case "secretKeyRef": break; default: if (o[k] !== undefined) r.unknown(p, k, K51); }
  }
  let x: unknown;
  x = o["configMapKeyRef"];
  if (x !== undefined) v52(x, p + ".configMapKeyRef", r);
  x = o["fieldRef"];
  if (x !== undefined) v54(x, p + ".fieldRef", r);
  x = o["resourceFieldRef"];
  if (x !== undefined) v56(x, p + ".resourceFieldRef", r);
  x = o["secretKeyRef"];
  if (x !== undefined) v52(x, p + ".secretKeyRef", r);
}
function v48(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "name": case "value": case "valueFrom": break; default: if (o[k] !== undefined) r.unknown(p, k, K49); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  x = o["value"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".value"); }
    else if (typeof x !== 'string') r.type(p + ".value", x, 'string');
  }
  x = o["valueFrom"];
  if (x !== undefined) v50(x, p + ".valueFrom", r);
}
function v47(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v48(x, p + '[' + i + ']', r);
  }
}
function v61(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "hostPath": case "mountPath": case "name": case "pathType": case "readOnly": break; default: if (o[k] !== undefined) r.unknown(p, k, K62); }
  }
  if (o["hostPath"] === undefined) r.required(p, "hostPath");
  if (o["mountPath"] === undefined) r.required(p, "mountPath");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["hostPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".hostPath"); }
    else if (typeof x !== 'string') r.type(p + ".hostPath", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".hostPath", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".hostPath", x, 512);
    }
  }
  x = o["mountPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".mountPath"); }
    else if (typeof x !== 'string') r.type(p + ".mountPath", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".mountPath", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".mountPath", x, 512);
    }
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".name", x, 512);
    }
  }
  x = o["pathType"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".pathType"); }
    else if (typeof x !== 'string') r.type(p + ".pathType", x, 'string');
  }
  x = o["readOnly"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".readOnly"); }
    else if (typeof x !== 'boolean') r.type(p + ".readOnly", x, 'boolean');
  }
}
function v60(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v61(x, p + '[' + i + ']', r);
  }
}
function v44(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "certSANs": case "extraArgs": case "extraEnvs": case "extraVolumes": case "timeoutForControlPlane": break; default: if (o[k] !== undefined) r.unknown(p, k, K45); }
  }
  let x: unknown;
  x = o["certSANs"];
  if (x !== undefined) v46(x, p + ".certSANs", r);
  x = o["extraArgs"];
  if (x !== undefined) v11(x, p + ".extraArgs", r);
  x = o["extraEnvs"];
  if (x !== undefined) v47(x, p + ".extraEnvs", r);
  x = o["extraVolumes"];
  if (x !== undefined) v60(x, p + ".extraVolumes", r);
  x = o["timeoutForControlPlane"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".timeoutForControlPlane"); }
    else if (typeof x !== 'string') r.type(p + ".timeoutForControlPlane", x, 'string');
  }
}
function v63(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "extraArgs": case "extraEnvs": case "extraVolumes": break; default: if (o[k] !== undefined) r.unknown(p, k, K64); }
  }
  let x: unknown;
  x = o["extraArgs"];
  if (x !== undefined) v11(x, p + ".extraArgs", r);
  x = o["extraEnvs"];
  if (x !== undefined) v47(x, p + ".extraEnvs", r);
  x = o["extraVolumes"];
  if (x !== undefined) v60(x, p + ".extraVolumes", r);
}
function v65(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "imageRepository": case "imageTag": break; default: if (o[k] !== undefined) r.unknown(p, k, K66); }
  }
  let x: unknown;
  x = o["imageRepository"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imageRepository"); }
    else if (typeof x !== 'string') r.type(p + ".imageRepository", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".imageRepository", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".imageRepository", x, 512);
    }
  }
  x = o["imageTag"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imageTag"); }
    else if (typeof x !== 'string') r.type(p + ".imageTag", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".imageTag", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".imageTag", x, 256);
    }
  }
}
function v71(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 50) r.maxItems(p, v.length, 50);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + '[' + i + ']', x, 512);
    }
  }
}
function v69(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "caFile": case "certFile": case "endpoints": case "keyFile": break; default: if (o[k] !== undefined) r.unknown(p, k, K70); }
  }
  if (o["caFile"] === undefined) r.required(p, "caFile");
  if (o["certFile"] === undefined) r.required(p, "certFile");
  if (o["endpoints"] === undefined) r.required(p, "endpoints");
  if (o["keyFile"] === undefined) r.required(p, "keyFile");
  let x: unknown;
  x = o["caFile"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".caFile"); }
    else if (typeof x !== 'string') r.type(p + ".caFile", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".caFile", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".caFile", x, 512);
    }
  }
  x = o["certFile"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".certFile"); }
    else if (typeof x !== 'string') r.type(p + ".certFile", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".certFile", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".certFile", x, 512);
    }
  }
  x = o["endpoints"];
  if (x !== undefined) v71(x, p + ".endpoints", r);
  x = o["keyFile"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".keyFile"); }
    else if (typeof x !== 'string') r.type(p + ".keyFile", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".keyFile", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".keyFile", x, 512);
    }
  }
}
function v72(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "dataDir": case "extraArgs": case "extraEnvs": case "imageRepository": case "imageTag": case "peerCertSANs": case "serverCertSANs": break; default: if (o[k] !== undefined) r.unknown(p, k, K73); }
  }
  let x: unknown;
  x = o["dataDir"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".dataDir"); }
    else if (typeof x !== 'string') r.type(p + ".dataDir", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".dataDir", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".dataDir", x, 512);
    }
  }
  x = o["extraArgs"];
  if (x !== undefined) v11(x, p + ".extraArgs", r);
  x = o["extraEnvs"];
  if (x !== undefined) v47(x, p + ".extraEnvs", r);
  x = o["imageRepository"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imageRepository"); }
    else if (typeof x !== 'string') r.type(p + ".imageRepository", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".imageRepository", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".imageRepository", x, 512);
    }
  }
  x = o["imageTag"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imageTag"); }
    else if (typeof x !== 'string') r.type(p + ".imageTag", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".imageTag", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".imageTag", x, 256);
    }
  }
  x = o["peerCertSANs"];
  if (x !== undefined) v46(x, p + ".peerCertSANs", r);
  x = o["serverCertSANs"];
  if (x !== undefined) v46(x, p + ".serverCertSANs", r);
}
function v67(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "external": case "local": break; default: if (o[k] !== undefined) r.unknown(p, k, K68); }
  }
  let x: unknown;
  x = o["external"];
  if (x !== undefined) v69(x, p + ".external", r);
  x = o["local"];
  if (x !== undefined) v72(x, p + ".local", r);
}
function v74(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  let x: unknown;
  for (const k in o) {
    x = o[k];
    if (x === undefined) continue;
    if (x === null) { r.nul(p + '[' + k + ']'); }
    else if (typeof x !== 'boolean') r.type(p + '[' + k + ']', x, 'boolean');
  }
}
function v75(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "dnsDomain": case "podSubnet": case "serviceSubnet": break; default: if (o[k] !== undefined) r.unknown(p, k, K76); }
  }
  let x: unknown;
  x = o["dnsDomain"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".dnsDomain"); }
    else if (typeof x !== 'string') r.type(p + ".dnsDomain", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".dnsDomain", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".dnsDomain", x, 253);
    }
  }
  x = o["podSubnet"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".podSubnet"); }
    else if (typeof x !== 'string') r.type(p + ".podSubnet", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".podSubnet", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".podSubnet", x, 1024);
    }
  }
  x = o["serviceSubnet"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".serviceSubnet"); }
    else if (typeof x !== 'string') r.type(p + ".serviceSubnet", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".serviceSubnet", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".serviceSubnet", x, 1024);
    }
  }
}
function v42(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiServer": case "apiVersion": case "certificatesDir": case "clusterName": case "controlPlaneEndpoint": case "controllerManager": case "dns": case "etcd": case "featureGates": case "imageRepository": case "kind": case "kubernetesVersion": case "networking": case "scheduler": break; default: if (o[k] !== undefined) r.unknown(p, k, K43); }
  }
  let x: unknown;
  x = o["apiServer"];
  if (x !== undefined) v44(x, p + ".apiServer", r);
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
  }
  x = o["certificatesDir"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".certificatesDir"); }
    else if (typeof x !== 'string') r.type(p + ".certificatesDir", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".certificatesDir", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".certificatesDir", x, 512);
    }
  }
  x = o["clusterName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".clusterName"); }
    else if (typeof x !== 'string') r.type(p + ".clusterName", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".clusterName", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".clusterName", x, 63);
    }
  }
  x = o["controlPlaneEndpoint"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".controlPlaneEndpoint"); }
    else if (typeof x !== 'string') r.type(p + ".controlPlaneEndpoint", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".controlPlaneEndpoint", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".controlPlaneEndpoint", x, 512);
    }
  }
  x = o["controllerManager"];
  if (x !== undefined) v63(x, p + ".controllerManager", r);
  x = o["dns"];
  if (x !== undefined) v65(x, p + ".dns", r);
  x = o["etcd"];
  if (x !== undefined) v67(x, p + ".etcd", r);
  x = o["featureGates"];
  if (x !== undefined) v74(x, p + ".featureGates", r);
  x = o["imageRepository"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imageRepository"); }
    else if (typeof x !== 'string') r.type(p + ".imageRepository", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".imageRepository", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".imageRepository", x, 512);
    }
  }
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["kubernetesVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kubernetesVersion"); }
    else if (typeof x !== 'string') r.type(p + ".kubernetesVersion", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".kubernetesVersion", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".kubernetesVersion", x, 256);
    }
  }
  x = o["networking"];
  if (x !== undefined) v75(x, p + ".networking", r);
  x = o["scheduler"];
  if (x !== undefined) v63(x, p + ".scheduler", r);
}
function v82(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + '[' + i + ']', x, 256);
    }
  }
}
function v80(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "device": case "extraOpts": case "filesystem": case "label": case "overwrite": case "partition": case "replaceFS": break; default: if (o[k] !== undefined) r.unknown(p, k, K81); }
  }
  if (o["device"] === undefined) r.required(p, "device");
  if (o["filesystem"] === undefined) r.required(p, "filesystem");
  let x: unknown;
  x = o["device"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".device"); }
    else if (typeof x !== 'string') r.type(p + ".device", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".device", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".device", x, 256);
    }
  }
  x = o["extraOpts"];
  if (x !== undefined) v82(x, p + ".extraOpts", r);
  x = o["filesystem"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".filesystem"); }
    else if (typeof x !== 'string') r.type(p + ".filesystem", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".filesystem", x, 1);
      if (x.length > 128 && r.cp(x) > 128) r.maxLength(p + ".filesystem", x, 128);
    }
  }
  x = o["label"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".label"); }
    else if (typeof x !== 'string') r.type(p + ".label", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".label", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".label", x, 512);
    }
  }
  x = o["overwrite"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".overwrite"); }
    else if (typeof x !== 'boolean') r.type(p + ".overwrite", x, 'boolean');
  }
  x = o["partition"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".partition"); }
    else if (typeof x !== 'string') r.type(p + ".partition", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".partition", x, 1);
      if (x.length > 128 && r.cp(x) > 128) r.maxLength(p + ".partition", x, 128);
    }
  }
  x = o["replaceFS"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replaceFS"); }
    else if (typeof x !== 'string') r.type(p + ".replaceFS", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".replaceFS", x, 1);
      if (x.length > 128 && r.cp(x) > 128) r.maxLength(p + ".replaceFS", x, 128);
    }
  }
}
function v79(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v80(x, p + '[' + i + ']', r);
  }
}
function v84(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "device": case "layout": case "overwrite": case "tableType": break; default: if (o[k] !== undefined) r.unknown(p, k, K85); }
  }
  if (o["device"] === undefined) r.required(p, "device");
  if (o["layout"] === undefined) r.required(p, "layout");
  let x: unknown;
  x = o["device"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".device"); }
    else if (typeof x !== 'string') r.type(p + ".device", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".device", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".device", x, 256);
    }
  }
  x = o["layout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".layout"); }
    else if (typeof x !== 'boolean') r.type(p + ".layout", x, 'boolean');
  }
  x = o["overwrite"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".overwrite"); }
    else if (typeof x !== 'boolean') r.type(p + ".overwrite", x, 'boolean');
  }
  x = o["tableType"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".tableType"); }
    else if (typeof x !== 'string') r.type(p + ".tableType", x, 'string');
    else {
      if (x !== "mbr" && x !== "gpt") r.enumv(p + ".tableType", x, E86);
    }
  }
}
function v83(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v84(x, p + '[' + i + ']', r);
  }
}
function v77(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "filesystems": case "partitions": break; default: if (o[k] !== undefined) r.unknown(p, k, K78); }
  }
  let x: unknown;
  x = o["filesystems"];
  if (x !== undefined) v79(x, p + ".filesystems", r);
  x = o["partitions"];
  if (x !== undefined) v83(x, p + ".partitions", r);
}
function v92(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "key": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K93); }
  }
  if (o["key"] === undefined) r.required(p, "key");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["key"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".key"); }
    else if (typeof x !== 'string') r.type(p + ".key", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".key", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".key", x, 256);
    }
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".name", x, 253);
    }
  }
}
function v90(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "secret": break; default: if (o[k] !== undefined) r.unknown(p, k, K91); }
  }
  if (o["secret"] === undefined) r.required(p, "secret");
  let x: unknown;
  x = o["secret"];
  if (x !== undefined) v92(x, p + ".secret", r);
}
function v88(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "append": case "content": case "contentFrom": case "encoding": case "owner": case "path": case "permissions": break; default: if (o[k] !== undefined) r.unknown(p, k, K89); }
  }
  if (o["path"] === undefined) r.required(p, "path");
  let x: unknown;
  x = o["append"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".append"); }
    else if (typeof x !== 'boolean') r.type(p + ".append", x, 'boolean');
  }
  x = o["content"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".content"); }
    else if (typeof x !== 'string') r.type(p + ".content", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".content", x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + ".content", x, 10240);
    }
  }
  x = o["contentFrom"];
  if (x !== undefined) v90(x, p + ".contentFrom", r);
  x = o["encoding"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".encoding"); }
    else if (typeof x !== 'string') r.type(p + ".encoding", x, 'string');
    else {
      if (x !== "base64" && x !== "gzip" && x !== "gzip+base64") r.enumv(p + ".encoding", x, E94);
    }
  }
  x = o["owner"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".owner"); }
    else if (typeof x !== 'string') r.type(p + ".owner", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".owner", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".owner", x, 256);
    }
  }
  x = o["path"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".path"); }
    else if (typeof x !== 'string') r.type(p + ".path", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".path", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".path", x, 512);
    }
  }
  x = o["permissions"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".permissions"); }
    else if (typeof x !== 'string') r.type(p + ".permissions", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".permissions", x, 1);
      if (x.length > 16 && r.cp(x) > 16) r.maxLength(p + ".permissions", x, 16);
    }
  }
}
function v87(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 200) r.maxItems(p, v.length, 200);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v88(x, p + '[' + i + ']', r);
  }
}
function v98(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "additionalConfig": case "strict": break; default: if (o[k] !== undefined) r.unknown(p, k, K99); }
  }
  let x: unknown;
  x = o["additionalConfig"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".additionalConfig"); }
    else if (typeof x !== 'string') r.type(p + ".additionalConfig", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".additionalConfig", x, 1);
      if (x.length > 32768 && r.cp(x) > 32768) r.maxLength(p + ".additionalConfig", x, 32768);
    }
  }
  x = o["strict"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".strict"); }
    else if (typeof x !== 'boolean') r.type(p + ".strict", x, 'boolean');
  }
}
function v96(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "containerLinuxConfig": break; default: if (o[k] !== undefined) r.unknown(p, k, K97); }
  }
  let x: unknown;
  x = o["containerLinuxConfig"];
  if (x !== undefined) v98(x, p + ".containerLinuxConfig", r);
}
function v103(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "description": case "expires": case "groups": case "token": case "ttl": case "usages": break; default: if (o[k] !== undefined) r.unknown(p, k, K104); }
  }
  if (o["token"] === undefined) r.required(p, "token");
  let x: unknown;
  x = o["description"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".description"); }
    else if (typeof x !== 'string') r.type(p + ".description", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".description", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".description", x, 512);
    }
  }
  x = o["expires"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".expires"); }
    else if (typeof x !== 'string') r.type(p + ".expires", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".expires", x, 'date-time', true);
    }
  }
  x = o["groups"];
  if (x !== undefined) v82(x, p + ".groups", r);
  x = o["token"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".token"); }
    else if (typeof x !== 'string') r.type(p + ".token", x, 'string');
  }
  x = o["ttl"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".ttl"); }
    else if (typeof x !== 'string') r.type(p + ".ttl", x, 'string');
  }
  x = o["usages"];
  if (x !== undefined) v82(x, p + ".usages", r);
}
function v102(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v103(x, p + '[' + i + ']', r);
  }
}
function v105(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "advertiseAddress": case "bindPort": break; default: if (o[k] !== undefined) r.unknown(p, k, K106); }
  }
  let x: unknown;
  x = o["advertiseAddress"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".advertiseAddress"); }
    else if (typeof x !== 'string') r.type(p + ".advertiseAddress", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".advertiseAddress", x, 1);
      if (x.length > 39 && r.cp(x) > 39) r.maxLength(p + ".advertiseAddress", x, 39);
    }
  }
  x = o["bindPort"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".bindPort"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".bindPort", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".bindPort", x, 'int32');
    }
  }
}
function v111(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "effect": case "key": case "timeAdded": case "value": break; default: if (o[k] !== undefined) r.unknown(p, k, K112); }
  }
  if (o["effect"] === undefined) r.required(p, "effect");
  if (o["key"] === undefined) r.required(p, "key");
  let x: unknown;
  x = o["effect"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".effect"); }
    else if (typeof x !== 'string') r.type(p + ".effect", x, 'string');
  }
  x = o["key"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".key"); }
    else if (typeof x !== 'string') r.type(p + ".key", x, 'string');
  }
  x = o["timeAdded"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".timeAdded"); }
    else if (typeof x !== 'string') r.type(p + ".timeAdded", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".timeAdded", x, 'date-time', true);
    }
  }
  x = o["value"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".value"); }
    else if (typeof x !== 'string') r.type(p + ".value", x, 'string');
  }
}
function v110(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v111(x, p + '[' + i + ']', r);
  }
}
function v107(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "criSocket": case "ignorePreflightErrors": case "imagePullPolicy": case "imagePullSerial": case "kubeletExtraArgs": case "name": case "taints": break; default: if (o[k] !== undefined) r.unknown(p, k, K108); }
  }
  let x: unknown;
  x = o["criSocket"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".criSocket"); }
    else if (typeof x !== 'string') r.type(p + ".criSocket", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".criSocket", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".criSocket", x, 512);
    }
  }
  x = o["ignorePreflightErrors"];
  if (x !== undefined) v71(x, p + ".ignorePreflightErrors", r);
  x = o["imagePullPolicy"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imagePullPolicy"); }
    else if (typeof x !== 'string') r.type(p + ".imagePullPolicy", x, 'string');
    else {
      if (x !== "Always" && x !== "IfNotPresent" && x !== "Never") r.enumv(p + ".imagePullPolicy", x, E109);
    }
  }
  x = o["imagePullSerial"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".imagePullSerial"); }
    else if (typeof x !== 'boolean') r.type(p + ".imagePullSerial", x, 'boolean');
  }
  x = o["kubeletExtraArgs"];
  if (x !== undefined) v11(x, p + ".kubeletExtraArgs", r);
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".name", x, 253);
    }
  }
  x = o["taints"];
  if (x !== undefined) v110(x, p + ".taints", r);
}
function v113(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "directory": break; default: if (o[k] !== undefined) r.unknown(p, k, K114); }
  }
  let x: unknown;
  x = o["directory"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".directory"); }
    else if (typeof x !== 'string') r.type(p + ".directory", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".directory", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".directory", x, 512);
    }
  }
}
function v115(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 50) r.maxItems(p, v.length, 50);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + '[' + i + ']', x, 256);
    }
  }
}
function v100(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "bootstrapTokens": case "kind": case "localAPIEndpoint": case "nodeRegistration": case "patches": case "skipPhases": break; default: if (o[k] !== undefined) r.unknown(p, k, K101); }
  }
  let x: unknown;
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
  }
  x = o["bootstrapTokens"];
  if (x !== undefined) v102(x, p + ".bootstrapTokens", r);
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["localAPIEndpoint"];
  if (x !== undefined) v105(x, p + ".localAPIEndpoint", r);
  x = o["nodeRegistration"];
  if (x !== undefined) v107(x, p + ".nodeRegistration", r);
  x = o["patches"];
  if (x !== undefined) v113(x, p + ".patches", r);
  x = o["skipPhases"];
  if (x !== undefined) v115(x, p + ".skipPhases", r);
}
function v118(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "localAPIEndpoint": break; default: if (o[k] !== undefined) r.unknown(p, k, K119); }
  }
  let x: unknown;
  x = o["localAPIEndpoint"];
  if (x !== undefined) v105(x, p + ".localAPIEndpoint", r);
}
function v124(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + '[' + i + ']', x, 512);
    }
  }
}
function v122(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiServerEndpoint": case "caCertHashes": case "token": case "unsafeSkipCAVerification": break; default: if (o[k] !== undefined) r.unknown(p, k, K123); }
  }
  let x: unknown;
  x = o["apiServerEndpoint"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiServerEndpoint"); }
    else if (typeof x !== 'string') r.type(p + ".apiServerEndpoint", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".apiServerEndpoint", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".apiServerEndpoint", x, 512);
    }
  }
  x = o["caCertHashes"];
  if (x !== undefined) v124(x, p + ".caCertHashes", r);
  x = o["token"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".token"); }
    else if (typeof x !== 'string') r.type(p + ".token", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".token", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".token", x, 512);
    }
  }
  x = o["unsafeSkipCAVerification"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".unsafeSkipCAVerification"); }
    else if (typeof x !== 'boolean') r.type(p + ".unsafeSkipCAVerification", x, 'boolean');
  }
}
function v129(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "certificateAuthorityData": case "insecureSkipTLSVerify": case "proxyURL": case "server": case "tlsServerName": break; default: if (o[k] !== undefined) r.unknown(p, k, K130); }
  }
  let x: unknown;
  x = o["certificateAuthorityData"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".certificateAuthorityData"); }
    else if (typeof x !== 'string') r.type(p + ".certificateAuthorityData", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".certificateAuthorityData", x, 1);
      if (x.length > 51200 && r.cp(x) > 51200) r.maxLength(p + ".certificateAuthorityData", x, 51200);
      if (!r.f.byte(x)) r.format(p + ".certificateAuthorityData", x, 'byte', true);
    }
  }
  x = o["insecureSkipTLSVerify"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".insecureSkipTLSVerify"); }
    else if (typeof x !== 'boolean') r.type(p + ".insecureSkipTLSVerify", x, 'boolean');
  }
  x = o["proxyURL"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".proxyURL"); }
    else if (typeof x !== 'string') r.type(p + ".proxyURL", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".proxyURL", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".proxyURL", x, 512);
    }
  }
  x = o["server"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".server"); }
    else if (typeof x !== 'string') r.type(p + ".server", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".server", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".server", x, 512);
    }
  }
  x = o["tlsServerName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".tlsServerName"); }
    else if (typeof x !== 'string') r.type(p + ".tlsServerName", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".tlsServerName", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".tlsServerName", x, 512);
    }
  }
}
function v133(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "config": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K134); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["config"];
  if (x !== undefined) v11(x, p + ".config", r);
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".name", x, 256);
    }
  }
}
function v138(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "name": case "value": break; default: if (o[k] !== undefined) r.unknown(p, k, K139); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  if (o["value"] === undefined) r.required(p, "value");
  let x: unknown;
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".name", x, 512);
    }
  }
  x = o["value"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".value"); }
    else if (typeof x !== 'string') r.type(p + ".value", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".value", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".value", x, 512);
    }
  }
}
function v137(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v138(x, p + '[' + i + ']', r);
  }
}
function v135(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "args": case "command": case "env": case "provideClusterInfo": break; default: if (o[k] !== undefined) r.unknown(p, k, K136); }
  }
  if (o["command"] === undefined) r.required(p, "command");
  let x: unknown;
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".apiVersion", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".apiVersion", x, 512);
    }
  }
  x = o["args"];
  if (x !== undefined) v124(x, p + ".args", r);
  x = o["command"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".command"); }
    else if (typeof x !== 'string') r.type(p + ".command", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".command", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".command", x, 1024);
    }
  }
  x = o["env"];
  if (x !== undefined) v137(x, p + ".env", r);
  x = o["provideClusterInfo"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".provideClusterInfo"); }
    else if (typeof x !== 'boolean') r.type(p + ".provideClusterInfo", x, 'boolean');
  }
}
function v131(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "authProvider": case "exec": break; default: if (o[k] !== undefined) r.unknown(p, k, K132); }
  }
  let x: unknown;
  x = o["authProvider"];
  if (x !== undefined) v133(x, p + ".authProvider", r);
  x = o["exec"];
  if (x !== undefined) v135(x, p + ".exec", r);
}
function v127(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "cluster": case "user": break; default: if (o[k] !== undefined) r.unknown(p, k, K128); }
  }
  if (o["user"] === undefined) r.required(p, "user");
  let x: unknown;
  x = o["cluster"];
  if (x !== undefined) v129(x, p + ".cluster", r);
  x = o["user"];
  if (x !== undefined) v131(x, p + ".user", r);
}
function v125(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "kubeConfig": case "kubeConfigPath": break; default: if (o[k] !== undefined) r.unknown(p, k, K126); }
  }
  if (o["kubeConfigPath"] === undefined) r.required(p, "kubeConfigPath");
  let x: unknown;
  x = o["kubeConfig"];
  if (x !== undefined) v127(x, p + ".kubeConfig", r);
  x = o["kubeConfigPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kubeConfigPath"); }
    else if (typeof x !== 'string') r.type(p + ".kubeConfigPath", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".kubeConfigPath", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".kubeConfigPath", x, 512);
    }
  }
}
function v120(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "bootstrapToken": case "file": case "timeout": case "tlsBootstrapToken": break; default: if (o[k] !== undefined) r.unknown(p, k, K121); }
  }
  let x: unknown;
  x = o["bootstrapToken"];
  if (x !== undefined) v122(x, p + ".bootstrapToken", r);
  x = o["file"];
  if (x !== undefined) v125(x, p + ".file", r);
  x = o["timeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".timeout"); }
    else if (typeof x !== 'string') r.type(p + ".timeout", x, 'string');
  }
  x = o["tlsBootstrapToken"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".tlsBootstrapToken"); }
    else if (typeof x !== 'string') r.type(p + ".tlsBootstrapToken", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".tlsBootstrapToken", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".tlsBootstrapToken", x, 512);
    }
  }
}
function v116(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "caCertPath": case "controlPlane": case "discovery": case "kind": case "nodeRegistration": case "patches": case "skipPhases": break; default: if (o[k] !== undefined) r.unknown(p, k, K117); }
  }
  let x: unknown;
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
  }
  x = o["caCertPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".caCertPath"); }
    else if (typeof x !== 'string') r.type(p + ".caCertPath", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".caCertPath", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".caCertPath", x, 512);
    }
  }
  x = o["controlPlane"];
  if (x !== undefined) v118(x, p + ".controlPlane", r);
  x = o["discovery"];
  if (x !== undefined) v120(x, p + ".discovery", r);
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["nodeRegistration"];
  if (x !== undefined) v107(x, p + ".nodeRegistration", r);
  x = o["patches"];
  if (x !== undefined) v113(x, p + ".patches", r);
  x = o["skipPhases"];
  if (x !== undefined) v115(x, p + ".skipPhases", r);
}
function v141(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + '[' + i + ']', x, 512);
    }
  }
}
function v140(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v141(x, p + '[' + i + ']', r);
  }
}
function v142(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "enabled": case "servers": break; default: if (o[k] !== undefined) r.unknown(p, k, K143); }
  }
  let x: unknown;
  x = o["enabled"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".enabled"); }
    else if (typeof x !== 'boolean') r.type(p + ".enabled", x, 'boolean');
  }
  x = o["servers"];
  if (x !== undefined) v124(x, p + ".servers", r);
}
function v147(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 2048 && r.cp(x) > 2048) r.maxLength(p + '[' + i + ']', x, 2048);
    }
  }
}
function v145(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "gecos": case "groups": case "homeDir": case "inactive": case "lockPassword": case "name": case "passwd": case "passwdFrom": case "primaryGroup": case "shell": case "sshAuthorizedKeys": case "sudo": break; default: if (o[k] !== undefined) r.unknown(p, k, K146); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["gecos"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".gecos"); }
    else if (typeof x !== 'string') r.type(p + ".gecos", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".gecos", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".gecos", x, 256);
    }
  }
  x = o["groups"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".groups"); }
    else if (typeof x !== 'string') r.type(p + ".groups", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".groups", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".groups", x, 256);
    }
  }
  x = o["homeDir"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".homeDir"); }
    else if (typeof x !== 'string') r.type(p + ".homeDir", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".homeDir", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".homeDir", x, 256);
    }
  }
  x = o["inactive"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".inactive"); }
    else if (typeof x !== 'boolean') r.type(p + ".inactive", x, 'boolean');
  }
  x = o["lockPassword"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".lockPassword"); }
    else if (typeof x !== 'boolean') r.type(p + ".lockPassword", x, 'boolean');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".name", x, 256);
    }
  }
  x = o["passwd"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".passwd"); }
    else if (typeof x !== 'string') r.type(p + ".passwd", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".passwd", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".passwd", x, 256);
    }
  }
  x = o["passwdFrom"];
  if (x !== undefined) v90(x, p + ".passwdFrom", r);
  x = o["primaryGroup"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".primaryGroup"); }
    else if (typeof x !== 'string') r.type(p + ".primaryGroup", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".primaryGroup", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".primaryGroup", x, 256);
    }
  }
  x = o["shell"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".shell"); }
    else if (typeof x !== 'string') r.type(p + ".shell", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".shell", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".shell", x, 256);
    }
  }
  x = o["sshAuthorizedKeys"];
  if (x !== undefined) v147(x, p + ".sshAuthorizedKeys", r);
  x = o["sudo"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".sudo"); }
    else if (typeof x !== 'string') r.type(p + ".sudo", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".sudo", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".sudo", x, 256);
    }
  }
}
function v144(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v145(x, p + '[' + i + ']', r);
  }
}
function v39(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "bootCommands": case "clusterConfiguration": case "diskSetup": case "files": case "format": case "ignition": case "initConfiguration": case "joinConfiguration": case "mounts": case "ntp": case "postKubeadmCommands": case "preKubeadmCommands": case "useExperimentalRetryJoin": case "users": case "verbosity": break; default: if (o[k] !== undefined) r.unknown(p, k, K40); }
  }
  let x: unknown;
  x = o["bootCommands"];
  if (x !== undefined) v41(x, p + ".bootCommands", r);
  x = o["clusterConfiguration"];
  if (x !== undefined) v42(x, p + ".clusterConfiguration", r);
  x = o["diskSetup"];
  if (x !== undefined) v77(x, p + ".diskSetup", r);
  x = o["files"];
  if (x !== undefined) v87(x, p + ".files", r);
  x = o["format"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".format"); }
    else if (typeof x !== 'string') r.type(p + ".format", x, 'string');
    else {
      if (x !== "cloud-config" && x !== "ignition") r.enumv(p + ".format", x, E95);
    }
  }
  x = o["ignition"];
  if (x !== undefined) v96(x, p + ".ignition", r);
  x = o["initConfiguration"];
  if (x !== undefined) v100(x, p + ".initConfiguration", r);
  x = o["joinConfiguration"];
  if (x !== undefined) v116(x, p + ".joinConfiguration", r);
  x = o["mounts"];
  if (x !== undefined) v140(x, p + ".mounts", r);
  x = o["ntp"];
  if (x !== undefined) v142(x, p + ".ntp", r);
  x = o["postKubeadmCommands"];
  if (x !== undefined) v41(x, p + ".postKubeadmCommands", r);
  x = o["preKubeadmCommands"];
  if (x !== undefined) v41(x, p + ".preKubeadmCommands", r);
  x = o["useExperimentalRetryJoin"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".useExperimentalRetryJoin"); }
    else if (typeof x !== 'boolean') r.type(p + ".useExperimentalRetryJoin", x, 'boolean');
  }
  x = o["users"];
  if (x !== undefined) v144(x, p + ".users", r);
  x = o["verbosity"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".verbosity"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".verbosity", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".verbosity", x, 'int32');
    }
  }
}
function v35(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown(p, k, K36); }
  }
  let x: unknown;
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["spec"];
  if (x !== undefined) v39(x, p + ".spec", r);
}
function v33(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K34); }
  }
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["template"];
  if (x !== undefined) v35(x, p + ".template", r);
}
function root31(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown("", k, K32); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v33(x, "spec", r);
}
function d157(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["name"];
  if (x === undefined) (c ??= { ...o })["name"] = D158;
  return c ?? o;
}
function d156(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["configMapKeyRef"];
  if (x !== undefined) { y = d157(x); if (y !== x) (c ??= { ...o })["configMapKeyRef"] = y; }
  x = o["secretKeyRef"];
  if (x !== undefined) { y = d157(x); if (y !== x) (c ??= { ...o })["secretKeyRef"] = y; }
  return c ?? o;
}
function d155(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["valueFrom"];
  if (x !== undefined) { y = d156(x); if (y !== x) (c ??= { ...o })["valueFrom"] = y; }
  return c ?? o;
}
function d154(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  let c: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const y = d155(x);
    if (y !== x) (c ??= v.slice())[i] = y;
  }
  return c ?? v;
}
function d153(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["extraEnvs"];
  if (x !== undefined) { y = d154(x); if (y !== x) (c ??= { ...o })["extraEnvs"] = y; }
  return c ?? o;
}
function d159(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["extraEnvs"];
  if (x !== undefined) { y = d154(x); if (y !== x) (c ??= { ...o })["extraEnvs"] = y; }
  return c ?? o;
}
function d161(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["extraEnvs"];
  if (x !== undefined) { y = d154(x); if (y !== x) (c ??= { ...o })["extraEnvs"] = y; }
  return c ?? o;
}
function d160(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["local"];
  if (x !== undefined) { y = d161(x); if (y !== x) (c ??= { ...o })["local"] = y; }
  return c ?? o;
}
function d152(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["apiServer"];
  if (x !== undefined) { y = d153(x); if (y !== x) (c ??= { ...o })["apiServer"] = y; }
  x = o["controllerManager"];
  if (x !== undefined) { y = d159(x); if (y !== x) (c ??= { ...o })["controllerManager"] = y; }
  x = o["etcd"];
  if (x !== undefined) { y = d160(x); if (y !== x) (c ??= { ...o })["etcd"] = y; }
  x = o["scheduler"];
  if (x !== undefined) { y = d159(x); if (y !== x) (c ??= { ...o })["scheduler"] = y; }
  return c ?? o;
}
function d151(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["clusterConfiguration"];
  if (x !== undefined) { y = d152(x); if (y !== x) (c ??= { ...o })["clusterConfiguration"] = y; }
  return c ?? o;
}
function d150(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d151(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function d149(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["template"];
  if (x !== undefined) { y = d150(x); if (y !== x) (c ??= { ...o })["template"] = y; }
  return c ?? o;
}
function d148(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d149(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function v166(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditionType": case "polarity": break; default: if (o[k] !== undefined) r.unknown(p, k, K167); }
  }
  if (o["conditionType"] === undefined) r.required(p, "conditionType");
  let x: unknown;
  x = o["conditionType"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".conditionType"); }
    else if (typeof x !== 'string') r.type(p + ".conditionType", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".conditionType", x, 1);
      if (x.length > 316 && r.cp(x) > 316) r.maxLength(p + ".conditionType", x, 316);
      if (!P29.test(x)) r.pattern(p + ".conditionType", x, "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$");
    }
  }
  x = o["polarity"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".polarity"); }
    else if (typeof x !== 'string') r.type(p + ".polarity", x, 'string');
    else {
      if (x !== "Positive" && x !== "Negative") r.enumv(p + ".polarity", x, E168);
    }
  }
}
function v165(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 32) r.maxItems(p, v.length, 32);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v166(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K169);
}
function v174(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'string' && (typeof v !== 'number' || !Number.isInteger(v))) { r.type(p, v, 'integer or string'); return; }
}
function v175(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "fieldPath": case "kind": case "name": case "namespace": case "resourceVersion": case "uid": break; default: if (o[k] !== undefined) r.unknown(p, k, K176); }
  }
  let x: unknown;
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
  }
  x = o["fieldPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".fieldPath"); }
    else if (typeof x !== 'string') r.type(p + ".fieldPath", x, 'string');
  }
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  x = o["namespace"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".namespace"); }
    else if (typeof x !== 'string') r.type(p + ".namespace", x, 'string');
  }
  x = o["resourceVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".resourceVersion"); }
    else if (typeof x !== 'string') r.type(p + ".resourceVersion", x, 'string');
  }
  x = o["uid"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".uid"); }
    else if (typeof x !== 'string') r.type(p + ".uid", x, 'string');
  }
}
function v178(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "status": case "timeout": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K179); }
  }
  if (o["status"] === undefined) r.required(p, "status");
  if (o["timeout"] === undefined) r.required(p, "timeout");
  if (o["type"] === undefined) r.required(p, "type");
  let x: unknown;
  x = o["status"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".status"); }
    else if (typeof x !== 'string') r.type(p + ".status", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".status", x, 1);
    }
  }
  x = o["timeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".timeout"); }
    else if (typeof x !== 'string') r.type(p + ".timeout", x, 'string');
  }
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".type", x, 1);
    }
  }
}
function v177(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v178(x, p + '[' + i + ']', r);
  }
}
function v172(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "maxUnhealthy": case "nodeStartupTimeout": case "remediationTemplate": case "unhealthyConditions": case "unhealthyRange": break; default: if (o[k] !== undefined) r.unknown(p, k, K173); }
  }
  let x: unknown;
  x = o["maxUnhealthy"];
  if (x !== undefined) v174(x, p + ".maxUnhealthy", r);
  x = o["nodeStartupTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeStartupTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeStartupTimeout", x, 'string');
  }
  x = o["remediationTemplate"];
  if (x !== undefined) v175(x, p + ".remediationTemplate", r);
  x = o["unhealthyConditions"];
  if (x !== undefined) v177(x, p + ".unhealthyConditions", r);
  x = o["unhealthyRange"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".unhealthyRange"); }
    else if (typeof x !== 'string') r.type(p + ".unhealthyRange", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".unhealthyRange", x, 1);
      if (x.length > 32 && r.cp(x) > 32) r.maxLength(p + ".unhealthyRange", x, 32);
      if (!P180.test(x)) r.pattern(p + ".unhealthyRange", x, "^\\[[0-9]+-[0-9]+\\]$");
    }
  }
}
function v181(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "ref": break; default: if (o[k] !== undefined) r.unknown(p, k, K182); }
  }
  if (o["ref"] === undefined) r.required(p, "ref");
  let x: unknown;
  x = o["ref"];
  if (x !== undefined) v175(x, p + ".ref", r);
}
function v183(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K34); }
  }
  let x: unknown;
  x = o["template"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".template"); }
    else if (typeof x !== 'string') r.type(p + ".template", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".template", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".template", x, 1024);
    }
  }
}
function v170(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "machineHealthCheck": case "machineInfrastructure": case "metadata": case "namingStrategy": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "readinessGates": case "ref": break; default: if (o[k] !== undefined) r.unknown(p, k, K171); }
  }
  if (o["ref"] === undefined) r.required(p, "ref");
  let x: unknown;
  x = o["machineHealthCheck"];
  if (x !== undefined) v172(x, p + ".machineHealthCheck", r);
  x = o["machineInfrastructure"];
  if (x !== undefined) v181(x, p + ".machineInfrastructure", r);
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["namingStrategy"];
  if (x !== undefined) v183(x, p + ".namingStrategy", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["readinessGates"];
  if (x !== undefined) v165(x, p + ".readinessGates", r);
  x = o["ref"];
  if (x !== undefined) v175(x, p + ".ref", r);
}
function v194(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
}
function v195(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": case "variable": break; default: if (o[k] !== undefined) r.unknown(p, k, K196); }
  }
  let x: unknown;
  x = o["template"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".template"); }
    else if (typeof x !== 'string') r.type(p + ".template", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".template", x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + ".template", x, 10240);
    }
  }
  x = o["variable"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".variable"); }
    else if (typeof x !== 'string') r.type(p + ".variable", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".variable", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".variable", x, 256);
    }
  }
}
function v191(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "op": case "path": case "value": case "valueFrom": break; default: if (o[k] !== undefined) r.unknown(p, k, K192); }
  }
  if (o["op"] === undefined) r.required(p, "op");
  if (o["path"] === undefined) r.required(p, "path");
  let x: unknown;
  x = o["op"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".op"); }
    else if (typeof x !== 'string') r.type(p + ".op", x, 'string');
    else {
      if (x !== "add" && x !== "replace" && x !== "remove") r.enumv(p + ".op", x, E193);
    }
  }
  x = o["path"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".path"); }
    else if (typeof x !== 'string') r.type(p + ".path", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".path", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".path", x, 512);
    }
  }
  x = o["value"];
  if (x !== undefined) v194(x, p + ".value", r);
  x = o["valueFrom"];
  if (x !== undefined) v195(x, p + ".valueFrom", r);
}
function v190(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v191(x, p + '[' + i + ']', r);
  }
}
function v201(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "names": break; default: if (o[k] !== undefined) r.unknown(p, k, K202); }
  }
  let x: unknown;
  x = o["names"];
  if (x !== undefined) v82(x, p + ".names", r);
}
function v199(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "controlPlane": case "infrastructureCluster": case "machineDeploymentClass": case "machinePoolClass": break; default: if (o[k] !== undefined) r.unknown(p, k, K200); }
  }
  let x: unknown;
  x = o["controlPlane"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".controlPlane"); }
    else if (typeof x !== 'boolean') r.type(p + ".controlPlane", x, 'boolean');
  }
  x = o["infrastructureCluster"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".infrastructureCluster"); }
    else if (typeof x !== 'boolean') r.type(p + ".infrastructureCluster", x, 'boolean');
  }
  x = o["machineDeploymentClass"];
  if (x !== undefined) v201(x, p + ".machineDeploymentClass", r);
  x = o["machinePoolClass"];
  if (x !== undefined) v201(x, p + ".machinePoolClass", r);
}
function v197(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "matchResources": break; default: if (o[k] !== undefined) r.unknown(p, k, K198); }
  }
  if (o["apiVersion"] === undefined) r.required(p, "apiVersion");
  if (o["kind"] === undefined) r.required(p, "kind");
  if (o["matchResources"] === undefined) r.required(p, "matchResources");
  let x: unknown;
  x = o["apiVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiVersion"); }
    else if (typeof x !== 'string') r.type(p + ".apiVersion", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".apiVersion", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".apiVersion", x, 512);
    }
  }
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".kind", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".kind", x, 256);
    }
  }
  x = o["matchResources"];
  if (x !== undefined) v199(x, p + ".matchResources", r);
}
function v188(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "jsonPatches": case "selector": break; default: if (o[k] !== undefined) r.unknown(p, k, K189); }
  }
  if (o["jsonPatches"] === undefined) r.required(p, "jsonPatches");
  if (o["selector"] === undefined) r.required(p, "selector");
  let x: unknown;
  x = o["jsonPatches"];
  if (x !== undefined) v190(x, p + ".jsonPatches", r);
  x = o["selector"];
  if (x !== undefined) v197(x, p + ".selector", r);
}
function v187(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v188(x, p + '[' + i + ']', r);
  }
}
function v203(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "discoverVariablesExtension": case "generateExtension": case "settings": case "validateExtension": break; default: if (o[k] !== undefined) r.unknown(p, k, K204); }
  }
  let x: unknown;
  x = o["discoverVariablesExtension"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".discoverVariablesExtension"); }
    else if (typeof x !== 'string') r.type(p + ".discoverVariablesExtension", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".discoverVariablesExtension", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".discoverVariablesExtension", x, 512);
    }
  }
  x = o["generateExtension"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".generateExtension"); }
    else if (typeof x !== 'string') r.type(p + ".generateExtension", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".generateExtension", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".generateExtension", x, 512);
    }
  }
  x = o["settings"];
  if (x !== undefined) v11(x, p + ".settings", r);
  x = o["validateExtension"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".validateExtension"); }
    else if (typeof x !== 'string') r.type(p + ".validateExtension", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".validateExtension", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".validateExtension", x, 512);
    }
  }
}
function v185(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "definitions": case "description": case "enabledIf": case "external": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K186); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["definitions"];
  if (x !== undefined) v187(x, p + ".definitions", r);
  x = o["description"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".description"); }
    else if (typeof x !== 'string') r.type(p + ".description", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".description", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".description", x, 1024);
    }
  }
  x = o["enabledIf"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".enabledIf"); }
    else if (typeof x !== 'string') r.type(p + ".enabledIf", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".enabledIf", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".enabledIf", x, 256);
    }
  }
  x = o["external"];
  if (x !== undefined) v203(x, p + ".external", r);
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".name", x, 256);
    }
  }
}
function v184(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 1000) r.maxItems(p, v.length, 1000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v185(x, p + '[' + i + ']', r);
  }
}
function v212(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v194(x, p + '[' + i + ']', r);
  }
}
function v213(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 1000) r.maxItems(p, v.length, 1000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + '[' + i + ']', x, 256);
    }
  }
}
function v216(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "fieldPath": case "message": case "messageExpression": case "reason": case "rule": break; default: if (o[k] !== undefined) r.unknown(p, k, K217); }
  }
  if (o["rule"] === undefined) r.required(p, "rule");
  let x: unknown;
  x = o["fieldPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".fieldPath"); }
    else if (typeof x !== 'string') r.type(p + ".fieldPath", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".fieldPath", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".fieldPath", x, 512);
    }
  }
  x = o["message"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".message"); }
    else if (typeof x !== 'string') r.type(p + ".message", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".message", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".message", x, 512);
    }
  }
  x = o["messageExpression"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".messageExpression"); }
    else if (typeof x !== 'string') r.type(p + ".messageExpression", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".messageExpression", x, 1);
      if (x.length > 1024 && r.cp(x) > 1024) r.maxLength(p + ".messageExpression", x, 1024);
    }
  }
  x = o["reason"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".reason"); }
    else if (typeof x !== 'string') r.type(p + ".reason", x, 'string');
    else {
      if (x !== "FieldValueInvalid" && x !== "FieldValueForbidden" && x !== "FieldValueRequired" && x !== "FieldValueDuplicate") r.enumv(p + ".reason", x, E218);
    }
  }
  x = o["rule"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".rule"); }
    else if (typeof x !== 'string') r.type(p + ".rule", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".rule", x, 1);
      if (x.length > 4096 && r.cp(x) > 4096) r.maxLength(p + ".rule", x, 4096);
    }
  }
}
function v215(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v216(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K219);
}
function v210(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "additionalProperties": case "allOf": case "anyOf": case "default": case "description": case "enum": case "example": case "exclusiveMaximum": case "exclusiveMinimum": case "format": case "items": case "maxItems": case "maxLength": case "maxProperties": case "maximum": case "minItems": case "minLength": case "minProperties": case "minimum": case "not": case "oneOf": case "pattern": case "properties": case "required": case "type": case "uniqueItems": case "x-kubernetes-int-or-string": case "x-kubernetes-preserve-unknown-fields": case "x-kubernetes-validations": case "x-metadata": break; default: if (o[k] !== undefined) r.unknown(p, k, K211); }
  }
  let x: unknown;
  x = o["additionalProperties"];
  if (x !== undefined) v194(x, p + ".additionalProperties", r);
  x = o["allOf"];
  if (x !== undefined) v194(x, p + ".allOf", r);
  x = o["anyOf"];
  if (x !== undefined) v194(x, p + ".anyOf", r);
  x = o["default"];
  if (x !== undefined) v194(x, p + ".default", r);
  x = o["description"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".description"); }
    else if (typeof x !== 'string') r.type(p + ".description", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".description", x, 1);
      if (x.length > 4096 && r.cp(x) > 4096) r.maxLength(p + ".description", x, 4096);
    }
  }
  x = o["enum"];
  if (x !== undefined) v212(x, p + ".enum", r);
  x = o["example"];
  if (x !== undefined) v194(x, p + ".example", r);
  x = o["exclusiveMaximum"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".exclusiveMaximum"); }
    else if (typeof x !== 'boolean') r.type(p + ".exclusiveMaximum", x, 'boolean');
  }
  x = o["exclusiveMinimum"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".exclusiveMinimum"); }
    else if (typeof x !== 'boolean') r.type(p + ".exclusiveMinimum", x, 'boolean');
  }
  x = o["format"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".format"); }
    else if (typeof x !== 'string') r.type(p + ".format", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".format", x, 1);
      if (x.length > 32 && r.cp(x) > 32) r.maxLength(p + ".format", x, 32);
    }
  }
  x = o["items"];
  if (x !== undefined) v194(x, p + ".items", r);
  x = o["maxItems"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".maxItems"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".maxItems", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".maxItems", x, 'int64');
    }
  }
  x = o["maxLength"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".maxLength"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".maxLength", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".maxLength", x, 'int64');
    }
  }
  x = o["maxProperties"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".maxProperties"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".maxProperties", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".maxProperties", x, 'int64');
    }
  }
  x = o["maximum"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".maximum"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".maximum", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".maximum", x, 'int64');
    }
  }
  x = o["minItems"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minItems"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minItems", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".minItems", x, 'int64');
    }
  }
  x = o["minLength"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minLength"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minLength", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".minLength", x, 'int64');
    }
  }
  x = o["minProperties"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minProperties"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minProperties", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".minProperties", x, 'int64');
    }
  }
  x = o["minimum"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minimum"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minimum", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".minimum", x, 'int64');
    }
  }
  x = o["not"];
  if (x !== undefined) v194(x, p + ".not", r);
  x = o["oneOf"];
  if (x !== undefined) v194(x, p + ".oneOf", r);
  x = o["pattern"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".pattern"); }
    else if (typeof x !== 'string') r.type(p + ".pattern", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".pattern", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".pattern", x, 512);
    }
  }
  x = o["properties"];
  if (x !== undefined) v194(x, p + ".properties", r);
  x = o["required"];
  if (x !== undefined) v213(x, p + ".required", r);
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (!r.inEnum(x, E214)) r.enumv(p + ".type", x, E214);
    }
  }
  x = o["uniqueItems"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".uniqueItems"); }
    else if (typeof x !== 'boolean') r.type(p + ".uniqueItems", x, 'boolean');
  }
  x = o["x-kubernetes-int-or-string"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".x-kubernetes-int-or-string"); }
    else if (typeof x !== 'boolean') r.type(p + ".x-kubernetes-int-or-string", x, 'boolean');
  }
  x = o["x-kubernetes-preserve-unknown-fields"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".x-kubernetes-preserve-unknown-fields"); }
    else if (typeof x !== 'boolean') r.type(p + ".x-kubernetes-preserve-unknown-fields", x, 'boolean');
  }
  x = o["x-kubernetes-validations"];
  if (x !== undefined) v215(x, p + ".x-kubernetes-validations", r);
  x = o["x-metadata"];
  if (x !== undefined) v37(x, p + ".x-metadata", r);
}
function v208(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "openAPIV3Schema": break; default: if (o[k] !== undefined) r.unknown(p, k, K209); }
  }
  if (o["openAPIV3Schema"] === undefined) r.required(p, "openAPIV3Schema");
  let x: unknown;
  x = o["openAPIV3Schema"];
  if (x !== undefined) v210(x, p + ".openAPIV3Schema", r);
}
function v206(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "metadata": case "name": case "required": case "schema": break; default: if (o[k] !== undefined) r.unknown(p, k, K207); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  if (o["required"] === undefined) r.required(p, "required");
  if (o["schema"] === undefined) r.required(p, "schema");
  let x: unknown;
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".name", x, 256);
    }
  }
  x = o["required"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".required"); }
    else if (typeof x !== 'boolean') r.type(p + ".required", x, 'boolean');
  }
  x = o["schema"];
  if (x !== undefined) v208(x, p + ".schema", r);
}
function v205(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 1000) r.maxItems(p, v.length, 1000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v206(x, p + '[' + i + ']', r);
  }
}
function v227(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "maxInFlight": break; default: if (o[k] !== undefined) r.unknown(p, k, K228); }
  }
  let x: unknown;
  x = o["maxInFlight"];
  if (x !== undefined) v174(x, p + ".maxInFlight", r);
}
function v229(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "deletePolicy": case "maxSurge": case "maxUnavailable": break; default: if (o[k] !== undefined) r.unknown(p, k, K230); }
  }
  let x: unknown;
  x = o["deletePolicy"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".deletePolicy"); }
    else if (typeof x !== 'string') r.type(p + ".deletePolicy", x, 'string');
    else {
      if (x !== "Random" && x !== "Newest" && x !== "Oldest") r.enumv(p + ".deletePolicy", x, E231);
    }
  }
  x = o["maxSurge"];
  if (x !== undefined) v174(x, p + ".maxSurge", r);
  x = o["maxUnavailable"];
  if (x !== undefined) v174(x, p + ".maxUnavailable", r);
}
function v225(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "remediation": case "rollingUpdate": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K226); }
  }
  let x: unknown;
  x = o["remediation"];
  if (x !== undefined) v227(x, p + ".remediation", r);
  x = o["rollingUpdate"];
  if (x !== undefined) v229(x, p + ".rollingUpdate", r);
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (x !== "RollingUpdate" && x !== "OnDelete") r.enumv(p + ".type", x, E232);
    }
  }
}
function v233(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "bootstrap": case "infrastructure": case "metadata": break; default: if (o[k] !== undefined) r.unknown(p, k, K234); }
  }
  if (o["bootstrap"] === undefined) r.required(p, "bootstrap");
  if (o["infrastructure"] === undefined) r.required(p, "infrastructure");
  let x: unknown;
  x = o["bootstrap"];
  if (x !== undefined) v181(x, p + ".bootstrap", r);
  x = o["infrastructure"];
  if (x !== undefined) v181(x, p + ".infrastructure", r);
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
}
function v223(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "class": case "failureDomain": case "machineHealthCheck": case "minReadySeconds": case "namingStrategy": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "readinessGates": case "strategy": case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K224); }
  }
  if (o["class"] === undefined) r.required(p, "class");
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["class"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".class"); }
    else if (typeof x !== 'string') r.type(p + ".class", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".class", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".class", x, 256);
    }
  }
  x = o["failureDomain"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureDomain"); }
    else if (typeof x !== 'string') r.type(p + ".failureDomain", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".failureDomain", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".failureDomain", x, 256);
    }
  }
  x = o["machineHealthCheck"];
  if (x !== undefined) v172(x, p + ".machineHealthCheck", r);
  x = o["minReadySeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minReadySeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minReadySeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".minReadySeconds", x, 'int32');
    }
  }
  x = o["namingStrategy"];
  if (x !== undefined) v183(x, p + ".namingStrategy", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["readinessGates"];
  if (x !== undefined) v165(x, p + ".readinessGates", r);
  x = o["strategy"];
  if (x !== undefined) v225(x, p + ".strategy", r);
  x = o["template"];
  if (x !== undefined) v233(x, p + ".template", r);
}
function v222(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v223(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K235);
}
function v237(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "class": case "failureDomains": case "minReadySeconds": case "namingStrategy": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K238); }
  }
  if (o["class"] === undefined) r.required(p, "class");
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["class"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".class"); }
    else if (typeof x !== 'string') r.type(p + ".class", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".class", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".class", x, 256);
    }
  }
  x = o["failureDomains"];
  if (x !== undefined) v82(x, p + ".failureDomains", r);
  x = o["minReadySeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minReadySeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minReadySeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".minReadySeconds", x, 'int32');
    }
  }
  x = o["namingStrategy"];
  if (x !== undefined) v183(x, p + ".namingStrategy", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["template"];
  if (x !== undefined) v233(x, p + ".template", r);
}
function v236(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v237(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K235);
}
function v220(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "machineDeployments": case "machinePools": break; default: if (o[k] !== undefined) r.unknown(p, k, K221); }
  }
  let x: unknown;
  x = o["machineDeployments"];
  if (x !== undefined) v222(x, p + ".machineDeployments", r);
  x = o["machinePools"];
  if (x !== undefined) v236(x, p + ".machinePools", r);
}
function v163(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "availabilityGates": case "controlPlane": case "infrastructure": case "infrastructureNamingStrategy": case "patches": case "variables": case "workers": break; default: if (o[k] !== undefined) r.unknown(p, k, K164); }
  }
  let x: unknown;
  x = o["availabilityGates"];
  if (x !== undefined) v165(x, p + ".availabilityGates", r);
  x = o["controlPlane"];
  if (x !== undefined) v170(x, p + ".controlPlane", r);
  x = o["infrastructure"];
  if (x !== undefined) v181(x, p + ".infrastructure", r);
  x = o["infrastructureNamingStrategy"];
  if (x !== undefined) v183(x, p + ".infrastructureNamingStrategy", r);
  x = o["patches"];
  if (x !== undefined) v184(x, p + ".patches", r);
  x = o["variables"];
  if (x !== undefined) v205(x, p + ".variables", r);
  x = o["workers"];
  if (x !== undefined) v220(x, p + ".workers", r);
}
function v245(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "from": case "metadata": case "required": case "schema": break; default: if (o[k] !== undefined) r.unknown(p, k, K246); }
  }
  if (o["from"] === undefined) r.required(p, "from");
  if (o["required"] === undefined) r.required(p, "required");
  if (o["schema"] === undefined) r.required(p, "schema");
  let x: unknown;
  x = o["from"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".from"); }
    else if (typeof x !== 'string') r.type(p + ".from", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".from", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".from", x, 256);
    }
  }
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["required"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".required"); }
    else if (typeof x !== 'boolean') r.type(p + ".required", x, 'boolean');
  }
  x = o["schema"];
  if (x !== undefined) v208(x, p + ".schema", r);
}
function v244(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v245(x, p + '[' + i + ']', r);
  }
}
function v242(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "definitions": case "definitionsConflict": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K243); }
  }
  if (o["definitions"] === undefined) r.required(p, "definitions");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["definitions"];
  if (x !== undefined) v244(x, p + ".definitions", r);
  x = o["definitionsConflict"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".definitionsConflict"); }
    else if (typeof x !== 'boolean') r.type(p + ".definitionsConflict", x, 'boolean');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".name", x, 256);
    }
  }
}
function v241(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 1000) r.maxItems(p, v.length, 1000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v242(x, p + '[' + i + ']', r);
  }
}
function v239(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "observedGeneration": case "v1beta2": case "variables": break; default: if (o[k] !== undefined) r.unknown(p, k, K240); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["v1beta2"];
  if (x !== undefined) v22(x, p + ".v1beta2", r);
  x = o["variables"];
  if (x !== undefined) v241(x, p + ".variables", r);
}
function root162(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v163(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v239(x, "status", r);
}
function d254(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["reason"];
  if (x === undefined) (c ??= { ...o })["reason"] = D255;
  return c ?? o;
}
function d253(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  let c: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const y = d254(x);
    if (y !== x) (c ??= v.slice())[i] = y;
  }
  return c ?? v;
}
function d252(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["x-kubernetes-validations"];
  if (x !== undefined) { y = d253(x); if (y !== x) (c ??= { ...o })["x-kubernetes-validations"] = y; }
  return c ?? o;
}
function d251(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["openAPIV3Schema"];
  if (x !== undefined) { y = d252(x); if (y !== x) (c ??= { ...o })["openAPIV3Schema"] = y; }
  return c ?? o;
}
function d250(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["schema"];
  if (x !== undefined) { y = d251(x); if (y !== x) (c ??= { ...o })["schema"] = y; }
  return c ?? o;
}
function d249(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  let c: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const y = d250(x);
    if (y !== x) (c ??= v.slice())[i] = y;
  }
  return c ?? v;
}
function d248(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["variables"];
  if (x !== undefined) { y = d249(x); if (y !== x) (c ??= { ...o })["variables"] = y; }
  return c ?? o;
}
function d260(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["schema"];
  if (x !== undefined) { y = d251(x); if (y !== x) (c ??= { ...o })["schema"] = y; }
  return c ?? o;
}
function d259(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  let c: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const y = d260(x);
    if (y !== x) (c ??= v.slice())[i] = y;
  }
  return c ?? v;
}
function d258(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["definitions"];
  if (x !== undefined) { y = d259(x); if (y !== x) (c ??= { ...o })["definitions"] = y; }
  return c ?? o;
}
function d257(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  let c: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const y = d258(x);
    if (y !== x) (c ??= v.slice())[i] = y;
  }
  return c ?? v;
}
function d256(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["variables"];
  if (x !== undefined) { y = d257(x); if (y !== x) (c ??= { ...o })["variables"] = y; }
  return c ?? o;
}
function d247(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d248(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  x = o["status"];
  if (x !== undefined) { y = d256(x); if (y !== x) (c ??= { ...o })["status"] = y; }
  return c ?? o;
}
function v268(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 100) r.maxItems(p, v.length, 100);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 43 && r.cp(x) > 43) r.maxLength(p + '[' + i + ']', x, 43);
    }
  }
}
function v266(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "cidrBlocks": break; default: if (o[k] !== undefined) r.unknown(p, k, K267); }
  }
  if (o["cidrBlocks"] === undefined) r.required(p, "cidrBlocks");
  let x: unknown;
  x = o["cidrBlocks"];
  if (x !== undefined) v268(x, p + ".cidrBlocks", r);
}
function v264(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiServerPort": case "pods": case "serviceDomain": case "services": break; default: if (o[k] !== undefined) r.unknown(p, k, K265); }
  }
  let x: unknown;
  x = o["apiServerPort"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiServerPort"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".apiServerPort", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".apiServerPort", x, 'int32');
    }
  }
  x = o["pods"];
  if (x !== undefined) v266(x, p + ".pods", r);
  x = o["serviceDomain"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".serviceDomain"); }
    else if (typeof x !== 'string') r.type(p + ".serviceDomain", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".serviceDomain", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".serviceDomain", x, 253);
    }
  }
  x = o["services"];
  if (x !== undefined) v266(x, p + ".services", r);
}
function v269(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "host": case "port": break; default: if (o[k] !== undefined) r.unknown(p, k, K270); }
  }
  if (o["host"] === undefined) r.required(p, "host");
  if (o["port"] === undefined) r.required(p, "port");
  let x: unknown;
  x = o["host"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".host"); }
    else if (typeof x !== 'string') r.type(p + ".host", x, 'string');
    else {
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".host", x, 512);
    }
  }
  x = o["port"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".port"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".port", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".port", x, 'int32');
    }
  }
}
function v276(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "enable": case "maxUnhealthy": case "nodeStartupTimeout": case "remediationTemplate": case "unhealthyConditions": case "unhealthyRange": break; default: if (o[k] !== undefined) r.unknown(p, k, K277); }
  }
  let x: unknown;
  x = o["enable"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".enable"); }
    else if (typeof x !== 'boolean') r.type(p + ".enable", x, 'boolean');
  }
  x = o["maxUnhealthy"];
  if (x !== undefined) v174(x, p + ".maxUnhealthy", r);
  x = o["nodeStartupTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeStartupTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeStartupTimeout", x, 'string');
  }
  x = o["remediationTemplate"];
  if (x !== undefined) v175(x, p + ".remediationTemplate", r);
  x = o["unhealthyConditions"];
  if (x !== undefined) v177(x, p + ".unhealthyConditions", r);
  x = o["unhealthyRange"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".unhealthyRange"); }
    else if (typeof x !== 'string') r.type(p + ".unhealthyRange", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".unhealthyRange", x, 1);
      if (x.length > 32 && r.cp(x) > 32) r.maxLength(p + ".unhealthyRange", x, 32);
      if (!P180.test(x)) r.pattern(p + ".unhealthyRange", x, "^\\[[0-9]+-[0-9]+\\]$");
    }
  }
}
function v281(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "definitionFrom": case "name": case "value": break; default: if (o[k] !== undefined) r.unknown(p, k, K282); }
  }
  if (o["name"] === undefined) r.required(p, "name");
  if (o["value"] === undefined) r.required(p, "value");
  let x: unknown;
  x = o["definitionFrom"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".definitionFrom"); }
    else if (typeof x !== 'string') r.type(p + ".definitionFrom", x, 'string');
    else {
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".definitionFrom", x, 256);
    }
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".name", x, 256);
    }
  }
  x = o["value"];
  if (x !== undefined) v194(x, p + ".value", r);
}
function v280(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 1000) r.maxItems(p, v.length, 1000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v281(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K283);
}
function v278(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "overrides": break; default: if (o[k] !== undefined) r.unknown(p, k, K279); }
  }
  let x: unknown;
  x = o["overrides"];
  if (x !== undefined) v280(x, p + ".overrides", r);
}
function v274(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "machineHealthCheck": case "metadata": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "readinessGates": case "replicas": case "variables": break; default: if (o[k] !== undefined) r.unknown(p, k, K275); }
  }
  let x: unknown;
  x = o["machineHealthCheck"];
  if (x !== undefined) v276(x, p + ".machineHealthCheck", r);
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["readinessGates"];
  if (x !== undefined) v165(x, p + ".readinessGates", r);
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["variables"];
  if (x !== undefined) v278(x, p + ".variables", r);
}
function v286(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "class": case "failureDomain": case "machineHealthCheck": case "metadata": case "minReadySeconds": case "name": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "readinessGates": case "replicas": case "strategy": case "variables": break; default: if (o[k] !== undefined) r.unknown(p, k, K287); }
  }
  if (o["class"] === undefined) r.required(p, "class");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["class"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".class"); }
    else if (typeof x !== 'string') r.type(p + ".class", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".class", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".class", x, 256);
    }
  }
  x = o["failureDomain"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureDomain"); }
    else if (typeof x !== 'string') r.type(p + ".failureDomain", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".failureDomain", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".failureDomain", x, 256);
    }
  }
  x = o["machineHealthCheck"];
  if (x !== undefined) v276(x, p + ".machineHealthCheck", r);
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["minReadySeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minReadySeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minReadySeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".minReadySeconds", x, 'int32');
    }
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".name", x, 63);
    }
  }
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["readinessGates"];
  if (x !== undefined) v165(x, p + ".readinessGates", r);
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["strategy"];
  if (x !== undefined) v225(x, p + ".strategy", r);
  x = o["variables"];
  if (x !== undefined) v278(x, p + ".variables", r);
}
function v285(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 2000) r.maxItems(p, v.length, 2000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v286(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K283);
}
function v289(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "class": case "failureDomains": case "metadata": case "minReadySeconds": case "name": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "replicas": case "variables": break; default: if (o[k] !== undefined) r.unknown(p, k, K290); }
  }
  if (o["class"] === undefined) r.required(p, "class");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["class"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".class"); }
    else if (typeof x !== 'string') r.type(p + ".class", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".class", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".class", x, 256);
    }
  }
  x = o["failureDomains"];
  if (x !== undefined) v82(x, p + ".failureDomains", r);
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["minReadySeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minReadySeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minReadySeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".minReadySeconds", x, 'int32');
    }
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".name", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".name", x, 63);
    }
  }
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["variables"];
  if (x !== undefined) v278(x, p + ".variables", r);
}
function v288(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 2000) r.maxItems(p, v.length, 2000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v289(x, p + '[' + i + ']', r);
  }
  r.listMap(p, v, K283);
}
function v284(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "machineDeployments": case "machinePools": break; default: if (o[k] !== undefined) r.unknown(p, k, K221); }
  }
  let x: unknown;
  x = o["machineDeployments"];
  if (x !== undefined) v285(x, p + ".machineDeployments", r);
  x = o["machinePools"];
  if (x !== undefined) v288(x, p + ".machinePools", r);
}
function v271(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "class": case "classNamespace": case "controlPlane": case "rolloutAfter": case "variables": case "version": case "workers": break; default: if (o[k] !== undefined) r.unknown(p, k, K272); }
  }
  if (o["class"] === undefined) r.required(p, "class");
  if (o["version"] === undefined) r.required(p, "version");
  let x: unknown;
  x = o["class"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".class"); }
    else if (typeof x !== 'string') r.type(p + ".class", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".class", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".class", x, 253);
    }
  }
  x = o["classNamespace"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".classNamespace"); }
    else if (typeof x !== 'string') r.type(p + ".classNamespace", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".classNamespace", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".classNamespace", x, 63);
      if (!P273.test(x)) r.pattern(p + ".classNamespace", x, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    }
  }
  x = o["controlPlane"];
  if (x !== undefined) v274(x, p + ".controlPlane", r);
  x = o["rolloutAfter"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".rolloutAfter"); }
    else if (typeof x !== 'string') r.type(p + ".rolloutAfter", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".rolloutAfter", x, 'date-time', true);
    }
  }
  x = o["variables"];
  if (x !== undefined) v280(x, p + ".variables", r);
  x = o["version"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".version"); }
    else if (typeof x !== 'string') r.type(p + ".version", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".version", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".version", x, 256);
    }
  }
  x = o["workers"];
  if (x !== undefined) v284(x, p + ".workers", r);
}
function v262(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "availabilityGates": case "clusterNetwork": case "controlPlaneEndpoint": case "controlPlaneRef": case "infrastructureRef": case "paused": case "topology": break; default: if (o[k] !== undefined) r.unknown(p, k, K263); }
  }
  let x: unknown;
  x = o["availabilityGates"];
  if (x !== undefined) v165(x, p + ".availabilityGates", r);
  x = o["clusterNetwork"];
  if (x !== undefined) v264(x, p + ".clusterNetwork", r);
  x = o["controlPlaneEndpoint"];
  if (x !== undefined) v269(x, p + ".controlPlaneEndpoint", r);
  x = o["controlPlaneRef"];
  if (x !== undefined) v175(x, p + ".controlPlaneRef", r);
  x = o["infrastructureRef"];
  if (x !== undefined) v175(x, p + ".infrastructureRef", r);
  x = o["paused"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".paused"); }
    else if (typeof x !== 'boolean') r.type(p + ".paused", x, 'boolean');
  }
  x = o["topology"];
  if (x !== undefined) v271(x, p + ".topology", r);
}
function v294(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "attributes": case "controlPlane": break; default: if (o[k] !== undefined) r.unknown(p, k, K295); }
  }
  let x: unknown;
  x = o["attributes"];
  if (x !== undefined) v11(x, p + ".attributes", r);
  x = o["controlPlane"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".controlPlane"); }
    else if (typeof x !== 'boolean') r.type(p + ".controlPlane", x, 'boolean');
  }
}
function v293(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  let x: unknown;
  for (const k in o) {
    x = o[k];
    if (x === undefined) continue;
    v294(x, p + '[' + k + ']', r);
  }
}
function v299(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "availableReplicas": case "desiredReplicas": case "readyReplicas": case "replicas": case "upToDateReplicas": break; default: if (o[k] !== undefined) r.unknown(p, k, K300); }
  }
  let x: unknown;
  x = o["availableReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".availableReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".availableReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".availableReplicas", x, 'int32');
    }
  }
  x = o["desiredReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".desiredReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".desiredReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".desiredReplicas", x, 'int32');
    }
  }
  x = o["readyReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".readyReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".readyReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".readyReplicas", x, 'int32');
    }
  }
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["upToDateReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".upToDateReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".upToDateReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".upToDateReplicas", x, 'int32');
    }
  }
}
function v297(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "controlPlane": case "workers": break; default: if (o[k] !== undefined) r.unknown(p, k, K298); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v24(x, p + ".conditions", r);
  x = o["controlPlane"];
  if (x !== undefined) v299(x, p + ".controlPlane", r);
  x = o["workers"];
  if (x !== undefined) v299(x, p + ".workers", r);
}
function v291(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "controlPlaneReady": case "failureDomains": case "failureMessage": case "failureReason": case "infrastructureReady": case "observedGeneration": case "phase": case "v1beta2": break; default: if (o[k] !== undefined) r.unknown(p, k, K292); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["controlPlaneReady"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".controlPlaneReady"); }
    else if (typeof x !== 'boolean') r.type(p + ".controlPlaneReady", x, 'boolean');
  }
  x = o["failureDomains"];
  if (x !== undefined) v293(x, p + ".failureDomains", r);
  x = o["failureMessage"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureMessage"); }
    else if (typeof x !== 'string') r.type(p + ".failureMessage", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".failureMessage", x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + ".failureMessage", x, 10240);
    }
  }
  x = o["failureReason"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureReason"); }
    else if (typeof x !== 'string') r.type(p + ".failureReason", x, 'string');
  }
  x = o["infrastructureReady"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".infrastructureReady"); }
    else if (typeof x !== 'boolean') r.type(p + ".infrastructureReady", x, 'boolean');
  }
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["phase"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".phase"); }
    else if (typeof x !== 'string') r.type(p + ".phase", x, 'string');
    else {
      if (!r.inEnum(x, E296)) r.enumv(p + ".phase", x, E296);
    }
  }
  x = o["v1beta2"];
  if (x !== undefined) v297(x, p + ".v1beta2", r);
}
function root261(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v262(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v291(x, "status", r);
}
function v304(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K34); }
  }
  let x: unknown;
  x = o["template"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".template"); }
    else if (typeof x !== 'string') r.type(p + ".template", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".template", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".template", x, 256);
    }
  }
}
function v308(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "configRef": case "dataSecretName": break; default: if (o[k] !== undefined) r.unknown(p, k, K309); }
  }
  let x: unknown;
  x = o["configRef"];
  if (x !== undefined) v175(x, p + ".configRef", r);
  x = o["dataSecretName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".dataSecretName"); }
    else if (typeof x !== 'string') r.type(p + ".dataSecretName", x, 'string');
    else {
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".dataSecretName", x, 253);
    }
  }
}
function v306(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "bootstrap": case "clusterName": case "failureDomain": case "infrastructureRef": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "providerID": case "readinessGates": case "version": break; default: if (o[k] !== undefined) r.unknown(p, k, K307); }
  }
  if (o["bootstrap"] === undefined) r.required(p, "bootstrap");
  if (o["clusterName"] === undefined) r.required(p, "clusterName");
  if (o["infrastructureRef"] === undefined) r.required(p, "infrastructureRef");
  let x: unknown;
  x = o["bootstrap"];
  if (x !== undefined) v308(x, p + ".bootstrap", r);
  x = o["clusterName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".clusterName"); }
    else if (typeof x !== 'string') r.type(p + ".clusterName", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".clusterName", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".clusterName", x, 63);
    }
  }
  x = o["failureDomain"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureDomain"); }
    else if (typeof x !== 'string') r.type(p + ".failureDomain", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".failureDomain", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".failureDomain", x, 256);
    }
  }
  x = o["infrastructureRef"];
  if (x !== undefined) v175(x, p + ".infrastructureRef", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["providerID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".providerID"); }
    else if (typeof x !== 'string') r.type(p + ".providerID", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".providerID", x, 1);
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".providerID", x, 512);
    }
  }
  x = o["readinessGates"];
  if (x !== undefined) v165(x, p + ".readinessGates", r);
  x = o["version"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".version"); }
    else if (typeof x !== 'string') r.type(p + ".version", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".version", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".version", x, 256);
    }
  }
}
function v305(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown(p, k, K36); }
  }
  let x: unknown;
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["spec"];
  if (x !== undefined) v306(x, p + ".spec", r);
}
function v302(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "clusterName": case "machineNamingStrategy": case "minReadySeconds": case "paused": case "progressDeadlineSeconds": case "replicas": case "revisionHistoryLimit": case "rolloutAfter": case "selector": case "strategy": case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K303); }
  }
  if (o["clusterName"] === undefined) r.required(p, "clusterName");
  if (o["selector"] === undefined) r.required(p, "selector");
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["clusterName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".clusterName"); }
    else if (typeof x !== 'string') r.type(p + ".clusterName", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".clusterName", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".clusterName", x, 63);
    }
  }
  x = o["machineNamingStrategy"];
  if (x !== undefined) v304(x, p + ".machineNamingStrategy", r);
  x = o["minReadySeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minReadySeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".minReadySeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".minReadySeconds", x, 'int32');
    }
  }
  x = o["paused"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".paused"); }
    else if (typeof x !== 'boolean') r.type(p + ".paused", x, 'boolean');
  }
  x = o["progressDeadlineSeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".progressDeadlineSeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".progressDeadlineSeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".progressDeadlineSeconds", x, 'int32');
    }
  }
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["revisionHistoryLimit"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".revisionHistoryLimit"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".revisionHistoryLimit", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".revisionHistoryLimit", x, 'int32');
    }
  }
  x = o["rolloutAfter"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".rolloutAfter"); }
    else if (typeof x !== 'string') r.type(p + ".rolloutAfter", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".rolloutAfter", x, 'date-time', true);
    }
  }
  x = o["selector"];
  if (x !== undefined) v5(x, p + ".selector", r);
  x = o["strategy"];
  if (x !== undefined) v225(x, p + ".strategy", r);
  x = o["template"];
  if (x !== undefined) v305(x, p + ".template", r);
}
function v313(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "availableReplicas": case "conditions": case "readyReplicas": case "upToDateReplicas": break; default: if (o[k] !== undefined) r.unknown(p, k, K314); }
  }
  let x: unknown;
  x = o["availableReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".availableReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".availableReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".availableReplicas", x, 'int32');
    }
  }
  x = o["conditions"];
  if (x !== undefined) v24(x, p + ".conditions", r);
  x = o["readyReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".readyReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".readyReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".readyReplicas", x, 'int32');
    }
  }
  x = o["upToDateReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".upToDateReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".upToDateReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".upToDateReplicas", x, 'int32');
    }
  }
}
function v310(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "availableReplicas": case "conditions": case "observedGeneration": case "phase": case "readyReplicas": case "replicas": case "selector": case "unavailableReplicas": case "updatedReplicas": case "v1beta2": break; default: if (o[k] !== undefined) r.unknown(p, k, K311); }
  }
  let x: unknown;
  x = o["availableReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".availableReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".availableReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".availableReplicas", x, 'int32');
    }
  }
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["phase"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".phase"); }
    else if (typeof x !== 'string') r.type(p + ".phase", x, 'string');
    else {
      if (!r.inEnum(x, E312)) r.enumv(p + ".phase", x, E312);
    }
  }
  x = o["readyReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".readyReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".readyReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".readyReplicas", x, 'int32');
    }
  }
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["selector"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".selector"); }
    else if (typeof x !== 'string') r.type(p + ".selector", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".selector", x, 1);
      if (x.length > 4096 && r.cp(x) > 4096) r.maxLength(p + ".selector", x, 4096);
    }
  }
  x = o["unavailableReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".unavailableReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".unavailableReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".unavailableReplicas", x, 'int32');
    }
  }
  x = o["updatedReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".updatedReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".updatedReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".updatedReplicas", x, 'int32');
    }
  }
  x = o["v1beta2"];
  if (x !== undefined) v313(x, p + ".v1beta2", r);
}
function root301(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v302(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v310(x, "status", r);
}
function v316(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "clusterName": case "maxUnhealthy": case "nodeStartupTimeout": case "remediationTemplate": case "selector": case "unhealthyConditions": case "unhealthyRange": break; default: if (o[k] !== undefined) r.unknown(p, k, K317); }
  }
  if (o["clusterName"] === undefined) r.required(p, "clusterName");
  if (o["selector"] === undefined) r.required(p, "selector");
  let x: unknown;
  x = o["clusterName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".clusterName"); }
    else if (typeof x !== 'string') r.type(p + ".clusterName", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".clusterName", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".clusterName", x, 63);
    }
  }
  x = o["maxUnhealthy"];
  if (x !== undefined) v174(x, p + ".maxUnhealthy", r);
  x = o["nodeStartupTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeStartupTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeStartupTimeout", x, 'string');
  }
  x = o["remediationTemplate"];
  if (x !== undefined) v175(x, p + ".remediationTemplate", r);
  x = o["selector"];
  if (x !== undefined) v5(x, p + ".selector", r);
  x = o["unhealthyConditions"];
  if (x !== undefined) v177(x, p + ".unhealthyConditions", r);
  x = o["unhealthyRange"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".unhealthyRange"); }
    else if (typeof x !== 'string') r.type(p + ".unhealthyRange", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".unhealthyRange", x, 1);
      if (x.length > 32 && r.cp(x) > 32) r.maxLength(p + ".unhealthyRange", x, 32);
      if (!P180.test(x)) r.pattern(p + ".unhealthyRange", x, "^\\[[0-9]+-[0-9]+\\]$");
    }
  }
}
function v320(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  if (v.length > 10000) r.maxItems(p, v.length, 10000);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + '[' + i + ']', x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + '[' + i + ']', x, 253);
    }
  }
}
function v318(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "currentHealthy": case "expectedMachines": case "observedGeneration": case "remediationsAllowed": case "targets": case "v1beta2": break; default: if (o[k] !== undefined) r.unknown(p, k, K319); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["currentHealthy"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".currentHealthy"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".currentHealthy", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".currentHealthy", x, 'int32');
      if (x < 0) r.min(p + ".currentHealthy", x, 0, false);
    }
  }
  x = o["expectedMachines"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".expectedMachines"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".expectedMachines", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".expectedMachines", x, 'int32');
      if (x < 0) r.min(p + ".expectedMachines", x, 0, false);
    }
  }
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["remediationsAllowed"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".remediationsAllowed"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".remediationsAllowed", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".remediationsAllowed", x, 'int32');
      if (x < 0) r.min(p + ".remediationsAllowed", x, 0, false);
    }
  }
  x = o["targets"];
  if (x !== undefined) v320(x, p + ".targets", r);
  x = o["v1beta2"];
  if (x !== undefined) v22(x, p + ".v1beta2", r);
}
function root315(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v316(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v318(x, "status", r);
}
function v325(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "address": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K326); }
  }
  if (o["address"] === undefined) r.required(p, "address");
  if (o["type"] === undefined) r.required(p, "type");
  let x: unknown;
  x = o["address"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".address"); }
    else if (typeof x !== 'string') r.type(p + ".address", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".address", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".address", x, 256);
    }
  }
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (!r.inEnum(x, E327)) r.enumv(p + ".type", x, E327);
    }
  }
}
function v324(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v325(x, p + '[' + i + ']', r);
  }
}
function v328(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "nodeDrainStartTime": case "waitForNodeVolumeDetachStartTime": break; default: if (o[k] !== undefined) r.unknown(p, k, K329); }
  }
  let x: unknown;
  x = o["nodeDrainStartTime"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainStartTime"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainStartTime", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".nodeDrainStartTime", x, 'date-time', true);
    }
  }
  x = o["waitForNodeVolumeDetachStartTime"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".waitForNodeVolumeDetachStartTime"); }
    else if (typeof x !== 'string') r.type(p + ".waitForNodeVolumeDetachStartTime", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".waitForNodeVolumeDetachStartTime", x, 'date-time', true);
    }
  }
}
function v330(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "architecture": case "bootID": case "containerRuntimeVersion": case "kernelVersion": case "kubeProxyVersion": case "kubeletVersion": case "machineID": case "operatingSystem": case "osImage": case "systemUUID": break; default: if (o[k] !== undefined) r.unknown(p, k, K331); }
  }
  if (o["architecture"] === undefined) r.required(p, "architecture");
  if (o["bootID"] === undefined) r.required(p, "bootID");
  if (o["containerRuntimeVersion"] === undefined) r.required(p, "containerRuntimeVersion");
  if (o["kernelVersion"] === undefined) r.required(p, "kernelVersion");
  if (o["kubeProxyVersion"] === undefined) r.required(p, "kubeProxyVersion");
  if (o["kubeletVersion"] === undefined) r.required(p, "kubeletVersion");
  if (o["machineID"] === undefined) r.required(p, "machineID");
  if (o["operatingSystem"] === undefined) r.required(p, "operatingSystem");
  if (o["osImage"] === undefined) r.required(p, "osImage");
  if (o["systemUUID"] === undefined) r.required(p, "systemUUID");
  let x: unknown;
  x = o["architecture"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".architecture"); }
    else if (typeof x !== 'string') r.type(p + ".architecture", x, 'string');
  }
  x = o["bootID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".bootID"); }
    else if (typeof x !== 'string') r.type(p + ".bootID", x, 'string');
  }
  x = o["containerRuntimeVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".containerRuntimeVersion"); }
    else if (typeof x !== 'string') r.type(p + ".containerRuntimeVersion", x, 'string');
  }
  x = o["kernelVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kernelVersion"); }
    else if (typeof x !== 'string') r.type(p + ".kernelVersion", x, 'string');
  }
  x = o["kubeProxyVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kubeProxyVersion"); }
    else if (typeof x !== 'string') r.type(p + ".kubeProxyVersion", x, 'string');
  }
  x = o["kubeletVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kubeletVersion"); }
    else if (typeof x !== 'string') r.type(p + ".kubeletVersion", x, 'string');
  }
  x = o["machineID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".machineID"); }
    else if (typeof x !== 'string') r.type(p + ".machineID", x, 'string');
  }
  x = o["operatingSystem"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".operatingSystem"); }
    else if (typeof x !== 'string') r.type(p + ".operatingSystem", x, 'string');
  }
  x = o["osImage"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".osImage"); }
    else if (typeof x !== 'string') r.type(p + ".osImage", x, 'string');
  }
  x = o["systemUUID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".systemUUID"); }
    else if (typeof x !== 'string') r.type(p + ".systemUUID", x, 'string');
  }
}
function v322(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "addresses": case "bootstrapReady": case "certificatesExpiryDate": case "conditions": case "deletion": case "failureMessage": case "failureReason": case "infrastructureReady": case "lastUpdated": case "nodeInfo": case "nodeRef": case "observedGeneration": case "phase": case "v1beta2": break; default: if (o[k] !== undefined) r.unknown(p, k, K323); }
  }
  let x: unknown;
  x = o["addresses"];
  if (x !== undefined) v324(x, p + ".addresses", r);
  x = o["bootstrapReady"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".bootstrapReady"); }
    else if (typeof x !== 'boolean') r.type(p + ".bootstrapReady", x, 'boolean');
  }
  x = o["certificatesExpiryDate"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".certificatesExpiryDate"); }
    else if (typeof x !== 'string') r.type(p + ".certificatesExpiryDate", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".certificatesExpiryDate", x, 'date-time', true);
    }
  }
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["deletion"];
  if (x !== undefined) v328(x, p + ".deletion", r);
  x = o["failureMessage"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureMessage"); }
    else if (typeof x !== 'string') r.type(p + ".failureMessage", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".failureMessage", x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + ".failureMessage", x, 10240);
    }
  }
  x = o["failureReason"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureReason"); }
    else if (typeof x !== 'string') r.type(p + ".failureReason", x, 'string');
  }
  x = o["infrastructureReady"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".infrastructureReady"); }
    else if (typeof x !== 'boolean') r.type(p + ".infrastructureReady", x, 'boolean');
  }
  x = o["lastUpdated"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".lastUpdated"); }
    else if (typeof x !== 'string') r.type(p + ".lastUpdated", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".lastUpdated", x, 'date-time', true);
    }
  }
  x = o["nodeInfo"];
  if (x !== undefined) v330(x, p + ".nodeInfo", r);
  x = o["nodeRef"];
  if (x !== undefined) v175(x, p + ".nodeRef", r);
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["phase"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".phase"); }
    else if (typeof x !== 'string') r.type(p + ".phase", x, 'string');
    else {
      if (!r.inEnum(x, E332)) r.enumv(p + ".phase", x, E332);
    }
  }
  x = o["v1beta2"];
  if (x !== undefined) v22(x, p + ".v1beta2", r);
}
function root321(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v306(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v322(x, "status", r);
}
function v336(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "infrastructureRef": case "metadata": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": case "readinessGates": break; default: if (o[k] !== undefined) r.unknown(p, k, K337); }
  }
  if (o["infrastructureRef"] === undefined) r.required(p, "infrastructureRef");
  let x: unknown;
  x = o["infrastructureRef"];
  if (x !== undefined) v175(x, p + ".infrastructureRef", r);
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
  x = o["readinessGates"];
  if (x !== undefined) v165(x, p + ".readinessGates", r);
}
function v338(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "maxRetry": case "minHealthyPeriod": case "retryPeriod": break; default: if (o[k] !== undefined) r.unknown(p, k, K339); }
  }
  let x: unknown;
  x = o["maxRetry"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".maxRetry"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".maxRetry", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".maxRetry", x, 'int32');
    }
  }
  x = o["minHealthyPeriod"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".minHealthyPeriod"); }
    else if (typeof x !== 'string') r.type(p + ".minHealthyPeriod", x, 'string');
  }
  x = o["retryPeriod"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".retryPeriod"); }
    else if (typeof x !== 'string') r.type(p + ".retryPeriod", x, 'string');
  }
}
function v340(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "certificatesExpiryDays": break; default: if (o[k] !== undefined) r.unknown(p, k, K341); }
  }
  let x: unknown;
  x = o["certificatesExpiryDays"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".certificatesExpiryDays"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".certificatesExpiryDays", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".certificatesExpiryDays", x, 'int32');
    }
  }
}
function v344(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "maxSurge": break; default: if (o[k] !== undefined) r.unknown(p, k, K345); }
  }
  let x: unknown;
  x = o["maxSurge"];
  if (x !== undefined) v174(x, p + ".maxSurge", r);
}
function v342(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "rollingUpdate": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K343); }
  }
  let x: unknown;
  x = o["rollingUpdate"];
  if (x !== undefined) v344(x, p + ".rollingUpdate", r);
  x = o["type"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".type"); }
    else if (typeof x !== 'string') r.type(p + ".type", x, 'string');
    else {
      if (x !== "RollingUpdate") r.enumv(p + ".type", x, E346);
    }
  }
}
function v334(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "kubeadmConfigSpec": case "machineNamingStrategy": case "machineTemplate": case "remediationStrategy": case "replicas": case "rolloutAfter": case "rolloutBefore": case "rolloutStrategy": case "version": break; default: if (o[k] !== undefined) r.unknown(p, k, K335); }
  }
  if (o["kubeadmConfigSpec"] === undefined) r.required(p, "kubeadmConfigSpec");
  if (o["machineTemplate"] === undefined) r.required(p, "machineTemplate");
  if (o["version"] === undefined) r.required(p, "version");
  let x: unknown;
  x = o["kubeadmConfigSpec"];
  if (x !== undefined) v39(x, p + ".kubeadmConfigSpec", r);
  x = o["machineNamingStrategy"];
  if (x !== undefined) v304(x, p + ".machineNamingStrategy", r);
  x = o["machineTemplate"];
  if (x !== undefined) v336(x, p + ".machineTemplate", r);
  x = o["remediationStrategy"];
  if (x !== undefined) v338(x, p + ".remediationStrategy", r);
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["rolloutAfter"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".rolloutAfter"); }
    else if (typeof x !== 'string') r.type(p + ".rolloutAfter", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".rolloutAfter", x, 'date-time', true);
    }
  }
  x = o["rolloutBefore"];
  if (x !== undefined) v340(x, p + ".rolloutBefore", r);
  x = o["rolloutStrategy"];
  if (x !== undefined) v342(x, p + ".rolloutStrategy", r);
  x = o["version"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".version"); }
    else if (typeof x !== 'string') r.type(p + ".version", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".version", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".version", x, 256);
    }
  }
}
function v349(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "machine": case "retryCount": case "timestamp": break; default: if (o[k] !== undefined) r.unknown(p, k, K350); }
  }
  if (o["machine"] === undefined) r.required(p, "machine");
  if (o["retryCount"] === undefined) r.required(p, "retryCount");
  if (o["timestamp"] === undefined) r.required(p, "timestamp");
  let x: unknown;
  x = o["machine"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".machine"); }
    else if (typeof x !== 'string') r.type(p + ".machine", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".machine", x, 1);
      if (x.length > 253 && r.cp(x) > 253) r.maxLength(p + ".machine", x, 253);
    }
  }
  x = o["retryCount"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".retryCount"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".retryCount", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".retryCount", x, 'int32');
    }
  }
  x = o["timestamp"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".timestamp"); }
    else if (typeof x !== 'string') r.type(p + ".timestamp", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".timestamp", x, 'date-time', true);
    }
  }
}
function v347(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "failureMessage": case "failureReason": case "initialized": case "lastRemediation": case "observedGeneration": case "ready": case "readyReplicas": case "replicas": case "selector": case "unavailableReplicas": case "updatedReplicas": case "v1beta2": case "version": break; default: if (o[k] !== undefined) r.unknown(p, k, K348); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["failureMessage"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureMessage"); }
    else if (typeof x !== 'string') r.type(p + ".failureMessage", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".failureMessage", x, 1);
      if (x.length > 10240 && r.cp(x) > 10240) r.maxLength(p + ".failureMessage", x, 10240);
    }
  }
  x = o["failureReason"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".failureReason"); }
    else if (typeof x !== 'string') r.type(p + ".failureReason", x, 'string');
  }
  x = o["initialized"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".initialized"); }
    else if (typeof x !== 'boolean') r.type(p + ".initialized", x, 'boolean');
  }
  x = o["lastRemediation"];
  if (x !== undefined) v349(x, p + ".lastRemediation", r);
  x = o["observedGeneration"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".observedGeneration"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".observedGeneration", x, 'integer');
    else {
      if (x < -9223372036854775808 || x > 9223372036854775807) r.range(p + ".observedGeneration", x, 'int64');
    }
  }
  x = o["ready"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".ready"); }
    else if (typeof x !== 'boolean') r.type(p + ".ready", x, 'boolean');
  }
  x = o["readyReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".readyReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".readyReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".readyReplicas", x, 'int32');
    }
  }
  x = o["replicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".replicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".replicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".replicas", x, 'int32');
    }
  }
  x = o["selector"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".selector"); }
    else if (typeof x !== 'string') r.type(p + ".selector", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".selector", x, 1);
      if (x.length > 4096 && r.cp(x) > 4096) r.maxLength(p + ".selector", x, 4096);
    }
  }
  x = o["unavailableReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".unavailableReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".unavailableReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".unavailableReplicas", x, 'int32');
    }
  }
  x = o["updatedReplicas"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".updatedReplicas"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".updatedReplicas", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".updatedReplicas", x, 'int32');
    }
  }
  x = o["v1beta2"];
  if (x !== undefined) v313(x, p + ".v1beta2", r);
  x = o["version"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".version"); }
    else if (typeof x !== 'string') r.type(p + ".version", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".version", x, 1);
      if (x.length > 256 && r.cp(x) > 256) r.maxLength(p + ".version", x, 256);
    }
  }
}
function root333(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v334(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v347(x, "status", r);
}
function d352(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["kubeadmConfigSpec"];
  if (x !== undefined) { y = d151(x); if (y !== x) (c ??= { ...o })["kubeadmConfigSpec"] = y; }
  x = o["rolloutStrategy"];
  if (x === undefined) (c ??= { ...o })["rolloutStrategy"] = D353;
  return c ?? o;
}
function d351(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d352(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function v359(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "metadata": case "nodeDeletionTimeout": case "nodeDrainTimeout": case "nodeVolumeDetachTimeout": break; default: if (o[k] !== undefined) r.unknown(p, k, K360); }
  }
  let x: unknown;
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["nodeDeletionTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDeletionTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDeletionTimeout", x, 'string');
  }
  x = o["nodeDrainTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeDrainTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeDrainTimeout", x, 'string');
  }
  x = o["nodeVolumeDetachTimeout"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".nodeVolumeDetachTimeout"); }
    else if (typeof x !== 'string') r.type(p + ".nodeVolumeDetachTimeout", x, 'string');
  }
}
function v357(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "kubeadmConfigSpec": case "machineNamingStrategy": case "machineTemplate": case "remediationStrategy": case "rolloutAfter": case "rolloutBefore": case "rolloutStrategy": break; default: if (o[k] !== undefined) r.unknown(p, k, K358); }
  }
  if (o["kubeadmConfigSpec"] === undefined) r.required(p, "kubeadmConfigSpec");
  let x: unknown;
  x = o["kubeadmConfigSpec"];
  if (x !== undefined) v39(x, p + ".kubeadmConfigSpec", r);
  x = o["machineNamingStrategy"];
  if (x !== undefined) v304(x, p + ".machineNamingStrategy", r);
  x = o["machineTemplate"];
  if (x !== undefined) v359(x, p + ".machineTemplate", r);
  x = o["remediationStrategy"];
  if (x !== undefined) v338(x, p + ".remediationStrategy", r);
  x = o["rolloutAfter"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".rolloutAfter"); }
    else if (typeof x !== 'string') r.type(p + ".rolloutAfter", x, 'string');
    else {
      if (!r.f.datetime(x)) r.format(p + ".rolloutAfter", x, 'date-time', true);
    }
  }
  x = o["rolloutBefore"];
  if (x !== undefined) v340(x, p + ".rolloutBefore", r);
  x = o["rolloutStrategy"];
  if (x !== undefined) v342(x, p + ".rolloutStrategy", r);
}
function v356(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown(p, k, K36); }
  }
  if (o["spec"] === undefined) r.required(p, "spec");
  let x: unknown;
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["spec"];
  if (x !== undefined) v357(x, p + ".spec", r);
}
function v355(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K34); }
  }
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["template"];
  if (x !== undefined) v356(x, p + ".template", r);
}
function root354(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown("", k, K32); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v355(x, "spec", r);
}
function d364(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["kubeadmConfigSpec"];
  if (x !== undefined) { y = d151(x); if (y !== x) (c ??= { ...o })["kubeadmConfigSpec"] = y; }
  x = o["rolloutStrategy"];
  if (x === undefined) (c ??= { ...o })["rolloutStrategy"] = D353;
  return c ?? o;
}
function d363(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d364(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function d362(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["template"];
  if (x !== undefined) { y = d363(x); if (y !== x) (c ??= { ...o })["template"] = y; }
  return c ?? o;
}
function d361(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d362(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function c371(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["host"]; if (x != null) o.set("host", x);
  x = v["port"]; if (x != null) o.set("port", BigInt(x as number));
  return o;
}
function v369(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R370); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "host": case "port": break; default: if (o[k] !== undefined) r.unknown(p, k, K270); }
  }
  if (o["host"] === undefined) r.required(p, "host");
  if (o["port"] === undefined) r.required(p, "port");
  let x: unknown;
  x = o["host"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".host"); }
    else if (typeof x !== 'string') r.type(p + ".host", x, 'string');
    else {
      if (x.length > 512 && r.cp(x) > 512) r.maxLength(p + ".host", x, 512);
    }
  }
  x = o["port"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".port"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".port", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".port", x, 'int32');
    }
  }
  if (r.blocking === b) r.cel(p, v, R370, c371); else r.celBlocked(p, R370);
}
function c374(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["name"]; if (x != null) o.set("name", x);
  return o;
}
function v372(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R373); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K283); }
  }
  let x: unknown;
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  if (r.blocking === b) r.cel(p, v, R373, c374); else r.celBlocked(p, R373);
}
function v375(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K283); }
  }
  let x: unknown;
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
}
function c378(v: any, r: R): unknown {
  const x: unknown = v;
  return x;
}
function v376(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'string') { r.type(p, v, 'string'); r.celBlocked(p, R377); return; }
  if (v.length < 2 && r.cp(v) < 1) r.minLength(p, v, 1);
  if (r.blocking === b) r.cel(p, v, R377, c378); else r.celBlocked(p, R377);
}
function c380(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["name"]; if (x != null) o.set("name", x);
  return o;
}
function c379(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["controlPlaneEndpoint"]; if (x != null) o.set("controlPlaneEndpoint", c371(x, r));
  x = v["credentialsRef"]; if (x != null) o.set("credentialsRef", c374(x, r));
  x = v["loadBalancerProviderRef"]; if (x != null) o.set("loadBalancerProviderRef", c380(x, r));
  x = v["location"]; if (x != null) o.set("location", x);
  return o;
}
function v366(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R367); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "controlPlaneEndpoint": case "credentialsRef": case "loadBalancerProviderRef": case "location": break; default: if (o[k] !== undefined) r.unknown(p, k, K368); }
  }
  if (o["credentialsRef"] === undefined) r.required(p, "credentialsRef");
  let x: unknown;
  x = o["controlPlaneEndpoint"];
  if (x !== undefined) v369(x, p + ".controlPlaneEndpoint", r);
  x = o["credentialsRef"];
  if (x !== undefined) v372(x, p + ".credentialsRef", r);
  x = o["loadBalancerProviderRef"];
  if (x !== undefined) v375(x, p + ".loadBalancerProviderRef", r);
  x = o["location"];
  if (x !== undefined) v376(x, p + ".location", r);
  if (r.blocking === b) r.cel(p, v, R367, c379); else r.celBlocked(p, R367);
}
function v383(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "method": case "requestPath": case "state": break; default: if (o[k] !== undefined) r.unknown(p, k, K384); }
  }
  if (o["method"] === undefined) r.required(p, "method");
  if (o["requestPath"] === undefined) r.required(p, "requestPath");
  let x: unknown;
  x = o["method"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".method"); }
    else if (typeof x !== 'string') r.type(p + ".method", x, 'string');
  }
  x = o["requestPath"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".requestPath"); }
    else if (typeof x !== 'string') r.type(p + ".requestPath", x, 'string');
  }
  x = o["state"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".state"); }
    else if (typeof x !== 'string') r.type(p + ".state", x, 'string');
    else {
      if (x !== "QUEUED" && x !== "RUNNING" && x !== "DONE" && x !== "FAILED") r.enumv(p + ".state", x, E385);
    }
  }
}
function v386(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  let x: unknown;
  for (const k in o) {
    x = o[k];
    if (x === undefined) continue;
    v383(x, p + '[' + k + ']', r);
  }
}
function v381(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "controlPlaneEndpointIPBlockID": case "currentClusterRequest": case "currentRequest": case "ready": break; default: if (o[k] !== undefined) r.unknown(p, k, K382); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["controlPlaneEndpointIPBlockID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".controlPlaneEndpointIPBlockID"); }
    else if (typeof x !== 'string') r.type(p + ".controlPlaneEndpointIPBlockID", x, 'string');
  }
  x = o["currentClusterRequest"];
  if (x !== undefined) v383(x, p + ".currentClusterRequest", r);
  x = o["currentRequest"];
  if (x !== undefined) v386(x, p + ".currentRequest", r);
  x = o["ready"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".ready"); }
    else if (typeof x !== 'boolean') r.type(p + ".ready", x, 'boolean');
  }
}
function root365(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v366(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v381(x, "status", r);
}
function d389(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["name"];
  if (x === undefined) (c ??= { ...o })["name"] = D158;
  return c ?? o;
}
function d390(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["name"];
  if (x === undefined) (c ??= { ...o })["name"] = D158;
  return c ?? o;
}
function d388(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["credentialsRef"];
  if (x !== undefined) { y = d389(x); if (y !== x) (c ??= { ...o })["credentialsRef"] = y; }
  x = o["loadBalancerProviderRef"];
  if (x !== undefined) { y = d390(x); if (y !== x) (c ??= { ...o })["loadBalancerProviderRef"] = y; }
  return c ?? o;
}
function d387(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d388(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function v393(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "spec": break; default: if (o[k] !== undefined) r.unknown(p, k, K394); }
  }
  if (o["spec"] === undefined) r.required(p, "spec");
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v366(x, p + ".spec", r);
}
function v392(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K34); }
  }
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["template"];
  if (x !== undefined) v393(x, p + ".template", r);
}
function root391(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown("", k, K32); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v392(x, "spec", r);
}
function d397(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d388(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function d396(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["template"];
  if (x !== undefined) { y = d397(x); if (y !== x) (c ??= { ...o })["template"] = y; }
  return c ?? o;
}
function d395(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d396(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function c408(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["apiGroup"]; if (x != null) o.set("apiGroup", x);
  x = v["kind"]; if (x != null) o.set("kind", x);
  x = v["name"]; if (x != null) o.set("name", x);
  return o;
}
function v405(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R406); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiGroup": case "kind": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K407); }
  }
  if (o["kind"] === undefined) r.required(p, "kind");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["apiGroup"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiGroup"); }
    else if (typeof x !== 'string') r.type(p + ".apiGroup", x, 'string');
  }
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  if (r.blocking === b) r.cel(p, v, R406, c408); else r.celBlocked(p, R406);
}
function c411(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["apiGroup"]; if (x != null) o.set("apiGroup", x);
  x = v["kind"]; if (x != null) o.set("kind", x);
  x = v["name"]; if (x != null) o.set("name", x);
  return o;
}
function v409(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R410); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiGroup": case "kind": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K407); }
  }
  if (o["kind"] === undefined) r.required(p, "kind");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["apiGroup"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiGroup"); }
    else if (typeof x !== 'string') r.type(p + ".apiGroup", x, 'string');
  }
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  if (r.blocking === b) r.cel(p, v, R410, c411); else r.celBlocked(p, R410);
}
function v403(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "dhcp": case "ipv4PoolRef": case "ipv6PoolRef": case "networkID": case "vnet": break; default: if (o[k] !== undefined) r.unknown(p, k, K404); }
  }
  if (o["networkID"] === undefined) r.required(p, "networkID");
  let x: unknown;
  x = o["dhcp"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".dhcp"); }
    else if (typeof x !== 'boolean') r.type(p + ".dhcp", x, 'boolean');
  }
  x = o["ipv4PoolRef"];
  if (x !== undefined) v405(x, p + ".ipv4PoolRef", r);
  x = o["ipv6PoolRef"];
  if (x !== undefined) v409(x, p + ".ipv6PoolRef", r);
  x = o["networkID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".networkID"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".networkID", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".networkID", x, 'int32');
      if (x < 1) r.min(p + ".networkID", x, 1, false);
    }
  }
  x = o["vnet"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".vnet"); }
    else if (typeof x !== 'string') r.type(p + ".vnet", x, 'string');
  }
}
function v402(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v403(x, p + '[' + i + ']', r);
  }
}
function c415(v: any, r: R): unknown {
  const x: unknown = v;
  return x;
}
function v413(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'string') { r.type(p, v, 'string'); r.celBlocked(p, R414); return; }
  if (!r.f.uuid(v)) r.format(p, v, 'uuid', false);
  if (r.blocking === b) r.cel(p, v, R414, c415); else r.celBlocked(p, R414);
}
function v425(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  const n = r.count(o);
  if (n < 1) r.minProperties(p, n, 1);
  let x: unknown;
  for (const k in o) {
    x = o[k];
    if (x === undefined) continue;
    if (x === null) { r.nul(p + '[' + k + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + k + ']', x, 'string');
  }
}
function v423(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "matchLabels": case "resolutionPolicy": case "useMachineVersion": break; default: if (o[k] !== undefined) r.unknown(p, k, K424); }
  }
  if (o["matchLabels"] === undefined) r.required(p, "matchLabels");
  let x: unknown;
  x = o["matchLabels"];
  if (x !== undefined) v425(x, p + ".matchLabels", r);
  x = o["resolutionPolicy"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".resolutionPolicy"); }
    else if (typeof x !== 'string') r.type(p + ".resolutionPolicy", x, 'string');
    else {
      if (x !== "Exact" && x !== "Newest") r.enumv(p + ".resolutionPolicy", x, E426);
    }
  }
  x = o["useMachineVersion"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".useMachineVersion"); }
    else if (typeof x !== 'boolean') r.type(p + ".useMachineVersion", x, 'boolean');
  }
}
function c429(v: any, r: R): unknown {
  const m = new Map<string, unknown>();
  for (const k in v) {
    const x: unknown = v[k];
    if (x === undefined) continue;
    m.set(k, x === null ? null : x);
  }
  return m;
}
function c428(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["matchLabels"]; if (x != null) o.set("matchLabels", c429(x, r));
  x = v["resolutionPolicy"]; if (x != null) o.set("resolutionPolicy", x);
  x = v["useMachineVersion"]; if (x != null) o.set("useMachineVersion", x);
  return o;
}
function c427(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["id"]; if (x != null) o.set("id", x);
  x = v["selector"]; if (x != null) o.set("selector", c428(x, r));
  return o;
}
function v420(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R421); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "id": case "selector": break; default: if (o[k] !== undefined) r.unknown(p, k, K422); }
  }
  let x: unknown;
  x = o["id"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".id"); }
    else if (typeof x !== 'string') r.type(p + ".id", x, 'string');
  }
  x = o["selector"];
  if (x !== undefined) v423(x, p + ".selector", r);
  if (r.blocking === b) r.cel(p, v, R421, c427); else r.celBlocked(p, R421);
}
function v416(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "availabilityZone": case "diskType": case "image": case "name": case "sizeGB": break; default: if (o[k] !== undefined) r.unknown(p, k, K417); }
  }
  if (o["image"] === undefined) r.required(p, "image");
  let x: unknown;
  x = o["availabilityZone"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".availabilityZone"); }
    else if (typeof x !== 'string') r.type(p + ".availabilityZone", x, 'string');
    else {
      if (x !== "AUTO" && x !== "ZONE_1" && x !== "ZONE_2" && x !== "ZONE_3") r.enumv(p + ".availabilityZone", x, E418);
    }
  }
  x = o["diskType"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".diskType"); }
    else if (typeof x !== 'string') r.type(p + ".diskType", x, 'string');
    else {
      if (x !== "HDD" && x !== "SSD Standard" && x !== "SSD Premium") r.enumv(p + ".diskType", x, E419);
    }
  }
  x = o["image"];
  if (x !== undefined) v420(x, p + ".image", r);
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
  x = o["sizeGB"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".sizeGB"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".sizeGB", x, 'integer');
    else {
      if (x < 10) r.min(p + ".sizeGB", x, 10, false);
    }
  }
}
function c432(v: any, r: R): unknown {
  const x: unknown = v;
  return x;
}
function v430(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'string') { r.type(p, v, 'string'); r.celBlocked(p, R431); return; }
  if (r.blocking === b) r.cel(p, v, R431, c432); else r.celBlocked(p, R431);
}
function c435(v: any, r: R): unknown {
  const x: unknown = v;
  return x;
}
function v433(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'string') { r.type(p, v, 'string'); r.celBlocked(p, R434); return; }
  if (v.length < 2 && r.cp(v) < 1) r.minLength(p, v, 1);
  if (r.blocking === b) r.cel(p, v, R434, c435); else r.celBlocked(p, R434);
}
function c439(v: any, r: R): unknown {
  const x: unknown = v;
  return x;
}
function v436(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'string') { r.type(p, v, 'string'); r.celBlocked(p, R437); return; }
  if (v !== "ENTERPRISE" && v !== "VCPU") r.enumv(p, v, E438);
  if (r.blocking === b) r.cel(p, v, R437, c439); else r.celBlocked(p, R437);
}
function c442(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["dhcp"]; if (x != null) o.set("dhcp", x);
  x = v["ipv4PoolRef"]; if (x != null) o.set("ipv4PoolRef", c408(x, r));
  x = v["ipv6PoolRef"]; if (x != null) o.set("ipv6PoolRef", c411(x, r));
  x = v["networkID"]; if (x != null) o.set("networkID", BigInt(x as number));
  x = v["vnet"]; if (x != null) o.set("vnet", x);
  return o;
}
function c441(v: any, r: R): unknown {
  return (v as unknown[]).map((x) => (x == null ? null : c442(x, r)));
}
function c443(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["availabilityZone"]; if (x != null) o.set("availabilityZone", x);
  x = v["diskType"]; if (x != null) o.set("diskType", x);
  x = v["image"]; if (x != null) o.set("image", c427(x, r));
  x = v["name"]; if (x != null) o.set("name", x);
  x = v["sizeGB"]; if (x != null) o.set("sizeGB", BigInt(x as number));
  return o;
}
function c440(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["additionalNetworks"]; if (x != null) o.set("additionalNetworks", c441(x, r));
  x = v["availabilityZone"]; if (x != null) o.set("availabilityZone", x);
  x = v["cpuFamily"]; if (x != null) o.set("cpuFamily", x);
  x = v["datacenterID"]; if (x != null) o.set("datacenterID", x);
  x = v["disk"]; if (x != null) o.set("disk", c443(x, r));
  x = v["failoverIP"]; if (x != null) o.set("failoverIP", x);
  x = v["ipv4PoolRef"]; if (x != null) o.set("ipv4PoolRef", c408(x, r));
  x = v["ipv6PoolRef"]; if (x != null) o.set("ipv6PoolRef", c411(x, r));
  x = v["memoryMB"]; if (x != null) o.set("memoryMB", BigInt(x as number));
  x = v["networkID"]; if (x != null) o.set("networkID", x);
  x = v["numCores"]; if (x != null) o.set("numCores", BigInt(x as number));
  x = v["providerID"]; if (x != null) o.set("providerID", x);
  x = v["type"]; if (x != null) o.set("type", x);
  return o;
}
function v399(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R400); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "additionalNetworks": case "availabilityZone": case "cpuFamily": case "datacenterID": case "disk": case "failoverIP": case "ipv4PoolRef": case "ipv6PoolRef": case "memoryMB": case "networkID": case "numCores": case "providerID": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K401); }
  }
  if (o["datacenterID"] === undefined) r.required(p, "datacenterID");
  if (o["disk"] === undefined) r.required(p, "disk");
  let x: unknown;
  x = o["additionalNetworks"];
  if (x !== undefined) v402(x, p + ".additionalNetworks", r);
  x = o["availabilityZone"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".availabilityZone"); }
    else if (typeof x !== 'string') r.type(p + ".availabilityZone", x, 'string');
    else {
      if (x !== "AUTO" && x !== "ZONE_1" && x !== "ZONE_2") r.enumv(p + ".availabilityZone", x, E412);
    }
  }
  x = o["cpuFamily"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".cpuFamily"); }
    else if (typeof x !== 'string') r.type(p + ".cpuFamily", x, 'string');
  }
  x = o["datacenterID"];
  if (x !== undefined) v413(x, p + ".datacenterID", r);
  x = o["disk"];
  if (x !== undefined) v416(x, p + ".disk", r);
  x = o["failoverIP"];
  if (x !== undefined) v430(x, p + ".failoverIP", r);
  x = o["ipv4PoolRef"];
  if (x !== undefined) v405(x, p + ".ipv4PoolRef", r);
  x = o["ipv6PoolRef"];
  if (x !== undefined) v409(x, p + ".ipv6PoolRef", r);
  x = o["memoryMB"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".memoryMB"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".memoryMB", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".memoryMB", x, 'int32');
      if (x < 2048) r.min(p + ".memoryMB", x, 2048, false);
      if (x % 1024 !== 0) r.multipleOf(p + ".memoryMB", x, 1024);
    }
  }
  x = o["networkID"];
  if (x !== undefined) v433(x, p + ".networkID", r);
  x = o["numCores"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".numCores"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".numCores", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".numCores", x, 'int32');
      if (x < 1) r.min(p + ".numCores", x, 1, false);
    }
  }
  x = o["providerID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".providerID"); }
    else if (typeof x !== 'string') r.type(p + ".providerID", x, 'string');
  }
  x = o["type"];
  if (x !== undefined) v436(x, p + ".type", r);
  if (r.blocking === b) r.cel(p, v, R400, c440); else r.celBlocked(p, R400);
}
function v451(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    if (x === null) { r.nul(p + '[' + i + ']'); }
    else if (typeof x !== 'string') r.type(p + '[' + i + ']', x, 'string');
  }
}
function v449(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "ipv4Addresses": case "ipv6Addresses": case "networkID": case "primary": break; default: if (o[k] !== undefined) r.unknown(p, k, K450); }
  }
  if (o["networkID"] === undefined) r.required(p, "networkID");
  if (o["primary"] === undefined) r.required(p, "primary");
  let x: unknown;
  x = o["ipv4Addresses"];
  if (x !== undefined) v451(x, p + ".ipv4Addresses", r);
  x = o["ipv6Addresses"];
  if (x !== undefined) v451(x, p + ".ipv6Addresses", r);
  x = o["networkID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".networkID"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".networkID", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".networkID", x, 'int32');
    }
  }
  x = o["primary"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".primary"); }
    else if (typeof x !== 'boolean') r.type(p + ".primary", x, 'boolean');
  }
}
function v448(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (!Array.isArray(v)) { r.type(p, v, 'array'); return; }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i] ?? null;
    v449(x, p + '[' + i + ']', r);
  }
}
function v446(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "nicInfo": break; default: if (o[k] !== undefined) r.unknown(p, k, K447); }
  }
  let x: unknown;
  x = o["nicInfo"];
  if (x !== undefined) v448(x, p + ".nicInfo", r);
}
function v444(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "conditions": case "currentRequest": case "location": case "machineNetworkInfo": case "ready": break; default: if (o[k] !== undefined) r.unknown(p, k, K445); }
  }
  let x: unknown;
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["currentRequest"];
  if (x !== undefined) v383(x, p + ".currentRequest", r);
  x = o["location"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".location"); }
    else if (typeof x !== 'string') r.type(p + ".location", x, 'string');
  }
  x = o["machineNetworkInfo"];
  if (x !== undefined) v446(x, p + ".machineNetworkInfo", r);
  x = o["ready"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".ready"); }
    else if (typeof x !== 'boolean') r.type(p + ".ready", x, 'boolean');
  }
}
function root398(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v399(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v444(x, "status", r);
}
function d455(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["dhcp"];
  if (x === undefined) (c ??= { ...o })["dhcp"] = D456;
  return c ?? o;
}
function d454(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  let c: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const y = d455(x);
    if (y !== x) (c ??= v.slice())[i] = y;
  }
  return c ?? v;
}
function d461(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["resolutionPolicy"];
  if (x === undefined) (c ??= { ...o })["resolutionPolicy"] = D462;
  x = o["useMachineVersion"];
  if (x === undefined) (c ??= { ...o })["useMachineVersion"] = D456;
  return c ?? o;
}
function d460(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["selector"];
  if (x !== undefined) { y = d461(x); if (y !== x) (c ??= { ...o })["selector"] = y; }
  return c ?? o;
}
function d458(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["availabilityZone"];
  if (x === undefined) (c ??= { ...o })["availabilityZone"] = D457;
  x = o["diskType"];
  if (x === undefined) (c ??= { ...o })["diskType"] = D459;
  x = o["image"];
  if (x !== undefined) { y = d460(x); if (y !== x) (c ??= { ...o })["image"] = y; }
  x = o["sizeGB"];
  if (x === undefined) (c ??= { ...o })["sizeGB"] = D463;
  return c ?? o;
}
function d453(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["additionalNetworks"];
  if (x !== undefined) { y = d454(x); if (y !== x) (c ??= { ...o })["additionalNetworks"] = y; }
  x = o["availabilityZone"];
  if (x === undefined) (c ??= { ...o })["availabilityZone"] = D457;
  x = o["disk"];
  if (x !== undefined) { y = d458(x); if (y !== x) (c ??= { ...o })["disk"] = y; }
  x = o["memoryMB"];
  if (x === undefined) (c ??= { ...o })["memoryMB"] = D464;
  x = o["numCores"];
  if (x === undefined) (c ??= { ...o })["numCores"] = D465;
  x = o["type"];
  if (x === undefined) (c ??= { ...o })["type"] = D466;
  return c ?? o;
}
function d452(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d453(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function c472(v: any, r: R): unknown {
  const o = new Map<string, unknown>();
  let x: unknown;
  x = v["additionalNetworks"]; if (x != null) o.set("additionalNetworks", c441(x, r));
  x = v["availabilityZone"]; if (x != null) o.set("availabilityZone", x);
  x = v["cpuFamily"]; if (x != null) o.set("cpuFamily", x);
  x = v["datacenterID"]; if (x != null) o.set("datacenterID", x);
  x = v["disk"]; if (x != null) o.set("disk", c443(x, r));
  x = v["failoverIP"]; if (x != null) o.set("failoverIP", x);
  x = v["ipv4PoolRef"]; if (x != null) o.set("ipv4PoolRef", c408(x, r));
  x = v["ipv6PoolRef"]; if (x != null) o.set("ipv6PoolRef", c411(x, r));
  x = v["memoryMB"]; if (x != null) o.set("memoryMB", BigInt(x as number));
  x = v["networkID"]; if (x != null) o.set("networkID", x);
  x = v["numCores"]; if (x != null) o.set("numCores", BigInt(x as number));
  x = v["providerID"]; if (x != null) o.set("providerID", x);
  x = v["type"]; if (x != null) o.set("type", x);
  return o;
}
function v470(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  const b = r.blocking;
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); r.celBlocked(p, R471); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "additionalNetworks": case "availabilityZone": case "cpuFamily": case "datacenterID": case "disk": case "failoverIP": case "ipv4PoolRef": case "ipv6PoolRef": case "memoryMB": case "networkID": case "numCores": case "providerID": case "type": break; default: if (o[k] !== undefined) r.unknown(p, k, K401); }
  }
  if (o["datacenterID"] === undefined) r.required(p, "datacenterID");
  if (o["disk"] === undefined) r.required(p, "disk");
  let x: unknown;
  x = o["additionalNetworks"];
  if (x !== undefined) v402(x, p + ".additionalNetworks", r);
  x = o["availabilityZone"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".availabilityZone"); }
    else if (typeof x !== 'string') r.type(p + ".availabilityZone", x, 'string');
    else {
      if (x !== "AUTO" && x !== "ZONE_1" && x !== "ZONE_2") r.enumv(p + ".availabilityZone", x, E412);
    }
  }
  x = o["cpuFamily"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".cpuFamily"); }
    else if (typeof x !== 'string') r.type(p + ".cpuFamily", x, 'string');
  }
  x = o["datacenterID"];
  if (x !== undefined) v413(x, p + ".datacenterID", r);
  x = o["disk"];
  if (x !== undefined) v416(x, p + ".disk", r);
  x = o["failoverIP"];
  if (x !== undefined) v430(x, p + ".failoverIP", r);
  x = o["ipv4PoolRef"];
  if (x !== undefined) v405(x, p + ".ipv4PoolRef", r);
  x = o["ipv6PoolRef"];
  if (x !== undefined) v409(x, p + ".ipv6PoolRef", r);
  x = o["memoryMB"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".memoryMB"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".memoryMB", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".memoryMB", x, 'int32');
      if (x < 2048) r.min(p + ".memoryMB", x, 2048, false);
      if (x % 1024 !== 0) r.multipleOf(p + ".memoryMB", x, 1024);
    }
  }
  x = o["networkID"];
  if (x !== undefined) v433(x, p + ".networkID", r);
  x = o["numCores"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".numCores"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".numCores", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".numCores", x, 'int32');
      if (x < 1) r.min(p + ".numCores", x, 1, false);
    }
  }
  x = o["providerID"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".providerID"); }
    else if (typeof x !== 'string') r.type(p + ".providerID", x, 'string');
  }
  x = o["type"];
  if (x !== undefined) v436(x, p + ".type", r);
  if (r.blocking === b) r.cel(p, v, R471, c472); else r.celBlocked(p, R471);
}
function v469(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown(p, k, K36); }
  }
  if (o["spec"] === undefined) r.required(p, "spec");
  let x: unknown;
  x = o["metadata"];
  if (x !== undefined) v37(x, p + ".metadata", r);
  x = o["spec"];
  if (x !== undefined) v470(x, p + ".spec", r);
}
function v468(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "template": break; default: if (o[k] !== undefined) r.unknown(p, k, K34); }
  }
  if (o["template"] === undefined) r.required(p, "template");
  let x: unknown;
  x = o["template"];
  if (x !== undefined) v469(x, p + ".template", r);
}
function root467(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown("", k, K32); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v468(x, "spec", r);
}
function d476(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["additionalNetworks"];
  if (x !== undefined) { y = d454(x); if (y !== x) (c ??= { ...o })["additionalNetworks"] = y; }
  x = o["availabilityZone"];
  if (x === undefined) (c ??= { ...o })["availabilityZone"] = D457;
  x = o["disk"];
  if (x !== undefined) { y = d458(x); if (y !== x) (c ??= { ...o })["disk"] = y; }
  x = o["memoryMB"];
  if (x === undefined) (c ??= { ...o })["memoryMB"] = D464;
  x = o["numCores"];
  if (x === undefined) (c ??= { ...o })["numCores"] = D465;
  x = o["type"];
  if (x === undefined) (c ??= { ...o })["type"] = D466;
  return c ?? o;
}
function d475(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d476(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function d474(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["template"];
  if (x !== undefined) { y = d475(x); if (y !== x) (c ??= { ...o })["template"] = y; }
  return c ?? o;
}
function d473(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d474(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}
function v478(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "addressReuseGracePeriodSeconds": case "addresses": case "allocateReservedIPAddresses": case "excludedAddresses": case "gateway": case "prefix": break; default: if (o[k] !== undefined) r.unknown(p, k, K479); }
  }
  if (o["addresses"] === undefined) r.required(p, "addresses");
  if (o["prefix"] === undefined) r.required(p, "prefix");
  let x: unknown;
  x = o["addressReuseGracePeriodSeconds"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".addressReuseGracePeriodSeconds"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".addressReuseGracePeriodSeconds", x, 'integer');
    else {
      if (x < -2147483648 || x > 2147483647) r.range(p + ".addressReuseGracePeriodSeconds", x, 'int32');
      if (x < 0) r.min(p + ".addressReuseGracePeriodSeconds", x, 0, false);
    }
  }
  x = o["addresses"];
  if (x !== undefined) v451(x, p + ".addresses", r);
  x = o["allocateReservedIPAddresses"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".allocateReservedIPAddresses"); }
    else if (typeof x !== 'boolean') r.type(p + ".allocateReservedIPAddresses", x, 'boolean');
  }
  x = o["excludedAddresses"];
  if (x !== undefined) v451(x, p + ".excludedAddresses", r);
  x = o["gateway"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".gateway"); }
    else if (typeof x !== 'string') r.type(p + ".gateway", x, 'string');
  }
  x = o["prefix"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".prefix"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".prefix", x, 'integer');
    else {
      if (x < 0) r.min(p + ".prefix", x, 0, false);
      if (x > 128) r.max(p + ".prefix", x, 128, false);
    }
  }
}
function v482(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "free": case "outOfRange": case "total": case "used": break; default: if (o[k] !== undefined) r.unknown(p, k, K483); }
  }
  if (o["free"] === undefined) r.required(p, "free");
  if (o["outOfRange"] === undefined) r.required(p, "outOfRange");
  if (o["total"] === undefined) r.required(p, "total");
  if (o["used"] === undefined) r.required(p, "used");
  let x: unknown;
  x = o["free"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".free"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".free", x, 'integer');
  }
  x = o["outOfRange"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".outOfRange"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".outOfRange", x, 'integer');
  }
  x = o["total"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".total"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".total", x, 'integer');
  }
  x = o["used"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".used"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".used", x, 'integer');
  }
}
function v480(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "ipAddresses": break; default: if (o[k] !== undefined) r.unknown(p, k, K481); }
  }
  let x: unknown;
  x = o["ipAddresses"];
  if (x !== undefined) v482(x, p + ".ipAddresses", r);
}
function root477(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, false, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v478(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v480(x, "status", r);
}
function root484(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v478(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v480(x, "status", r);
}
function v488(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiGroup": case "kind": case "name": break; default: if (o[k] !== undefined) r.unknown(p, k, K407); }
  }
  if (o["kind"] === undefined) r.required(p, "kind");
  if (o["name"] === undefined) r.required(p, "name");
  let x: unknown;
  x = o["apiGroup"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".apiGroup"); }
    else if (typeof x !== 'string') r.type(p + ".apiGroup", x, 'string');
  }
  x = o["kind"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".kind"); }
    else if (typeof x !== 'string') r.type(p + ".kind", x, 'string');
  }
  x = o["name"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".name"); }
    else if (typeof x !== 'string') r.type(p + ".name", x, 'string');
  }
}
function v486(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "clusterName": case "poolRef": break; default: if (o[k] !== undefined) r.unknown(p, k, K487); }
  }
  if (o["poolRef"] === undefined) r.required(p, "poolRef");
  let x: unknown;
  x = o["clusterName"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".clusterName"); }
    else if (typeof x !== 'string') r.type(p + ".clusterName", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".clusterName", x, 1);
      if (x.length > 63 && r.cp(x) > 63) r.maxLength(p + ".clusterName", x, 63);
    }
  }
  x = o["poolRef"];
  if (x !== undefined) v488(x, p + ".poolRef", r);
}
function v489(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "addressRef": case "conditions": case "v1beta2": break; default: if (o[k] !== undefined) r.unknown(p, k, K490); }
  }
  let x: unknown;
  x = o["addressRef"];
  if (x !== undefined) v375(x, p + ".addressRef", r);
  x = o["conditions"];
  if (x !== undefined) v19(x, p + ".conditions", r);
  x = o["v1beta2"];
  if (x !== undefined) v22(x, p + ".v1beta2", r);
}
function root485(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": case "status": break; default: if (o[k] !== undefined) r.unknown("", k, K2); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v486(x, "spec", r);
  x = o["status"];
  if (x !== undefined) v489(x, "status", r);
}
function d492(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["addressRef"];
  if (x !== undefined) { y = d390(x); if (y !== x) (c ??= { ...o })["addressRef"] = y; }
  return c ?? o;
}
function d491(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["status"];
  if (x !== undefined) { y = d492(x); if (y !== x) (c ??= { ...o })["status"] = y; }
  return c ?? o;
}
function v494(v: unknown, p: string, r: R): void {
  if (v === null) { r.nul(p); return; }
  if (typeof v !== 'object' || Array.isArray(v)) { r.type(p, v, 'object'); return; }
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "address": case "claimRef": case "gateway": case "poolRef": case "prefix": break; default: if (o[k] !== undefined) r.unknown(p, k, K495); }
  }
  if (o["address"] === undefined) r.required(p, "address");
  if (o["claimRef"] === undefined) r.required(p, "claimRef");
  if (o["poolRef"] === undefined) r.required(p, "poolRef");
  if (o["prefix"] === undefined) r.required(p, "prefix");
  let x: unknown;
  x = o["address"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".address"); }
    else if (typeof x !== 'string') r.type(p + ".address", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".address", x, 1);
      if (x.length > 39 && r.cp(x) > 39) r.maxLength(p + ".address", x, 39);
    }
  }
  x = o["claimRef"];
  if (x !== undefined) v375(x, p + ".claimRef", r);
  x = o["gateway"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".gateway"); }
    else if (typeof x !== 'string') r.type(p + ".gateway", x, 'string');
    else {
      if (x.length < 2 && r.cp(x) < 1) r.minLength(p + ".gateway", x, 1);
      if (x.length > 39 && r.cp(x) > 39) r.maxLength(p + ".gateway", x, 39);
    }
  }
  x = o["poolRef"];
  if (x !== undefined) v488(x, p + ".poolRef", r);
  x = o["prefix"];
  if (x !== undefined) {
    if (x === null) { r.nul(p + ".prefix"); }
    else if (typeof x !== 'number' || !Number.isInteger(x)) r.type(p + ".prefix", x, 'integer');
  }
}
function root493(v: Obj, r: R): void {
  const o = v as Obj;
  for (const k in o) {
    switch (k) { case "apiVersion": case "kind": case "metadata": case "spec": break; default: if (o[k] !== undefined) r.unknown("", k, K32); }
  }
  r.meta("metadata", o.metadata, true, true);
  let x: unknown;
  x = o["spec"];
  if (x !== undefined) v494(x, "spec", r);
}
function d497(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["claimRef"];
  if (x !== undefined) { y = d390(x); if (y !== x) (c ??= { ...o })["claimRef"] = y; }
  return c ?? o;
}
function d496(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Obj;
  let c: Obj | undefined;
  let x: unknown;
  let y: unknown;
  x = o["spec"];
  if (x !== undefined) { y = d497(x); if (y !== x) (c ??= { ...o })["spec"] = y; }
  return c ?? o;
}

/** One validator per served CRD version, sorted by group, version and kind. */
export const KINDS: readonly KindValidator[] = [
  { group: "addons.cluster.x-k8s.io", version: "v1beta1", kind: "ClusterResourceSet", crd: "clusterresourcesets.addons.cluster.x-k8s.io", namespaced: true, defaults: (v) => v, validate: root1 },
  { group: "bootstrap.cluster.x-k8s.io", version: "v1beta1", kind: "KubeadmConfigTemplate", crd: "kubeadmconfigtemplates.bootstrap.cluster.x-k8s.io", namespaced: true, defaults: (v) => d148(v) as Obj, validate: root31 },
  { group: "cluster.x-k8s.io", version: "v1beta1", kind: "Cluster", crd: "clusters.cluster.x-k8s.io", namespaced: true, defaults: (v) => v, validate: root261 },
  { group: "cluster.x-k8s.io", version: "v1beta1", kind: "ClusterClass", crd: "clusterclasses.cluster.x-k8s.io", namespaced: true, defaults: (v) => d247(v) as Obj, validate: root162 },
  { group: "cluster.x-k8s.io", version: "v1beta1", kind: "Machine", crd: "machines.cluster.x-k8s.io", namespaced: true, defaults: (v) => v, validate: root321 },
  { group: "cluster.x-k8s.io", version: "v1beta1", kind: "MachineDeployment", crd: "machinedeployments.cluster.x-k8s.io", namespaced: true, defaults: (v) => v, validate: root301 },
  { group: "cluster.x-k8s.io", version: "v1beta1", kind: "MachineHealthCheck", crd: "machinehealthchecks.cluster.x-k8s.io", namespaced: true, defaults: (v) => v, validate: root315 },
  { group: "controlplane.cluster.x-k8s.io", version: "v1beta1", kind: "KubeadmControlPlane", crd: "kubeadmcontrolplanes.controlplane.cluster.x-k8s.io", namespaced: true, defaults: (v) => d351(v) as Obj, validate: root333 },
  { group: "controlplane.cluster.x-k8s.io", version: "v1beta1", kind: "KubeadmControlPlaneTemplate", crd: "kubeadmcontrolplanetemplates.controlplane.cluster.x-k8s.io", namespaced: true, defaults: (v) => d361(v) as Obj, validate: root354 },
  { group: "infrastructure.cluster.x-k8s.io", version: "v1alpha1", kind: "IonosCloudCluster", crd: "ionoscloudclusters.infrastructure.cluster.x-k8s.io", namespaced: true, defaults: (v) => d387(v) as Obj, validate: root365 },
  { group: "infrastructure.cluster.x-k8s.io", version: "v1alpha1", kind: "IonosCloudClusterTemplate", crd: "ionoscloudclustertemplates.infrastructure.cluster.x-k8s.io", namespaced: true, defaults: (v) => d395(v) as Obj, validate: root391 },
  { group: "infrastructure.cluster.x-k8s.io", version: "v1alpha1", kind: "IonosCloudMachine", crd: "ionoscloudmachines.infrastructure.cluster.x-k8s.io", namespaced: true, defaults: (v) => d452(v) as Obj, validate: root398 },
  { group: "infrastructure.cluster.x-k8s.io", version: "v1alpha1", kind: "IonosCloudMachineTemplate", crd: "ionoscloudmachinetemplates.infrastructure.cluster.x-k8s.io", namespaced: true, defaults: (v) => d473(v) as Obj, validate: root467 },
  { group: "ipam.cluster.x-k8s.io", version: "v1alpha2", kind: "GlobalInClusterIPPool", crd: "globalinclusterippools.ipam.cluster.x-k8s.io", namespaced: false, defaults: (v) => v, validate: root477 },
  { group: "ipam.cluster.x-k8s.io", version: "v1alpha2", kind: "InClusterIPPool", crd: "inclusterippools.ipam.cluster.x-k8s.io", namespaced: true, defaults: (v) => v, validate: root484 },
  { group: "ipam.cluster.x-k8s.io", version: "v1beta1", kind: "IPAddress", crd: "ipaddresses.ipam.cluster.x-k8s.io", namespaced: true, defaults: (v) => d496(v) as Obj, validate: root493 },
  { group: "ipam.cluster.x-k8s.io", version: "v1beta1", kind: "IPAddressClaim", crd: "ipaddressclaims.ipam.cluster.x-k8s.io", namespaced: true, defaults: (v) => d491(v) as Obj, validate: root485 },
];
