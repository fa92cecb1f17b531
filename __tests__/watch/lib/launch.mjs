/**
 * Runs src/index.ts as its own process, the way `node dist/index.js` runs the bundle, through
 * Vite's module runner (no build step): `node launch.mjs watch --flags...`, or without arguments
 * with GITHUB_ACTIONS=true for the action entry. Signals reach the product's own handlers.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
await runnerImport(path.join(root, 'src/index.ts'), { configFile: false, root, logLevel: 'error' });
