import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KUBE_VIP_PLACEHOLDERS, KUBE_VIP_TEMPLATE, kubeVipManifest, kubeVipManifestSlow, type KubeVipOptions,
} from '../../src/constructs/private/kubeadm.js';

const BASE: KubeVipOptions = { address: '10.20.255.253', port: 6443, image: 'ghcr.io/kube-vip/kube-vip:v0.7.1', interface: '' };

/** Strings near the edges of plain YAML scalars: core-schema look-alikes, indicators, colons. */
const EDGES = [
  '', 'true', 'True', 'TRUE', 'yes', 'on', 'null', 'Null', '~', '0', '6443', '1.', '.5', '1e3', '1E+3', '0o17', '0x1F', '0xZZ',
  '-1', '+1', '.inf', '.nan', '1_000', 'fd00::1', 'fd00::', '::1', 'a:b', 'a: b', 'a #b', '#a', 'a#b', ' a', 'a ', 'a\nb',
  '---', '...', '%a', '@a', '*a', '&a', '!a', '[a]', '{a}', 'a,b', '"a"', "'a'", 'eth0', 'ens6', 'registry:5000/kube-vip:v1',
];

function same(options: KubeVipOptions): void {
  expect(kubeVipManifest(options)).toBe(kubeVipManifestSlow(options));
}

describe('kubeVipManifest', () => {
  it('has a template that is what the yaml package writes for the placeholders', () => {
    const { address, port, image, interface: iface } = KUBE_VIP_PLACEHOLDERS;
    expect(kubeVipManifestSlow({ address, port: port as unknown as number, image, interface: iface })).toBe(KUBE_VIP_TEMPLATE);
  });

  it('writes the bytes the yaml package writes for the usual values', () => {
    same(BASE);
    same({ ...BASE, address: 'fd00:20::10', interface: 'eth0' });
    expect(kubeVipManifest(BASE)).toContain('value: 10.20.255.253\n');
    expect(kubeVipManifest(BASE)).toContain('value: "6443"\n');
  });

  it.each(EDGES)('writes the bytes the yaml package writes for %j in every varying field', (value) => {
    same({ ...BASE, address: value });
    same({ ...BASE, image: value });
    same({ ...BASE, interface: value });
  });

  it('writes the bytes the yaml package writes for any values (property)', () => {
    const text = fc.oneof(
      fc.constantFrom(...EDGES),
      fc.string({ unit: fc.constantFrom(...'aZ09_.-+:/@#" \'\n,[]{}~!&*%eExo'.split('')), maxLength: 12 }),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(fc.property(text, text, text, fc.integer({ min: -1, max: 70_000 }), (address, image, iface, port) => {
      same({ address, image, interface: iface, port });
    }), { numRuns: 500 });
  });
});
