/**
 * CanonicalQueryString (AWS docs, "Create a canonical request", step 3): every name and value
 * URI-encoded, pairs sorted by encoded name then encoded value (byte order), `name=value` joined
 * with `&`; a parameter without a value is `name=`.
 */
import { reencode } from './encoding.js';

/** A query parameter already in SigV4-encoded form: [name, value]. */
export type EncodedPair = [name: string, value: string];

/** Raw query input: values are decoded text; an array repeats the parameter. */
export type QueryInput = Readonly<Record<string, string | readonly string[]>>;

function comparePairs(a: EncodedPair, b: EncodedPair): number {
  // Encoded strings are ASCII, so UTF-16 order is byte order.
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

export function canonicalQueryString(pairs: EncodedPair[]): string {
  return pairs
    .sort(comparePairs)
    .map((p) => p[0] + '=' + p[1])
    .join('&');
}

/**
 * Reads a query string in wire form (without the `?`): pairs split on `&` and on the first `=`,
 * escapes kept and made canonical. `+` is a literal plus, as in RFC 3986 and every AWS SDK, not a
 * space. Empty segments (`a&&b`) carry no parameter and are dropped.
 */
export function encodeWireQuery(query: string, into: EncodedPair[]): EncodedPair[] {
  if (query === '') return into;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    into.push([reencode(name, false, 'url'), reencode(value, false, 'url')]);
  }
  return into;
}
