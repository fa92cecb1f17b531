/**
 * A loopback stand-in for the GitHub REST and GraphQL API, as the action's @actions/github client
 * talks to it (GITHUB_API_URL): check runs, issue comments, the token's identity. It records every
 * request; answers can be changed per test.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly body: Record<string, unknown>;
}

export interface Comment {
  id: number;
  body: string;
  user: { id: number; login: string; type: 'User' | 'Bot' };
}

export interface FakeGitHub {
  readonly url: string;
  readonly requests: Recorded[];
  /** Comments on the pull request, oldest first. */
  comments: Comment[];
  /** GraphQL viewer login (GITHUB_TOKEN's identity); undefined answers with an error. */
  viewer: string | undefined;
  /** Status for every check-run request (201 by default). */
  checkRunStatus: number;
  close(): Promise<void>;
}

export async function fakeGitHub(): Promise<FakeGitHub> {
  const state: Omit<FakeGitHub, 'url' | 'close'> = {
    requests: [],
    comments: [],
    viewer: 'github-actions[bot]',
    checkRunStatus: 201,
  };
  let nextId = 1000;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const body = data ? (JSON.parse(data) as Record<string, unknown>) : {};
      const method = req.method ?? '';
      const url = req.url ?? '';
      state.requests.push({ method, url, body });
      const send = (status: number, value: unknown): void => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(value));
      };
      if (url.endsWith('/check-runs') && method === 'POST') {
        if (state.checkRunStatus >= 400)
          return send(state.checkRunStatus, { message: 'Resource not accessible by integration' });
        return send(201, { id: 42, html_url: 'https://github.example/acme/shop/runs/42' });
      }
      if (/\/check-runs\/\d+$/.test(url) && method === 'PATCH') return send(200, { id: 42 });
      // GITHUB_TOKEN cannot read GET /user.
      if (url === '/user') return send(403, { message: 'Resource not accessible by integration' });
      if (url === '/graphql')
        return state.viewer
          ? send(200, { data: { viewer: { login: state.viewer } } })
          : send(200, { errors: [{ message: 'no viewer' }] });
      if (/\/issues\/\d+\/comments(\?.*)?$/.test(url) && method === 'GET') return send(200, state.comments);
      if (/\/issues\/\d+\/comments$/.test(url) && method === 'POST') {
        const c: Comment = {
          id: nextId++,
          body: String(body.body),
          user: { id: 41898282, login: 'github-actions[bot]', type: 'Bot' },
        };
        state.comments.push(c);
        return send(201, c);
      }
      const edit = /\/issues\/comments\/(\d+)$/.exec(url);
      if (edit && method === 'PATCH') {
        const c = state.comments.find((x) => x.id === Number(edit[1]));
        if (c) c.body = String(body.body);
        return send(c ? 200 : 404, c ?? { message: 'Not Found' });
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fake = state as FakeGitHub;
  Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
  return fake;
}
