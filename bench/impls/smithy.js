/**
 * @smithy/signature-v4 5.7 + @smithy/hash-node: SignatureV4.presign(), async, set up as the S3
 * presigner of the AWS SDK sets it up (uriEscapePath: false, the key encoded once by the caller),
 * with UNSIGNED-PAYLOAD given as an x-amz-content-sha256 header that is neither signed nor hoisted
 * into the query (the SDK would hoist it and sign X-Amz-Content-Sha256=UNSIGNED-PAYLOAD; sigv4,
 * like `aws s3 presign`, does not put it in the URL). URL written by formatUrl, as getSignedUrl does.
 */
import { formatUrl } from '@aws-sdk/core/util';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { encodeS3Path } from '../workload.js';

export const name = 'smithy SignatureV4';
export const note = 'await new SignatureV4({ …, sha256: Hash("sha256"), uriEscapePath: false }).presign(HttpRequest, { signingDate, expiresIn, unhoistable/unsignable x-amz-content-sha256 })';
export const keysPerRun = 50_000;

const UNSIGNED_HEADER = new Set(['x-amz-content-sha256']);
let signer;
let host;
let options;

export async function setup(w) {
  host = w.host;
  signer = new SignatureV4({ credentials: w.credentials, region: w.region, service: 's3', sha256: Hash.bind(null, 'sha256'), uriEscapePath: false, applyChecksum: true });
  options = { signingDate: w.date, expiresIn: w.expiresIn, unhoistableHeaders: UNSIGNED_HEADER, unsignableHeaders: UNSIGNED_HEADER };
}

async function one(key) {
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'https:',
    hostname: host,
    path: encodeS3Path(key),
    headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  });
  return formatUrl(await signer.presign(request, options));
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
