/** sigv4: one createPresigner(), then presigner.presign() per key. The reference for every ratio. */
import { createPresigner } from '../../dist/node.js';

export const name = 'sigv4 presign';
export const note = 'createPresigner({ credentials, region }).presign({ bucket, key, date, expiresIn }) per key';

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
  for (let i = 0; i < keys.length; i++) bytes += presigner.presign({ bucket, key: keys[i], date, expiresIn }).url.length;
  if (bytes === 0) throw new Error('no output');
  return keys.length;
}

export async function sample(keys) {
  return keys.map((key) => presigner.presign({ bucket, key, date, expiresIn }).url);
}
