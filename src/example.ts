/**
 * `npm start`: presigns the AWS documentation's example (S3 API Reference, "Authenticating
 * Requests: Using Query Parameters") and checks it against AWS's published signature.
 */
import { presign } from './node.js';

const PUBLISHED_SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

const { url, signature, expiresAt } = presign({
  method: 'GET',
  url: 'https://examplebucket.s3.amazonaws.com/test.txt',
  region: 'us-east-1',
  service: 's3',
  credentials: {
    // The documented example credentials: not a real key.
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  date: new Date('2013-05-24T00:00:00Z'),
  expiresIn: 86400,
});

const same = signature === PUBLISHED_SIGNATURE;
process.stdout.write(
  `${url}\n\nexpires at ${expiresAt.toISOString()}\n` +
    `signature ${same ? 'EQUALS' : 'DIFFERS FROM'} AWS's published example signature (${PUBLISHED_SIGNATURE.slice(0, 8)}…${PUBLISHED_SIGNATURE.slice(-8)})\n`,
);
process.exitCode = same ? 0 : 1;
