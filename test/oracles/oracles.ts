/**
 * The official signers as oracles (dev dependencies only): @smithy/signature-v4 and the AWS CRT
 * signer that @aws-sdk/signature-v4-crt runs.
 *
 * Differences by design, each normalised here and nowhere else:
 * - smithy's presign() knows nothing of S3: the S3 presigner passes UNSIGNED-PAYLOAD as an
 *   x-amz-content-sha256 header, which smithy hoists into the query. sigv4 (like `aws s3 presign`
 *   and the S3 documentation's example) puts no X-Amz-Content-Sha256 in the URL, so the header is
 *   given to smithy as unhoistable and unsignable: it still sets the payload hash, and nothing else.
 * - @aws-sdk/signature-v4-crt's CrtSignerV4 never passes `should_normalize_uri_path`, so the CRT
 *   normalises S3 keys (`a//b`, `../`) that S3 must sign as they are. The oracle therefore calls the
 *   CRT signing function that CrtSignerV4 wraps (`auth.aws_sign_request` from
 *   @aws-sdk/crt-loader) with the S3 settings aws-c-auth documents: no normalisation, single
 *   encoding, UNSIGNED-PAYLOAD for presigned URLs, an x-amz-content-sha256 header when signing
 *   headers. For other services CrtSignerV4 itself is used as well, and must agree.
 */
import { createHash } from 'node:crypto';
import crtLoader from '@aws-sdk/crt-loader';
import { CrtSignerV4 } from '@aws-sdk/signature-v4-crt';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { rfc3986, type GeneratedRequest } from '../helpers/request-generator.js';

const { auth, http } = crtLoader as unknown as { auth: any; http: any };
const sha256 = Hash.bind(null, 'sha256');
const UNSIGNED = 'UNSIGNED-PAYLOAD';
const S3_SHA256_HEADER = new Set(['x-amz-content-sha256']);

function credentialsOf(g: GeneratedRequest) {
  return { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: g.sessionToken };
}

function smithyRequest(g: GeneratedRequest, extraHeaders: Record<string, string> = {}) {
  return new HttpRequest({
    method: g.method,
    protocol: 'https:',
    hostname: g.host,
    path: g.wirePath,
    query: structuredClone(g.query),
    headers: { host: g.host, ...g.headers, ...extraHeaders },
    body: g.body,
  });
}

function smithySigner(g: GeneratedRequest) {
  const s3 = g.service === 's3';
  return new SignatureV4({ credentials: credentialsOf(g), region: g.region, service: g.service, sha256, uriEscapePath: !s3, applyChecksum: s3 });
}

/** Decoded query of smithy's presigned request, and its signature. */
export async function smithyPresign(g: GeneratedRequest) {
  const s3 = g.service === 's3';
  const request = smithyRequest(g, s3 ? { 'x-amz-content-sha256': UNSIGNED } : {});
  const signed = await smithySigner(g).presign(request, {
    signingDate: g.date,
    expiresIn: g.expiresIn,
    ...(s3 ? { unhoistableHeaders: S3_SHA256_HEADER, unsignableHeaders: S3_SHA256_HEADER } : {}),
  });
  return { query: signed.query as Record<string, string | string[]>, signature: signed.query['X-Amz-Signature'] as string };
}

export async function smithySign(g: GeneratedRequest): Promise<string> {
  const signed = await smithySigner(g).sign(smithyRequest(g), { signingDate: g.date });
  return signed.headers['authorization'] as string;
}

function encodedQuery(g: GeneratedRequest): string {
  const parts: string[] = [];
  for (const [name, values] of Object.entries(g.query)) for (const v of values) parts.push(`${rfc3986(name)}=${rfc3986(v)}`);
  return parts.join('&');
}

function bodyHash(g: GeneratedRequest): string {
  return createHash('sha256').update(g.body ?? '').digest('hex');
}

function crtConfig(g: GeneratedRequest, viaHeaders: boolean) {
  const s3 = g.service === 's3';
  return {
    algorithm: auth.AwsSigningAlgorithm.SigV4,
    signature_type: viaHeaders ? auth.AwsSignatureType.HttpRequestViaHeaders : auth.AwsSignatureType.HttpRequestViaQueryParams,
    provider: auth.AwsCredentialsProvider.newStatic('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', g.sessionToken),
    region: g.region,
    service: g.service,
    date: g.date,
    use_double_uri_encode: !s3,
    should_normalize_uri_path: !s3,
    signed_body_value: s3 && !viaHeaders ? UNSIGNED : bodyHash(g),
    signed_body_header: s3 && viaHeaders ? auth.AwsSignedBodyHeaderType.XAmzContentSha256 : auth.AwsSignedBodyHeaderType.None,
    expiration_in_seconds: viaHeaders ? undefined : g.expiresIn,
  };
}

function crtRequest(g: GeneratedRequest) {
  const q = encodedQuery(g);
  const headers = new http.HttpHeaders([['host', g.host], ...Object.entries(g.headers)]);
  return new http.HttpRequest(g.method, g.wirePath + (q ? '?' + q : ''), headers);
}

export async function crtPresignSignature(g: GeneratedRequest): Promise<string> {
  const signed = await auth.aws_sign_request(crtRequest(g), crtConfig(g, false));
  return /[?&]X-Amz-Signature=([0-9a-f]{64})/.exec(signed.path as string)![1]!;
}

export async function crtSignAuthorization(g: GeneratedRequest): Promise<string> {
  const signed = await auth.aws_sign_request(crtRequest(g), crtConfig(g, true));
  return signed.headers.get('Authorization') as string;
}

/** CrtSignerV4 itself, for services other than S3 (where it normalises as it should). */
export async function crtSignerV4Presign(g: GeneratedRequest): Promise<string> {
  const signer = new CrtSignerV4({ credentials: credentialsOf(g), region: g.region, service: g.service, sha256, uriEscapePath: true, applyChecksum: false });
  const signed = await signer.presign(smithyRequest(g), { signingDate: g.date, expiresIn: g.expiresIn });
  return signed.query['X-Amz-Signature'] as string;
}
