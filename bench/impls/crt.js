/**
 * @aws-sdk/signature-v4-crt 3.1142 CrtSignerV4.presign(), async (native aws-c-auth), set up for S3:
 * uriEscapePath: false (single encoding, the key encoded once by the caller).
 * Two things to know:
 * - CrtSignerV4 never passes `should_normalize_uri_path`, so the CRT normalises the path: an S3
 *   key with `//` or a `.`/`..` segment is signed as another key (`a//b` and `a/./b` both sign as
 *   `a/b`). The workload has no such key (workload.js checkKey), so this does not show here.
 * - CrtSignerV4 hoists every x-amz-* header into the query (it ignores unhoistableHeaders), so the
 *   S3 way of asking for UNSIGNED-PAYLOAD (an x-amz-content-sha256 header) would sign
 *   X-Amz-Content-Sha256 into the query. Instead the request gets a body that is not a string or
 *   buffer (as a streamed upload would), for which smithy's getPayloadHash answers UNSIGNED-PAYLOAD.
 */
import { formatUrl } from '@aws-sdk/core/util';
import { CrtSignerV4 } from '@aws-sdk/signature-v4-crt';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { encodeS3Path } from '../workload.js';

export const name = 'CrtSignerV4';
export const note = 'await new CrtSignerV4({ …, uriEscapePath: false, applyChecksum: false }).presign(HttpRequest, { signingDate, expiresIn })';
export const keysPerRun = 20_000;

const STREAM_BODY = Object.freeze({});
let signer;
let host;
let options;

export async function setup(w) {
  host = w.host;
  signer = new CrtSignerV4({ credentials: w.credentials, region: w.region, service: 's3', sha256: Hash.bind(null, 'sha256'), uriEscapePath: false, applyChecksum: false });
  options = { signingDate: w.date, expiresIn: w.expiresIn };
}

async function one(key) {
  const request = new HttpRequest({ method: 'GET', protocol: 'https:', hostname: host, path: encodeS3Path(key), headers: { host }, body: STREAM_BODY });
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
