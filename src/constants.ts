/** Spec strings of AWS Signature Version 4, named as the AWS documentation names them. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const KEY_PREFIX = 'AWS4';
export const TERMINATOR = 'aws4_request';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export const AMZ_ALGORITHM = 'X-Amz-Algorithm';
export const AMZ_CREDENTIAL = 'X-Amz-Credential';
export const AMZ_DATE = 'X-Amz-Date';
export const AMZ_EXPIRES = 'X-Amz-Expires';
export const AMZ_SECURITY_TOKEN = 'X-Amz-Security-Token';
export const AMZ_SIGNED_HEADERS = 'X-Amz-SignedHeaders';
export const AMZ_SIGNATURE = 'X-Amz-Signature';

export const HEADER_AUTHORIZATION = 'authorization';
export const HEADER_DATE = 'x-amz-date';
export const HEADER_CONTENT_SHA256 = 'x-amz-content-sha256';
export const HEADER_SECURITY_TOKEN = 'x-amz-security-token';
export const HEADER_HOST = 'host';

/** Presigned URLs live at most seven days (S3 rejects a larger X-Amz-Expires). */
export const MAX_EXPIRES_IN = 604800;
export const DEFAULT_EXPIRES_IN = 3600;

/**
 * Headers that are never signed even when present: proxies and HTTP stacks add, drop or rewrite
 * them in transit. Same list as @smithy/signature-v4's ALWAYS_UNSIGNABLE_HEADERS.
 */
export const UNSIGNABLE_HEADER =
  /^(authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id)$/;
