/**
 * Many URLs from one presigner: an array or iterable in, URLs out (`presignUrls`), or an async
 * iterable in and out (`presignStream`), one URL at a time so memory stays flat however many keys
 * flow through. An item is a request object, or a bare key string signed with `defaults`
 * (which then must name the bucket).
 */
import { DEFAULT_EXPIRES_IN } from './constants.js';
import { SigV4Error, describeType } from './errors.js';
import { PRESIGN_REQUEST_KEYS, type PresignRequest, presignRequest, qualifiesForKeyPath } from './presign.js';
import { presignS3KeyInto, type UrlSink } from './presign-s3-key.js';
import type { SigningContext } from './signing-context.js';
import { orDefault, checkBoolean, checkDate, checkExpiration, checkExpiresIn, checkMethod, checkObject } from './validate.js';

export type PresignItem = PresignRequest | string;
export type ItemSource = Iterable<PresignItem> | AsyncIterable<PresignItem>;

/** Signs one item; built once per batch so the defaults are validated once. */
export type ItemSigner = (item: PresignItem, index: number) => string;
/** The same, writing the URL's bytes (ASCII) to a sink instead of returning a string. */
export type ItemWriter = (item: PresignItem, index: number, sink: UrlSink) => void;

/** Appends an ASCII string (a URL: everything in it is percent-encoded) to the sink. */
export function writeAscii(sink: UrlSink, text: string): void {
  if (sink.at + text.length > sink.bytes.length) {
    const bigger = new Uint8Array(Math.max(2 * sink.bytes.length, sink.at + text.length));
    bigger.set(sink.bytes.subarray(0, sink.at));
    sink.bytes = bigger;
  }
  const out = sink.bytes;
  let at = sink.at;
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  sink.at = at;
}

export function createItemSigner(ctx: SigningContext, defaults: PresignRequest | undefined, now: () => Date, fixedDate: boolean): { sign: ItemSigner; write: ItemWriter; writesKeys: boolean } {
  const d = defaults === undefined ? {} : checkObject(defaults, 'defaults');
  for (const k of Object.keys(d)) {
    if (!PRESIGN_REQUEST_KEYS.has(k)) throw new SigV4Error('INVALID_ARGUMENT', `defaults.${k}`, 'unknown option for presign()');
  }
  const method = checkMethod(orDefault(d['method'], 'GET'));
  const expiresIn = checkExpiresIn(orDefault(d['expiresIn'], DEFAULT_EXPIRES_IN));
  const allowExpiring = checkBoolean(d['allowExpiringCredentials'], 'allowExpiringCredentials') ?? ctx.allowExpiringCredentials;
  const givenDate = d['date'] === undefined ? undefined : checkDate(d['date'], 'date');
  // One signing time for a whole batch unless the caller gave one: URLs of one batch expire together.
  const batchDate = givenDate ?? (fixedDate ? now() : undefined);
  const bucket = d['bucket'];
  const keyPath = ctx.keyPath !== undefined && qualifiesForKeyPath(ctx, { ...d, bucket: bucket ?? '' }) ? ctx.keyPath : undefined;

  /** The signing date of a bare key, its lifetime checked against the credentials'. */
  const bareKeyDate = (index: number): Date => {
    if (bucket === undefined) throw new SigV4Error('MISSING_INPUT', 'defaults.bucket', `item ${index} is a bare key: give the bucket in defaults`);
    const date = batchDate ?? now();
    if (ctx.expiration !== undefined) checkExpiration(ctx.expiration, new Date(Math.floor(date.getTime() / 1000) * 1000 + expiresIn * 1000), allowExpiring);
    return date;
  };
  const sign: ItemSigner = (item, index) => {
    if (typeof item === 'string') {
      const date = bareKeyDate(index);
      if (keyPath !== undefined && typeof bucket === 'string') return keyPath(ctx, bucket, item, method, expiresIn, date).url;
      return presignRequest(ctx, { ...d, key: item }, date).url;
    }
    if (item === null || typeof item !== 'object') {
      throw new SigV4Error('INVALID_ARGUMENT', `items[${index}]`, `expected a request object or a key string, got ${describeType(item)}`);
    }
    const request = defaults === undefined ? item : { ...d, ...item };
    return presignRequest(ctx, request, request.date === undefined ? (batchDate ?? now()) : request.date).url;
  };
  const write: ItemWriter = (item, index, sink) => {
    if (keyPath !== undefined && typeof item === 'string' && typeof bucket === 'string') {
      presignS3KeyInto(ctx, bucket, item, method, expiresIn, bareKeyDate(index), sink);
    } else writeAscii(sink, sign(item, index));
  };
  // True when bare keys are written straight as bytes (the S3 hot path).
  return { sign, write, writesKeys: keyPath !== undefined && typeof bucket === 'string' };
}

