#!/usr/bin/env node
// The `sigv4` command. Everything happens in main() (src/cli.ts), which is tested in-process.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // Live progress only where someone watches it: stderr on a terminal, stdout not (URLs on screen).
  isTTY: process.stderr.isTTY === true && process.stdout.isTTY !== true,
});
