/**
 * `capi-ionos diff`'s reports: the diff model of fleet/diff.ts as text, Markdown or JSON.
 */
import { hasChanges, type Change, type ObjectChange, type DirectoryChange, type RangeChange, type FleetDiff } from '../fleet/diff.js';

const MAX_FIELDS = 12;
const MAX_VALUE = 60;

/** A value for one line: plain when unambiguous, JSON otherwise, cut at 60 characters. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  let text: string;
  if (typeof value === 'string') text = /^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~|-?\d+(\.\d+)?([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i.test(value) ? value : JSON.stringify(value);
  else text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function count(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number | bigint, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 || n === 1n ? one : many}`;
}

function ownerLabel(r: RangeChange): string {
  if (r.purpose === 'pool') return `pool ${r.name}`;
  if (r.purpose === 'endpoint') return `VIP ${r.name}`;
  return `retired range of ${r.name}`;
}

function rangeDetail(r: RangeChange): string {
  const addresses = (n: bigint) => plural(n, 'address', 'addresses').replace(/^\d+/, count(n));
  switch (r.change) {
    case 'added': return addresses(r.addressesAfter);
    case 'removed': return `${addresses(r.addressesBefore)} released`;
    case 'changed': return 'same ranges; kind, namespace or cluster changed';
    default: return `${r.change}, ${count(r.addressesBefore)} → ${addresses(r.addressesAfter)}`;
  }
}

const MARK: Readonly<Record<string, string>> = { added: '+', removed: '-', changed: '~', grown: '~', shrunk: '~', renumbered: '~' };

function objectLabel(o: ObjectChange): string {
  if (o.kind === '') return `file ${o.file}`;
  return `${o.kind} ${o.namespace === undefined ? '' : `${o.namespace}/`}${o.name}`;
}

function fieldLines(o: ObjectChange): string[] {
  if (o.formattingOnly) return ['(formatting only: the objects are equal)'];
  const lines = o.movedFrom === undefined ? [] : [`(moved from ${o.movedFrom})`];
  lines.push(...o.fields.slice(0, MAX_FIELDS).map((f) => `${f.path === '' ? '(whole file)' : f.path}: ${formatValue(f.before)} → ${formatValue(f.after)}`));
  if (o.fields.length > MAX_FIELDS) lines.push(`… and ${o.fields.length - MAX_FIELDS} more ${o.fields.length - MAX_FIELDS === 1 ? 'field' : 'fields'}`);
  return lines;
}

function directoryLabel(d: DirectoryChange): string {
  return d.name === '' ? '(top level)' : d.name;
}

function directorySummary(d: DirectoryChange): string {
  const n = (c: Change) => d.objects.filter((o) => o.change === c).length;
  const parts = [n('added') > 0 ? `${n('added')} added` : '', n('changed') > 0 ? `${n('changed')} changed` : '', n('removed') > 0 ? `${n('removed')} removed` : '']
    .filter((p) => p !== '');
  if (d.files.length > 0) parts.push(plural(d.files.length, 'other file'));
  const what = d.name === '_shared' ? 'shared objects' : d.name === '' ? 'top level' : 'cluster';
  const prefix = d.change === 'added' ? `new ${what}` : d.change === 'removed' ? `${what} removed` : '';
  return [prefix, parts.join(', ')].filter((p) => p !== '').join(': ');
}

/** One line summing up the whole diff. */
export function summaryLine(diff: FleetDiff): string {
  if (!hasChanges(diff)) return `no changes: the fresh synthesis matches ${diff.base}`;
  const objects = diff.directories.flatMap((d) => d.objects);
  const n = (c: Change) => objects.filter((o) => o.change === c).length;
  const clusters = diff.directories.filter((d) => d.name !== '_shared' && d.name !== '');
  const parts = [
    `${plural(clusters.filter((d) => d.change === 'added').length, 'cluster')} added`,
    `${clusters.filter((d) => d.change === 'changed').length} changed`,
    `${clusters.filter((d) => d.change === 'removed').length} removed`,
  ];
  const objectsPart = `objects: ${n('added')} added, ${n('changed')} changed, ${n('removed')} removed`;
  const lock = diff.lock === undefined ? '' : `; IP plan: ${diff.lock.length === 0 ? 'unchanged' : plural(diff.lock.length, 'change')}`;
  return `${parts.join(', ')}; ${objectsPart}${lock}`;
}

