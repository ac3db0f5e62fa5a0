/**
 * The public API over one crypto backend and one clock. Each function is built by its own
 * factory so that a bundle importing only `presign` leaves the others out.
 */
import { type BulkDecoder, type ItemSource, type PresignItem, presignStream, presignUrls } from './bulk-presign.js';
import type { CryptoBackend } from './crypto-backend.js';
import { SigV4Error } from './errors.js';
import { PRESIGN_REQUEST_KEYS, type PresignRequest, type PresignedRequest, presignRequest } from './presign.js';
import { SIGN_REQUEST_KEYS, type SignRequestInput, type SignedRequest, signRequestWith } from './sign-request.js';
import { checkKnownKeys, createSigningContext, type KeyMemo, type KeyPath, type SignerConfig, type SigningContext } from './signing-context.js';
import { checkObject } from './validate.js';

export type PresignOptions = SignerConfig & PresignRequest;
export type SignRequestOptions = SignerConfig & SignRequestInput;

export interface Presigner {
  /** Presign one request with the presigner's credentials, region and service. */
  presign(request: PresignRequest): PresignedRequest;
  /**
   * Presign many: requests or bare keys (with `defaults.bucket`) in, URLs out in the same order.
   * Without `defaults.date`, the whole batch is signed at the time of the call.
   */
  presignUrls(items: Iterable<PresignItem>, defaults?: PresignRequest): string[];
  /** Streaming form: one URL out per item in, in order, with flat memory. */
  presignStream(items: ItemSource, defaults?: PresignRequest): AsyncIterable<string>;
}

/** What an entry point binds: the crypto backend, the clock, and optionally the S3 hot path. */
export interface Platform {
  readonly crypto: CryptoBackend;
  readonly now: () => Date;
  readonly keyPath?: KeyPath | undefined;
  /** A fast ASCII decoder for bulk results (Node: node-ascii.ts); without one, URLs are built as strings. */
  readonly bulkDecoder?: BulkDecoder | undefined;
}

const NO_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set();

/** What console.log, util.inspect, JSON.stringify and String show of a presigner: never its secrets. */
export function opaque<T extends object>(name: string): T {
  return Object.create({
    toJSON: () => ({ type: name }),
    [Symbol.for('nodejs.util.inspect.custom')]: () => `${name} {}`,
    toString: () => `[object ${name}]`,
  }) as T;
}

/**
 * The signing context and date of a one-off call: options checked (known names only), the date
 * defaulted from the platform's clock. `memo` keeps derived keys across calls (signing-context.ts).
 */
export function oneOff<H, K, O extends SignerConfig>(
  crypto: CryptoBackend<H, K>,
  now: () => Date,
  keyPath: KeyPath | undefined,
  options: O,
  allowed: ReadonlySet<string>,
  memo?: KeyMemo<H>,
): [SigningContext<H, K>, O, Date] {
  const o = checkObject(options, 'options');
  checkKnownKeys(o, allowed, 'options');
  return [createSigningContext(crypto, options, keyPath, memo), options, o['date'] === undefined ? now() : (o['date'] as Date)];
}

export function makePresign({ crypto, now, keyPath }: Platform): (options: PresignOptions) => PresignedRequest {
  return (options) => presignRequest(...oneOff(crypto, now, keyPath, options, PRESIGN_REQUEST_KEYS));
}

export function makeCreatePresigner({ crypto, now, keyPath, bulkDecoder }: Platform): (config: SignerConfig) => Presigner {
  return (config) => {
    const c = checkObject(config, 'config');
    checkKnownKeys(c, NO_KEYS, 'config');
    const ctx = createSigningContext(crypto, config, keyPath);
    const presigner = opaque<Presigner>('Presigner');
    presigner.presign = (request) => {
      const r = checkObject(request, 'request');
      for (const key of Object.keys(r)) {
        if (!PRESIGN_REQUEST_KEYS.has(key)) throw new SigV4Error('INVALID_ARGUMENT', `request.${key}`, 'unknown option for presign()');
      }
      return presignRequest(ctx, request, r['date'] === undefined ? now() : (r['date'] as Date));
    };
    presigner.presignUrls = (items, defaults) => presignUrls(ctx, items, defaults, now, bulkDecoder);
    presigner.presignStream = (items, defaults) => presignStream(ctx, items, defaults, now);
    return presigner;
  };
}

export function makeSignRequest({ crypto, now }: Platform): (options: SignRequestOptions) => SignedRequest {
  return (options) => signRequestWith(...oneOff(crypto, now, undefined, options, SIGN_REQUEST_KEYS));
}
