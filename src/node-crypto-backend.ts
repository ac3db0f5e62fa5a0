/**
 * The node:crypto backend. Plain createHash/createHmac for now; see bench/ for measurements.
 */
import { createHash, createHmac } from 'node:crypto';
import type { CryptoBackend } from './crypto-backend.js';

export const nodeCryptoBackend: CryptoBackend = {
  sha256Hex(data) {
    return createHash('sha256').update(data).digest('hex');
  },
  hmac(key, data) {
    return new Uint8Array(createHmac('sha256', key).update(data).digest());
  },
  hmacHexWith(key) {
    const k = Uint8Array.from(key);
    return (data) => createHmac('sha256', k).update(data).digest('hex');
  },
};
