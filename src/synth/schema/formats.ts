/**
 * The string formats the Kubernetes API server checks in CRD schemas (kube-openapi's strfmt
 * registry), for the formats this project's CRDs use and a few neighbours. The generator refuses
 * a CRD using any other format the API server checks (ipv4, hostname, duration, …), so none is
 * ever skipped silently. Each predicate
 * reproduces the API server's rule, quirks included (for instance, `uuid` accepts the dashes
 * as optional, and `byte` rejects the empty string).
 */

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// `.` in the upstream pattern is RE2's "any character but newline".
const TIME_OF_DAY = /^([0-9]{2}):([0-9]{2}):([0-9]{2})([^\n][0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;

/** `YYYY-MM-DD` with a real calendar day (Go's time.Parse with layout 2006-01-02). */
export function isDate(value: string): boolean {
  const m = FULL_DATE.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The API server's `date-time` check (strfmt.IsDateTime): a date, `T`, a time and a zone. */
export function isDateTime(value: string): boolean {
  if (value.length < 4) return false;
  const parts = value.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0]!)) return false;
  const m = TIME_OF_DAY.exec(parts[1]!);
  if (m === null) return false;
  return m[1]! <= '23' && m[2]! <= '59' && m[3]! <= '59';
}

/** Format predicates by the API server's normalised name (dashes removed). */
export const FORMATS: { readonly [format: string]: (value: string) => boolean } = {
  uuid: (v) => UUID.test(v),
  uuid3: (v) => UUID3.test(v),
  uuid4: (v) => UUID4.test(v),
  uuid5: (v) => UUID5.test(v),
  byte: (v) => BASE64.test(v),
  password: () => true,
  date: isDate,
  datetime: isDateTime,
};
