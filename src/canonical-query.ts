/**
 * CanonicalQueryString (AWS docs, "Create a canonical request", step 3): every name and value
 * URI-encoded, pairs sorted by encoded name then encoded value (byte order), `name=value` joined
 * with `&`; a parameter without a value is `name=`.
 */
import { reencode, uriEncode } from './encoding.js';

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
  pairs.sort(comparePairs);
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as EncodedPair;
    out += (i === 0 ? '' : '&') + p[0] + '=' + p[1];
  }
  return out;
}

/** Encodes decoded query input (names and values as text), appending to `into`. */
export function encodeQueryInput(query: QueryInput, into: EncodedPair[]): EncodedPair[] {
  for (const name of Object.keys(query)) {
    const value = query[name] as string | readonly string[];
    const encodedName = uriEncode(name, `query.${name}`);
    if (typeof value === 'string') into.push([encodedName, uriEncode(value, `query.${name}`)]);
    else for (const v of value) into.push([encodedName, uriEncode(v, `query.${name}`)]);
  }
  return into;
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
