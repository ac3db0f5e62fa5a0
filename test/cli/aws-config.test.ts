/**
 * Credentials, region, endpoint and addressing, resolved from a temporary HOME with real
 * ~/.aws/credentials and ~/.aws/config files and a clean environment, through main().
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsConfigError, resolveAwsSettings, shellSplit } from '../../src/aws-config.js';
import { TempHome, run, splitUrl } from './helpers.js';

const DATE = '2026-01-01T00:00:00Z';
/** Every secret key below contains this, so a leak is easy to look for. */
const SECRET_MARK = 'S3CR3T';
/** Every session token contains this: it is in the URL by necessity, never on stderr. */
const TOKEN_MARK = 'T0K3N';

let home: TempHome;
beforeEach(() => {
  home = new TempHome();
});
afterEach(() => home.remove());

interface Signed {
  code: number;
  stdout: string;
  stderr: string;
  accessKeyId: string;
  region: string;
  host: string;
  path: string;
  query: Map<string, string>;
}

async function presign(env: Record<string, string | undefined>, ...extra: string[]): Promise<Signed> {
  const r = await run(['presign', 's3://my-bucket/a/key.txt', '--date', DATE, ...extra], { env: home.env(env) });
  expect(r.stdout + r.stderr).not.toContain(SECRET_MARK);
  expect(r.stderr).not.toContain(TOKEN_MARK);
  if (r.code !== 0) return { ...r, accessKeyId: '', region: '', host: '', path: '', query: new Map() };
  const u = splitUrl(r.stdout.trim());
  const [accessKeyId, , region] = decodeURIComponent(u.query.get('X-Amz-Credential') ?? '').split('/');
  return { ...r, accessKeyId: accessKeyId ?? '', region: region ?? '', host: u.host, path: u.path, query: u.query };
}

const CREDENTIALS = `[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = ${SECRET_MARK}default

[dev]
aws_access_key_id=AKIDDEV
aws_secret_access_key=${SECRET_MARK}dev
aws_session_token = ${TOKEN_MARK}dev
`;

const CONFIG = `[default]
region = eu-west-1

[profile dev]
region = ap-southeast-2

[profile cfgkeys]
aws_access_key_id = AKIDCFG
aws_secret_access_key = ${SECRET_MARK}cfg
region = ca-central-1
`;

