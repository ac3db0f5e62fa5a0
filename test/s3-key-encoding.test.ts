/**
 * The S3 hot path encodes keys with its own byte-table encoder (presign-s3-key.ts, for speed).
 * It must agree with the general path's uriEncodePath (encodeURIComponent-based, checked by the
 * official vectors) on every UTF-16 input, and refuse lone surrogates as the general path does.
 */
import { describe, expect, it } from 'vitest';
import { uriEncodePath } from '../src/encoding.js';
import { SigV4Error } from '../src/errors.js';
import { encodeS3Key } from '../src/presign-s3-key.js';
import { createRandom, runSeed } from './helpers/random.js';

describe('encodeS3Key', () => {
  it('encodes every ASCII character as uriEncodePath does', () => {
    for (let c = 0; c < 128; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(encodeS3Key(s), `U+${c.toString(16)}`).toBe(uriEncodePath(s, 'key'));
    }
    expect(encodeS3Key("!'()*~ /+=&")).toBe('%21%27%28%29%2A~%20/%2B%3D%26');
  });

  it('encodes 2-, 3- and 4-byte UTF-8 at the edges of each length', () => {
    for (const cp of [0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x20bb7, 0x10ffff]) {
      const s = `k/${String.fromCodePoint(cp)}/`;
      expect(encodeS3Key(s), `U+${cp.toString(16)}`).toBe(uriEncodePath(s, 'key'));
    }
    expect(encodeS3Key('𠮷')).toBe('%F0%A0%AE%B7');
    expect(encodeS3Key('é')).toBe('%C3%A9');
  });

  it('returns an unescaped key unchanged', () => {
    const key = 'photos/2026/a-b_c.d~e.jpg';
    expect(encodeS3Key(key)).toBe(key);
  });

  it('agrees with uriEncodePath on 20,000 random keys', () => {
    const rnd = createRandom(runSeed());
    const ranges: Array<[number, number]> = [[0x20, 0x7e], [0, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]];
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const len = rnd.int(0, 40);
      for (let i = 0; i < len; i++) {
        const [lo, hi] = rnd.pick(ranges);
        s += String.fromCodePoint(rnd.int(lo, hi));
      }
      expect(encodeS3Key(s), JSON.stringify(s)).toBe(uriEncodePath(s, 'key'));
    }
  });

  it.each([['\ud800'], ['a\ud800b'], ['\udc00'], ['a\udc00\ud800'], ['x\ud83d']])('refuses the lone surrogate in %j with INVALID_KEY', (key) => {
    const e = (() => {
      try {
        encodeS3Key(key);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(SigV4Error);
    expect((e as SigV4Error).code).toBe('INVALID_KEY');
    expect((e as SigV4Error).field).toBe('key');
  });
});
