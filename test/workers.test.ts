/**
 * presignInWorkers: the built package (dist/, made by `npm test` before the tests run), because a
 * worker thread loads dist/presign-worker.js. Results come back in input order and equal
 * presignUrls on the main thread; bad input fails on the calling thread with SigV4Error.
 */
import { describe, expect, it } from 'vitest';
import * as built from '../dist/node.js';

const config = { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }, region: 'eu-west-1' };
const date = new Date('2026-02-03T04:05:06Z');
const keys = Array.from({ length: 5003 }, (_, i) => `dir ${i % 7}/é/${i}+(${i % 3}).txt`);

describe('presignInWorkers', () => {
  it.each([1, 2, 3])('%i worker(s): same URLs, same order as presignUrls', async (workers) => {
    const expected = built.createPresigner(config).presignUrls(keys, { bucket: 'b-1', date });
    const got = await built.presignInWorkers(config, keys, { workers, defaults: { bucket: 'b-1', date } });
    expect(got).toEqual(expected);
  });

  it('request objects as items', async () => {
    const items = keys.slice(0, 50).map((key, i) => ({ bucket: 'b-1', key, method: i % 2 ? 'PUT' : 'GET', date, headers: i % 5 ? undefined : { 'content-type': 'text/plain' } }));
    const expected = items.map((item) => built.presign({ ...config, ...item }).url);
    expect(await built.presignInWorkers(config, items, { workers: 2 })).toEqual(expected);
  });

  it('signs a batch at one time when no date is given', async () => {
    const urls = await built.presignInWorkers(config, keys.slice(0, 100), { workers: 2, defaults: { bucket: 'b-1' } });
    expect(new Set(urls.map((u) => /X-Amz-Date=(\w+)/.exec(u)![1])).size).toBe(1);
  });

  it('rejects bad input with SigV4Error', async () => {
    await expect(built.presignInWorkers({ ...config, region: 'Not A Region' }, keys, { workers: 2 })).rejects.toMatchObject({ code: 'INVALID_REGION', field: 'region' });
    await expect(built.presignInWorkers(config, ['k'], { workers: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'workers' });
    await expect(built.presignInWorkers(config, ['k'], { workers: 1 })).rejects.toMatchObject({ code: 'MISSING_INPUT', field: 'defaults.bucket' });
    await expect(built.presignInWorkers(config, ['ok', 'bad\uD800'], { workers: 2, defaults: { bucket: 'b-1' } })).rejects.toBeInstanceOf(built.SigV4Error);
  });
});
