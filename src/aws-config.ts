/**
 * Credentials, region and endpoint, resolved the way the AWS CLI v2 (botocore) resolves them,
 * for S3 presigning. Only local sources: environment variables, the shared credentials file, the
 * config file and `credential_process`. Sources that need a network call (assume-role, SSO, web
 * identity, container and instance metadata) are reported as unsupported, never skipped silently:
 * botocore would have used them before a static key further down the list.
 *
 * Credentials, first match wins (botocore's credential provider chain):
 *   1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY [+ AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION],
 *      skipped when --profile is given (botocore: an explicit profile negates the environment);
 *   2. the profile (--profile, else AWS_PROFILE, else `default`):
 *      role_arn / web_identity_token_file / sso_* → UNSUPPORTED_CREDENTIALS;
 *      aws_access_key_id + aws_secret_access_key in the shared credentials file;
 *      credential_process (config file or credentials file);
 *      aws_access_key_id + aws_secret_access_key in the config file.
 * Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`, else us-east-1.
 * Endpoint: --endpoint-url, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the `s3` entry of the profile's
 * `services` section, the profile's `endpoint_url` (AWS SDK "service-specific endpoints"; all but
 * the flag are ignored under AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls).
 * Addressing: --path-style, else the profile's `s3 =\n  addressing_style = path`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from './node.js';
import { type IniEntry, type IniFile, type IniSection, parseIni } from './ini-file.js';

export type AwsConfigErrorCode =
  | 'CONFIG_PARSE_ERROR'
  | 'CONFIG_READ_ERROR'
  | 'PROFILE_NOT_FOUND'
  | 'NO_CREDENTIALS'
  | 'PARTIAL_CREDENTIALS'
  | 'UNSUPPORTED_CREDENTIALS'
  | 'CREDENTIAL_PROCESS_FAILED'
  | 'INVALID_CONFIG';

/** Why settings could not be resolved. Messages never hold a secret or a line of a credentials file. */
export class AwsConfigError extends Error {
  readonly code: AwsConfigErrorCode;
  constructor(code: AwsConfigErrorCode, message: string) {
    super(message);
    this.name = 'AwsConfigError';
    this.code = code;
  }
}

export interface ResolveInput {
  env: Readonly<Record<string, string | undefined>>;
  /** --profile */
  profile?: string | undefined;
  /** --region */
  region?: string | undefined;
  /** --endpoint-url */
  endpointUrl?: string | undefined;
  /** --path-style */
  pathStyle?: boolean | undefined;
}

export interface AwsSettings {
  /** secretAccessKey and sessionToken are non-enumerable: a dump of this object shows neither. */
  readonly credentials: Credentials;
  /** Where the credentials came from, e.g. `environment`, `credential_process (profile dev)`. */
  readonly credentialSource: string;
  readonly profile: string;
  readonly region: string;
  readonly regionSource: string;
  readonly endpoint: string | undefined;
  readonly endpointSource: string | undefined;
  readonly forcePathStyle: boolean;
  readonly forcePathStyleSource: string | undefined;
}

/** An environment variable's value; empty counts as unset. */
function envValue(env: ResolveInput['env'], name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

function home(env: ResolveInput['env']): string {
  return envValue(env, 'HOME') ?? envValue(env, 'USERPROFILE') ?? homedir();
}

/** botocore expands `~` (and variables; only `~` here) in AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
function expandHome(path: string, env: ResolveInput['env']): string {
  if (path === '~') return home(env);
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home(env), path.slice(2));
  return path;
}

export function configFilePaths(env: ResolveInput['env']): { credentialsFile: string; configFile: string } {
  return {
    credentialsFile: expandHome(envValue(env, 'AWS_SHARED_CREDENTIALS_FILE') ?? '~/.aws/credentials', env),
    configFile: expandHome(envValue(env, 'AWS_CONFIG_FILE') ?? '~/.aws/config', env),
  };
}

/** A missing file is an empty file (botocore: ConfigNotFound is not an error). */
async function readIni(path: string): Promise<IniFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return new Map();
    throw new AwsConfigError('CONFIG_READ_ERROR', `cannot read ${path}: ${code ?? String(e)}`);
  }
  try {
    return parseIni(text, path);
  } catch (e) {
    throw new AwsConfigError('CONFIG_PARSE_ERROR', (e as Error).message);
  }
}

/** `[profile name]` (any whitespace, name optionally quoted) or `[default]`, as botocore's build_profile_map. */
function profileNameOf(sectionName: string): string | undefined {
  if (sectionName === 'default') return 'default';
  const m = /^profile\s+(.+)$/.exec(sectionName);
  if (m === null) return undefined;
  const name = (m[1] as string).trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(name);
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : name;
}

