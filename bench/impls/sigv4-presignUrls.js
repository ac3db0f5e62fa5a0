/** sigv4's bulk API: one presignUrls() call for the whole batch of plain key strings. */
import { createPresigner } from '../../dist/node.js';

export const name = 'sigv4 presignUrls';
export const note = 'presigner.presignUrls(keys, { bucket, date, expiresIn }): one call per batch';

let presigner;
let defaults;

export async function setup(w) {
  presigner = createPresigner({ credentials: w.credentials, region: w.region });
  if (typeof presigner.presignUrls !== 'function') throw new Error('sigv4: presigner.presignUrls is missing from dist/node.js (rebuild with `npx tsc -p tsconfig.json`?)');
  defaults = { bucket: w.bucket, date: w.date, expiresIn: w.expiresIn };
}

export async function run(keys) {
  const urls = presigner.presignUrls(keys, defaults);
  if (urls.length !== keys.length) throw new Error(`presignUrls returned ${urls.length} URLs for ${keys.length} keys`);
  return urls.length;
}

export async function sample(keys) {
  return presigner.presignUrls(keys, defaults);
}
