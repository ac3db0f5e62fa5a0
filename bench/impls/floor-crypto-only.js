/**
 * Floor (b), "crypto only": the hashing no presigner can avoid, and nothing else. CanonicalRequest
 * strings are built in setup (untimed); per URL the timed loop does one
 * crypto.hash('sha256', CanonicalRequest, 'hex') and HMAC-SHA256(kSigning, StringToSign) composed
 * from two crypto.hash() calls, H((K^opad) || H((K^ipad) || StringToSign)) (RFC 2104), over
 * preallocated buffers that already hold the ipad/opad blocks and the StringToSign prefix; only
 * the 64 hex digits of the CanonicalRequest hash are written per URL. No URL is built in the timed
 * loop (sample() builds them, to check the signatures).
 * crypto.hash() is Node >= 20.12 / 21.7 (one call instead of createHash().update().digest()).
 */
import crypto from 'node:crypto';
import { encodeS3Path } from '../workload.js';
import { constants } from './floor-node-crypto.js';

export const name = 'floor: crypto only';
export const note = 'precomputed CanonicalRequest strings; per URL crypto.hash(CR) + HMAC as 2 crypto.hash() over ipad/opad blocks';

if (typeof crypto.hash !== 'function') throw new Error(`crypto.hash() is missing in Node ${process.version} (needs >= 20.12)`);
const { hash } = crypto;

let c;
let inner;
let outer;
let hashAt;
const prepared = new WeakMap();

export async function setup(w) {
  c = constants(w);
  const block = Buffer.alloc(64);
  c.kSigning.copy(block);
  const prefix = Buffer.from(c.stsPrefix, 'latin1');
  inner = Buffer.alloc(64 + prefix.length + 64);
  outer = Buffer.alloc(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 0x36;
    outer[i] = block[i] ^ 0x5c;
  }
  prefix.copy(inner, 64);
  hashAt = 64 + prefix.length;
  prepare(w.keys);
}

function prepare(keys) {
  let crs = prepared.get(keys);
  if (!crs) {
    crs = keys.map((k) => 'GET\n' + encodeS3Path(k) + c.crTail);
    prepared.set(keys, crs);
  }
  return crs;
}

function signature(cr) {
  inner.write(hash('sha256', cr, 'hex'), hashAt, 'latin1');
  hash('sha256', inner, 'buffer').copy(outer, 64);
  return hash('sha256', outer, 'hex');
}

export async function run(keys) {
  const crs = prepare(keys);
  let bytes = 0;
  for (let i = 0; i < crs.length; i++) bytes += signature(crs[i]).length;
  if (bytes === 0) throw new Error('no output');
  return crs.length;
}

export async function sample(keys) {
  return keys.map((k) => c.urlBase + encodeS3Path(k) + c.urlQuery + signature('GET\n' + encodeS3Path(k) + c.crTail));
}
