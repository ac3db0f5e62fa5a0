/**
 * aws4fetch 1.0: new AwsV4Signer({ url, …, signQuery: true, datetime }).sign(), async (Web Crypto).
 * One shared `cache` Map, as an AwsClient would pass, so the signing key is derived once, not per
 * URL. Keys are awaited one after the other (no overlapping promises), like every async rival here.
 * The URL's query comes out of URLSearchParams, hence form-encoded.
 */
import { AwsV4Signer } from 'aws4fetch';
import { encodeS3Path } from '../workload.js';

export const name = 'aws4fetch';
export const note = 'await new AwsV4Signer({ url: "https://host/" + encoded key + "?X-Amz-Expires=3600", signQuery: true, datetime, cache }).sign()';
export const keysPerRun = 10_000;
export const formEncodedQuery = true;

let base;
let options;

export async function setup(w) {
  base = 'https://' + w.host;
  options = {
    accessKeyId: w.credentials.accessKeyId,
    secretAccessKey: w.credentials.secretAccessKey,
    sessionToken: w.credentials.sessionToken,
    service: 's3',
    region: w.region,
    datetime: w.amzDate,
    signQuery: true,
    cache: new Map(),
  };
}

async function one(key) {
  const signer = new AwsV4Signer({ ...options, url: base + encodeS3Path(key) + '?X-Amz-Expires=3600' });
  const { url } = await signer.sign();
  return url.toString();
}

export async function run(keys) {
  let bytes = 0;
  for (let i = 0; i < keys.length; i++) bytes += (await one(keys[i])).length;
  if (bytes === 0) throw new Error('no output');
  return keys.length;
}

export async function sample(keys) {
  const out = [];
  for (const key of keys) out.push(await one(key));
  return out;
}
