/**
 * The derived signing key (AWS docs, "Calculate the signature"):
 * kDate = HMAC("AWS4" + secret, dateStamp); kRegion = HMAC(kDate, region);
 * kService = HMAC(kRegion, service); kSigning = HMAC(kService, "aws4_request").
 */
import { KEY_PREFIX, TERMINATOR } from './constants.js';
import type { CryptoBackend } from './crypto-backend.js';
import { utf8 } from './encoding.js';

export function deriveSigningKey<K>(
  crypto: CryptoBackend<unknown, K>,
  secretAccessKey: string,
  dateStamp: string,
  region: string,
  service: string,
): K {
  const kDate = crypto.hmac(utf8(KEY_PREFIX + secretAccessKey), dateStamp);
  const kRegion = crypto.hmac(kDate, region);
  const kService = crypto.hmac(kRegion, service);
  return crypto.hmac(kService, TERMINATOR);
}
