/**
 * Turning the caller's request description into the parts SigV4 signs: where the request goes
 * (URL string, or S3 bucket + key), which headers and query parameters it carries, and the
 * payload hash. Shared by presign and signRequest so that both canonicalise the same way.
 */
import type { EncodedPair, QueryInput } from './canonical-query.js';
import { encodeWireQuery } from './canonical-query.js';
import { uriEncode } from './encoding.js';
import { HEADER_CONTENT_SHA256, HEADER_HOST, UNSIGNED_PAYLOAD } from './constants.js';
import { SigV4Error, describeType, fail } from './errors.js';
import { parseRequestUrl, readRequestUrlParts, type RequestUrl, type RequestUrlParts } from './request-url.js';
import { parseEndpoint, s3Address, type S3Endpoint } from './s3-address.js';
import { NO_SURROGATES, checkBoolean, checkHeaderName, checkHeaderValue, checkObject, checkString } from './validate.js';

/** Headers as a record, or as name/value pairs (a name may repeat), e.g. a `Headers` object. */
export type HeadersInput = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

/** Where the request goes: a URL, or an S3 bucket and raw key. */
export interface TargetInput {
  /**
   * Absolute http(s) URL, percent-encoded form (see the README for how it is read), or its parts
   * with the path exactly as on the request line. Give this, or bucket + key.
   */
  url?: string | RequestUrlParts | undefined;
  /** S3 bucket name (with `key`). */
  bucket?: string | undefined;
  /** S3 object key as raw text, not encoded (with `bucket`); '' addresses the bucket itself. */
  key?: string | undefined;
}

export interface AddressConfig {
  region: string;
  endpoint?: S3Endpoint | undefined;
  forcePathStyle?: boolean | undefined;
}

export function resolveTarget(input: TargetInput, config: AddressConfig): RequestUrl {
  const { url, bucket, key } = input;
  if (url !== undefined) {
    if (bucket !== undefined || key !== undefined) {
      fail('CONFLICTING_INPUT', bucket !== undefined ? 'bucket' : 'key', 'url, or bucket and key, not both');
    }
    return url !== null && typeof url === 'object' ? readRequestUrlParts(url) : parseRequestUrl(url);
  }
  if (bucket === undefined) fail('MISSING_INPUT', 'bucket', 'url, or bucket and key');
  if (key === undefined) fail('MISSING_INPUT', 'key', 'a key with the bucket ("" for the bucket itself)');
  return s3Address(checkString(bucket, 'bucket', 'INVALID_BUCKET'), checkString(key, 'key', 'INVALID_KEY'), config.region, config.endpoint, config.forcePathStyle === true);
}

export function resolveEndpoint(endpoint: unknown): S3Endpoint | undefined {
  return endpoint === undefined ? undefined : parseEndpoint(checkString(endpoint, 'endpoint', 'INVALID_URL'));
}

/** Header pairs, validated, in the order given. */
export function readHeaders(headers: HeadersInput | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (headers === undefined) return out;
  const bad = (expected: string, got?: string): never => fail('INVALID_HEADER', 'headers', expected, got);
  const pairs = 'an object or name/value pairs';
  if (headers === null || typeof headers !== 'object') bad(pairs, describeType(headers));
  const iterator = (headers as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (iterator !== undefined && typeof iterator !== 'function') bad(pairs + '; Symbol.iterator is not a function');
  for (const entry of iterator ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') bad('[name, value] pairs with string names');
    const [name, value] = entry as [string, unknown];
    checkHeaderName(name);
    out.push([name, checkHeaderValue(name, value)]);
  }
  return out;
}

export function findHeader(headers: ReadonlyArray<readonly [string, string]>, lowerName: string): string | undefined {
  for (const [name, value] of headers) if (name.toLowerCase() === lowerName) return value;
  return undefined;
}

export function hasHeader(headers: ReadonlyArray<readonly [string, string]>, lowerName: string): boolean {
  return findHeader(headers, lowerName) !== undefined;
}

/** Query names the signer writes itself; a caller-supplied one would be signed twice. */
const RESERVED_QUERY = /^x-amz-(algorithm|credential|date|expires|signedheaders|signature|security-token)$/i;

/** The query parameters a request carries: those in its URL, then those given as input. */
export function readQuery(target: RequestUrl, query: unknown): EncodedPair[] {
  const pairs: EncodedPair[] = [];
  encodeWireQuery(target.wireQuery, pairs);
  if (query !== undefined) {
    const q = checkObject(query, 'query');
    for (const name of Object.keys(q)) {
      const v = q[name];
      const values: unknown[] = Array.isArray(v) ? v : [v];
      const field = 'query.' + name;
      if (!values.every((x) => typeof x === 'string')) fail('INVALID_QUERY', field, 'a string or an array of strings', describeType(v));
      if (!name.isWellFormed()) fail('INVALID_QUERY', 'query', 'parameter names ' + NO_SURROGATES + ' (they have no UTF-8 form)');
      if (!values.every((x) => (x as string).isWellFormed())) fail('INVALID_QUERY', field, 'a value ' + NO_SURROGATES + ' (they have no UTF-8 form)');
      for (const x of values) pairs.push([uriEncode(name, field), uriEncode(x as string, field)]);
    }
  }
  return pairs;
}

export function checkNoReservedQuery(pairs: readonly EncodedPair[]): void {
  for (const [name] of pairs) {
    if (RESERVED_QUERY.test(name)) {
      throw new SigV4Error('INVALID_QUERY', 'query.' + name, 'this parameter is written by the signer and may not be given');
    }
  }
}

export type BodyInput = string | Uint8Array | undefined;

/**
 * HashedPayload: an explicit `payloadHash` wins, then the hash of `body`, then an
 * x-amz-content-sha256 header the caller set; otherwise `fallback`. A body comes back in a
 * one-element array: the caller hashes it (synchronously or not, see steps.ts).
 */
export function resolvePayloadHash(
  payloadHash: unknown,
  body: unknown,
  headers: ReadonlyArray<readonly [string, string]>,
  fallback: string | [body: string],
): string | [body: string | Uint8Array] {
  if (payloadHash !== undefined) {
    if (typeof payloadHash !== 'string' || !/^([0-9a-f]{64}|UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+)$/.test(payloadHash)) {
      fail('INVALID_BODY', 'payloadHash', '64 lower-case hex digits, "UNSIGNED-PAYLOAD" or a STREAMING-… value');
    }
    return payloadHash;
  }
  if (body !== undefined) {
    if (typeof body === 'string' ? !body.isWellFormed() : !(body instanceof Uint8Array)) {
      fail('INVALID_BODY', 'body', typeof body === 'string' ? 'a string ' + NO_SURROGATES : 'a string or Uint8Array', typeof body === 'string' ? undefined : describeType(body));
    }
    return [body as string | Uint8Array];
  }
  return findHeader(headers, HEADER_CONTENT_SHA256) ?? fallback;
}

/**
 * Presigned S3 URLs carry UNSIGNED-PAYLOAD; anything else without a body signs the hash of the
 * empty body (hashed, not spelled out: 64 hex digits cost more bundle than one digest call).
 */
export function defaultPayloadHash(service: string, presigned: boolean): string | [body: string] {
  return presigned && service === 's3' ? UNSIGNED_PAYLOAD : [''];
}

export { checkBoolean, HEADER_HOST };
