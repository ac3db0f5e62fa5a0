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
  return method + '\n' + canonicalUri + '\n' + canonicalQueryString + '\n' + canonicalHeaders + '\n' + signedHeaders + '\n' + hashedPayload;
}

export function stringToSign(amzDate: string, credentialScope: string, hashedCanonicalRequest: string): string {
  return ALGORITHM + '\n' + amzDate + '\n' + credentialScope + '\n' + hashedCanonicalRequest;
}
