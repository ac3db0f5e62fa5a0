/**
 * Start and stop the two real SigV4-verifying S3 servers for the e2e tests (vitest globalSetup).
 *
 *   swift    OpenStack Swift 2.30 + s3api (swift.sh). Strict: checks the credential scope's
 *            region/service/date, returns AWS error codes. No STS.
 *   radosgw  Ceph radosgw 16.2 on a one-OSD in-memory cluster (radosgw.sh). STS AssumeRole
 *            and session tokens; every auth failure is 403 AccessDenied.
 *
 * Both need test/e2e/servers/provision.sh first (apt; `provisionServers()` runs it). Facts and
 * quirks the tests must know (hostile keys, error codes, virtual-hosted addressing, STS) are in
 * NOTES.md beside this file.
 *
 * A server that cannot start makes the promise REJECT with the script's output and the tail of
 * every log under <stateDir>/logs. Nothing is skipped.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'swift' | 'radosgw';

export interface ServerInfo {
  kind: ServerKind;
  /** Port of the S3 endpoint on 127.0.0.1. swift also takes port+1..+4, radosgw port+1..+21. */
  port: number;
  /** `http://127.0.0.1:<port>`: path-style base URL. */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** us-east-1 on both. Only swift rejects other regions in the credential scope. */
  region: string;
  /** Virtual-hosted requests use Host `<bucket>.<storageDomain>:<port>` (sent to 127.0.0.1). */
  storageDomain: string;
  /** radosgw only: the rgw user that owns accessKeyId. */
  userId?: string;
  /** radosgw only: role that accessKeyId may AssumeRole into (policy: s3:* on everything). */
  roleArn?: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const SCRIPT: Record<ServerKind, string> = {
  swift: join(HERE, 'swift.sh'),
  radosgw: join(HERE, 'radosgw.sh'),
};

// Measured on a 2-core machine: apt ~70 s, swift start 4-10 s, radosgw start ~15 s. The
// scripts have their own inner timeouts (swift 60 s, radosgw 120 s); these are a backstop for
// a script that hangs outside them.
const PROVISION_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 60_000;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

/** Runs `bash <script> args...`, collecting stdout+stderr interleaved; never rejects. */
function run(script: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    // detached: the script gets its own process group, so a timeout can kill the script AND
    // whatever it is waiting on (apt, radosgw-admin) without touching our own group.
    const child = spawn('bash', [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolvePromise({ code: null, signal: null, output: `${output}\nspawn failed: ${err.message}`, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, output, timedOut });
    });
  });
}

/** Last `lines` lines of every *.log / *.out under <stateDir>/logs, for error messages. */
async function logTails(stateDir: string, lines = 40): Promise<string> {
  const dir = join(stateDir, 'logs');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.log') || n.endsWith('.out')).sort();
  } catch {
    return `(no logs in ${dir})`;
  }
  const parts: string[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    if (text === '') continue;
    parts.push(`----- tail of ${join(dir, name)}\n${text.split('\n').slice(-lines).join('\n')}`);
  }
  return parts.join('\n') || `(logs in ${dir} are empty)`;
}

function describe(r: RunResult): string {
  if (r.timedOut) return 'timed out (killed)';
  if (r.signal !== null) return `killed by ${r.signal}`;
  return `exit code ${String(r.code)}`;
}

/**
 * Installs the Debian packages both servers need when any binary is missing (root; apt-get
 * update + install, ~70 s on a fresh machine; a no-op afterwards). Rejects with apt's output.
 */
export async function provisionServers(): Promise<void> {
  const r = await run(join(HERE, 'provision.sh'), [], PROVISION_TIMEOUT_MS);
  if (r.code !== 0) {
    throw new Error(`provision.sh failed (${describe(r)}):\n${r.output.split('\n').slice(-60).join('\n')}`);
  }
}

function parseInfo(kind: ServerKind, text: string, port: number): ServerInfo {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null) throw new Error('info.json is not an object');
  const o = raw as Record<string, unknown>;
  const str = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v === '') throw new Error(`info.json: "${k}" missing or not a string`);
    return v;
  };
  if (o['kind'] !== kind) throw new Error(`info.json: kind ${JSON.stringify(o['kind'])}, expected ${kind}`);
  if (o['port'] !== port) throw new Error(`info.json: port ${JSON.stringify(o['port'])}, expected ${port}`);
  const info: ServerInfo = {
    kind,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: str('accessKeyId'),
    secretAccessKey: str('secretAccessKey'),
    region: str('region'),
    storageDomain: str('storageDomain'),
  };
  if (kind === 'radosgw') {
    info.userId = str('userId');
    info.roleArn = str('roleArn');
  }
  return info;
}

/**
 * Starts `kind` with all its state under `stateDir` (created if missing; a previous run there
 * is stopped and replaced) and its S3 endpoint on 127.0.0.1:`port`. Resolves when it answers
 * HTTP and (radosgw) the user and role exist.
 */
export async function startServer(kind: ServerKind, stateDir: string, port: number): Promise<ServerInfo> {
  if (!(kind in SCRIPT)) throw new Error(`unknown server kind ${JSON.stringify(kind)}`);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`bad port ${port}`);
  const dir = resolve(stateDir);
  const r = await run(SCRIPT[kind], ['start', dir, String(port)], START_TIMEOUT_MS);
  if (r.code !== 0) {
    // On its own failures the script prints the log tails and stops what it started; after
    // our SIGKILL it could do neither, so do both here (stop kills exactly the recorded PIDs).
    const tails = r.output.includes('----- tail of ') ? '' : `\n${await logTails(dir)}`;
    if (r.timedOut) await run(SCRIPT[kind], ['stop', dir], STOP_TIMEOUT_MS);
    throw new Error(`${kind} did not start on 127.0.0.1:${port} (${describe(r)}).\n` +
      `script output:\n${r.output}${tails}`);
  }
  let text: string;
  try {
    text = await readFile(join(dir, 'info.json'), 'utf8');
  } catch (err) {
    await run(SCRIPT[kind], ['stop', dir], STOP_TIMEOUT_MS);
    throw new Error(`${kind} started but ${join(dir, 'info.json')} is unreadable: ${String(err)}\n${r.output}`);
  }
  try {
    return parseInfo(kind, text, port);
  } catch (err) {
    await run(SCRIPT[kind], ['stop', dir], STOP_TIMEOUT_MS);
    throw new Error(`${kind}: ${(err as Error).message}`);
  }
}

/** Stops exactly the processes `startServer(kind, stateDir, …)` started, and waits for them. */
export async function stopServer(kind: ServerKind, stateDir: string): Promise<void> {
  if (!(kind in SCRIPT)) throw new Error(`unknown server kind ${JSON.stringify(kind)}`);
  const r = await run(SCRIPT[kind], ['stop', resolve(stateDir)], STOP_TIMEOUT_MS);
  if (r.code !== 0) throw new Error(`stopping ${kind} failed (${describe(r)}):\n${r.output}`);
}
