/**
 * The public API over one crypto backend. Entry points bind a backend and a clock; everything
 * below them is pure.
 */
import { SigV4Error } from './errors.js';
import type { CryptoBackend } from './crypto-backend.js';
import { PRESIGN_REQUEST_KEYS, type PresignRequest, type PresignedRequest, presignRequest } from './presign.js';
import { SIGN_REQUEST_KEYS, type SignRequestInput, type SignedRequest, signRequestWith } from './sign-request.js';
import { checkKnownKeys, createSigningContext, type SignerConfig } from './signing-context.js';
import { checkObject } from './validate.js';
import { type ItemSource, type PresignItem, presignStream, presignUrls } from './bulk-presign.js';

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

export interface Signer {
  presign(options: PresignOptions): PresignedRequest;
  createPresigner(config: SignerConfig): Presigner;
  signRequest(options: SignRequestOptions): SignedRequest;
}

const NO_KEYS: ReadonlySet<string> = new Set();

function hidden(name: string): object {
  // What console.log, util.inspect and JSON.stringify show of a presigner: never its secrets.
  return {
    toJSON: () => ({ type: name }),
    [Symbol.for('nodejs.util.inspect.custom')]: () => `${name} {}`,
    toString: () => `[object ${name}]`,
  };
}

export function createSigner(crypto: CryptoBackend, now: () => Date): Signer {
  return {
    presign(options) {
      const o = checkObject(options, 'options');
      checkKnownKeys(o, PRESIGN_REQUEST_KEYS, 'options');
      const ctx = createSigningContext(crypto, options);
      return presignRequest(ctx, options, (o['date'] as Date | undefined) ?? now());
    },
    createPresigner(config) {
      const c = checkObject(config, 'config');
      checkKnownKeys(c, NO_KEYS, 'config');
      const ctx = createSigningContext(crypto, config);
      const presigner = Object.create(hidden('Presigner')) as Presigner;
      presigner.presign = (request) => {
        const r = checkObject(request, 'request');
        for (const key of Object.keys(r)) {
          if (!PRESIGN_REQUEST_KEYS.has(key)) throw new SigV4Error('INVALID_ARGUMENT', `request.${key}`, 'unknown option for presign()');
        }
        return presignRequest(ctx, request, (r['date'] as Date | undefined) ?? now());
      };
      presigner.presignUrls = (items, defaults) => presignUrls(ctx, items, defaults, now);
      presigner.presignStream = (items, defaults) => presignStream(ctx, items, defaults, now);
      return presigner;
    },
    signRequest(options) {
      const o = checkObject(options, 'options');
      checkKnownKeys(o, SIGN_REQUEST_KEYS, 'options');
      const ctx = createSigningContext(crypto, options);
      return signRequestWith(ctx, options, (o['date'] as Date | undefined) ?? now());
    },
  };
}
