/**
 * The reference node setup: files and commands with the same effect as the IONOS provider's
 * reference template (docs/node-bootstrap.md lists them, and where and why we differ). Written
 * for Ubuntu images with containerd, as the template is.
 *
 * Everything here is plain data in the generated L1 field names.
 */

/** A bootstrap file in L1 field names. */
export interface KubeadmFile {
  readonly path: string;
  readonly content?: string;
  readonly contentFrom?: { readonly secret: { readonly name: string; readonly key: string } };
  readonly owner?: string;
  readonly permissions?: string;
  readonly encoding?: string;
  readonly append?: boolean;
}

export const CONTAINERD_SOCKET = 'unix:///run/containerd/containerd.sock';
export const SET_NODE_IP_SCRIPT = '/etc/set-node-ip.sh';
export const HARDEN_NODE_SCRIPT = '/etc/capi-ionos/harden-node.sh';

const SSH_HARDENING = `# Only current key exchange, cipher, MAC and key algorithms (ssh-audit's recommendations).
KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group-exchange-sha256
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr
MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com
HostKeyAlgorithms ssh-ed25519,ssh-ed25519-cert-v01@openssh.com,sk-ssh-ed25519@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,rsa-sha2-512,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256,rsa-sha2-256-cert-v01@openssh.com
CASignatureAlgorithms ssh-ed25519,sk-ssh-ed25519@openssh.com,rsa-sha2-512,rsa-sha2-256
GSSAPIKexAlgorithms gss-curve25519-sha256-,gss-group16-sha512-
HostbasedAcceptedAlgorithms ssh-ed25519,ssh-ed25519-cert-v01@openssh.com,sk-ssh-ed25519@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,rsa-sha2-512,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256,rsa-sha2-256-cert-v01@openssh.com
PubkeyAcceptedAlgorithms ssh-ed25519,ssh-ed25519-cert-v01@openssh.com,sk-ssh-ed25519@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,rsa-sha2-512,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256,rsa-sha2-256-cert-v01@openssh.com
`;

const SYSCTL = `# Kubernetes nodes watch many files and track many connections.
fs.inotify.max_user_watches = 65536
net.netfilter.nf_conntrack_max = 1000000
`;

/** IPVS, which kube-vip (and kube-proxy in IPVS mode) needs, with its schedulers. */
const MODULES = `ip_vs
ip_vs_rr
ip_vs_wrr
ip_vs_sh
ip_vs_sed
`;

const CRICTL = `runtime-endpoint: ${CONTAINERD_SOCKET}
image-endpoint: ${CONTAINERD_SOCKET}
timeout: 10
`;

/**
 * Pins the kubelet to the primary NIC's addresses. The interface name comes as the first
 * argument; without such an interface the IPv4 default route's is taken.
 */
const SET_NODE_IP = `#!/bin/bash
# Tells the kubelet which addresses are the node's: those of the primary NIC. A node with several
# NICs would otherwise register whichever address the kubelet finds first.
set -euo pipefail
nic="\${1:-ens6}"
if ! ip link show dev "$nic" >/dev/null 2>&1; then
  nic="$(ip -4 route show default | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }')"
fi
v4="$(ip -4 -o addr show dev "$nic" scope global | awk '{ split($4, a, "/"); print a[1]; exit }')"
v6="$(ip -6 -o addr show dev "$nic" scope global -deprecated -temporary | awk '{ split($4, a, "/"); print a[1]; exit }')"
ips="$(printf '%s\\n%s\\n' "$v4" "$v6" | sed '/^$/d' | paste -sd, -)"
if [ -z "$ips" ]; then
  echo "set-node-ip: no global address on $nic; leaving the kubelet to choose" >&2
  exit 0
fi
conf=/etc/default/kubelet
touch "$conf"
if grep -q -- '--node-ip' "$conf"; then
  exit 0
elif grep -q '^KUBELET_EXTRA_ARGS=' "$conf"; then
  sed -i "s|^KUBELET_EXTRA_ARGS=\\(.*\\)$|KUBELET_EXTRA_ARGS=\\1 --node-ip=$ips|" "$conf"
else
  echo "KUBELET_EXTRA_ARGS=--node-ip=$ips" >> "$conf"
fi
`;

