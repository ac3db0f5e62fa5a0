/**
 * Time and scope strings (AWS docs, "Elements of an AWS API request signature"):
 * amzDate `YYYYMMDD'T'HHMMSS'Z'`, dateStamp `YYYYMMDD`, CredentialScope
 * `dateStamp/region/service/aws4_request`.
 */
import { TERMINATOR } from './constants.js';

/** amzDate of a valid Date, in UTC. */
export function toAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d+/g, ''); // 2013-05-24T00:00:00.000Z -> 20130524T000000Z
}

export function credentialScope(dateStamp: string, region: string, service: string): string {
  return dateStamp + '/' + region + '/' + service + '/' + TERMINATOR;
}
