/**
 * The hot path of bulk signing: presign an S3 bucket + key with no extra headers, query or body.
 * Same canonical request as the general path (presign.ts), built as plain string concatenation:
 * with nothing to sort, the CanonicalQueryString is a fixed order (X-Amz-Algorithm, -Credential,
 * -Date, -Expires, [-Security-Token], -SignedHeaders), and everything that depends only on the
 * signing second, the lifetime or the bucket is cached between calls. The vector and oracle tests
 * run through it (presign() takes it whenever a request qualifies).
 */
import { ALGORITHM, UNSIGNED_PAYLOAD } from './constants.js';
import { toAmzDate } from './credential-scope.js';
import { SigV4Error } from './errors.js';
import type { RequestUrl } from './request-url.js';
import { s3Address } from './s3-address.js';
import type { SigningContext } from './signing-context.js';
import { uriEncode } from './encoding.js';

const SAFE_KEY = /^[A-Za-z0-9\-._~/]*$/;
const KEY_ESCAPES = /%2F|[!'()*]/g;
const KEY_FIXES: Readonly<Record<string, string>> = { '%2F': '/', '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };
const fixKeyEscape = (m: string): string => KEY_FIXES[m] as string;

/**
 * URI-encode an S3 key once, '/' kept: the canonical and the wire form at once.
 * encodeURIComponent + one replace yields a flat string. A hand-written loop of slices was faster
 * per call but built a rope of dozens of pieces per key, which every retained URL kept alive:
 * measured 3x slower once 400,000 URLs were held and joined (see bench/README.md).
 */
export function encodeS3Key(key: string): string {
  if (SAFE_KEY.test(key)) return key;
  let e: string;
  try {
    e = encodeURIComponent(key);
  } catch {
    throw new SigV4Error('INVALID_KEY', 'key', 'expected a key without lone UTF-16 surrogates (they have no UTF-8 form)');
  }
  return e.replace(KEY_ESCAPES, fixKeyEscape);
}

/** The parts of one presign. The fast path reuses one such object per presigner (no allocation). */
export interface FastPresign {
  url: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What the fast path caches per presigner. Nothing secret is in it. */
interface FastState {
  second: number;
  amzDate: string;
  dateStamp: string;
  scopeLine: string;
  queryExpires: number;
  query: string;
  bucket: string;
  target: RequestUrl | undefined;
  origin: string;
  hostLine: string;
  result: FastPresign;
}

const states = /* @__PURE__ */ new WeakMap<SigningContext, FastState>();

function stateOf(ctx: SigningContext): FastState {
  let s = states.get(ctx);
  if (s === undefined) {
    s = { second: NaN, amzDate: '', dateStamp: '', scopeLine: '', queryExpires: -1, query: '', bucket: '', target: undefined, origin: '', hostLine: '', result: { url: '', canonicalRequest: '', stringToSign: '', signature: '', expiresAt: 0 } };
    states.set(ctx, s);
  }
  return s;
}

/**
 * Presigns `method bucket/key` for `expiresIn` seconds at `date`. Inputs are validated by the
 * caller except the bucket and key, which are checked here (once per bucket, every key).
 * The returned object is reused by the next call: copy what you need.
 */
export function presignS3Key(ctx: SigningContext, bucket: string, key: string, method: string, expiresIn: number, date: Date): FastPresign {
  const s = stateOf(ctx);
  const ms = date.getTime();
  const second = Math.floor(ms / 1000);
  if (second !== s.second) {
    s.amzDate = toAmzDate(date);
    s.dateStamp = s.amzDate.slice(0, 8);
    s.scopeLine = ALGORITHM + '\n' + s.amzDate + '\n' + ctx.scope(s.dateStamp) + '\n';
    s.second = second;
    s.queryExpires = -1;
  }
  if (expiresIn !== s.queryExpires) {
    const token = ctx.sessionToken === undefined ? '' : '&X-Amz-Security-Token=' + uriEncode(ctx.sessionToken, 'credentials.sessionToken');
    s.query =
      'X-Amz-Algorithm=' + ALGORITHM +
      '&X-Amz-Credential=' + uriEncode(ctx.accessKeyId + '/' + ctx.scope(s.dateStamp), 'credentials.accessKeyId') +
      '&X-Amz-Date=' + s.amzDate +
      '&X-Amz-Expires=' + expiresIn +
      token +
      '&X-Amz-SignedHeaders=host';
    s.queryExpires = expiresIn;
  }
  if (bucket !== s.bucket || s.target === undefined) {
    // s3Address validates the bucket name; its path for the empty key is the bucket's prefix.
    const target = s3Address(bucket, '', ctx.region, ctx.endpoint, ctx.forcePathStyle);
    s.target = target;
    s.bucket = bucket;
    s.origin = target.protocol + '//' + target.host;
    s.hostLine = '\nhost:' + target.host + '\n\nhost\n' + UNSIGNED_PAYLOAD;
  }
  const path = s.target.wirePath + encodeS3Key(key);
  const canonicalRequest = method + '\n' + path + '\n' + s.query + s.hostLine;
  const stringToSign = s.scopeLine + ctx.crypto.sha256Hex(canonicalRequest);
  const signature = ctx.sign(s.dateStamp, stringToSign);
  const r = s.result;
  r.url = s.origin + path + '?' + s.query + '&X-Amz-Signature=' + signature;
  r.canonicalRequest = canonicalRequest;
  r.stringToSign = stringToSign;
  r.signature = signature;
  r.expiresAt = second * 1000 + expiresIn * 1000;
  return r;
}
