/**
 * sigv4/web's one-off presign() on Node: Web Crypto (crypto.subtle) for every digest and HMAC,
 * the imported kSigning CryptoKey kept per credentials object (one object for the whole run, as
 * a caller holding its credentials passes them). Beside the "sigv4/web presign" row (a
 * presigner, pure TypeScript SHA-256, synchronous inside) it measures that choice.
 */
import { presign } from '../../dist/web.js';

export const name = 'sigv4/web presign, one-off';
export const keysPerRun = 20000;
export const note = 'web entry: await presign({ credentials, region, bucket, key, date, expiresIn }) per key (Web Crypto)';

let base;

export async function setup(w) {
  base = { credentials: w.credentials, region: w.region, bucket: w.bucket, date: w.date, expiresIn: w.expiresIn };
}

export async function run(keys) {
  let bytes = 0;
  for (let i = 0; i < keys.length; i++) bytes += (await presign({ ...base, key: keys[i] })).url.length;
  if (bytes === 0) throw new Error('no output');
  return keys.length;
}

export async function sample(keys) {
  const out = [];
  for (const key of keys) out.push((await presign({ ...base, key })).url);
  return out;
}
