/**
 * smithy-rs's two extra double-encoding cases (fixtures/smithy-rs-extras). They have no
 * context.json and were signed with other credentials and another date than their request.txt,
 * so only their canonical URI line is a usable expectation (see fixtures/SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/node.js';
import { fixture } from '../helpers/fixtures.js';
import { parseRequestFile } from '../helpers/request-file.js';

describe.each(['double-encode-path', 'double-url-encode'])('%s', (name) => {
  it('canonical URI is the wire path encoded again', () => {
    const req = parseRequestFile(fixture('smithy-rs-extras/v4', name, 'request.txt'));
    const signed = signRequest({
      credentials: { accessKeyId: 'ANOTREAL', secretAccessKey: 'notrealrnrELgWzOk3IfjzDKtFBhDby' },
      region: 'us-east-1',
      service: 'lambda',
      date: new Date('2021-05-11T15:40:45Z'),
      method: req.method,
      url: { host: req.host, path: req.path },
      headers: req.headers,
    });
    const expected = fixture('smithy-rs-extras/v4', name, 'header-canonical-request.txt');
    expect(signed.canonicalRequest.split('\n')[1]).toBe(expected.split('\n')[1]);
  });
});
