#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/ (built by `npm run build`, run by `npm ci` via `prepare`).
import { main } from '../lib/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
