/**
 * The EKS bearer token, built in-process the way `aws eks get-token` and aws-iam-authenticator do:
 * `k8s-aws-v1.` + base64url (no padding) of a presigned STS GetCallerIdentity GET URL whose signed
 * headers include `x-k8s-aws-id: <cluster name>`, with X-Amz-Expires=60. STS honours such a URL for
 * 15 minutes after X-Amz-Date; the authenticator below renews the token after 10.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { buildQueryString } from '@smithy/querystring-builder';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Clock } from '../../core/gate/types.js';

export const TOKEN_PREFIX = 'k8s-aws-v1.';
export const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** Renew well before STS stops accepting the URL (15 minutes after signing). */
export const TOKEN_RENEW_AFTER_MS = 10 * 60_000;

export function stsHost(region: string): string {
  return region.startsWith('cn-') ? `sts.${region}.amazonaws.com.cn` : `sts.${region}.amazonaws.com`;
}

export async function eksToken(options: {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  signingDate?: Date;
}): Promise<string> {
  const hostname = stsHost(options.region);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'sts',
    sha256: Sha256,
  });
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'https:',
    hostname,
    path: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    headers: { host: hostname, [CLUSTER_ID_HEADER]: options.clusterName },
  });
  const signed = await signer.presign(request, {
    expiresIn: 60,
    ...(options.signingDate ? { signingDate: options.signingDate } : {}),
  });
  const url = `https://${hostname}/?${buildQueryString(signed.query ?? {})}`;
  return TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
}

/**
 * The bearer token for `cluster-name`: signed in-process, reused, and renewed before it expires.
 * Every new token is handed to `onToken` (to mask it).
 */
export class EksTokenAuthenticator {
  private cached: { value: string; at: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly options: {
      clusterName: string;
      region: string;
      credentials: AwsCredentialIdentityProvider;
      clock: Clock;
      onToken?: (token: string) => void;
    },
  ) {}

  async token(): Promise<string> {
    const now = this.options.clock.now();
    if (this.cached && now - this.cached.at < TOKEN_RENEW_AFTER_MS) return this.cached.value;
    this.pending ??= eksToken({ ...this.options, signingDate: new Date(now) })
      .then((value) => {
        this.cached = { value, at: now };
        this.options.onToken?.(value);
        return value;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
