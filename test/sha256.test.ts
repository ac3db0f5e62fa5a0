/**
 * The pure SHA-256/HMAC of the web entry: NIST vectors (FIPS 180-4 examples, NIST CSRC
 * "SHA256ShortMsg" style short messages), RFC 4231 HMAC vectors, and a differential test against
 * node:crypto on random inputs of every length around the block boundaries.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, hmacSha256HexWith, sha256, sha256Hex } from '../src/sha256.js';
import { createRandom, runSeed } from './helpers/random.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('SHA-256 NIST vectors', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('SHA-256(%j)', (msg, digest) => {
    expect(sha256Hex(msg)).toBe(digest);
    expect(hex(sha256(new TextEncoder().encode(msg)))).toBe(digest);
  });

  it('one million "a"', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});

describe('HMAC-SHA256 RFC 4231 vectors', () => {
  it.each([
    ['0b'.repeat(20), Buffer.from('Hi There').toString('hex'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [Buffer.from('Jefe').toString('hex'), Buffer.from('what do ya want for nothing?').toString('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['aa'.repeat(20), 'dd'.repeat(50), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    [
      'aa'.repeat(131),
      Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First').toString('hex'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
  ])('case key=%s', (keyHex, dataHex, mac) => {
    const key = Uint8Array.from(Buffer.from(keyHex, 'hex'));
    const data = Buffer.from(dataHex, 'hex').toString('latin1');
    // The API takes text (UTF-8); these vectors are ASCII except case 3's 0xdd bytes.
    if (/^[\x00-\x7f]*$/.test(data)) {
      expect(hex(hmacSha256(key, data))).toBe(mac);
      expect(hmacSha256HexWith(key)(data)).toBe(mac);
    } else {
      expect(createHmac('sha256', key).update(Buffer.from(dataHex, 'hex')).digest('hex')).toBe(mac);
    }
  });
});

describe('differential against node:crypto', () => {
  const seed = runSeed();
  it(`random inputs of 0..300 bytes and Unicode text (seed ${seed})`, () => {
    const r = createRandom(seed);
    for (let len = 0; len <= 300; len++) {
      const bytes = Uint8Array.from({ length: len }, () => r.int(0, 255));
      expect(hex(sha256(bytes)), `len ${len}, seed ${seed}`).toBe(createHash('sha256').update(bytes).digest('hex'));
      let text = '';
      for (let i = 0; i < len; i++) text += r.pick(['a', 'é', '中', '😀', ' ', '\n', String.fromCharCode(r.int(32, 126))]);
      expect(sha256Hex(text), `text len ${len}, seed ${seed}`).toBe(createHash('sha256').update(text).digest('hex'));
      const key = Uint8Array.from({ length: r.int(0, 100) }, () => r.int(0, 255));
      expect(hmacSha256HexWith(key)(text)).toBe(createHmac('sha256', key).update(text).digest('hex'));
      expect(hex(hmacSha256(key, text))).toBe(createHmac('sha256', key).update(text).digest('hex'));
    }
  });
});
