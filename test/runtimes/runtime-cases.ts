/**
 * Builds the cases the runtime tests run (Node side): the aws-c-auth v4 suite in query and header
 * form and every S3 presign example, with their published expectations, plus generated requests
 * whose expected signature comes from @smithy/signature-v4 (the oracle, see test/oracles/).
 */
import { fixture, fixtureJson, subdirectories } from '../helpers/fixtures.js';
import { createRandom } from '../helpers/random.js';
import { generateRequest } from '../helpers/request-generator.js';
import { dateFromAmzDate, parseRequestFile } from '../helpers/request-file.js';
import { smithyPresign } from '../oracles/oracles.js';
import type { RuntimeCase } from './fixtures/run-cases.js';

const SUITE = 'aws-signing-test-suite/v4';

function suiteCases(): RuntimeCase[] {
  const out: RuntimeCase[] = [];
  for (const name of subdirectories(SUITE)) {
    const ctx = JSON.parse(fixture(SUITE, name, 'context.json'));
    const req = parseRequestFile(fixture(SUITE, name, 'request.txt'));
    const base = {
      credentials: { accessKeyId: ctx.credentials.access_key_id, secretAccessKey: ctx.credentials.secret_access_key, sessionToken: ctx.credentials.token },
      region: ctx.region,
      service: ctx.service,
      doubleEncode: true,
      normalizePath: ctx.normalize,
      signSessionToken: ctx.omit_session_token !== true,
      date: ctx.timestamp,
      method: req.method,
      url: { host: req.host, path: req.path, query: req.query },
      headers: req.headers,
      body: ctx.sign_body ? req.body : undefined,
    };
    out.push({
      name: `${name} query`,
      kind: 'presign',
      options: { ...base, expiresIn: ctx.expiration_in_seconds },
      expect: {
        canonicalRequest: fixture(SUITE, name, 'query-canonical-request.txt'),
        stringToSign: fixture(SUITE, name, 'query-string-to-sign.txt'),
        signature: fixture(SUITE, name, 'query-signature.txt'),
      },
    });
    out.push({
      name: `${name} header`,
      kind: 'signRequest',
      options: { ...base, contentSha256Header: ctx.sign_body },
      expect: {
        canonicalRequest: fixture(SUITE, name, 'header-canonical-request.txt'),
        stringToSign: fixture(SUITE, name, 'header-string-to-sign.txt'),
        signature: fixture(SUITE, name, 'header-signature.txt'),
      },
    });
  }
  return out;
}

function s3Cases(): RuntimeCase[] {
  const out: RuntimeCase[] = [];
  const docs = fixtureJson<{ examples: any[] }>('s3-docs-examples.json');
  for (const e of docs.examples.filter((x) => x.signature_location === 'query')) {
    const i = e.input;
    const common = { credentials: { accessKeyId: i.access_key_id, secretAccessKey: i.secret_access_key }, region: i.region, date: dateFromAmzDate(i.datetime).toISOString(), expiresIn: i.expires };
    out.push({ name: `${e.id} url`, kind: 'presign', options: { ...common, url: `https://${i.host}${i.path}` }, expect: { url: e.expected.url, canonicalRequest: e.expected.canonical_request, stringToSign: e.expected.string_to_sign } });
    out.push({ name: `${e.id} bucket+key`, kind: 'presign', options: { ...common, bucket: i.host.split('.')[0], key: decodeURIComponent(i.path.slice(1)), endpoint: 'https://s3.amazonaws.com' }, expect: { url: e.expected.url } });
    out.push({ name: `${e.id} presignUrls`, kind: 'presignUrls', options: { ...common, items: [decodeURIComponent(i.path.slice(1))], defaults: { bucket: i.host.split('.')[0], date: common.date, expiresIn: i.expires }, endpoint: 'https://s3.amazonaws.com', date: undefined, expiresIn: undefined }, expect: { urls: [e.expected.url] } });
  }
  const sdk = fixtureJson<{ examples: any[] }>('sdk-presign-examples.json');
  for (const e of sdk.examples.filter((x) => x.id.startsWith('aws-cli-'))) {
    const i = e.input;
    out.push({
      name: e.id,
      kind: 'presign',
      options: { credentials: { accessKeyId: i.access_key_id, secretAccessKey: i.secret_access_key }, region: i.region, date: dateFromAmzDate(i.datetime).toISOString(), expiresIn: i.expires, url: `https://${i.host}${i.path}` },
      expect: { signature: e.expected.query_params['X-Amz-Signature'] },
    });
  }
  return out;
}

async function oracleCases(seed: number, count: number): Promise<RuntimeCase[]> {
  const r = createRandom(seed);
  const out: RuntimeCase[] = [];
  for (let n = 0; n < count; n++) {
    const g = generateRequest(r);
    const expected = await smithyPresign(g);
    const base = {
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: g.sessionToken },
      region: g.region, service: g.service, method: g.method, date: g.date.toISOString(), expiresIn: g.expiresIn, headers: g.headers, query: g.query,
    };
    const options = g.service === 's3' ? { ...base, bucket: g.bucket, key: g.key, forcePathStyle: true } : { ...base, url: `https://${g.host}${g.wirePath}`, body: g.body ?? '' };
    out.push({ name: `oracle case ${n} (seed ${seed})`, kind: 'presign', options, expect: { signature: expected.signature } });
  }
  return out;
}

export async function buildRuntimeCases(seed: number, oracleCount: number): Promise<RuntimeCase[]> {
  return [...suiteCases(), ...s3Cases(), ...(await oracleCases(seed, oracleCount))];
}
