/**
 * URI encoding as SigV4 defines it (AWS docs, "Create a canonical request"): every byte except the
 * unreserved characters A-Z a-z 0-9 - _ . ~ becomes %XX with upper-case hex, over UTF-8 bytes.
 * encodeURIComponent leaves ! ' ( ) * alone, which SigV4 must encode.
 */
import { SigV4Error } from './errors.js';

const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
/** One of ! ' ( ) *, all in 0x21..0x2a: two hex digits. */
function percentByte(c: string): string {
  return '%' + c.charCodeAt(0).toString(16).toUpperCase();
}

/** SigV4 URI-encode of a raw (decoded) string. `field` names the input for the error. */
export function uriEncode(s: string, field: string): string {
  if (UNRESERVED_ONLY.test(s)) return s;
  let e: string;
  try {
    e = encodeURIComponent(s);
  } catch {
    throw new SigV4Error('INVALID_ARGUMENT', field, 'expected a string without lone UTF-16 surrogates (they have no UTF-8 form)');
  }
  return e.replace(SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT, percentByte);
}

/** uriEncode that leaves '/' as it is: the rule for a path. */
export function uriEncodePath(s: string, field: string): string {
  return uriEncode(s, field).replace(/%2F/g, '/');
}

/** A %XX escape, or one character (a whole code point) that is not unreserved. */
const ESCAPE_OR_RESERVED = /%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~]/gu;

/**
 * Re-encodes a string in wire form (as it appears in a URL: %XX escapes plus raw characters)
 * into SigV4 form without decoding it to text first, so escapes of bytes that are not valid
 * UTF-8 survive: %XX of an unreserved byte becomes that character, any other %XX gets upper-case
 * hex, raw characters are encoded as UTF-8. A '%' not followed by two hex digits is a literal
 * percent sign (%25). With `keepSlash`, a raw '/' stays (an escaped %2F stays escaped).
 */
export function reencode(s: string, keepSlash: boolean, field: string): string {
  return s.replace(ESCAPE_OR_RESERVED, (m) => {
    if (m.length === 3) {
      const c = String.fromCharCode(parseInt(m.slice(1), 16));
      return UNRESERVED_ONLY.test(c) ? c : m.toUpperCase();
    }
    return keepSlash && m === '/' ? m : uriEncode(m, field);
  });
}

const encoder = /* @__PURE__ */ new TextEncoder();
/** The one place text becomes bytes. */
export function utf8(s: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(s);
}

/** Lower-case hex of bytes (Web Crypto results: a few dozen bytes per call). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
}
