/**
 * src/version.ts is package.json's version: `zd-gate --version`, the usage line and SARIF's tool
 * version print it, and the release workflow tags and publishes package.json's.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

it("src/version.ts is package.json's version", () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
});
