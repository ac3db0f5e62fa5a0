/**
 * Where an S3 object lives, as `aws s3 presign` (CLI v2) addresses it: virtual-hosted
 * `https://{bucket}.s3.{region}.amazonaws.com/{key}`, or path-style
 * `https://s3.{region}.amazonaws.com/{bucket}/{key}` when the bucket name cannot be a DNS label
 * (dots, upper case, underscores, too short or long) or path style is forced. A custom endpoint
 * (MinIO, Ceph, R2 …) takes the place of the AWS host, path-style when its host is an IP address,
 * as the S3 endpoint rules do.
 */
import { describeValue, fail } from './errors.js';
import { checkMatch } from './validate.js';
import { uriEncodePath } from './encoding.js';
import { parseRequestUrl, type RequestUrl } from './request-url.js';

/** A bucket name that can be the first label of a host name (S3 bucket naming rules, no dots). */
const VIRTUAL_HOSTABLE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** Any name S3 ever accepted (legacy us-east-1 names included): what may appear in a path. */
const ANY_BUCKET = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,255}$/;
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])(:\d+)?$/;

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly endpoint?: string | undefined;
  readonly forcePathStyle?: boolean | undefined;
}

export function isVirtualHostableBucket(bucket: string): boolean {
  return VIRTUAL_HOSTABLE.test(bucket) && !bucket.includes('--x-s3');
}

/** The endpoint once parsed: scheme, host and base path without a trailing slash. */
export interface S3Endpoint {
  readonly protocol: string;
  readonly host: string;
  readonly basePath: string;
  readonly isIp: boolean;
}

export function parseEndpoint(endpoint: string): S3Endpoint {
  const parsed = parseRequestUrl(endpoint, 'endpoint');
  if (parsed.wireQuery !== '') {
    fail('INVALID_URL', 'endpoint', 'no query string', describeValue(endpoint));
  }
  const basePath = parsed.wirePath.replace(/\/+$/, '');
  return { protocol: parsed.protocol, host: parsed.host, basePath, isIp: IP_HOST.test(parsed.host) };
}

export function awsS3Host(region: string): string {
  return `s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/** The URL parts of bucket + key. `endpoint` is parsed once by the caller and passed here. */
export function s3Address(bucket: string, key: string, region: string, endpoint: S3Endpoint | undefined, forcePathStyle: boolean): RequestUrl {
  checkMatch(bucket, ANY_BUCKET, 'INVALID_BUCKET', 'bucket', "an S3 bucket name (letters, digits, '.', '-', '_')");
  const encodedKey = uriEncodePath(key, 'key');
  const pathStyle = forcePathStyle || !isVirtualHostableBucket(bucket) || (endpoint !== undefined && endpoint.isIp);
  const baseHost = endpoint ? endpoint.host : awsS3Host(region);
  return {
    protocol: endpoint ? endpoint.protocol : 'https:',
    host: pathStyle ? baseHost : bucket + '.' + baseHost,
    wirePath: (endpoint ? endpoint.basePath : '') + (pathStyle ? '/' + bucket : '') + '/' + encodedKey,
    wireQuery: '',
  };
}
