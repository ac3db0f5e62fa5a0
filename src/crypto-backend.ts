/**
 * What the pure core needs from a crypto implementation. The core never imports one: the Node
 * entry passes a `node:crypto` backend, the web entry a Web Crypto (or pure) one.
 * All functions are synchronous so that one core serves both; strings are hashed as UTF-8.
 */
export interface CryptoBackend {
  /** Lower-case hex SHA-256 of `data` (a string is taken as UTF-8). */
  sha256Hex(data: string | Uint8Array): string;
  /** Raw HMAC-SHA256 of the UTF-8 bytes of `data` under `key`. */
  hmac(key: Uint8Array, data: string): Uint8Array;
  /**
   * A function giving the lower-case hex HMAC-SHA256 of a string (as UTF-8) or bytes under a fixed `key`. Called once
   * per derived signing key, so a backend can do per-key work (pads, imported keys) up front.
   */
  hmacHexWith(key: Uint8Array): (data: string | Uint8Array) => string;
}
