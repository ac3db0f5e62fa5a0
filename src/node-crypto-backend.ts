/**
 * The node:crypto backend.
 *
 * Per-call overhead, not hashing, dominates at SigV4's input sizes (a few hundred bytes): a
 * createHash/createHmac object costs more than the SHA-256 itself. Where `crypto.hash()` exists
 * (Node >= 20.12 / 21.7) each SHA-256 is one call, and HMAC under the cached signing key is
 * composed from two of them over precomputed ipad/opad blocks (RFC 2104:
 * H((K ^ opad) || H((K ^ ipad) || m))). bench/ keeps the measurement. Without `crypto.hash`, the
 * classic createHash/createHmac path is used; both paths run the full test suite.
 */
import * as nodeCrypto from 'node:crypto';
import type { CryptoBackend } from './crypto-backend.js';

type OneShotHash = (algorithm: string, data: string | Uint8Array, outputEncoding: string) => string | Buffer;

const BLOCK = 64;

/** The one-shot `crypto.hash`, when this Node has it. */
export const oneShotHash: OneShotHash | undefined =
  typeof (nodeCrypto as { hash?: unknown }).hash === 'function' ? ((nodeCrypto as { hash: OneShotHash }).hash) : undefined;

function hmacRaw(key: Uint8Array, data: string): Uint8Array {
  return new Uint8Array(nodeCrypto.createHmac('sha256', key).update(data).digest());
}

/** The classic path: one createHash or createHmac object per call. */
export const classicNodeBackend: CryptoBackend = {
  sha256Hex: (data) => nodeCrypto.createHash('sha256').update(data).digest('hex'),
  hmac: hmacRaw,
  hmacHexWith(key) {
    const k = Buffer.from(key);
    return (data) => nodeCrypto.createHmac('sha256', k).update(data).digest('hex');
  },
};

function oneShotBackend(hash: OneShotHash): CryptoBackend {
  return {
    sha256Hex: (data) => hash('sha256', data, 'hex') as string,
    hmac: hmacRaw,
    hmacHexWith(key) {
      // Keys longer than a block are hashed first (RFC 2104); a derived key is 32 bytes.
      const k = key.length > BLOCK ? new Uint8Array(hash('sha256', key, 'buffer') as Buffer) : key;
      let inner = new Uint8Array(BLOCK + 512);
      const outer = new Uint8Array(BLOCK + 32);
      for (let i = 0; i < BLOCK; i++) {
        const b = i < k.length ? (k[i] as number) : 0;
        inner[i] = b ^ 0x36;
        outer[i] = b ^ 0x5c;
      }
      const encoder = new TextEncoder();
      // The view of `inner` hashed last time: a StringToSign has the same length for every URL
      // signed in one second, and a fresh subarray per call showed up in profiles.
      let view = inner.subarray(0, BLOCK);
      return (data) => {
        // A string is at most 3 UTF-8 bytes per UTF-16 unit: grow the buffer before writing.
        const room = typeof data === 'string' ? data.length * 3 : data.length;
        if (BLOCK + room > inner.length) {
          const bigger = new Uint8Array(BLOCK + room);
          bigger.set(inner.subarray(0, BLOCK));
          inner = bigger;
        }
        let n: number;
        if (typeof data === 'string') n = encoder.encodeInto(data, inner.subarray(BLOCK)).written;
        else {
          inner.set(data, BLOCK);
          n = data.length;
        }
        if (view.buffer !== inner.buffer || view.length !== BLOCK + n) view = inner.subarray(0, BLOCK + n);
        outer.set(hash('sha256', view, 'buffer') as Buffer, BLOCK);
        return hash('sha256', outer, 'hex') as string;
      };
    },
  };
}

/** The backend the Node entry uses: one-shot when available, classic otherwise. */
export const nodeCryptoBackend: CryptoBackend = oneShotHash ? oneShotBackend(oneShotHash) : classicNodeBackend;

/** Exposed for the tests that run the suites on both paths. */
export const oneShotNodeBackend: CryptoBackend | undefined = oneShotHash ? oneShotBackend(oneShotHash) : undefined;
