/**
 * Object keys that break naive signers: every character class S3's URI encoding treats
 * specially, characters URL parsers rewrite, and path shapes (`//`, `.`, `..`, leading and
 * trailing `/`) that a normalising client or signer would change. A signer is right only if
 * the server, decoding the request line itself, arrives at the same bytes and the same
 * signature. All are accepted by both servers (NOTES.md lists the path-shape facts).
 */

/** Keys as raw text: the signer encodes them. */
export const HOSTILE_KEYS: readonly string[] = [
  'plain.txt',
  'sp ace',
  '  two leading spaces',
  'trailing space ',
  'plus+sign',
  'a+b=c',
  'percent%',
  '%%%',
  '100%25',
  'pct%20lit', // a literal "%20": must not arrive as a space
  '%2F-looks-like-a-slash',
  '%zz-not-an-escape',
  "bang!star*quote'paren()",
  'tilde~under_score-dash.dot',
  'eq=amp&q?hash#',
  '?X-Amz-Signature=0000&X-Amz-Expires=1',
  '#fragment-first',
  '[brackets]{braces}^caret|pipe',
  'semi;colon:at@dollar$comma,',
  'quote"lt<gt>back`tick',
  'back\\slash\\',
  'tab\tchar',
  'ünïcödé/日本語',
  'Ελληνικά Кириллица עברית العربية',
  'NFC-\u00e9', // é as one code point …
  'NFD-e\u0301', // … and as e + combining acute: distinct keys
  'astral 😀🎉',
  '𝄞-music/𐍈-gothic',
  'zero\u200bwidth\ufeffbom',
  'ﬁ-ligature ℌ',
  '/leading-slash',
  '//double-leading',
  'trailing/',
  'a//b',
  'a/./b',
  'a/../b',
  './dot-first',
  '../dotdot-first',
  '.',
  '..',
  'dir/sub/.hidden',
  'ends-with-dot.',
  '日本/../中文/./한국어//',
  'MiXeD CaSe/UPPER/lower',
  `long-${'ü'.repeat(509)}!`, // 1,024 bytes of UTF-8: S3's maximum key length
];

/** A title for a key that stays readable in test output (escapes controls, cuts long keys). */
export function keyTitle(key: string): string {
  const json = JSON.stringify(key);
  return json.length > 60 ? `${json.slice(0, 40)}…" (${new TextEncoder().encode(key).length} bytes)` : json;
}

/**
 * Deterministic body for the n-th object: bytes of every value (0x00, 0xff, CR, LF …),
 * lengths from 0 up to 4 KiB, so a body mangled by any text or length handling shows.
 */
export function bodyFor(n: number): Uint8Array {
  const length = n === 0 ? 0 : (n * 397) % 4096;
  const out = new Uint8Array(length);
  let x = (n + 1) * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out[i] = x & 0xff;
  }
  return out;
}
