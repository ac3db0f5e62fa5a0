/**
 * The web entry point (`sigv4/web`, and `sigv4` under the workerd, worker, browser, edge-light,
 * deno and bun conditions): the same functions and options as the Node entry, returning Promises,
 * on web-standard APIs only (no `node:*`, no `Buffer`, no `process`). Hashing is the pure
 * TypeScript SHA-256 of sha256.ts: synchronous, so the one core serves both entries, and faster
 * than a Web Crypto Promise per digest at these sizes (see bench/).
 */
import type { ItemSource, PresignItem } from './bulk-presign.js';
import type { PresignRequest, PresignedRequest } from './presign.js';
import { pureCryptoBackend } from './pure-crypto-backend.js';
import { presignS3Key } from './presign-s3-key.js';
import type { SignedRequest } from './sign-request.js';
import { makeCreatePresigner, makePresign, makeSignRequest, opaque, type Platform, type PresignOptions, type SignRequestOptions } from './signer.js';
import type { SignerConfig } from './signing-context.js';

const now = (): Date => new Date();
const platform: Platform = { crypto: pureCryptoBackend, now };
// Presigners exist for bulk signing, so they take the S3 hot path; one-off presign() leaves it
// out to keep its bundle small.
const bulkPlatform: Platform = { crypto: pureCryptoBackend, now, keyPath: presignS3Key };

export interface WebPresigner {
  presign(request: PresignRequest): Promise<PresignedRequest>;
  presignUrls(items: Iterable<PresignItem>, defaults?: PresignRequest): Promise<string[]>;
  presignStream(items: ItemSource, defaults?: PresignRequest): AsyncIterable<string>;
}

/** Presign one request. Rejects with SigV4Error on invalid input. */
export async function presign(options: PresignOptions): Promise<PresignedRequest> {
  return makePresign(platform)(options);
}

/** Header-sign one request. Rejects with SigV4Error on invalid input. */
export async function signRequest(options: SignRequestOptions): Promise<SignedRequest> {
  return makeSignRequest(platform)(options);
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
