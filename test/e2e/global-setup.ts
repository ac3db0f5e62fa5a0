/**
 * Starts Swift s3api and Ceph radosgw for the e2e project and stops them after it. Their facts
 * (endpoint, credentials) reach the tests through `provide` / `inject('servers')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, stopServer, type ServerInfo } from './servers/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    servers: { swift: ServerInfo; radosgw: ServerInfo };
  }
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'sigv4-e2e-'));
  const dirs = { swift: join(root, 'swift'), radosgw: join(root, 'radosgw') };
  const started: Array<'swift' | 'radosgw'> = [];
  try {
    const [swift, radosgw] = await Promise.all([
      startServer('swift', dirs.swift, 18080).then((i) => (started.push('swift'), i)),
      startServer('radosgw', dirs.radosgw, 18180).then((i) => (started.push('radosgw'), i)),
    ]);
    project.provide('servers', { swift, radosgw });
  } catch (e) {
    await Promise.allSettled(started.map((k) => stopServer(k, dirs[k])));
    throw e;
  }
  return async () => {
    await Promise.allSettled([stopServer('swift', dirs.swift), stopServer('radosgw', dirs.radosgw)]);
    await rm(root, { recursive: true, force: true });
  };
}