/**
 * Decodes ASCII bytes [start, end) to a string, `runBytes` at a time: the Node entry gives
 * node-ascii.ts, whose large decodes are external strings the garbage collector never copies.
 */
export interface BulkDecoder {
  decode(bytes: Uint8Array, start: number, end: number): string;
  readonly runBytes: number;
}

/** Stores slices of `text` in `out` from `at`: URL j ends at ends[j] - base, for j in [from, to). */
export function sliceUrls(text: string, ends: Uint32Array, from: number, to: number, base: number, out: string[], at: number): void {
  let start = 0;
  for (let j = from; j < to; j++) {
    const end = (ends[j] as number) - base;
    out[at++] = text.slice(start, end);
    start = end;
  }
}

export function presignUrls(ctx: SigningContext, items: Iterable<PresignItem>, defaults: PresignRequest | undefined, now: () => Date, decoder?: BulkDecoder): string[] {
  if (items === null || typeof items !== 'object' || !(Symbol.iterator in items)) {
    throw new SigV4Error('INVALID_ARGUMENT', 'items', `expected an array or iterable of requests or keys, got ${describeType(items)}`);
  }
  const { sign, write, writesKeys } = createItemSigner(ctx, defaults, now, true);
  if (Array.isArray(items)) {
    const n = items.length;
    const out = new Array<string>(n);
    if (decoder === undefined || !writesKeys) {
      for (let i = 0; i < n; i++) out[i] = sign(items[i] as PresignItem, i);
      return out;
    }
    // URLs as bytes, decoded a run at a time into one string that the URLs are slices of: kept
    // URLs then cost the garbage collector one object each instead of a tree of four strings.
    const sink: UrlSink = { bytes: new Uint8Array(decoder.runBytes + 65536), at: 0 };
    let ends = new Uint32Array(16384);
    let first = 0;
    for (let i = 0; i < n; i++) {
      write(items[i] as PresignItem, i, sink);
      const k = i - first;
      if (k === ends.length) {
        const bigger = new Uint32Array(2 * k);
        bigger.set(ends);
        ends = bigger;
      }
      ends[k] = sink.at;
      if (sink.at >= decoder.runBytes || i === n - 1) {
        sliceUrls(decoder.decode(sink.bytes, 0, sink.at), ends, 0, k + 1, 0, out, first);
        sink.at = 0;
        first = i + 1;
      }
    }
    return out;
  }
  const out: string[] = [];
  let i = 0;
  for (const item of items) out.push(sign(item, i++));
  return out;
}

export async function* presignStream(ctx: SigningContext, items: ItemSource, defaults: PresignRequest | undefined, now: () => Date): AsyncGenerator<string, void, undefined> {
  if (items === null || typeof items !== 'object' || !(Symbol.asyncIterator in items || Symbol.iterator in items)) {
    throw new SigV4Error('INVALID_ARGUMENT', 'items', `expected an iterable or async iterable of requests or keys, got ${describeType(items)}`);
  }
  // A stream may run for hours: each URL is signed at the moment it is produced.
  const { sign } = createItemSigner(ctx, defaults, now, false);
  let i = 0;
  for await (const item of items) yield sign(item, i++);
}
