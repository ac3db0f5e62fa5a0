/**
 * The Web Crypto backend of the web entry's one-off `presign` and `signRequest`: asynchronous,
 * and it keeps sha256.ts out of their bundles (the size budget of the edge-runtime issue). The
 * kSigning key is imported once per derived key (`hmacHexWith`), not per HMAC; the signing
 * context caches the result (signing-context.ts). Reads `crypto.subtle` when called, never at
 * import, so a page without a secure context fails the call, not the import.
 */
import type { AsyncCryptoBackend } from './crypto-backend.js';
import { toHex, utf8 } from './encoding.js';

const HMAC = { name: 'HMAC', hash: 'SHA-256' };
// A copy for bytes: Web Crypto refuses a view of a SharedArrayBuffer, which the other backends hash.
const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> => (typeof data === 'string' ? utf8(data) : new Uint8Array(data));
// Web Crypto rejects a zero-length HMAC key; SigV4 keys never are ("AWS4" + secret, then digests).
const importKey = async (key: Uint8Array | Promise<Uint8Array>): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', (await key) as Uint8Array<ArrayBuffer>, HMAC, false, ['sign']);
const hmacWith = async (key: Promise<CryptoKey>, data: string | Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.sign(HMAC, await key, bytes(data)));

export const webCryptoBackend: AsyncCryptoBackend = {
  sha256Hex: async (data) => toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes(data)))),
  hmac: (key, data) => hmacWith(importKey(key), data),
  hmacHexWith(key) {
    const imported = importKey(key);
    return async (data) => toHex(await hmacWith(imported, data));
  },
};
