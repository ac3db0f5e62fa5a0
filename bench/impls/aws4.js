/**
 * aws4 1.13: aws4.sign({ host, path, service, region, signQuery: true }, credentials).
 * aws4 reads the expiry and the signing time from the query it is given (X-Amz-Expires defaults to
 * 86400 for S3; X-Amz-Date to now), and it percent-decodes an S3 path before re-encoding it, so the
 * key goes in already encoded ('+' as %2B: aws4 would read a raw '+' as a space).
 */
import aws4 from 'aws4';
import { encodeS3Path } from '../workload.js';

export const name = 'aws4';
export const note = 'aws4.sign({ host, path: encoded key + "?X-Amz-Expires=3600&X-Amz-Date=…", service: "s3", region, signQuery: true }, credentials)';

let host;
let region;
let credentials;
let suffix;

export async function setup(w) {
  host = w.host;
  region = w.region;
  credentials = w.credentials;
  suffix = `?X-Amz-Expires=${w.expiresIn}&X-Amz-Date=${w.amzDate}`;
}

function one(key) {
  const signed = aws4.sign({ host, path: encodeS3Path(key) + suffix, service: 's3', region, signQuery: true }, credentials);
  return 'https://' + host + signed.path;
}

export async function run(keys) {
  let bytes = 0;
  for (let i = 0; i < keys.length; i++) bytes += one(keys[i]).length;
  if (bytes === 0) throw new Error('no output');
  return keys.length;
}

export async function sample(keys) {
  return keys.map(one);
}
