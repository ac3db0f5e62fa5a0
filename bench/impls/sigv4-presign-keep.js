/**
 * sigv4 presigner.presign() per key, every URL kept in an array: what a caller who wants the URLs
 * of a batch does without the bulk API, and so the like-for-like baseline for presignUrls (which
 * must return them all). Keeping 100,000 URLs alive costs the garbage collector: they survive
 * the young generation and get copied, where discarded ones die for free.
 */
import { createPresigner } from '../../dist/node.js';

export const name = 'sigv4 presign, URLs kept';
export const note = 'as sigv4 presign, each URL stored in a preallocated array';

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
  const urls = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) urls[i] = presigner.presign({ bucket, key: keys[i], date, expiresIn }).url;
  return urls.length;
}

export async function sample(keys) {
  return keys.map((key) => presigner.presign({ bucket, key, date, expiresIn }).url);
}
