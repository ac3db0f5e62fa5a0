/**
 * Query-string signing (AWS docs, "Authenticating Requests: Using Query Parameters"): the
 * presigned URL. The URL's query is the CanonicalQueryString itself plus X-Amz-Signature, so the
 * server reads back exactly the bytes that were signed.
 */
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalQueryString, type EncodedPair } from './canonical-query.js';
import { canonicalRequest as buildCanonicalRequest, stringToSign as buildStringToSign } from './canonical-request.js';
import {
  ALGORITHM,
  AMZ_ALGORITHM,
  AMZ_CREDENTIAL,
  AMZ_DATE,
  AMZ_EXPIRES,
  AMZ_SECURITY_TOKEN,
  AMZ_SIGNATURE,
  AMZ_SIGNED_HEADERS,
  DEFAULT_EXPIRES_IN,
  HEADER_HOST,
} from './constants.js';
import { toAmzDate } from './credential-scope.js';
import { uriEncode } from './encoding.js';
import {
  type BodyInput,
  checkNoReservedQuery,
  defaultPayloadHash,
  type HeadersInput,
  readHeaders,
  readQuery,
  resolvePayloadHash,
  resolveTarget,
  type TargetInput,
} from './request-input.js';
import type { QueryInput } from './canonical-query.js';
import type { SigningContext } from './signing-context.js';
import { SigV4Error } from './errors.js';
import { runSync, type Steps } from './steps.js';
import { orDefault, checkBoolean, checkDate, checkExpiration, checkExpiresIn, checkMethod, checkObject } from './validate.js';

export interface PresignRequest extends TargetInput {
  /** HTTP method; default 'GET'. */
  method?: string | undefined;
  /** Seconds the URL stays valid: an integer in 1..604800; default 3600. */
  expiresIn?: number | undefined;
  /** Signing time; default now. */
  date?: Date | undefined;
  /** Extra headers to sign; the caller must send them with the URL (see `headers` in the result). */
  headers?: HeadersInput | undefined;
  /** Extra query parameters, raw (decoded) values; an array repeats the name. */
  query?: QueryInput | undefined;
  /** HashedPayload override: 64 hex digits or 'UNSIGNED-PAYLOAD'. */
  payloadHash?: string | undefined;
  /** A body to hash into the signature (non-S3 services; S3 presigns UNSIGNED-PAYLOAD). */
  body?: BodyInput;
  /** Per-request override of the config option of the same name. */
  allowExpiringCredentials?: boolean | undefined;
}

export interface PresignedRequest {
  /** The presigned URL. */
  readonly url: string;
  readonly method: string;
  /** Every header the caller must send with the URL: the signed ones other than host. */
  readonly headers: Record<string, string>;
  /** When the URL stops working. */
  readonly expiresAt: Date;
  readonly signedHeaders: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export const PRESIGN_REQUEST_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'method', 'url', 'bucket', 'key', 'expiresIn', 'date', 'headers', 'query', 'payloadHash', 'body', 'allowExpiringCredentials',
]);

/** Presign one request. `date` has been defaulted by the entry point: the core never reads a clock. */
export function presignRequest(ctx: SigningContext, request: PresignRequest, date: Date): PresignedRequest {
  if (ctx.keyPath !== undefined && request !== null && typeof request === 'object' && qualifiesForKeyPath(ctx, request as Record<string, unknown>)) {
    const r = checkObject(request, 'request');
    const [method, expiresIn] = checkTiming(ctx, r, date);
    const { bucket, key } = r;
    if (typeof key !== 'string') throw new SigV4Error(key === undefined ? 'MISSING_INPUT' : 'INVALID_KEY', 'key', key === undefined ? 'expected a key with the bucket ("" for the bucket itself)' : 'expected a string');
    if (typeof bucket !== 'string') throw new SigV4Error('INVALID_BUCKET', 'bucket', 'expected a string');
    const p = ctx.keyPath(ctx, bucket, key, method, expiresIn, date);
    return { url: p.url, method, headers: {}, expiresAt: new Date(p.expiresAt), signedHeaders: 'host', canonicalRequest: p.canonicalRequest, stringToSign: p.stringToSign, signature: p.signature };
  }
  return runSync(presignSteps(ctx, request, date));
}

