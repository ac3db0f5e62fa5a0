/**
 * Turning the caller's request description into the parts SigV4 signs: where the request goes
 * (URL string, or S3 bucket + key), which headers and query parameters it carries, and the
 * payload hash. Shared by presign and signRequest so that both canonicalise the same way.
 */
import type { EncodedPair, QueryInput } from './canonical-query.js';
import { encodeQueryInput, encodeWireQuery } from './canonical-query.js';
import { EMPTY_SHA256, HEADER_CONTENT_SHA256, HEADER_HOST, UNSIGNED_PAYLOAD } from './constants.js';
import { SigV4Error, describeType } from './errors.js';
import { parseRequestUrl, readRequestUrlParts, type RequestUrl, type RequestUrlParts } from './request-url.js';
import { parseEndpoint, s3Address, type S3Endpoint } from './s3-address.js';
import { checkBoolean, checkHeaderName, checkHeaderValue, checkObject, checkString } from './validate.js';

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
  const hasUrl = url !== undefined;
  const hasS3 = bucket !== undefined || key !== undefined;
  if (hasUrl && hasS3) {
    throw new SigV4Error('CONFLICTING_INPUT', bucket !== undefined ? 'bucket' : 'key', 'give either url, or bucket and key, not both');
  }
  if (hasUrl) return url !== null && typeof url === 'object' ? readRequestUrlParts(url) : parseRequestUrl(url);
  if (bucket === undefined) throw new SigV4Error('MISSING_INPUT', 'bucket', 'expected url, or bucket and key');
  if (key === undefined) throw new SigV4Error('MISSING_INPUT', 'key', 'expected a key with the bucket ("" for the bucket itself)');
  return s3Address(checkString(bucket, 'bucket', 'INVALID_BUCKET'), checkString(key, 'key', 'INVALID_KEY'), config.region, config.endpoint, config.forcePathStyle === true);
}

export function resolveEndpoint(endpoint: unknown): S3Endpoint | undefined {
  if (endpoint === undefined) return undefined;
  return parseEndpoint(checkString(endpoint, 'endpoint', 'INVALID_URL'));
}

/** Header pairs, validated, in the order given. */
export function readHeaders(headers: HeadersInput | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (headers === undefined) return out;
  if (headers === null || typeof headers !== 'object') {
    throw new SigV4Error('INVALID_HEADER', 'headers', `expected an object or name/value pairs, got ${describeType(headers)}`);
  }
  const iterator = (headers as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (iterator !== undefined && typeof iterator !== 'function') {
    throw new SigV4Error('INVALID_HEADER', 'headers', 'expected an object or name/value pairs; Symbol.iterator is not a function');
  }
  const entries: Iterable<readonly [string, string]> =
    typeof (headers as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers as Record<string, string>);
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') {
      throw new SigV4Error('INVALID_HEADER', 'headers', 'expected [name, value] pairs with string names');
    }
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

/** The query parameters a request carries: those in its URL, then those given as input. */
export function readQuery(target: RequestUrl, query: unknown): EncodedPair[] {
  const pairs: EncodedPair[] = [];
  encodeWireQuery(target.wireQuery, pairs);
  if (query !== undefined) {
    const q = checkObject(query, 'query');
    for (const name of Object.keys(q)) {
      const v = q[name];
      const ok = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (!ok) throw new SigV4Error('INVALID_QUERY', `query.${name}`, `expected a string or an array of strings, got ${describeType(v)}`);
      if (!name.isWellFormed()) throw new SigV4Error('INVALID_QUERY', 'query', 'expected parameter names without lone UTF-16 surrogates (they have no UTF-8 form)');
      if (!(typeof v === 'string' ? v.isWellFormed() : (v as string[]).every((x) => x.isWellFormed()))) {
        throw new SigV4Error('INVALID_QUERY', `query.${name}`, 'expected a value without lone UTF-16 surrogates (they have no UTF-8 form)');
      }
    }
    encodeQueryInput(q as QueryInput, pairs);
  }
  return pairs;
}

/** Query names the signer writes itself; a caller-supplied one would be signed twice. */
const RESERVED_QUERY = /^x-amz-(algorithm|credential|date|expires|signedheaders|signature|security-token)$/i;

export function checkNoReservedQuery(pairs: readonly EncodedPair[]): void {
  for (const [name] of pairs) {
    if (RESERVED_QUERY.test(name)) {
      throw new SigV4Error('INVALID_QUERY', `query.${name}`, 'this parameter is written by the signer and may not be given');
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
  fallback: string,
): string | [body: string | Uint8Array] {
  if (payloadHash !== undefined) {
    if (typeof payloadHash !== 'string' || !(payloadHash === UNSIGNED_PAYLOAD || /^[0-9a-f]{64}$/.test(payloadHash) || /^STREAMING-[A-Z0-9-]+$/.test(payloadHash))) {
      throw new SigV4Error('INVALID_BODY', 'payloadHash', 'expected 64 lower-case hex digits, "UNSIGNED-PAYLOAD" or a STREAMING-… value');
    }
    return payloadHash;
  }
  if (body !== undefined) {
    if (typeof body === 'string') {
      if (!body.isWellFormed()) throw new SigV4Error('INVALID_BODY', 'body', 'expected a string without lone UTF-16 surrogates');
      return [body];
    }
    if (body instanceof Uint8Array) return [body];
    throw new SigV4Error('INVALID_BODY', 'body', `expected a string or Uint8Array, got ${describeType(body)}`);
  }
  const fromHeader = findHeader(headers, HEADER_CONTENT_SHA256);
  if (fromHeader !== undefined) return fromHeader;
  return fallback;
}

export function defaultPayloadHash(service: string, presigned: boolean): string {
  return presigned && service === 's3' ? UNSIGNED_PAYLOAD : EMPTY_SHA256;
}

export { checkBoolean, HEADER_HOST };