const HARDEN_NODE = `#!/bin/bash
# Runs once after kubeadm: switches off services a Kubernetes node does not use, gives the node
# SSH host keys of its own (the image's are shared by every server made from it), drops weak
# Diffie-Hellman groups and limits new SSH connections to 10 per 10 seconds per source. Each step
# is best effort: a unit or package the image lacks is skipped.
set -u
for unit in udisks2 multipathd motd-news.timer fwupd-refresh.timer packagekit ModemManager \\
  snapd snapd.socket snapd.apparmor snapd.seeded; do
  systemctl disable --now "$unit" >/dev/null 2>&1 || true
done

rm -f /etc/ssh/ssh_host_*
ssh-keygen -q -t rsa -b 4096 -N '' -f /etc/ssh/ssh_host_rsa_key
ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key
sed -i -E 's,^#?HostKey /etc/ssh/ssh_host_(rsa|ed25519)_key$,HostKey /etc/ssh/ssh_host_\\1_key,' /etc/ssh/sshd_config
if [ -f /etc/ssh/moduli ]; then
  awk '$5 >= 3071' /etc/ssh/moduli > /etc/ssh/moduli.strong && mv /etc/ssh/moduli.strong /etc/ssh/moduli
fi

for tables in iptables ip6tables; do
  "$tables" -I INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --set
  "$tables" -I INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds 10 --hitcount 10 -j DROP
done
export DEBIAN_FRONTEND=noninteractive
apt-get update -q && apt-get install -y -q netfilter-persistent iptables-persistent && netfilter-persistent save
systemctl restart ssh 2>/dev/null || systemctl restart sshd
`;

/** Files every node of the reference setup gets, before kubeadm. */
export function referenceFiles(): KubeadmFile[] {
  return [
    { path: '/etc/ssh/sshd_config.d/ssh-audit_hardening.conf', owner: 'root:root', permissions: '0644', content: SSH_HARDENING },
    { path: '/etc/sysctl.d/k8s.conf', owner: 'root:root', permissions: '0644', content: SYSCTL },
    { path: '/etc/modules-load.d/k8s.conf', owner: 'root:root', permissions: '0644', content: MODULES },
    { path: '/etc/crictl.yaml', owner: 'root:root', permissions: '0644', content: CRICTL },
    { path: HARDEN_NODE_SCRIPT, owner: 'root:root', permissions: '0700', content: HARDEN_NODE },
  ];
}

/** The node-IP script file. */
export function setNodeIpFile(): KubeadmFile {
  return { path: SET_NODE_IP_SCRIPT, owner: 'root:root', permissions: '0700', content: SET_NODE_IP };
}

/** The command running the node-IP script for the primary NIC `nic`. */
export function setNodeIpCommand(nic: string): string {
  return `${SET_NODE_IP_SCRIPT} ${nic}`;
}

/** Commands before kubeadm: modules, sysctl and networking in effect, swap off for good. */
export const REFERENCE_PRE_KUBEADM = [
  'systemctl restart systemd-networkd.service systemd-modules-load.service systemd-journald containerd',
  'swapoff -a',
  "sed -ri '/^[^#].*\\sswap\\s/s/^/#/' /etc/fstab",
  'sysctl --system',
];

/** Commands after kubeadm. */
export const REFERENCE_POST_KUBEADM = [HARDEN_NODE_SCRIPT];

/** pool.ntp.org country zones of IONOS locations' countries (`gb` is the `uk` zone). */
const NTP_ZONES: Readonly<Record<string, string>> = { de: 'de', es: 'es', fr: 'fr', gb: 'uk', us: 'us' };

/** Four pool.ntp.org servers near the datacenter at `location` (e.g. `de/txl`). */
export function defaultNtpServers(location: string): string[] {
  const zone = NTP_ZONES[location.split('/')[0]!.toLowerCase()];
  return [0, 1, 2, 3].map((n) => (zone === undefined ? `${n}.pool.ntp.org` : `${n}.${zone}.pool.ntp.org`));
}
