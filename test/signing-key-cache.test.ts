/**
 * The derived signing key is cached per presigner and keyed by UTC date (region, service and
 * access key are fixed per presigner): a batch across midnight, or two credentials, never reuse a
 * wrong key. The one-off presign() is the reference: it derives the key afresh every call. The web
 * entry's one-off presign keeps the imported CryptoKey per credentials object, checked here too.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPresigner, presign } from '../src/node.js';
import * as web from '../src/web.js';

const A = { accessKeyId: 'AKIDA', secretAccessKey: 'secret-a' };
const B = { accessKeyId: 'AKIDB', secretAccessKey: 'secret-b' };

describe('signing-key cache', () => {
  it('derives the next day’s key after UTC midnight, and the old one when going back', () => {
    const presigner = createPresigner({ credentials: A, region: 'us-east-1' });
    const dates = ['2026-03-01T23:59:59Z', '2026-03-02T00:00:00Z', '2026-03-01T23:59:58Z', '2026-03-02T00:00:01Z'].map((d) => new Date(d));
    for (const date of dates) {
      const request = { bucket: 'b-1', key: 'k', date };
      expect(presigner.presign(request).url).toBe(presign({ credentials: A, region: 'us-east-1', ...request }).url);
    }
  });

  it('keeps two presigners with different credentials, regions or services apart', () => {
    const date = new Date('2026-03-01T12:00:00Z');
    const configs = [
      { credentials: A, region: 'us-east-1' },
      { credentials: B, region: 'us-east-1' },
      { credentials: A, region: 'eu-west-1' },
      { credentials: A, region: 'us-east-1', service: 's3-object-lambda' },
    ];
    const presigners = configs.map((c) => createPresigner(c));
    const seen = new Set<string>();
    for (let round = 0; round < 2; round++) {
      presigners.forEach((p, i) => {
        const got = p.presign({ bucket: 'b-1', key: 'k', date }).signature;
        expect(got).toBe(presign({ ...configs[i]!, bucket: 'b-1', key: 'k', date }).signature);
        if (round === 0) seen.add(got);
      });
    }
    expect(seen.size).toBe(4);
  });

  it('is not fooled by a credentials object changed after the presigner was made', () => {
    const creds = { ...A };
    const presigner = createPresigner({ credentials: creds, region: 'us-east-1' });
    const date = new Date('2026-03-01T12:00:00Z');
    const before = presigner.presign({ bucket: 'b-1', key: 'k', date }).signature;
    creds.secretAccessKey = 'changed';
    expect(presigner.presign({ bucket: 'b-1', key: 'k', date }).signature).toBe(before);
  });
});

describe('web one-off presign: imported kSigning CryptoKey kept per credentials object', () => {
  const date = new Date('2026-03-01T12:00:00Z');
  const request = { bucket: 'b-1', key: 'k', date };

  it('imports the key once for repeated calls with the same credentials, region, service and date', async () => {
    const creds = { ...A };
    const subtle = globalThis.crypto.subtle;
    let imports = 0;
    const original = subtle.importKey.bind(subtle);
    const spy = vi.spyOn(subtle, 'importKey').mockImplementation(((...args: Parameters<typeof original>) => {
      imports++;
      return original(...args);
    }) as typeof subtle.importKey);
    try {
      const first = await web.presign({ credentials: creds, region: 'us-east-1', ...request });
      const afterFirst = imports;
      const second = await web.presign({ credentials: creds, region: 'us-east-1', ...request, key: 'other' });
      expect(afterFirst).toBe(5); // kDate, kRegion, kService, kSigning, and kSigning for the signature
      expect(imports).toBe(afterFirst);
      expect(first.url).toBe(presign({ credentials: A, region: 'us-east-1', ...request }).url);
      expect(second.url).toBe(presign({ credentials: A, region: 'us-east-1', ...request, key: 'other' }).url);
    } finally {
      spy.mockRestore();
    }
  });

  it('derives afresh for another secret, region, service or date, and after the object changed', async () => {
    const creds = { ...A };
    const cases = [
      { credentials: creds, region: 'us-east-1', ...request },
      { credentials: creds, region: 'eu-west-1', ...request },
      { credentials: creds, region: 'eu-west-1', service: 's3-object-lambda', ...request },
      { credentials: creds, region: 'us-east-1', ...request, date: new Date('2026-03-02T00:00:00Z') },
      { credentials: { ...B }, region: 'us-east-1', ...request },
    ];
    for (let round = 0; round < 2; round++) {
      for (const c of cases) expect((await web.presign(c)).signature).toBe(presign({ ...c, credentials: { ...c.credentials } }).signature);
    }
    creds.secretAccessKey = 'changed';
    for (const c of cases) expect((await web.presign(c)).signature).toBe(presign({ ...c, credentials: { ...c.credentials } }).signature);
  });
});
