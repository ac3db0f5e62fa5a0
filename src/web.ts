/**
 * The web entry point (`sigv4/web`, and `sigv4` under the workerd, worker, browser, edge-light,
 * deno and bun conditions): the same functions and options as the Node entry, returning Promises,
 * on web-standard APIs only (no `node:*`, no `Buffer`, no `process`). One-off `presign` and
 * `signRequest` hash with Web Crypto (web-crypto-backend.ts), which keeps a SHA-256
 * implementation out of their bundles. Presigners exist for bulk signing: they hash with the pure
 * TypeScript SHA-256 of sha256.ts, synchronous and faster than a Web Crypto Promise per digest at
 * these sizes (see bench/).
 */
import type { ItemSource, PresignItem } from './bulk-presign.js';
import { PRESIGN_REQUEST_KEYS, type PresignRequest, type PresignedRequest, presignSteps } from './presign.js';
import { pureCryptoBackend } from './pure-crypto-backend.js';
import { presignS3Key } from './presign-s3-key.js';
import { SIGN_REQUEST_KEYS, type SignedRequest, signRequestSteps } from './sign-request.js';
import { makeCreatePresigner, oneOff, opaque, type Platform, type PresignOptions, type SignRequestOptions } from './signer.js';
import type { KeyMemo, SignerConfig } from './signing-context.js';
import { runAsync } from './steps.js';
import { webCryptoBackend } from './web-crypto-backend.js';

const now = (): Date => new Date();
// Presigners take the S3 hot path; one-off presign() leaves it out to keep its bundle small.
const bulkPlatform: Platform = { crypto: pureCryptoBackend, now, keyPath: presignS3Key };
/**
 * One-off calls make a new signing context each time; this keeps the imported kSigning CryptoKey
 * of each credentials object for the next call with the same secret, region, service and date
 * (signing-context.ts says when an entry is reused).
 */
const memo: KeyMemo<Promise<string>> = /* @__PURE__ */ new WeakMap();

export interface WebPresigner {
  presign(request: PresignRequest): Promise<PresignedRequest>;
  presignUrls(items: Iterable<PresignItem>, defaults?: PresignRequest): Promise<string[]>;
  presignStream(items: ItemSource, defaults?: PresignRequest): AsyncIterable<string>;
}

/** Presign one request. Rejects with SigV4Error on invalid input. */
export async function presign(options: PresignOptions): Promise<PresignedRequest> {
  return runAsync(presignSteps(...oneOff(webCryptoBackend, now, undefined, options, PRESIGN_REQUEST_KEYS, memo)));
}

/** Header-sign one request. Rejects with SigV4Error on invalid input. */
export async function signRequest(options: SignRequestOptions): Promise<SignedRequest> {
  return runAsync(signRequestSteps(...oneOff(webCryptoBackend, now, undefined, options, SIGN_REQUEST_KEYS, memo)));
}

/** A presigner for many requests with one configuration; throws SigV4Error on a bad config. */
export function createPresigner(config: SignerConfig): WebPresigner {
  const inner = makeCreatePresigner(bulkPlatform)(config);
  const presigner = opaque<WebPresigner>('Presigner');
  presigner.presign = async (request) => inner.presign(request);
  presigner.presignUrls = async (items, defaults) => inner.presignUrls(items, defaults);
  presigner.presignStream = (items, defaults) => inner.presignStream(items, defaults);
  return presigner;
}

export { SigV4Error, type SigV4ErrorCode } from './errors.js';
export type { PresignOptions, SignRequestOptions } from './signer.js';
export type { PresignRequest, PresignedRequest } from './presign.js';
export type { SignRequestInput, SignedRequest } from './sign-request.js';
export type { SignerConfig } from './signing-context.js';
export type { Credentials } from './validate.js';
export type { PresignItem, ItemSource } from './bulk-presign.js';
