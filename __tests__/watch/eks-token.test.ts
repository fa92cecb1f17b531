/**
 * The EKS token against its documented format (aws-iam-authenticator's token verifier and
 * `aws eks get-token`): prefix, base64url, https://sts.<region>.amazonaws.com/, only whitelisted
 * query parameters, Action=GetCallerIdentity, x-k8s-aws-id among the signed headers,
 * X-Amz-Expires=60, at most 4 KiB; and the SigV4 signature recomputed independently with node:crypto.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EksTokenAuthenticator, eksToken, TOKEN_RENEW_AFTER_MS } from '../../src/adapters/kubernetes/eks-auth.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLE//session+token=',
};
const WHITELIST = new Set([
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]);

function decode(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  const payload = token.slice('k8s-aws-v1.'.length);
  expect(payload).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
  return new URL(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** RFC 3986 encoding as SigV4 wants it. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4 query-string signature for this GET, computed from scratch. */
function expectedSignature(url: URL, clusterName: string): string {
  const params = [...url.searchParams.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalQuery = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const signedHeaders = url.searchParams.get('X-Amz-SignedHeaders') as string;
  const headerValues: Record<string, string> = { host: url.host, 'x-k8s-aws-id': clusterName };
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((h) => `${h}:${headerValues[h]}\n`)
    .join('');
  const payloadHash = createHash('sha256').update('').digest('hex');
  const canonicalRequest = ['GET', '/', canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const date = url.searchParams.get('X-Amz-Date') as string;
  const scope = (url.searchParams.get('X-Amz-Credential') as string).split('/').slice(1).join('/');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const [day, region, service] = scope.split('/') as [string, string, string];
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('eksToken', () => {
  const signingDate = new Date('2024-05-01T12:34:56Z');

  it('is a presigned STS GetCallerIdentity URL in the aws-iam-authenticator format', async () => {
    const token = await eksToken({ clusterName: 'prod-eu', region: 'eu-west-1', credentials, signingDate });
    expect(token.length).toBeLessThanOrEqual(4096);
    const url = decode(token);
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    for (const key of url.searchParams.keys()) expect(WHITELIST.has(key.toLowerCase())).toBe(true);
    const p = Object.fromEntries(url.searchParams.entries());
    expect(p).toMatchObject({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20240501/eu-west-1/sts/aws4_request',
      'X-Amz-Date': '20240501T123456Z',
      'X-Amz-Expires': '60',
      'X-Amz-Security-Token': credentials.sessionToken,
    });
    expect(p['X-Amz-SignedHeaders']?.split(';')).toEqual(['host', 'x-k8s-aws-id']);
    expect(p['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('carries a valid SigV4 signature over host and x-k8s-aws-id (recomputed independently)', async () => {
    const url = decode(await eksToken({ clusterName: 'prod-eu', region: 'eu-west-1', credentials, signingDate }));
    expect(url.searchParams.get('X-Amz-Signature')).toBe(expectedSignature(url, 'prod-eu'));
    // Another cluster name gives another signature: the header is really signed.
    expect(url.searchParams.get('X-Amz-Signature')).not.toBe(expectedSignature(url, 'other'));
  });

  it('uses the China partition host for cn- regions', async () => {
    expect(decode(await eksToken({ clusterName: 'c', region: 'cn-north-1', credentials, signingDate })).host).toBe(
      'sts.cn-north-1.amazonaws.com.cn',
    );
  });
});

describe('EksTokenAuthenticator', () => {
  it('signs a token, reuses it for 10 minutes, renews it before the 15-minute expiry, and masks each', async () => {
    let now = Date.parse('2024-05-01T12:00:00Z');
    const masked: string[] = [];
    const auth = new EksTokenAuthenticator({
      clusterName: 'prod-eu',
      region: 'eu-west-1',
      credentials: async () => credentials,
      clock: { now: () => now },
      onToken: (t) => masked.push(t),
    });
    const first = await auth.token();
    expect(first).toMatch(/^k8s-aws-v1\./);
    now += TOKEN_RENEW_AFTER_MS - 1;
    expect(await auth.token()).toBe(first);
    now += 2;
    const second = await auth.token();
    expect(second).not.toBe(first);
    expect(decode(second).searchParams.get('X-Amz-Date')).toBe('20240501T121000Z');
    expect(masked).toHaveLength(2);
    expect(TOKEN_RENEW_AFTER_MS).toBeLessThan(15 * 60_000);
  });
});
