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

export type PresignOptions = SignerConfig & PresignRequest;
export type SignRequestOptions = SignerConfig & SignRequestInput;

export interface Presigner {
  /** Presign one request with the presigner's credentials, region and service. */
  presign(request: PresignRequest): PresignedRequest;
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
