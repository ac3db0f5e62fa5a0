/**
 * sigv4/web on Node: the web entry (pure TypeScript SHA-256, no node:crypto), one
 * createPresigner(), then `await presigner.presign()` per key: the number to hold against
 * aws4fetch, the other Web-only signer.
 */
import { createPresigner } from '../../dist/web.js';

export const name = 'sigv4/web presign';
export const keysPerRun = 50000;
export const note = 'web entry: await createPresigner({ credentials, region }).presign({ bucket, key, date, expiresIn }) per key';

let presigner;
let bucket;
let date;
let expiresIn;

export async function setup(w) {
  presigner = createPresigner({ credentials: w.credentials, region: w.region });
  bucket = w.bucket;
  date = w.date;
  expiresIn = w.expiresIn;
}

export async function run(keys) {
  let bytes = 0;
  for (let i = 0; i < keys.length; i++) bytes += (await presigner.presign({ bucket, key: keys[i], date, expiresIn })).url.length;
  if (bytes === 0) throw new Error('no output');
  return keys.length;
}

export async function sample(keys) {
  const out = [];
  for (const key of keys) out.push((await presigner.presign({ bucket, key, date, expiresIn })).url);
  return out;
}
