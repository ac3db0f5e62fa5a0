/**
 * Floor (a), the "node:crypto pipeline": the smallest correct presigner for this workload, written
 * here: per key, encode the path, build CanonicalRequest, createHash for its SHA-256, StringToSign,
 * createHmac under a cached kSigning, write the URL. Everything that does not depend on the key
 * (CanonicalQueryString, credential scope, kSigning) is computed once in setup, which a general
 * presigner could only do per (date, expiry) - so this is a floor, not a library.
 */
import { createHash, createHmac } from 'node:crypto';
import { encodeS3Path } from '../workload.js';

export const name = 'floor: node:crypto pipeline';
export const note = 'hand-written: encode + CanonicalRequest + createHash + createHmac(cached kSigning) + URL per key';

const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

let kSigning;
let crTail;
let stsPrefix;
let urlBase;
let urlQuery;

/** Shared with floor-crypto-only.js: the per-workload constants. */
export function constants(w) {
  const dateStamp = w.amzDate.slice(0, 8);
  const scope = `${dateStamp}/${w.region}/${w.service}/aws4_request`;
  const key = hmac(hmac(hmac(hmac('AWS4' + w.credentials.secretAccessKey, dateStamp), w.region), w.service), 'aws4_request');
  const params = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${w.credentials.accessKeyId}/${scope}`],
    ['X-Amz-Date', w.amzDate],
    ['X-Amz-Expires', String(w.expiresIn)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (w.credentials.sessionToken !== undefined) params.push(['X-Amz-Security-Token', w.credentials.sessionToken]);
  const cq = params
    .map(([n, v]) => [rfc3986(n), rfc3986(v)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
  return {
    kSigning: key,
    crTail: `\n${cq}\nhost:${w.host}\n\nhost\nUNSIGNED-PAYLOAD`,
    stsPrefix: `AWS4-HMAC-SHA256\n${w.amzDate}\n${scope}\n`,
    urlBase: `https://${w.host}`,
    urlQuery: `?${cq}&X-Amz-Signature=`,
  };
}

export async function setup(w) {
  ({ kSigning, crTail, stsPrefix, urlBase, urlQuery } = constants(w));
}

function one(key) {
  const path = encodeS3Path(key);
  const hashed = createHash('sha256').update('GET\n' + path + crTail).digest('hex');
  const signature = createHmac('sha256', kSigning).update(stsPrefix + hashed).digest('hex');
  return urlBase + path + urlQuery + signature;
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
