/**
 * presignUrls on Node writes bare-key URLs as bytes and decodes them a run (about 2 MB) at a time
 * (bulk-presign.ts). Batches here span many runs, straddle run boundaries with URLs of every
 * length, mix bare keys with request objects, and carry a URL larger than a whole run. The oracle
 * is the web entry's one-off presign(): the general path (no S3 key fast path) on the pure
 * SHA-256, which the official vectors check independently.
 */
import { describe, expect, it } from 'vitest';
import * as node from '../src/node.js';
import * as web from '../src/web.js';
import { createRandom, runSeed } from './helpers/random.js';
import { randomKey } from './helpers/request-generator.js';

const date = new Date('2026-03-04T05:06:07Z');
const bucket = 'bulk-bucket';
const region = 'eu-west-1';
const plain = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
// About 1.1 kB per URL with this token: a 2 MB run holds under 2,000 URLs.
const withToken = { ...plain, sessionToken: 'IQoJb3JpZ2luX2VjE+/='.repeat(40) };

async function oracle(credentials: typeof plain, keys: string[], expiresIn = 3600): Promise<string[]> {
  const urls: string[] = [];
  for (const key of keys) urls.push((await web.presign({ credentials, region, bucket, key, date, expiresIn })).url);
  return urls;
}

describe('presignUrls over many runs of URL bytes', () => {
  const seed = runSeed();

  it.each([
    ['no session token', plain],
    ['a 800-character session token', withToken],
  ])(`8,000 random bare keys, %s: every URL equals presign()'s (seed ${seed})`, async (_, credentials) => {
    const rnd = createRandom(seed);
    const keys = Array.from({ length: 8_000 }, () => randomKey(rnd));
    const urls = node.createPresigner({ credentials, region }).presignUrls(keys, { bucket, date });
    expect(urls).toHaveLength(keys.length);
    expect(urls).toEqual(await oracle(credentials, keys));
  });

  it('a URL larger than a run, keys of every length, and request objects in between', async () => {
    const rnd = createRandom(seed + 1);
    const huge = '€'.repeat(250_000); // 9 bytes per character once encoded: a 2.25 MB URL
    const keys = [huge, ...Array.from({ length: 3_000 }, (_, i) => 'k/'.padEnd(1 + (i % 700), String.fromCharCode(0x61 + (i % 26)))), huge, randomKey(rnd)];
    const items = keys.map((key, i) => (i % 7 === 3 ? { bucket, key, expiresIn: 60 } : key));
    const urls = node.createPresigner({ credentials: plain, region }).presignUrls(items, { bucket, date });
    const want = await oracle(plain, keys);
    for (let i = 0; i < keys.length; i++) {
      if (i % 7 === 3) want[i] = (await oracle(plain, [keys[i]!], 60))[0]!;
    }
    expect(urls.map((u) => u.length)).toEqual(want.map((u) => u.length));
    expect(urls).toEqual(want);
  });

  it('a bad key after several runs throws SigV4Error INVALID_KEY naming the key', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `photos/${i}.jpg`);
    keys[9_000] = 'bad\uD800key';
    const presigner = node.createPresigner({ credentials: plain, region });
    expect(() => presigner.presignUrls(keys, { bucket, date })).toThrow(expect.objectContaining({ name: 'SigV4Error', code: 'INVALID_KEY', field: 'key' }));
    // The presigner is unharmed: the next batch signs.
    expect(presigner.presignUrls(['ok'], { bucket, date })).toEqual([presigner.presign({ bucket, key: 'ok', date }).url]);
  });

  it('an iterable that is not an array gives the same URLs as the array', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `a b/${i}/é`);
    const presigner = node.createPresigner({ credentials: withToken, region });
    expect(presigner.presignUrls(new Set(keys), { bucket, date })).toEqual(presigner.presignUrls(keys, { bucket, date }));
  });
});