/** The terminal report: the IP plan's changes first, then each directory with changes. */
export function textReport(diff: FleetDiff): string {
  const out: string[] = [];
  if (diff.lock !== undefined && diff.lock.length > 0) {
    out.push(`IP plan (ipam.lock.yaml, ${diff.base} → fresh plan):`);
    for (const r of diff.lock) {
      const ranges = r.change === 'added' ? r.after.join(' ') : r.change === 'removed' ? r.before.join(' ') : `${r.before.join(' ')} → ${r.after.join(' ')}`;
      out.push(`  ${MARK[r.change]} ${ownerLabel(r)} (${r.network}): ${ranges} (${rangeDetail(r)})`);
    }
    out.push('');
  }
  if (diff.directories.length > 0) {
    out.push(`Manifests (${diff.base} → fresh synthesis):`);
    for (const d of diff.directories) {
      out.push(`${directoryLabel(d)} (${directorySummary(d)})`);
      for (const o of d.objects) {
        out.push(`  ${MARK[o.change]} ${objectLabel(o)}`);
        if (o.change === 'changed') for (const line of fieldLines(o)) out.push(`      ${line}`);
      }
      for (const f of d.files) out.push(`  ${MARK[f.change]} file ${f.file} (not explained by the objects; was it edited by hand?)`);
    }
    out.push('');
  }
  out.push(summaryLine(diff));
  return `${out.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Markdown for a pull-request comment: summary, IP plan table, a collapsible list per directory. */
export function markdownReport(diff: FleetDiff): string {
  const out: string[] = [`### Manifest diff against ${code(diff.base)}`, '', summaryLine(diff), ''];
  if (diff.lock !== undefined && diff.lock.length > 0) {
    out.push('#### IP plan', '', '| change | owner | network | before | after | addresses |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of diff.lock) {
      const ranges = (list: readonly string[]) => (list.length === 0 ? '' : code(list.join(' ')));
      out.push(`| **${r.change}** | ${escapeCell(ownerLabel(r))} | ${escapeCell(r.network)} | ${ranges(r.before)} | ${ranges(r.after)} | ${escapeCell(rangeDetail(r))} |`);
    }
    out.push('');
  }
  for (const d of diff.directories) {
    out.push(`<details open><summary><code>${directoryLabel(d)}</code>: ${directorySummary(d)}</summary>`, '');
    for (const o of d.objects) {
      out.push(`- ${o.change === 'changed' ? '' : `**${o.change}** `}${code(objectLabel(o))}`);
      if (o.change === 'changed') for (const line of fieldLines(o)) out.push(`  - ${code(line)}`);
    }
    for (const f of d.files) out.push(`- **${f.change}** ${code(f.file)} (not explained by the objects)`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}`;
}

/** A count as JSON: a number when exact, else a decimal string (IPv6 sizes). */
function jsonCount(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/**
 * The JSON report: `{base, changed, summary, lock: [...] | null, directories: [{name, change,
 * objects: [{change, apiVersion, kind, namespace, name, file, fields: [{path, before, after}]}],
 * files}], unchangedDirectories}`. An absent field value is `null` with `beforeAbsent` /
 * `afterAbsent` set, so that a field set to null stays distinguishable.
 */
export function jsonReport(diff: FleetDiff): string {
  const lock = diff.lock === undefined ? null : diff.lock.map((r) => ({
    change: r.change, purpose: r.purpose, name: r.name, network: r.network, family: r.family === 4 ? 'IPv4' : 'IPv6',
    before: r.before, after: r.after, addressesBefore: jsonCount(r.addressesBefore), addressesAfter: jsonCount(r.addressesAfter),
  }));
  const directories = diff.directories.map((d) => ({
    name: d.name, change: d.change,
    objects: d.objects.map((o) => ({
      change: o.change, apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace ?? null, name: o.name, file: o.file,
      formattingOnly: o.formattingOnly, movedFrom: o.movedFrom ?? null,
      fields: o.fields.map((f) => ({
        path: f.path, before: f.before ?? null, after: f.after ?? null,
        ...(f.before === undefined ? { beforeAbsent: true } : {}), ...(f.after === undefined ? { afterAbsent: true } : {}),
      })),
    })),
    files: d.files,
  }));
  return `${JSON.stringify({ base: diff.base, changed: hasChanges(diff), summary: summaryLine(diff), lock, directories, unchangedDirectories: diff.unchangedDirectories }, null, 2)}\n`;
}
