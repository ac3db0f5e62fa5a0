/**
 * Reading a URL string without letting the WHATWG URL parser decide the path: it would resolve
 * `.` and `..`, turn `\` into `/` and re-escape characters, and an S3 key is data, not a path to
 * tidy. Rules (documented in the README):
 * - scheme `http` or `https` (any case), an authority without user info, then the path, the query
 *   after the first `?`, and a fragment after the first `#` (dropped: it is never sent).
 * - The authority is the only part given to `URL`: it lower-cases the host, converts an
 *   internationalised name to punycode and drops a default port, as an HTTP client does when it
 *   writes the Host header.
 * - The path is taken as written: existing %XX escapes are kept, characters that cannot appear raw
 *   on a request line (space, non-ASCII, `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`) are
 *   UTF-8 percent-encoded, and a `%` not followed by two hex digits is a literal percent sign.
 *   An empty path is `/`.
 * - The query is read the same way; `+` is a plus sign, not a space.
 */
import { SigV4Error, describeValue, fail } from './errors.js';

export interface RequestUrl {
  /** `https:` or `http:` */
  readonly protocol: string;
  /** The Host header value: lower-case host, port only when not the default. */
  readonly host: string;
  /** The path as it goes on the request line (wire form). */
  readonly wirePath: string;
  /** The query without `?`, wire form; '' when there is none. */
  readonly wireQuery: string;
}

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;
/** Characters allowed raw in a path or query on the wire besides unreserved ones and '%'. */
const NOT_WIRE_SAFE = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]|%(?![0-9A-Fa-f]{2})/gu;

function escapeForWire(c: string): string {
  return c === '%' ? '%25' : encodeURIComponent(c);
}

/** Percent-encodes what may not appear raw in a request target; keeps valid escapes as they are. */
export function toWireForm(s: string): string {
  return s.replace(NOT_WIRE_SAFE, escapeForWire);
}

/**
 * A request target given in parts: `path` (and `query`) exactly as on the request line; nothing is
 * re-escaped. For callers that already hold the wire form (proxies, test suites).
 */
export interface RequestUrlParts {
  readonly protocol?: 'https:' | 'http:' | undefined;
  /** The Host header value, port included when not the default. */
  readonly host: string;
  /** Starts with '/'. */
  readonly path: string;
  /** Without '?'. */
  readonly query?: string | undefined;
}

const URL_PARTS_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['protocol', 'host', 'path', 'query']);
const HOST_VALUE = /^[A-Za-z0-9.\-_~!$&'()*+,;=:\[\]%]+$/;
const CONTROL = /[\x00-\x1f\x7f]/;

export function readRequestUrlParts(parts: RequestUrlParts, field = 'url'): RequestUrl {
  const { protocol = 'https:', host, path, query = '' } = parts;
  const bad = (part: string, expected: string, value: unknown): never => fail('INVALID_URL', field + '.' + part, expected, describeValue(value));
  for (const key of Object.keys(parts)) {
    // A typo or a WHATWG name (`pathname`, `search`) would otherwise be ignored without a word.
    if (!URL_PARTS_KEYS.has(key)) throw new SigV4Error('INVALID_URL', field + '.' + key, 'unknown URL part: expected protocol, host, path and query');
  }
  if (protocol !== 'https:' && protocol !== 'http:') bad('protocol', '"https:" or "http:"', protocol);
  if (typeof host !== 'string' || !HOST_VALUE.test(host)) bad('host', 'a host name', host);
  // A raw space or non-ASCII character is accepted in the path (the official suites sign such
  // request lines); '?', '#' and control characters are not.
  if (typeof path !== 'string' || path[0] !== '/' || /[?#]/.test(path) || CONTROL.test(path) || !path.isWellFormed()) {
    bad('path', 'a path starting with "/" without control characters, "?" or "#"', path);
  }
  if (typeof query !== 'string' || query.includes('#') || CONTROL.test(query) || !query.isWellFormed()) {
    bad('query', 'a query string without "#" or control characters', query);
  }
  return { protocol, host, wirePath: path, wireQuery: query };
}

export function parseRequestUrl(url: string, field = 'url'): RequestUrl {
  const bad = (expected: string, got?: string): never => fail('INVALID_URL', field, expected, got);
  if (typeof url !== 'string') bad('an absolute http(s) URL string', describeValue(url));
  if (!url.isWellFormed()) bad('a string without lone UTF-16 surrogates');
  if (CONTROL.test(url)) bad('no control characters (CR, LF, TAB, NUL …) in the URL');
  const m = URL_SHAPE.exec(url);
  const scheme = m?.[1]?.toLowerCase();
  if (!m || (scheme !== 'https' && scheme !== 'http')) return bad('an absolute http(s) URL', describeValue(url));
  const authority = m[2] as string;
  if (authority === '') bad(`a host after "${scheme}://"`, describeValue(url));
  // User info may hold a password: the URL is not echoed.
  if (authority.includes('@')) bad('a host without user info ("user:password@")');
  let parsed: URL | undefined;
  try {
    parsed = new URL(`${scheme}://${authority}/`);
  } catch {}
  // The URL parser takes a backslash as a path separator in an http(s) authority: for the
  // authority `h\evil` it would sign and send to host "h", dropping "evil" without a word.
  if (parsed?.pathname !== '/') return bad('a valid host', describeValue(authority));
  const path = m[3] as string;
  return {
    protocol: scheme + ':',
    host: parsed.host,
    wirePath: path === '' ? '/' : toWireForm(path),
    wireQuery: toWireForm(m[4] ?? ''),
  };
}
