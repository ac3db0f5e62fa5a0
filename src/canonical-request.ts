/**
 * CanonicalRequest and StringToSign (AWS docs, "Create a canonical request" and "Create a string
 * to sign"): six and four lines joined by '\n', no trailing newline.
 */
import { ALGORITHM } from './constants.js';

export function canonicalRequest(
  method: string,
  canonicalUri: string,
  canonicalQueryString: string,
  canonicalHeaders: string,
  signedHeaders: string,
  hashedPayload: string,
): string {
  return [method, canonicalUri, canonicalQueryString, canonicalHeaders, signedHeaders, hashedPayload].join('\n');
}

export function stringToSign(amzDate: string, credentialScope: string, hashedCanonicalRequest: string): string {
  return [ALGORITHM, amzDate, credentialScope, hashedCanonicalRequest].join('\n');
}