function configProfiles(file: IniFile): Map<string, IniSection> {
  const out = new Map<string, IniSection>();
  // Later sections win, so `[profile default]` after `[default]` replaces it (botocore's dict assignment).
  for (const section of file.values()) {
    const name = profileNameOf(section.name);
    if (name !== undefined) out.set(name, section);
  }
  return out;
}

function configSection(file: IniFile, kind: string, name: string): IniSection | undefined {
  for (const section of file.values()) {
    const m = /^(\S+)\s+(.+)$/.exec(section.name);
    if (m !== null && m[1] === kind && (m[2] as string).trim() === name) return section;
  }
  return undefined;
}

/** One profile as botocore sees it: config-file settings, overridden by the credentials file's. */
class Profile {
  constructor(
    readonly name: string,
    readonly config: IniSection | undefined,
    readonly credentials: IniSection | undefined,
    readonly configFile: string,
    readonly credentialsFile: string,
  ) {}
  get exists(): boolean {
    return this.config !== undefined || this.credentials !== undefined;
  }
  entry(name: string): { entry: IniEntry; file: string } | undefined {
    const c = this.credentials?.entries.get(name);
    if (c !== undefined) return { entry: c, file: this.credentialsFile };
    const f = this.config?.entries.get(name);
    return f === undefined ? undefined : { entry: f, file: this.configFile };
  }
  value(name: string): string | undefined {
    const e = this.entry(name);
    return e === undefined || e.entry.value === '' ? undefined : e.entry.value;
  }
  nested(name: string, key: string): string | undefined {
    const e = this.entry(name);
    const v = e?.entry.nested?.get(key);
    return v === undefined || v === '' ? undefined : v;
  }
}

function makeCredentials(accessKeyId: string, secretAccessKey: string, sessionToken: string | undefined, expiration: Date | undefined): Credentials {
  const c: Record<string, unknown> = { accessKeyId };
  // Non-enumerable: console.log, util.inspect and JSON.stringify of the settings never show them.
  Object.defineProperty(c, 'secretAccessKey', { value: secretAccessKey, enumerable: false });
  if (sessionToken !== undefined) Object.defineProperty(c, 'sessionToken', { value: sessionToken, enumerable: false });
  if (expiration !== undefined) c['expiration'] = expiration;
  return c as unknown as Credentials;
}

function parseExpiration(value: string, where: string, code: AwsConfigErrorCode): Date {
  // ISO 8601 with a zone, as credential_process and AWS_CREDENTIAL_EXPIRATION give it.
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const d = new Date(value);
  if (!ok || Number.isNaN(d.getTime())) {
    throw new AwsConfigError(code, `${where}: expected an ISO 8601 time with a zone such as 2026-01-01T00:00:00Z`);
  }
  return d;
}

function fromEnvironment(env: ResolveInput['env']): Credentials | undefined {
  const id = envValue(env, 'AWS_ACCESS_KEY_ID');
  const secret = envValue(env, 'AWS_SECRET_ACCESS_KEY');
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined || secret === undefined) {
    throw new AwsConfigError('PARTIAL_CREDENTIALS', `${id === undefined ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID'} is set but ${id === undefined ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY'} is not`);
  }
  const token = envValue(env, 'AWS_SESSION_TOKEN') ?? envValue(env, 'AWS_SECURITY_TOKEN');
  const exp = envValue(env, 'AWS_CREDENTIAL_EXPIRATION');
  return makeCredentials(id, secret, token, exp === undefined ? undefined : parseExpiration(exp, 'AWS_CREDENTIAL_EXPIRATION', 'INVALID_CONFIG'));
}

function staticKeys(section: IniSection | undefined, file: string, profile: string): Credentials | undefined {
  if (section === undefined) return undefined;
  const get = (n: string): string | undefined => {
    const v = section.entries.get(n)?.value;
    return v === undefined || v === '' ? undefined : v;
  };
  const id = get('aws_access_key_id');
  const secret = get('aws_secret_access_key');
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined || secret === undefined) {
    throw new AwsConfigError('PARTIAL_CREDENTIALS', `profile ${profile} in ${file} has ${id === undefined ? 'aws_secret_access_key but no aws_access_key_id' : 'aws_access_key_id but no aws_secret_access_key'}`);
  }
  return makeCredentials(id, secret, get('aws_session_token') ?? get('aws_security_token'), undefined);
}