/** Method, expiresIn and date of a presign request, checked, and when the URL expires (ms). */
function checkTiming<H, K>(ctx: SigningContext<H, K>, r: Record<string, unknown>, date: Date): [method: string, expiresIn: number, expiresAtMs: number] {
  const method = checkMethod(orDefault(r['method'], 'GET'));
  const expiresIn = checkExpiresIn(orDefault(r['expiresIn'], DEFAULT_EXPIRES_IN));
  checkDate(date, 'date');
  const expiresAtMs = Math.floor(date.getTime() / 1000) * 1000 + expiresIn * 1000;
  checkExpiration(ctx.expiration, new Date(expiresAtMs), checkBoolean(r['allowExpiringCredentials'], 'allowExpiringCredentials') ?? ctx.allowExpiringCredentials);
  return [method, expiresIn, expiresAtMs];
}

/** The general path, on any backend: yields each digest and signature it needs (steps.ts). */
export function* presignSteps<H, K>(ctx: SigningContext<H, K>, request: PresignRequest, date: Date): Steps<H, PresignedRequest> {
  const r = checkObject(request, 'request');
  const [method, expiresIn, expiresAtMs] = checkTiming(ctx, r, date);
  const target = resolveTarget(r as TargetInput, ctx);
  const headerList = readHeaders(r['headers'] as HeadersInput | undefined);
  const query = readQuery(target, r['query']);
  checkNoReservedQuery(query);
  const payload = resolvePayloadHash(r['payloadHash'], r['body'], headerList, defaultPayloadHash(ctx.service, true));
  const payloadHash = typeof payload === 'string' ? payload : yield ctx.crypto.sha256Hex(payload[0]);

  const amzDate = toAmzDate(date);
  const dateStamp = amzDate.slice(0, 8);
  const scope = ctx.scope(dateStamp);

  const sendHeaders: Record<string, string> = {};
  let hasHost = false;
  for (const [name, value] of headerList) {
    if (name.toLowerCase() === HEADER_HOST) hasHost = true;
    else sendHeaders[name] = name in sendHeaders ? sendHeaders[name] + ', ' + value : value;
  }
  const signed = canonicalHeaders(hasHost ? headerList : [[HEADER_HOST, target.host], ...headerList]);

  query.push(
    [AMZ_ALGORITHM, ALGORITHM],
    [AMZ_CREDENTIAL, uriEncode(ctx.accessKeyId + '/' + scope, 'credentials.accessKeyId')],
    [AMZ_DATE, amzDate],
    [AMZ_EXPIRES, String(expiresIn)],
    [AMZ_SIGNED_HEADERS, uriEncode(signed.signedHeaders, 'headers')],
  );
  const token = ctx.sessionToken;
  const tokenPair: EncodedPair | undefined = token === undefined ? undefined : [AMZ_SECURITY_TOKEN, uriEncode(token, 'credentials.sessionToken')];
  if (tokenPair && ctx.signSessionToken) query.push(tokenPair);
  const canonicalQuery = canonicalQueryString(query);

  const canonicalUri = ctx.canonicalUri(target.wirePath);
  const canonicalRequest = buildCanonicalRequest(method, canonicalUri, canonicalQuery, signed.canonicalHeaders, signed.signedHeaders, payloadHash);
  const stringToSign = buildStringToSign(amzDate, scope, yield ctx.crypto.sha256Hex(canonicalRequest));
  const signature = yield ctx.sign(dateStamp, stringToSign);

  // S3 gets the canonical path on the wire (single encoding: what was signed is what is sent);
  // other services get the path as written, because their server encodes it again itself.
  const wirePath = ctx.rules.doubleEncode ? target.wirePath : canonicalUri;
  const unsignedToken = tokenPair && !ctx.signSessionToken ? `&${tokenPair[0]}=${tokenPair[1]}` : '';
  const url = `${target.protocol}//${target.host}${wirePath}?${canonicalQuery}&${AMZ_SIGNATURE}=${signature}${unsignedToken}`;
  return { url, method, headers: sendHeaders, expiresAt: new Date(expiresAtMs), signedHeaders: signed.signedHeaders, canonicalRequest, stringToSign, signature };
}

/**
 * True when a request can take the S3 key hot path: bucket + key, S3 rules, nothing extra to
 * sign. Anything else takes the general path above.
 */
export function qualifiesForKeyPath<H, K>(ctx: SigningContext<H, K>, r: Record<string, unknown>): boolean {
  return (
    r['bucket'] !== undefined &&
    r['url'] === undefined &&
    r['headers'] === undefined &&
    r['query'] === undefined &&
    r['body'] === undefined &&
    r['payloadHash'] === undefined &&
    ctx.service === 's3' &&
    !ctx.rules.doubleEncode &&
    !ctx.rules.normalizePath &&
    ctx.signSessionToken
  );
}
