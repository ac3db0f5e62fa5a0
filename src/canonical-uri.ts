/**
 * CanonicalURI (AWS docs, "Create a canonical request", step 2). Two rule sets exist:
 * - S3: the path is URI-encoded once and never normalised: `//`, `.` and `..` are part of a key.
 * - Every other service: the path is normalised (RFC 3986 dot segments, empty segments dropped)
 *   and the already-encoded path is encoded again ("double encoding": `%3D` becomes `%253D`).
 * Input is always the path in wire form, exactly as it goes on the request line.
 */
import { reencode, uriEncodePath } from './encoding.js';

export interface UriRules {
  /** Encode the wire path again (`%` becomes `%25`). False for S3. */
  readonly doubleEncode: boolean;
  /** Remove `.`/`..` and empty segments before encoding. False for S3. */
  readonly normalizePath: boolean;
}

/**
 * Path normalisation as @smithy/signature-v4 and aws-c-auth do it: empty and `.` segments go,
 * `..` removes the previous segment, a trailing slash is kept when anything is left.
 */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return '/' + segments.join('/') + trailing;
}

/** The CanonicalURI line for a wire-form path under the given rules. */
export function canonicalUri(wirePath: string, rules: UriRules): string {
  const path = rules.normalizePath ? normalizePath(wirePath) : wirePath;
  // Double encoding takes every character of the wire path, '%' included, as data.
  // Single encoding keeps the wire path's escapes and only makes them canonical.
  return rules.doubleEncode ? uriEncodePath(path, 'url') : reencode(path, true, 'url');
}
