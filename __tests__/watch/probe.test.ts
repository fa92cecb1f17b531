/**
 * The probe against a loopback HTTP server, with the global fetch. Its pacing runs on ManualTimers,
 * so the number of requests does not depend on how busy the machine is.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemTimers } from '../../src/adapters/clock.js';
import { Probe, type ProbeTotals } from '../../src/adapters/probe.js';
import { ManualTimers } from '../helpers/manual-timers.js';

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
  it('counts 5xx answers as errors and everything else as served, one request per 1/rate', async () => {
    let n = 0;
    const url = await serve((_req, res) => {
      n++;
      res.writeHead(n % 4 === 0 ? 502 : n % 4 === 1 ? 404 : 200);
      res.end('x');
    });
    const seen: ProbeTotals[] = [];
    const timers = new ManualTimers();
    const probe = new Probe({ url, ratePerSecond: 20, timers, onResult: (t) => seen.push(t) });
    const stop = new AbortController();
    const done = probe.run(stop.signal);
    await timers.advance(1_000, 50); // 21 ticks: t = 0, 50, ..., 1000 ms
    stop.abort();
    await done;
    const t = probe.totals();
    expect(t).toEqual({ total: 21, errors: 5, byKind: { 'HTTP 502': 5 }, skipped: 0 });
    expect(n).toBe(21);
    expect(seen[seen.length - 1]).toEqual(t);
  });

  it('a request that does not answer in time is a failure, and in-flight requests stay bounded', async () => {
    const url = await serve(() => undefined); // never answers
    const timers = new ManualTimers();
    // 10/s with a 2 s timeout: at most 20 in flight.
    const probe = new Probe({ url, ratePerSecond: 10, timeoutMs: 2_000, timers, onResult: () => undefined });
    const stop = new AbortController();
    const done = probe.run(stop.signal);
    await timers.advance(3_000, 100); // 31 ticks (0 to 3000 ms), far quicker than the real 2 s timeout
    await new Promise((r) => setTimeout(r, 2_300)); // the 20 requests in flight time out
    stop.abort();
    await done;
    expect(probe.totals()).toEqual({ total: 20, errors: 20, byKind: { timeout: 20 }, skipped: 11 });
  }, 10_000);

  it('stopping abandons the requests in flight at once: they count neither as served nor as failed', async () => {
    const url = await serve(() => undefined);
    const timers = new ManualTimers();
    const probe = new Probe({ url, ratePerSecond: 10, timeoutMs: 5_000, timers });
    const stop = new AbortController();
    const done = probe.run(stop.signal);
    await timers.advance(1_000, 100);
    const t = Date.now();
    stop.abort();
    await done;
    expect(Date.now() - t).toBeLessThan(1_000);
    expect(probe.totals()).toMatchObject({ total: 0, errors: 0 });
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
