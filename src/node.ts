/**
 * The Node entry point (`sigv4`): the signer on node:crypto, synchronous.
 */
import { nodeCryptoBackend } from './node-crypto-backend.js';
import { createSigner } from './signer.js';

const signer = createSigner(nodeCryptoBackend, () => new Date());

export const presign = signer.presign;
export const createPresigner = signer.createPresigner;
export const signRequest = signer.signRequest;

export { SigV4Error, type SigV4ErrorCode } from './errors.js';
export type { Presigner, PresignOptions, SignRequestOptions } from './signer.js';
export type { PresignRequest, PresignedRequest } from './presign.js';
export type { SignRequestInput, SignedRequest } from './sign-request.js';
export type { SignerConfig } from './signing-context.js';
export type { Credentials } from './validate.js';
export { presignInWorkers, type WorkerOptions } from './worker-presign.js';
export type { PresignItem, ItemSource } from './bulk-presign.js';
