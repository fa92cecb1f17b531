/** The probe against a loopback HTTP server, with the global fetch. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemTimers } from '../../src/adapters/clock.js';
import { Probe, type ProbeTotals } from '../../src/adapters/probe.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('Probe', () => {
  it('counts 5xx answers as errors and everything else as served, at the requested rate', async () => {
    let n = 0;
    const url = await serve((_req, res) => {
      n++;
      res.writeHead(n % 4 === 0 ? 502 : n % 4 === 1 ? 404 : 200);
      res.end('x');
    });
    const seen: ProbeTotals[] = [];
    const probe = new Probe({ url, ratePerSecond: 20, timers: systemTimers, onResult: (t) => seen.push(t) });
    const stop = new AbortController();
    const done = probe.run(stop.signal);
    await new Promise((r) => setTimeout(r, 1_000));
    stop.abort();
    await done;
    const t = probe.totals();
    expect(t.total).toBe(n);
    expect(t.total).toBeGreaterThanOrEqual(10);
    expect(t.total).toBeLessThanOrEqual(25);
    expect(t.errors).toBe(Math.floor(n / 4));
    expect(t.byKind).toEqual(t.errors > 0 ? { 'HTTP 502': t.errors } : {});
    expect(seen[seen.length - 1]).toEqual(t);
  });

  it('a request that does not answer in time is a failure, and in-flight requests stay bounded', async () => {
    const url = await serve(() => undefined); // never answers
    const probe = new Probe({ url, ratePerSecond: 10, timeoutMs: 300, timers: systemTimers, onResult: () => undefined });
    const stop = new AbortController();
    const done = probe.run(stop.signal);
    await new Promise((r) => setTimeout(r, 1_000));
    stop.abort();
    await done;
    const t = probe.totals();
    expect(t.errors).toBe(t.total);
    expect(t.byKind.timeout).toBe(t.total);
    expect(t.skipped).toBeGreaterThan(0); // at most 10/s × 0.3 s = 3 in flight
  });

  it('a refused connection is a failure', async () => {
    const url = await serve(() => undefined);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const probe = new Probe({ url, ratePerSecond: 5, timers: systemTimers, onResult: () => undefined });
    const stop = new AbortController();
    const done = probe.run(stop.signal);
    await new Promise((r) => setTimeout(r, 500));
    stop.abort();
    await done;
    expect(probe.totals().byKind.ECONNREFUSED).toBeGreaterThan(0);
  });
});
