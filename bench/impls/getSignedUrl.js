/**
 * @aws-sdk/s3-request-presigner 3.1169 getSignedUrl(S3Client, GetObjectCommand), async: the whole SDK
 * path (endpoint rules, serializer, middleware stack, SignatureV4MultiRegion).
 * Made to sign exactly what sigv4 signs:
 * - static credentials, region, and requestChecksumCalculation / responseChecksumValidation
 *   'WHEN_REQUIRED' (otherwise GetObject signs an x-amz-checksum-mode header);
 * - x-amz-content-sha256 neither hoisted nor signed (by default the presigner puts
 *   X-Amz-Content-Sha256=UNSIGNED-PAYLOAD in the signed query);
 * - the serializer's `x-id=GetObject` query parameter dropped by a one-line build-step middleware
 *   (by default it is signed and sent).
 * With those three, the URLs carry the same parameters and signature as sigv4's.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');

export const name = 'getSignedUrl';
export const note = 'await getSignedUrl(new S3Client({ region, credentials, …WHEN_REQUIRED }), new GetObjectCommand({ Bucket, Key }), { expiresIn, signingDate })';
export const keysPerRun = 10_000;

let client;
let bucket;
let options;

export async function setup(w) {
  bucket = w.bucket;
  client = new S3Client({
    region: w.region,
    credentials: w.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  client.middlewareStack.add(
    (next) => (args) => {
      if (args.request && args.request.query) delete args.request.query['x-id'];
      return next(args);
    },
    { step: 'build', name: 'benchDropXId' },
  );
  const unsigned = new Set(['x-amz-content-sha256']);
  options = { expiresIn: w.expiresIn, signingDate: w.date, unhoistableHeaders: unsigned, unsignableHeaders: new Set(['x-amz-content-sha256']) };
}

function one(key) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), options);
}

export async function run(keys) {
  let bytes = 0;
  for (let i = 0; i < keys.length; i++) bytes += (await one(keys[i])).length;
  if (bytes === 0) throw new Error('no output');
  return keys.length;
}

export async function sample(keys) {
  const out = [];
  for (const key of keys) out.push(await one(key));
  return out;
}
