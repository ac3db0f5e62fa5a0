/**
 * The Node entry point (`sigv4`): the signer on node:crypto, synchronous, with the S3 hot path
 * for bulk signing and worker_threads for multi-core batches.
 */
import { DECODE_BYTES, decodeAscii } from './node-ascii.js';
import { nodeCryptoBackend } from './node-crypto-backend.js';
import { presignS3Key } from './presign-s3-key.js';
import { makeCreatePresigner, makePresign, makeSignRequest, type Platform } from './signer.js';

const platform: Platform = { crypto: nodeCryptoBackend, now: () => new Date(), keyPath: presignS3Key, bulkDecoder: { decode: decodeAscii, runBytes: DECODE_BYTES } };

export const presign = makePresign(platform);
export const createPresigner = makeCreatePresigner(platform);
export const signRequest = makeSignRequest(platform);
export { presignInWorkers, type WorkerOptions } from './worker-presign.js';

export { SigV4Error, type SigV4ErrorCode } from './errors.js';
export type { Presigner, PresignOptions, SignRequestOptions } from './signer.js';
export type { PresignRequest, PresignedRequest } from './presign.js';
export type { SignRequestInput, SignedRequest } from './sign-request.js';
export type { SignerConfig } from './signing-context.js';
export type { Credentials } from './validate.js';
export type { PresignItem, ItemSource } from './bulk-presign.js';
