/**
 * Time and scope strings (AWS docs, "Elements of an AWS API request signature"):
 * amzDate `YYYYMMDD'T'HHMMSS'Z'`, dateStamp `YYYYMMDD`, CredentialScope
 * `dateStamp/region/service/aws4_request`.
 */
import { TERMINATOR } from './constants.js';

/** amzDate of a valid Date, in UTC. */
export function toAmzDate(date: Date): string {
  const iso = date.toISOString(); // 2013-05-24T00:00:00.000Z
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
}

export function credentialScope(dateStamp: string, region: string, service: string): string {
  return dateStamp + '/' + region + '/' + service + '/' + TERMINATOR;
}
