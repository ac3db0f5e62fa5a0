/** The backend of the web entry: synchronous SHA-256 and HMAC in plain TypeScript (sha256.ts). */
import type { CryptoBackend } from './crypto-backend.js';
import { hmacSha256, hmacSha256HexWith, sha256Hex } from './sha256.js';

export const pureCryptoBackend: CryptoBackend = {
  sha256Hex,
  hmac: hmacSha256,
  hmacHexWith: hmacSha256HexWith,
};