/** POSIX shell-like word splitting, as Python's shlex.split (what botocore runs credential_process through). */
export function shellSplit(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < command.length) {
    const ch = command[i] as string;
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error('no closing quotation');
      word += command.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      for (;;) {
        if (i >= command.length) throw new Error('no closing quotation');
        const c = command[i] as string;
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\' && i + 1 < command.length && '\\"$`\n'.includes(command[i + 1] as string)) {
          word += command[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
    } else if (ch === '\\') {
      if (i + 1 >= command.length) throw new Error('no escaped character');
      word += command[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export type ProcessRunner = (file: string, args: string[], env: Record<string, string>) => Promise<{ code: number; stdout: string; stderr: string }>;

const runProcess: ProcessRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { env, encoding: 'utf8', maxBuffer: 1 << 20, windowsHide: true }, (error, stdout, stderr) => {
      if (error !== null && typeof (error as { code?: unknown }).code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error === null ? 0 : ((error as { code?: number }).code ?? 1), stdout, stderr });
    });
  });

/** Runs credential_process and reads its JSON (AWS CLI "Sourcing credentials with an external process"). */
async function fromProcess(command: string, profile: string, env: ResolveInput['env'], run: ProcessRunner): Promise<Credentials> {
  const fail = (why: string): never => {
    throw new AwsConfigError('CREDENTIAL_PROCESS_FAILED', `credential_process of profile ${profile}: ${why}`);
  };
  let argv: string[] = [];
  try {
    argv = shellSplit(command);
  } catch (e) {
    fail(`cannot split the command into words: ${(e as Error).message}`);
  }
  const [file, ...args] = argv;
  if (file === undefined) return fail('the command is empty');
  let result: { code: number; stdout: string; stderr: string } = { code: 0, stdout: '', stderr: '' };
  try {
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
    result = await run(file, args, childEnv);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`cannot run ${JSON.stringify(file)}: ${code ?? (e as Error).message}`);
  }
  if (result.code !== 0) {
    // The process's own stderr explains the failure (botocore shows it too); its stdout is never shown.
    const err = result.stderr.trim().split(/\r?\n/).slice(-3).join(' / ').slice(0, 300);
    fail(`exited with code ${result.code}${err === '' ? '' : `: ${err}`}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    fail(`expected JSON on stdout, got ${result.stdout.length} characters that are not JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('expected a JSON object on stdout');
  const o = parsed as Record<string, unknown>;
  if (o['Version'] !== 1) fail(`expected "Version": 1, got ${o['Version'] === undefined ? 'none' : JSON.stringify(o['Version'])}`);
  for (const k of ['AccessKeyId', 'SecretAccessKey']) {
    if (typeof o[k] !== 'string' || o[k] === '') fail(`expected a non-empty string "${k}" in its output`);
  }
  for (const k of ['SessionToken', 'Expiration']) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') fail(`expected "${k}" to be a string`);
  }
  const token = typeof o['SessionToken'] === 'string' && o['SessionToken'] !== '' ? o['SessionToken'] : undefined;
  const exp = typeof o['Expiration'] === 'string' && o['Expiration'] !== '' ? parseExpiration(o['Expiration'], `credential_process of profile ${profile}: "Expiration"`, 'CREDENTIAL_PROCESS_FAILED') : undefined;
  return makeCredentials(o['AccessKeyId'] as string, o['SecretAccessKey'] as string, token, exp);
}

const UNSUPPORTED: ReadonlyArray<[string, string]> = [
  ['role_arn', 'assume-role (role_arn)'],
  ['web_identity_token_file', 'web identity (web_identity_token_file)'],
  ['sso_session', 'IAM Identity Center (sso_session)'],
  ['sso_start_url', 'IAM Identity Center (sso_start_url)'],
];

function isTrue(v: string | undefined): boolean {
  return v !== undefined && v.toLowerCase() === 'true';
}

