/**
 * The AWS CLI's ini format, as botocore reads it (configparser + one level of nesting).
 */
import { describe, expect, it } from 'vitest';
import { IniParseError, parseIni } from '../../src/ini-file.js';

function values(text: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, section] of parseIni(text, 'test.ini')) {
    const s: Record<string, unknown> = {};
    for (const [k, e] of section.entries) s[k] = e.nested ? Object.fromEntries(e.nested) : e.value;
    out[name] = s;
  }
  return out;
}

function parseError(text: string): IniParseError {
  try {
    parseIni(text, '/home/me/.aws/credentials');
  } catch (e) {
    expect(e).toBeInstanceOf(IniParseError);
    return e as IniParseError;
  }
  throw new Error('expected a parse error');
}

describe('ini parser', () => {
  it('reads sections and settings', () => {
    expect(values('[default]\nregion = us-west-2\n\n[profile dev]\nregion=eu-west-1\n')).toEqual({
      default: { region: 'us-west-2' },
      'profile dev': { region: 'eu-west-1' },
    });
  });

  it('drops whitespace around = and around the value; names are lower-cased', () => {
    expect(values('[a]\n  Region   =   us-east-1   \n  AWS_ACCESS_KEY_ID=x\n  b\t=\tc d \t\n')).toEqual({
      a: { region: 'us-east-1', aws_access_key_id: 'x', b: 'c d' },
    });
  });

  it('a line indented deeper than the setting before it continues that setting (as in configparser)', () => {
    expect(values('[a]\nk = 1\n\tj = 2\n')).toEqual({ a: { k: '1\nj = 2' } });
  });

  it('accepts ":" as a delimiter, and the name ends at the first "=" or ":"', () => {
    expect(values('[a]\nregion: us-east-1\ncredential_process = /bin/x --a=b:c\nx:y=z\n')).toEqual({
      a: { region: 'us-east-1', credential_process: '/bin/x --a=b:c', x: 'y=z' },
    });
  });

  it('full-line comments with # and ;, indented or not; no inline comments', () => {
    const text = '# top\n; top\n[a] # after header\n  # indented\n\t; indented\nregion = us-east-1 # not a comment\nk = v;w\n';
    expect(values(text)).toEqual({ a: { region: 'us-east-1 # not a comment', k: 'v;w' } });
  });

  it('reads CRLF, CR-only and LF files alike, and skips a UTF-8 BOM', () => {
    const lf = '[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n';
    const expected = values(lf);
    expect(values(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(values(lf.replace(/\n/g, '\r'))).toEqual(expected);
    expect(values('\ufeff' + lf)).toEqual(expected);
    expect(expected).toEqual({ default: { region: 'us-east-1', s3: { addressing_style: 'path' } } });
  });

  it('nested sub-sections: an empty value continued by deeper-indented lines', () => {
    const text = [
      '[profile x]',
      's3 =',
      '  addressing_style = path',
      '  # a comment inside',
      '',
      '  signature_version=s3v4',
      '  max_concurrent_requests =  20 ',
      'region = eu-west-1',
      '',
    ].join('\n');
    expect(values(text)).toEqual({
      'profile x': { s3: { addressing_style: 'path', signature_version: 's3v4', max_concurrent_requests: '20' }, region: 'eu-west-1' },
    });
  });

  it('a non-empty value continued on deeper lines is a multi-line string, not a nested section', () => {
    expect(values('[a]\nk = first\n  second\n   third\nj = 1\n')).toEqual({ a: { k: 'first\nsecond\nthird', j: '1' } });
  });

  it('an indented setting right after a header is a setting, not a continuation', () => {
    expect(values('[a]\n  k = 1\n  j = 2\n')).toEqual({ a: { k: '1', j: '2' } });
  });

  it('section names are trimmed and text after "]" is ignored', () => {
    expect(Object.keys(values('[ profile  spaced ]\n[x] trailing\n'))).toEqual(['profile  spaced', 'x']);
  });

  it('empty values are kept as empty strings', () => {
    expect(values('[a]\nk =\nj=\n')).toEqual({ a: { k: '', j: '' } });
  });

  it('an empty file, or only comments, has no sections', () => {
    expect(values('')).toEqual({});
    expect(values('# nothing\n\n; here\n')).toEqual({});
  });

  describe('malformed files: the error names the file and line, never the line text', () => {
    it('a line that is neither a setting, a header nor a comment', () => {
      const e = parseError('[default]\naws_access_key_id = AKID\naws_secret_access_key wJalrXUtnFEMI\n');
      expect(e.message).toBe("/home/me/.aws/credentials line 3: expected 'name = value', a [section] header or a comment (# or ;)");
      expect(e.file).toBe('/home/me/.aws/credentials');
      expect(e.line).toBe(3);
      expect(e.message).not.toContain('wJalr');
    });

    it('a setting before any section', () => {
      const e = parseError('\n# c\nregion = us-east-1\n[default]\n');
      expect(e.line).toBe(3);
      expect(e.message).toContain('expected a [section] header before the first setting');
    });

    it('an empty name', () => {
      expect(parseError('[a]\n = secretvalue\n').line).toBe(2);
    });

    it('a section given twice', () => {
      const e = parseError('[a]\nk=1\n[b]\n[a]\n');
      expect(e.line).toBe(4);
      expect(e.message).toContain('section [a] appears twice (first on line 1)');
    });

    it('a setting given twice in one section', () => {
      const e = parseError('[a]\nk=1\nK = 2\n');
      expect(e.line).toBe(3);
      expect(e.message).toContain("setting 'k' appears twice in [a] (first on line 2)");
    });

    it('a nested line without "="', () => {
      const e = parseError('[a]\ns3 =\n  addressing_style = path\n  bogus-line\n');
      expect(e.line).toBe(4);
      expect(e.message).toContain("inside the nested setting 's3'");
    });

    it('"[]" is not a header', () => {
      expect(parseError('[a]\n[]\n').line).toBe(2);
    });

    it('line numbers count CRLF lines correctly', () => {
      expect(parseError('[a]\r\nk = 1\r\n\r\nnot a setting\r\n').line).toBe(4);
    });
  });
});