describe('profiles', () => {
  beforeEach(() => {
    home.credentials(CREDENTIALS);
    home.config(CONFIG);
  });

  it('the default profile, with its region from the config file', async () => {
    const r = await presign({});
    expect(r.code).toBe(0);
    expect(r.accessKeyId).toBe('AKIDDEFAULT');
    expect(r.region).toBe('eu-west-1');
    expect(r.host).toBe('my-bucket.s3.eu-west-1.amazonaws.com');
    expect(r.query.has('X-Amz-Security-Token')).toBe(false);
  });

  it('--profile: [name] in credentials, [profile name] in config; its session token is signed', async () => {
    const r = await presign({}, '--profile', 'dev');
    expect(r.accessKeyId).toBe('AKIDDEV');
    expect(r.region).toBe('ap-southeast-2');
    expect(r.query.get('X-Amz-Security-Token')).toBe(`${TOKEN_MARK}dev`);
  });

  it('AWS_PROFILE selects the profile when --profile is absent; --profile wins over it', async () => {
    expect((await presign({ AWS_PROFILE: 'dev' })).accessKeyId).toBe('AKIDDEV');
    expect((await presign({ AWS_PROFILE: 'dev' }, '--profile', 'default')).accessKeyId).toBe('AKIDDEFAULT');
  });

  it('static keys in the config file', async () => {
    const r = await presign({}, '--profile', 'cfgkeys');
    expect(r.accessKeyId).toBe('AKIDCFG');
    expect(r.region).toBe('ca-central-1');
  });

  it('keys in the credentials file win over keys in the config file', async () => {
    home.credentials(CREDENTIALS + `\n[cfgkeys]\naws_access_key_id = AKIDCREDFILE\naws_secret_access_key = ${SECRET_MARK}x\n`);
    expect((await presign({}, '--profile', 'cfgkeys')).accessKeyId).toBe('AKIDCREDFILE');
  });

  it('a section without "profile " in the config file is not a profile (as in the AWS CLI)', async () => {
    home.config(`[nopfx]\naws_access_key_id = AKIDNOPFX\naws_secret_access_key = ${SECRET_MARK}\n`);
    const r = await presign({}, '--profile', 'nopfx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sigv4: PROFILE_NOT_FOUND: the profile "nopfx" is in neither /);
  });

  it('[profile default] in the config file is the default profile', async () => {
    home.config('[profile default]\nregion = sa-east-1\n');
    expect((await presign({})).region).toBe('sa-east-1');
  });

  it('a quoted profile name with spaces', async () => {
    home.config(`[profile "my profile"]\naws_access_key_id = AKIDQUOTED\naws_secret_access_key = ${SECRET_MARK}\nregion = us-west-1\n`);
    const r = await presign({}, '--profile', 'my profile');
    expect(r.accessKeyId).toBe('AKIDQUOTED');
    expect(r.region).toBe('us-west-1');
  });

  it('AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files (~ is the home directory)', async () => {
    home.file('elsewhere/creds', `[default]\naws_access_key_id = AKIDMOVED\naws_secret_access_key = ${SECRET_MARK}\n`);
    home.file('elsewhere/conf', '[default]\nregion = eu-north-1\n');
    const r = await presign({ AWS_SHARED_CREDENTIALS_FILE: '~/elsewhere/creds', AWS_CONFIG_FILE: join(home.dir, 'elsewhere/conf') });
    expect(r.accessKeyId).toBe('AKIDMOVED');
    expect(r.region).toBe('eu-north-1');
  });

  it('a profile named explicitly must exist (--profile or AWS_PROFILE), even "default"', async () => {
    for (const env of [{ AWS_PROFILE: 'nope' }, {}]) {
      const r = await presign(env, ...(env.AWS_PROFILE ? [] : ['--profile', 'nope']));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('PROFILE_NOT_FOUND');
      expect(r.stdout).toBe('');
    }
    home.credentials('[dev]\naws_access_key_id = A\naws_secret_access_key = B\n');
    home.config('');
    expect((await presign({}, '--profile', 'default')).stderr).toContain('PROFILE_NOT_FOUND');
  });

  it('CRLF files', async () => {
    home.credentials(CREDENTIALS.replace(/\n/g, '\r\n'));
    home.config(CONFIG.replace(/\n/g, '\r\n'));
    const r = await presign({}, '--profile', 'dev');
    expect(r.accessKeyId).toBe('AKIDDEV');
    expect(r.region).toBe('ap-southeast-2');
    expect(r.query.get('X-Amz-Security-Token')).toBe(`${TOKEN_MARK}dev`);
  });
});

describe('environment variables', () => {
  beforeEach(() => {
    home.credentials(CREDENTIALS);
    home.config(CONFIG);
  });
  const ENV_KEYS = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: `${SECRET_MARK}env` };

  it('AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN win over the default profile', async () => {
    const r = await presign({ ...ENV_KEYS, AWS_SESSION_TOKEN: `${TOKEN_MARK}env` });
    expect(r.accessKeyId).toBe('AKIDENV');
    expect(r.query.get('X-Amz-Security-Token')).toBe(`${TOKEN_MARK}env`);
    // The region still comes from the profile.
    expect(r.region).toBe('eu-west-1');
  });

  it('they win over AWS_PROFILE too', async () => {
    const r = await presign({ ...ENV_KEYS, AWS_PROFILE: 'dev' });
    expect(r.accessKeyId).toBe('AKIDENV');
    expect(r.region).toBe('ap-southeast-2');
  });

  it('--profile skips them (botocore: an explicit profile negates the environment provider)', async () => {
    expect((await presign(ENV_KEYS, '--profile', 'dev')).accessKeyId).toBe('AKIDDEV');
  });

  it('empty variables count as unset', async () => {
    expect((await presign({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_REGION: '' })).accessKeyId).toBe('AKIDDEFAULT');
  });

  it('one of the pair alone is an error, not a fall-back to the profile', async () => {
    const r = await presign({ AWS_ACCESS_KEY_ID: 'AKIDENV' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sigv4: PARTIAL_CREDENTIALS: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not\n');
  });

  it('AWS_CREDENTIAL_EXPIRATION makes them temporary: a URL may not outlive them', async () => {
    const env = { ...ENV_KEYS, AWS_SESSION_TOKEN: `${TOKEN_MARK}t`, AWS_CREDENTIAL_EXPIRATION: '2026-01-01T00:30:00Z' };
    const r = await presign(env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CREDENTIALS_EXPIRE_TOO_SOON');
    expect((await presign(env, '--expires-in', '1800')).code).toBe(0);
  });
});

describe('region precedence: --region, AWS_REGION, AWS_DEFAULT_REGION, profile, us-east-1', () => {
  beforeEach(() => {
    home.credentials(`[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET_MARK}\nregion = us-west-2\n`);
  });

  it('each source in turn', async () => {
    const all = { AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'eu-central-1' };
    expect((await presign(all, '--region', 'ap-south-1')).region).toBe('ap-south-1');
    expect((await presign(all)).region).toBe('eu-west-3');
    expect((await presign({ AWS_DEFAULT_REGION: 'eu-central-1' })).region).toBe('eu-central-1');
    // A region in the credentials file counts (botocore merges it into the profile).
    expect((await presign({})).region).toBe('us-west-2');
    home.config('[default]\nregion = af-south-1\n');
    // The credentials file's value wins over the config file's, as in botocore.
    expect((await presign({})).region).toBe('us-west-2');
    home.credentials(`[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET_MARK}\n`);
    expect((await presign({})).region).toBe('af-south-1');
    home.config('');
    const r = await presign({});
    expect(r.region).toBe('us-east-1');
    expect(r.host).toBe('my-bucket.s3.us-east-1.amazonaws.com');
  });

  it('China regions get the .amazonaws.com.cn host', async () => {
    expect((await presign({}, '--region', 'cn-north-1')).host).toBe('my-bucket.s3.cn-north-1.amazonaws.com.cn');
  });

  it('an invalid region says where it came from', async () => {
    home.config('[default]\nregion = us-east-1 # inline comments are not comments\n');
    home.credentials(`[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET_MARK}\n`);
    const r = await presign({});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sigv4: INVALID_REGION: region: .* \(from profile default\)\n$/);
  });
});

describe('endpoint precedence: --endpoint-url, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, services s3, profile endpoint_url', () => {
  const keys = `[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET_MARK}\n`;
  beforeEach(() => {
    home.credentials(keys);
    home.config('[default]\nendpoint_url = https://profile.example\nservices = local\n\n[services local]\ns3 =\n  endpoint_url = https://services.example\n');
  });

  it('each source in turn', async () => {
    const env = { AWS_ENDPOINT_URL_S3: 'https://env-s3.example', AWS_ENDPOINT_URL: 'https://env.example' };
    expect((await presign(env, '--endpoint-url', 'https://flag.example')).host).toBe('my-bucket.flag.example');
    expect((await presign(env)).host).toBe('my-bucket.env-s3.example');
    expect((await presign({ AWS_ENDPOINT_URL: 'https://env.example' })).host).toBe('my-bucket.env.example');
    expect((await presign({})).host).toBe('my-bucket.services.example');
    home.config('[default]\nendpoint_url = https://profile.example\n');
    expect((await presign({})).host).toBe('my-bucket.profile.example');
  });

  it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores all but --endpoint-url', async () => {
    const env = { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'https://env.example' };
    expect((await presign(env)).host).toBe('my-bucket.s3.us-east-1.amazonaws.com');
    expect((await presign(env, '--endpoint-url', 'https://flag.example')).host).toBe('my-bucket.flag.example');
  });

  it('an IP endpoint is addressed path-style, with its scheme and port', async () => {
    const r = await run(['presign', 's3://my-bucket/k', '--date', DATE, '--endpoint-url', 'http://127.0.0.1:9000'], { env: home.env() });
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:9000\/my-bucket\/k\?X-Amz-Algorithm=/);
  });

  it('an invalid endpoint is a signing error that says where it came from', async () => {
    const r = await presign({ AWS_ENDPOINT_URL: 'ftp://x.example' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sigv4: INVALID_URL: endpoint: .*\(from AWS_ENDPOINT_URL\)\n$/);
  });
});

