/**
 * CanonicalHeaders and SignedHeaders (AWS docs, "Create a canonical request", steps 4-5): names
 * lower-cased and sorted; values trimmed, inner runs of spaces and tabs collapsed to one space;
 * a name given more than once gets its values joined with ',' in the order given.
 */
import { UNSIGNABLE_HEADER } from './constants.js';

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export interface CanonicalHeaders {
  /** The CanonicalHeaders block, each line ending in '\n'. */
  readonly canonicalHeaders: string;
  /** The SignedHeaders list: names joined with ';'. */
  readonly signedHeaders: string;
}

const RUN_OF_SPACES = /[ \t]+/g;
const SPACE_OR_TAB = /[ \t]/;

/** Trim and collapse a header value: the only rewriting SigV4 allows. */
export function canonicalHeaderValue(value: string): string {
  if (!SPACE_OR_TAB.test(value)) return value;
  return value.replace(RUN_OF_SPACES, ' ').trim();
}

export function canonicalHeaders(headers: HeaderList): CanonicalHeaders {
  const byName = new Map<string, string>();
  for (const [rawName, rawValue] of headers) {
    const name = rawName.toLowerCase();
    if (UNSIGNABLE_HEADER.test(name)) continue;
    const value = canonicalHeaderValue(rawValue);
    const seen = byName.get(name);
    byName.set(name, seen === undefined ? value : seen + ',' + value);
  }
  const names = [...byName.keys()].sort();
  let block = '';
  for (const name of names) block += name + ':' + byName.get(name) + '\n';
  return { canonicalHeaders: block, signedHeaders: names.join(';') };
}