/** Resolves everything `sigv4 presign` needs. `run` is for tests; it defaults to execFile. */
export async function resolveAwsSettings(input: ResolveInput, run: ProcessRunner = runProcess): Promise<AwsSettings> {
  const { env } = input;
  const { credentialsFile, configFile } = configFilePaths(env);
  const [credFile, confFile] = await Promise.all([readIni(credentialsFile), readIni(configFile)]);

  const explicitProfile = input.profile ?? envValue(env, 'AWS_PROFILE');
  const profileName = explicitProfile ?? 'default';
  const profile = new Profile(profileName, configProfiles(confFile).get(profileName), credFile.get(profileName), configFile, credentialsFile);
  if (explicitProfile !== undefined && !profile.exists) {
    throw new AwsConfigError('PROFILE_NOT_FOUND', `the profile ${JSON.stringify(profileName)} is in neither ${credentialsFile} nor ${configFile} (as [profile ${profileName}])`);
  }

  // Credentials.
  let credentials: Credentials | undefined;
  let credentialSource = '';
  if (input.profile === undefined) {
    credentials = fromEnvironment(env);
    credentialSource = 'environment (AWS_ACCESS_KEY_ID)';
  }
  if (credentials === undefined) {
    for (const [setting, what] of UNSUPPORTED) {
      const e = profile.entry(setting);
      if (e !== undefined) {
        throw new AwsConfigError(
          'UNSUPPORTED_CREDENTIALS',
          `profile ${profileName} gets its credentials by ${what} (${e.file} line ${e.entry.line}), which needs a network call sigv4 does not make; ` +
            `use eval "$(aws configure export-credentials --profile ${profileName} --format env)", or a profile with ` +
            `credential_process = aws configure export-credentials --profile ${profileName} --format process`,
        );
      }
    }
    const processCommand = profile.value('credential_process');
    credentials = staticKeys(profile.credentials, credentialsFile, profileName);
    credentialSource = `${credentialsFile} (profile ${profileName})`;
    if (credentials === undefined && processCommand !== undefined) {
      credentials = await fromProcess(processCommand, profileName, env, run);
      credentialSource = `credential_process (profile ${profileName})`;
    }
    if (credentials === undefined) {
      credentials = staticKeys(profile.config, configFile, profileName);
      credentialSource = `${configFile} (profile ${profileName})`;
    }
  }
  if (credentials === undefined) {
    throw new AwsConfigError(
      'NO_CREDENTIALS',
      `no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give profile ${profileName} aws_access_key_id and aws_secret_access_key in ${credentialsFile} or a credential_process`,
    );
  }

  // Region.
  let region: string;
  let regionSource: string;
  const regionCandidates: Array<[string | undefined, string]> = [
    [input.region, '--region'],
    [envValue(env, 'AWS_REGION'), 'AWS_REGION'],
    [envValue(env, 'AWS_DEFAULT_REGION'), 'AWS_DEFAULT_REGION'],
    [profile.value('region'), `profile ${profileName}`],
  ];
  const foundRegion = regionCandidates.find(([v]) => v !== undefined);
  if (foundRegion !== undefined) [region, regionSource] = foundRegion as [string, string];
  else [region, regionSource] = ['us-east-1', 'default'];

  // Endpoint.
  let endpoint: string | undefined;
  let endpointSource: string | undefined;
  if (input.endpointUrl !== undefined) {
    [endpoint, endpointSource] = [input.endpointUrl, '--endpoint-url'];
  } else {
    const ignore = isTrue(envValue(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS') ?? profile.value('ignore_configured_endpoint_urls'));
    if (!ignore) {
      const servicesName = profile.value('services');
      const services = servicesName === undefined ? undefined : configSection(confFile, 'services', servicesName);
      const s3Service = services?.entries.get('s3')?.nested?.get('endpoint_url');
      const candidates: Array<[string | undefined, string]> = [
        [envValue(env, 'AWS_ENDPOINT_URL_S3'), 'AWS_ENDPOINT_URL_S3'],
        [envValue(env, 'AWS_ENDPOINT_URL'), 'AWS_ENDPOINT_URL'],
        [s3Service === '' ? undefined : s3Service, `[services ${servicesName}] s3.endpoint_url`],
        [profile.value('endpoint_url'), `profile ${profileName}`],
      ];
      const found = candidates.find(([v]) => v !== undefined);
      if (found !== undefined) [endpoint, endpointSource] = found;
    }
  }

  // Addressing style.
  let forcePathStyle = false;
  let forcePathStyleSource: string | undefined;
  if (input.pathStyle === true) {
    [forcePathStyle, forcePathStyleSource] = [true, '--path-style'];
  } else {
    const style = profile.nested('s3', 'addressing_style');
    if (style !== undefined) {
      if (style !== 'path' && style !== 'virtual' && style !== 'auto') {
        const e = profile.entry('s3') as { entry: IniEntry; file: string };
        throw new AwsConfigError('INVALID_CONFIG', `profile ${profileName} (${e.file} line ${e.entry.line}): s3.addressing_style must be auto, virtual or path, got ${JSON.stringify(style)}`);
      }
      if (style === 'path') [forcePathStyle, forcePathStyleSource] = [true, `profile ${profileName} s3.addressing_style`];
    }
  }

  return { credentials, credentialSource, profile: profileName, region, regionSource, endpoint, endpointSource, forcePathStyle, forcePathStyleSource };
}