describe('addressing style', () => {
  beforeEach(() => {
    home.credentials(`[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET_MARK}\n`);
  });

  it('s3 =\\n  addressing_style = path in the profile', async () => {
    home.config('[default]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n  signature_version = s3v4\n');
    const r = await presign({});
    expect(r.host).toBe('s3.eu-west-1.amazonaws.com');
    expect(r.path).toBe('/my-bucket/a/key.txt');
  });

  it('--path-style', async () => {
    const r = await presign({}, '--path-style');
    expect(r.host).toBe('s3.us-east-1.amazonaws.com');
    expect(r.path).toBe('/my-bucket/a/key.txt');
  });

  it('virtual and auto keep virtual-hosted addressing; anything else is an error naming the file and line', async () => {
    for (const style of ['virtual', 'auto']) {
      home.config(`[default]\ns3 =\n  addressing_style = ${style}\n`);
      expect((await presign({})).host).toBe('my-bucket.s3.us-east-1.amazonaws.com');
    }
    const config = home.config('[default]\n\ns3 =\n  addressing_style = sideways\n');
    const r = await presign({});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`INVALID_CONFIG: profile default (${config} line 3): s3.addressing_style must be auto, virtual or path`);
  });
});

describe('credential_process', () => {
  /** A script that prints `json` (or fails), written into the temporary HOME. */
  function script(name: string, body: string): string {
    const path = home.file(`bin/${name}`, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }
  function printJson(value: unknown): string {
    return `cat <<'JSON'\n${JSON.stringify(value)}\nJSON`;
  }
  const TEMP = { Version: 1, AccessKeyId: 'AKIDPROC', SecretAccessKey: `${SECRET_MARK}proc`, SessionToken: `${TOKEN_MARK}proc`, Expiration: '2026-01-01T02:00:00Z' };

  it('runs the command and signs with its credentials, token included', async () => {
    home.config(`[profile proc]\nregion = us-west-2\ncredential_process = ${script('creds', printJson(TEMP))}\n`);
    const r = await presign({}, '--profile', 'proc');
    expect(r.code).toBe(0);
    expect(r.accessKeyId).toBe('AKIDPROC');
    expect(r.region).toBe('us-west-2');
    expect(r.query.get('X-Amz-Security-Token')).toBe(`${TOKEN_MARK}proc`);
  });

  it('splits the command line as a POSIX shell would (quotes, spaces in paths), without a shell', async () => {
    const path = home.file('dir with space/creds.mjs', `console.log(JSON.stringify({ Version: 1, AccessKeyId: process.argv[2], SecretAccessKey: process.argv[3] }));\n`);
    home.config(`[default]\ncredential_process = "${process.execPath}" '${path}' "AKID$(x)" ${SECRET_MARK}\\ s\n`);
    const r = await presign({});
    expect(r.code).toBe(0);
    // "$(x)" is passed literally: no shell ran the command.
    expect(r.accessKeyId).toBe('AKID$(x)');
  });

  it('the environment reaches the process', async () => {
    home.config(`[default]\ncredential_process = ${script('envcreds', `printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"x"}' "$MY_KEY_ID"`)}\n`);
    expect((await presign({ MY_KEY_ID: 'AKIDFROMENV' })).accessKeyId).toBe('AKIDFROMENV');
  });

  it('static keys in the credentials file win over credential_process; credential_process wins over config keys', async () => {
    const proc = script('creds', printJson(TEMP));
    home.config(`[default]\naws_access_key_id = AKIDCFG\naws_secret_access_key = ${SECRET_MARK}\ncredential_process = ${proc}\n`);
    expect((await presign({})).accessKeyId).toBe('AKIDPROC');
    home.credentials(`[default]\naws_access_key_id = AKIDCRED\naws_secret_access_key = ${SECRET_MARK}\n`);
    expect((await presign({})).accessKeyId).toBe('AKIDCRED');
  });

  it('credential_process in the credentials file works too (botocore merges the files)', async () => {
    home.credentials(`[default]\ncredential_process = ${script('creds', printJson(TEMP))}\n`);
    expect((await presign({})).accessKeyId).toBe('AKIDPROC');
  });

  describe('Expiration', () => {
    beforeEach(() => {
      home.config(`[default]\ncredential_process = ${script('creds', printJson(TEMP))}\n`);
    });

    it('a URL that would outlive the credentials is an error (exit 1) with a hint', async () => {
      const r = await presign({}, '--expires-in', '7201');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(
        'sigv4: CREDENTIALS_EXPIRE_TOO_SOON: credentials.expiration: the credentials expire at 2026-01-01T02:00:00.000Z, before the URL would (2026-01-01T02:00:01.000Z); ' +
          'sign with a shorter expiresIn, refresh the credentials, or pass allowExpiringCredentials: true',
      );
      expect(r.stderr.split('\n')[1]).toContain('--allow-expiring-credentials');
    });

    it('a URL that expires with them or before is fine', async () => {
      expect((await presign({}, '--expires-in', '7200')).code).toBe(0);
    });

    it('--allow-expiring-credentials signs anyway', async () => {
      const r = await presign({}, '--expires-in', '86400', '--allow-expiring-credentials');
      expect(r.code).toBe(0);
      expect(r.query.get('X-Amz-Expires')).toBe('86400');
    });
  });

  describe('failures: exit 1, CREDENTIAL_PROCESS_FAILED, never the process output', () => {
    async function failure(body: string): Promise<string> {
      home.config(`[default]\ncredential_process = ${script('bad', body)}\n`);
      const r = await presign({});
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^sigv4: CREDENTIAL_PROCESS_FAILED: credential_process of profile default: /);
      return r.stderr;
    }

    it('non-zero exit: the process stderr is shown', async () => {
      expect(await failure('echo "token expired, run login" >&2; exit 3')).toContain('exited with code 3: token expired, run login');
    });

    it('stdout that is not JSON', async () => {
      expect(await failure(`echo 'AccessKeyId=AKID SecretAccessKey=${SECRET_MARK}'`)).toContain('characters that are not JSON');
    });

    it('an unsupported Version', async () => {
      expect(await failure(printJson({ ...TEMP, Version: 2 }))).toContain('expected "Version": 1, got 2');
      expect(await failure(printJson({ ...TEMP, Version: undefined }))).toContain('expected "Version": 1, got none');
    });

    it('missing keys', async () => {
      expect(await failure(printJson({ Version: 1, AccessKeyId: 'AKID' }))).toContain('"SecretAccessKey"');
      expect(await failure(printJson({ Version: 1, SecretAccessKey: SECRET_MARK }))).toContain('"AccessKeyId"');
    });

    it('a bad Expiration', async () => {
      expect(await failure(printJson({ ...TEMP, Expiration: 'tomorrow' }))).toContain('"Expiration": expected an ISO 8601 time');
    });

    it('a command that does not exist, or does not split', async () => {
      home.config(`[default]\ncredential_process = ${join(home.dir, 'no-such-command')}\n`);
      expect((await presign({})).stderr).toContain('cannot run');
      home.config(`[default]\ncredential_process = "unclosed\n`);
      expect((await presign({})).stderr).toContain('no closing quotation');
    });
  });
});

