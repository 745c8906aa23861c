/**
 * The `capi-ionos` command run from the sources (bin/capi-ionos.js runs the built lib/), for
 * tests that need a real process: `node --import tsx test/k8s/capi-ionos.ts reconcile ...`.
 */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
