/**
 * Header signing (AWS docs, "Authenticating Requests: Using the Authorization Header"): the
 * headers that make a request authenticated. Canonicalisation is the same as for presigning.
 */
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalQueryString } from './canonical-query.js';
import { canonicalRequest as buildCanonicalRequest, stringToSign as buildStringToSign } from './canonical-request.js';
import { ALGORITHM, HEADER_AUTHORIZATION, HEADER_CONTENT_SHA256, HEADER_DATE, HEADER_HOST, HEADER_SECURITY_TOKEN } from './constants.js';
import { toAmzDate } from './credential-scope.js';
import {
  type BodyInput,
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
import { runSync, type Steps } from './steps.js';
import { orDefault, checkBoolean, checkDate, checkMethod, checkObject } from './validate.js';

export interface SignRequestInput extends TargetInput {
  method?: string | undefined;
  headers?: HeadersInput | undefined;
  query?: QueryInput | undefined;
  /** The body: hashed into the signature (x-amz-content-sha256 for S3). */
  body?: BodyInput;
  /** HashedPayload override: 64 hex digits, 'UNSIGNED-PAYLOAD' or a STREAMING-… value. */
  payloadHash?: string | undefined;
  /** Add the x-amz-content-sha256 header; default true for S3 only, as S3 requires it. */
  contentSha256Header?: boolean | undefined;
  date?: Date | undefined;
}

export interface SignedRequest {
  /** The URL to send the request to (for S3, with the key encoded exactly as it was signed). */
  readonly url: string;
  /**
   * The headers to send: the caller's (host left out unless given) plus x-amz-date,
   * x-amz-content-sha256 (S3), x-amz-security-token and authorization.
   */
  readonly headers: Record<string, string>;
  readonly authorization: string;
  readonly signedHeaders: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export const SIGN_REQUEST_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'method', 'url', 'bucket', 'key', 'headers', 'query', 'body', 'payloadHash', 'contentSha256Header', 'date',
]);

export function signRequestWith(ctx: SigningContext, request: SignRequestInput, date: Date): SignedRequest {
  return runSync(signRequestSteps(ctx, request, date));
}

/** Header signing on any backend: yields each digest and signature it needs (steps.ts). */
export function* signRequestSteps<H, K>(ctx: SigningContext<H, K>, request: SignRequestInput, date: Date): Steps<H, SignedRequest> {
  const r = checkObject(request, 'request');
  const method = checkMethod(orDefault(r['method'], 'GET'));
  checkDate(date, 'date');
  const target = resolveTarget(r as TargetInput, ctx);
  const given = readHeaders(r['headers'] as HeadersInput | undefined);
  const query = readQuery(target, r['query']);
  const payload = resolvePayloadHash(r['payloadHash'], r['body'], given, defaultPayloadHash(ctx.service, false));
  const wantSha256Header = checkBoolean(r['contentSha256Header'], 'contentSha256Header') ?? ctx.service === 's3';
  const payloadHash = typeof payload === 'string' ? payload : yield ctx.crypto.sha256Hex(payload[0]);

  const amzDate = toAmzDate(date);
  const dateStamp = amzDate.slice(0, 8);
  const scope = ctx.scope(dateStamp);

  // The signer owns x-amz-date (and the token): a stale copy from the caller is replaced.
  const headers: Array<[string, string]> = [];
  let hasHost = false;
  let hasSha256 = false;
  for (const [name, value] of given) {
    const lower = name.toLowerCase();
    if (lower === HEADER_DATE || lower === HEADER_SECURITY_TOKEN) continue;
    if (lower === HEADER_HOST) hasHost = true;
    if (lower === HEADER_CONTENT_SHA256) hasSha256 = true;
    headers.push([name, value]);
  }
  const added: Array<[string, string]> = [[HEADER_DATE, amzDate]];
  if (wantSha256Header && !hasSha256) added.push([HEADER_CONTENT_SHA256, payloadHash]);
  const token = ctx.sessionToken;
  if (token !== undefined && ctx.signSessionToken) added.push([HEADER_SECURITY_TOKEN, token]);

  const toSign: Array<[string, string]> = hasHost ? [...headers, ...added] : [[HEADER_HOST, target.host], ...headers, ...added];
  const signed = canonicalHeaders(toSign);
  const canonicalUri = ctx.canonicalUri(target.wirePath);
  const canonicalQuery = canonicalQueryString(query);
  const canonicalRequest = buildCanonicalRequest(method, canonicalUri, canonicalQuery, signed.canonicalHeaders, signed.signedHeaders, payloadHash);
  const stringToSign = buildStringToSign(amzDate, scope, yield ctx.crypto.sha256Hex(canonicalRequest));
  const signature = yield ctx.sign(dateStamp, stringToSign);
  const authorization = `${ALGORITHM} Credential=${ctx.accessKeyId}/${scope}, SignedHeaders=${signed.signedHeaders}, Signature=${signature}`;

  const out: Record<string, string> = {};
  for (const [name, value] of [...headers, ...added]) out[name] = name in out ? out[name] + ', ' + value : value;
  if (token !== undefined && !ctx.signSessionToken) out[HEADER_SECURITY_TOKEN] = token;
  out[HEADER_AUTHORIZATION] = authorization;
  const wirePath = ctx.rules.doubleEncode ? target.wirePath : canonicalUri;
  const url = `${target.protocol}//${target.host}${wirePath}${canonicalQuery === '' ? '' : '?' + canonicalQuery}`;
  return { url, headers: out, authorization, signedHeaders: signed.signedHeaders, canonicalRequest, stringToSign, signature };
}