describe('credential errors', () => {
  it('no credentials anywhere', async () => {
    const r = await presign({});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^sigv4: NO_CREDENTIALS: no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });

  it('half a key pair in a file', async () => {
    const path = home.credentials('[default]\naws_access_key_id = AKID\n');
    const r = await presign({});
    expect(r.stderr).toBe(`sigv4: PARTIAL_CREDENTIALS: profile default in ${path} has aws_access_key_id but no aws_secret_access_key\n`);
  });

  it('profiles that need a network call (assume-role, SSO, web identity) are refused, not skipped', async () => {
    home.credentials(`[base]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET_MARK}\n`);
    const config = home.config('[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n\n[profile sso]\nsso_session = corp\n');
    let r = await presign({}, '--profile', 'admin');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`UNSUPPORTED_CREDENTIALS: profile admin gets its credentials by assume-role (role_arn) (${config} line 2)`);
    expect(r.stderr).toContain('aws configure export-credentials --profile admin');
    r = await presign({}, '--profile', 'sso');
    expect(r.stderr).toContain('UNSUPPORTED_CREDENTIALS: profile sso gets its credentials by IAM Identity Center (sso_session)');
  });

  it('a malformed file: CONFIG_PARSE_ERROR naming the file and line, without the line', async () => {
    const path = home.credentials(`[default]\naws_access_key_id = AKID\naws_secret_access_key ${SECRET_MARK}oops\n`);
    const r = await presign({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(r.code).toBe(1);
    // As in the AWS CLI, a broken file is an error even when the environment has the keys.
    expect(r.stderr).toBe(`sigv4: CONFIG_PARSE_ERROR: ${path} line 3: expected 'name = value', a [section] header or a comment (# or ;)\n`);
  });

  it('malformed config file too', async () => {
    const path = home.config('region = us-east-1\n');
    const r = await presign({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(r.stderr).toBe(`sigv4: CONFIG_PARSE_ERROR: ${path} line 1: expected a [section] header before the first setting\n`);
  });

  it('an unreadable file (a file where a directory should be is absent, not unreadable)', async () => {
    home.file('.aws/credentials/oops', '');
    // ~/.aws/credentials is a directory here: treated as absent, as botocore does.
    const r = await presign({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(r.code).toBe(0);
  });
});

describe('resolveAwsSettings', () => {
  it('keeps the secret key and token off enumerable properties', async () => {
    const s = await resolveAwsSettings({ env: { HOME: home.dir, AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: `${SECRET_MARK}k`, AWS_SESSION_TOKEN: `${SECRET_MARK}t` } });
    expect(s.credentials.secretAccessKey).toBe(`${SECRET_MARK}k`);
    expect(s.credentials.sessionToken).toBe(`${SECRET_MARK}t`);
    expect(JSON.stringify(s)).not.toContain(SECRET_MARK);
    expect(Object.keys(s.credentials)).toEqual(['accessKeyId']);
  });

  it('AwsConfigError carries a code', async () => {
    await expect(resolveAwsSettings({ env: { HOME: home.dir } })).rejects.toBeInstanceOf(AwsConfigError);
    await expect(resolveAwsSettings({ env: { HOME: home.dir } })).rejects.toMatchObject({ code: 'NO_CREDENTIALS' });
  });
});

describe('shellSplit (shlex.split)', () => {
  it.each([
    ['a b  c', ['a', 'b', 'c']],
    ["'a b' c", ['a b', 'c']],
    ['"a \\" b" c', ['a " b', 'c']],
    ['"a\\nb"', ['a\\nb']],
    ['a\\ b', ['a b']],
    ["x''y", ['xy']],
    ['"" x', ['', 'x']],
    ['  ', []],
  ])('%s', (input, expected) => {
    expect(shellSplit(input)).toEqual(expected);
  });

  it('an unclosed quote is an error', () => {
    expect(() => shellSplit("a 'b")).toThrow('no closing quotation');
    expect(() => shellSplit('a "b')).toThrow('no closing quotation');
  });
});
