/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in plain TypeScript, synchronous, for the web
 * entry. Web Crypto is asynchronous: at SigV4's input sizes (a few hundred bytes) a Promise per
 * digest costs more than the digest (bench/ keeps the measurement), and a synchronous hash lets
 * every entry share one synchronous core. Checked against the NIST vectors and against
 * node:crypto on random inputs (test/sha256.test.ts).
 */

/**
 * Round constants K (the first 32 bits of the fractional parts of the cube roots of the first 64
 * primes) and the initial hash value IV (the same for the square roots of the first 8 primes).
 * Computed by a function marked pure, so a bundle that does not hash leaves this out.
 */
function constants(): Int32Array {
  // K in 0..63, IV in 64..71.
  const k = new Int32Array(72);
  let n = 0;
  for (let p = 2; n < 64; p++) {
    let prime = true;
    for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
    if (!prime) continue;
    if (n < 8) k[64 + n] = ((Math.sqrt(p) % 1) * 2 ** 32) | 0;
    k[n++] = ((Math.cbrt(p) % 1) * 2 ** 32) | 0;
  }
  return k;
}
const K = /* @__PURE__ */ constants();
const IV = /* @__PURE__ */ K.subarray(64);

const W = /* @__PURE__ */ new Int32Array(64);

function compress(H: Int32Array, M: Uint8Array, o: number): void {
  for (let i = 0; i < 16; i++, o += 4) W[i] = ((M[o] as number) << 24) | ((M[o + 1] as number) << 16) | ((M[o + 2] as number) << 8) | (M[o + 3] as number);
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15] as number;
    const y = W[i - 2] as number;
    W[i] =
      ((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
        (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) +
        (W[i - 7] as number) +
        (W[i - 16] as number)) | 0;
  }
  let a = H[0] as number, b = H[1] as number, c = H[2] as number, d = H[3] as number;
  let e = H[4] as number, f = H[5] as number, g = H[6] as number, h = H[7] as number;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  H[0] = (H[0] as number) + a; H[1] = (H[1] as number) + b; H[2] = (H[2] as number) + c; H[3] = (H[3] as number) + d;
  H[4] = (H[4] as number) + e; H[5] = (H[5] as number) + f; H[6] = (H[6] as number) + g; H[7] = (H[7] as number) + h;
}

const tail = /* @__PURE__ */ new Uint8Array(128);

/**
 * Hashes `len` bytes of `data` onto state `H` (modified in place), `prefix` bytes having already
 * been compressed into it, and pads: the finished digest state.
 */
function finish(H: Int32Array, prefix: number, data: Uint8Array, len: number): Int32Array {
  let o = 0;
  for (; o + 64 <= len; o += 64) compress(H, data, o);
  const rest = len - o;
  tail.fill(0);
  tail.set(data.subarray(o, len));
  tail[rest] = 0x80;
  const end = rest < 56 ? 64 : 128;
  const bits = (prefix + len) * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(end - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(end - 4, bits >>> 0);
  compress(H, tail, 0);
  if (end === 128) compress(H, tail, 64);
  return H;
}

let scratch = /* @__PURE__ */ new Uint8Array(1024);
const encoder = /* @__PURE__ */ new TextEncoder();

/** UTF-8 bytes of `s` in a shared buffer: [buffer, length]. Valid until the next call. */
function utf8Scratch(s: string): [Uint8Array, number] {
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  return [scratch, encoder.encodeInto(s, scratch).written];
}

function bytesOf(data: string | Uint8Array): [Uint8Array, number] {
  return typeof data === 'string' ? utf8Scratch(data) : [data, data.length];
}

function toBytes(H: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) view.setInt32(i * 4, H[i] as number);
  return out;
}

function toHex(H: Int32Array): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ((H[i] as number) >>> 0).toString(16).padStart(8, '0');
  return s;
}

export function sha256(data: string | Uint8Array): Uint8Array {
  const [bytes, len] = bytesOf(data);
  return toBytes(finish(IV.slice(), 0, bytes, len));
}

export function sha256Hex(data: string | Uint8Array): string {
  const [bytes, len] = bytesOf(data);
  return toHex(finish(IV.slice(), 0, bytes, len));
}

/** The inner and outer states after the key's ipad and opad blocks: reused for every message. */
function hmacStates(key: Uint8Array): [Int32Array, Int32Array] {
  const k = key.length > 64 ? sha256(key) : key;
  const block = new Uint8Array(64);
  const inner = IV.slice();
  const outer = IV.slice();
  for (let i = 0; i < 64; i++) block[i] = (k[i] ?? 0) ^ 0x36;
  compress(inner, block, 0);
  for (let i = 0; i < 64; i++) block[i] = (k[i] ?? 0) ^ 0x5c;
  compress(outer, block, 0);
  return [inner, outer];
}

function hmacState(states: [Int32Array, Int32Array], data: string | Uint8Array): Int32Array {
  const [bytes, len] = bytesOf(data);
  const innerDigest = toBytes(finish(states[0].slice(), 64, bytes, len));
  return finish(states[1].slice(), 64, innerDigest, 32);
}

export function hmacSha256(key: Uint8Array, data: string): Uint8Array {
  return toBytes(hmacState(hmacStates(key), data));
}

/** Hex HMAC under a fixed key; the key's pad blocks are compressed once. */
export function hmacSha256HexWith(key: Uint8Array): (data: string | Uint8Array) => string {
  const states = hmacStates(key);
  return (data) => toHex(hmacState(states, data));
}
