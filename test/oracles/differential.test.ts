/**
 * Differential test against the official signers: a seeded generator of requests (the seed is
 * printed; SIGV4_SEED=<seed> replays a run), each presigned and header-signed by sigv4, by
 * @smithy/signature-v4 and by the AWS CRT. Zero mismatches allowed. See oracles.ts for the
 * differences by design and how each is normalised.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPresigner, presign, signRequest } from '../../src/node.js';
import { createRandom, runSeed } from '../helpers/random.js';
import { generateRequest, type GeneratedRequest } from '../helpers/request-generator.js';
import { crtPresignSignature, crtSignAuthorization, crtSignerV4Presign, smithyPresign, smithySign } from './oracles.js';

const COUNT = Number(process.env['SIGV4_ORACLE_CASES'] ?? 5000);
const BATCH = 500;
const seed = runSeed();
console.log(`differential oracle test: seed ${seed} (replay with SIGV4_SEED=${seed}), ${COUNT} requests`);

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const r = createRandom(seed);
const requests: GeneratedRequest[] = Array.from({ length: COUNT }, () => generateRequest(r));
const tally = { compared: 0, mismatches: 0, s3: 0, other: 0, withToken: 0, hotPath: 0 };

function oursPresign(g: GeneratedRequest) {
  const base = { credentials: { ...CREDENTIALS, sessionToken: g.sessionToken }, region: g.region, service: g.service, method: g.method, date: g.date, expiresIn: g.expiresIn, headers: g.headers, query: g.query };
  return g.service === 's3'
    ? presign({ ...base, bucket: g.bucket, key: g.key, forcePathStyle: true })
    : presign({ ...base, url: `https://${g.host}${g.wirePath}`, body: g.body ?? '' });
}

function oursSign(g: GeneratedRequest) {
  const base = { credentials: { ...CREDENTIALS, sessionToken: g.sessionToken }, region: g.region, service: g.service, method: g.method, date: g.date, headers: g.headers, query: g.query, body: g.body };
  return g.service === 's3' ? signRequest({ ...base, bucket: g.bucket, key: g.key, forcePathStyle: true }) : signRequest({ ...base, url: `https://${g.host}${g.wirePath}` });
}

function decodedQuery(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of url.slice(url.indexOf('?') + 1).split('&')) {
    const eq = part.indexOf('=');
    const k = decodeURIComponent(part.slice(0, eq));
    const v = decodeURIComponent(part.slice(eq + 1));
    const seen = out[k];
    out[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  return out;
}

function sortValues(q: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : [v]]));
}

afterAll(() => {
  console.log(
    `differential oracle test: seed ${seed}: ${tally.compared} requests compared against smithy and CRT ` +
      `(${tally.s3} S3, ${tally.other} other services, ${tally.withToken} with session tokens; ${tally.hotPath} also through the S3 hot path), ${tally.mismatches} mismatches`,
  );
});

describe(`sigv4 = @smithy/signature-v4 = AWS CRT on ${COUNT} generated requests (seed ${seed})`, () => {
  for (let start = 0; start < COUNT; start += BATCH) {
    it(`requests ${start}..${Math.min(start + BATCH, COUNT) - 1}`, async () => {
      for (let i = start; i < Math.min(start + BATCH, COUNT); i++) {
        const g = requests[i]!;
        const context = `case ${i} (seed ${seed}): ${JSON.stringify({ ...g, sessionToken: g.sessionToken && `${g.sessionToken.length} chars` })}`;
        try {
          const ours = oursPresign(g);
          const url = new URL(ours.url);
          expect(url.host, context).toBe(g.host);
          expect(ours.url.slice(`https://${g.host}`.length).split('?')[0], context).toBe(g.wirePath);
          const smithy = await smithyPresign(g);
          expect(ours.signature, `presign vs smithy, ${context}`).toBe(smithy.signature);
          expect(sortValues(decodedQuery(ours.url)), context).toEqual(sortValues(smithy.query));
          expect(ours.signature, `presign vs CRT, ${context}`).toBe(await crtPresignSignature(g));
          if (g.service !== 's3' && i % 10 === 0) expect(ours.signature, `presign vs CrtSignerV4, ${context}`).toBe(await crtSignerV4Presign(g));

          if (g.service === 's3') {
            // The S3 hot path (bucket + key, nothing extra to sign) through a presigner.
            const bare = { ...g, headers: {}, query: {} };
            const presigner = createPresigner({ credentials: { ...CREDENTIALS, sessionToken: g.sessionToken }, region: g.region, forcePathStyle: true });
            const fast = presigner.presign({ bucket: g.bucket, key: g.key, method: g.method, date: g.date, expiresIn: g.expiresIn });
            expect(fast.signature, `hot path vs smithy, ${context}`).toBe((await smithyPresign(bare)).signature);
            expect(fast.signature, `hot path vs CRT, ${context}`).toBe(await crtPresignSignature(bare));
            expect(presigner.presignUrls([g.key], { bucket: g.bucket, method: g.method, date: g.date, expiresIn: g.expiresIn })).toEqual([fast.url]);
            tally.hotPath++;
          }

          const signed = oursSign(g);
          expect(signed.authorization, `sign vs smithy, ${context}`).toBe(await smithySign(g));
          expect(signed.authorization, `sign vs CRT, ${context}`).toBe(await crtSignAuthorization(g));
        } catch (e) {
          tally.mismatches++;
          throw e;
        }
        tally.compared++;
        if (g.service === 's3') tally.s3++;
        else tally.other++;
        if (g.sessionToken) tally.withToken++;
      }
    }, 120_000);
  }
});
