/**
 * Generates the requests of the differential tests: hostile S3 keys and paths, repeated and empty
 * query parameters, headers with odd whitespace and case, session tokens, many services and
 * regions. It also gives each request's wire path in an encoding written here independently of
 * src/ (RFC 3986 per segment), so the oracles are not fed by the code under test.
 */
import type { Random } from './random.js';

export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'eu-north-1',
  'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-south-1', 'sa-east-1', 'ca-central-1', 'me-south-1',
  'af-south-1', 'cn-north-1', 'us-gov-west-1', 'il-central-1', 'mx-central-1',
];
export const NON_S3_SERVICES = ['execute-api', 'es', 'lambda', 'sts', 'iam', 'dynamodb', 'service', 'sqs'];
const METHODS = ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'];
const UNICODE = ['é', 'ü', 'ñ', 'ß', 'ø', '中', '文', '日本', 'Ω', 'ж', '€', '😀', '𝄞', '🌍', '\u00a0', '\u2028', 'ﬁ'];
const SEGMENT_PIECES = ['//', './', '../', '/./', '/../', '.', '..', '/', '+', '%', '%20', '%2F', ' ', '~', '=', '&', '?', '#'];
const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Every ASCII byte, 0x00-0x7f, is possible in a key. */
function asciiChar(r: Random): string {
  return String.fromCharCode(r.int(0, 127));
}

export function randomKey(r: Random): string {
  const n = r.int(1, 24);
  let key = r.chance(0.1) ? '/' : '';
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.45) key += asciiChar(r);
    else if (roll < 0.6) key += r.pick(UNICODE);
    else if (roll < 0.8) key += r.pick(SEGMENT_PIECES);
    else key += String.fromCharCode(r.int(97, 122));
  }
  if (r.chance(0.15)) key += '/';
  return key;
}

/** Text for query names and values: reserved characters, Unicode, sometimes empty. */
function queryText(r: Random, allowEmpty: boolean): string {
  if (allowEmpty && r.chance(0.2)) return '';
  const n = r.int(1, 10);
  let s = '';
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.5) s += String.fromCharCode(r.int(32, 126));
    else if (roll < 0.65) s += r.pick(UNICODE);
    else s += String.fromCharCode(r.int(97, 122));
  }
  return s;
}

/** RFC 3986 encoding as SigV4 wants it, written independently of src/encoding.ts. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
export function rfc3986Path(s: string): string {
  return s.split('/').map(rfc3986).join('/');
}

export interface GeneratedRequest {
  service: string;
  region: string;
  method: string;
  /** S3: bucket + raw key. Others: a wire path. */
  bucket: string;
  key: string;
  /** Wire path as this module encodes it (S3: path-style `/bucket/key`). */
  wirePath: string;
  host: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  sessionToken: string | undefined;
  date: Date;
  expiresIn: number;
  body: string | undefined;
}

const RESERVED = /^x-amz-/i;

export function generateRequest(r: Random): GeneratedRequest {
  const s3 = r.chance(0.5);
  const service = s3 ? 's3' : r.pick(NON_S3_SERVICES);
  const region = r.pick(REGIONS);
  const method = r.pick(METHODS);
  const key = randomKey(r);
  const bucket = `bucket-${r.int(100, 999)}`;
  // Path-style S3 keeps one host for every bucket; the key is everything after "/bucket/".
  // China regions live under amazonaws.com.cn.
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const host = s3 ? `s3.${region}.${domain}` : `${service}.${region}.${domain}`;
  const wirePath = s3 ? `/${bucket}/${rfc3986Path(key)}` : '/' + rfc3986Path(key);

  const query: Record<string, string[]> = {};
  const nQuery = r.int(0, 4);
  for (let i = 0; i < nQuery; i++) {
    let name = queryText(r, false);
    if (RESERVED.test(name)) name = 'p' + name;
    const values = (query[name] ??= []);
    values.push(queryText(r, true));
    if (r.chance(0.2)) values.push(queryText(r, true)); // repeated parameter
  }

  const headers: Record<string, string> = {};
  const nHeaders = r.int(0, 3);
  for (let i = 0; i < nHeaders; i++) {
    let name = 'X-';
    const len = r.int(1, 8);
    for (let j = 0; j < len; j++) name += r.pick([...TOKEN_CHARS]);
    // Mixed case, one spelling per name (a record cannot hold two spellings reliably).
    if (Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase())) continue;
    let value = '';
    const parts = r.int(1, 4);
    for (let j = 0; j < parts; j++) {
      value += r.pick(['', ' ', '  ', '\t', ' \t ', '   ']);
      let word = '';
      const wl = r.int(1, 6);
      for (let k = 0; k < wl; k++) word += String.fromCharCode(r.int(33, 126));
      value += word;
    }
    value += r.pick(['', ' ', '\t', '  ']);
    headers[name] = value;
  }

  let sessionToken: string | undefined;
  if (r.chance(0.3)) {
    sessionToken = '';
    const n = r.int(16, 700);
    for (let i = 0; i < n; i++) sessionToken += B64[r.int(0, 63)];
  }
  const date = new Date(Date.UTC(2000, 0, 1) + r.int(0, 30 * 365 * 86400) * 1000);
  const expiresIn = r.int(1, 604800);
  const body = method === 'PUT' || method === 'POST' ? (r.chance(0.5) ? queryText(r, true) : undefined) : undefined;
  return { service, region, method, bucket, key, wirePath, host, query, headers, sessionToken, date, expiresIn, body };
}
