/**
 * What the pure core needs from a crypto implementation. The core never imports one: the Node
 * entry passes a `node:crypto` backend, the web entry a Web Crypto (or pure) one.
 * Strings are hashed as UTF-8. `H` is what a hex digest comes back as: `string` for the
 * synchronous backends (node:crypto, sha256.ts), `Promise<string>` for Web Crypto; `K` is a key
 * the same way. The core is written once as a generator that yields each `H` (steps.ts), so one
 * core serves both.
 */
export interface CryptoBackend<H = string, K = Uint8Array> {
  /** Lower-case hex SHA-256 of `data` (a string is taken as UTF-8). */
  sha256Hex(data: string | Uint8Array): H;
  /** Raw HMAC-SHA256 of the UTF-8 bytes of `data` under `key`. */
  hmac(key: Uint8Array | K, data: string): K;
  /**
   * A function giving the lower-case hex HMAC-SHA256 of a string (as UTF-8) or bytes under a fixed `key`. Called once
   * per derived signing key, so a backend can do per-key work (pads, imported keys) up front.
   */
  hmacHexWith(key: K): (data: string | Uint8Array) => H;
}

/** The Web Crypto form: every result is a Promise. */
export type AsyncCryptoBackend = CryptoBackend<Promise<string>, Promise<Uint8Array>>;
