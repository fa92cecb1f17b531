/** eks:DescribeCluster: the API server endpoint and CA of an EKS cluster, for `cluster-name`. */
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { AwsSetupError, setupProblem } from './elbv2.js';

export interface EksCluster {
  readonly name: string;
  readonly endpoint: string;
  /** Base64 PEM, as in a kubeconfig's certificate-authority-data. */
  readonly caData: string;
}

export async function describeCluster(
  name: string,
  region: string,
  signal?: AbortSignal,
  client: EKSClient = new EKSClient({
    region,
    maxAttempts: 3,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 },
  }),
): Promise<EksCluster> {
  let cluster;
  try {
    cluster = (await client.send(new DescribeClusterCommand({ name }), signal ? { abortSignal: signal } : {})).cluster;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (signal?.aborted)
      throw new AwsSetupError(
        `eks:DescribeCluster for cluster ${name} was stopped: the run was cancelled or timed out.`,
      );
    if (err.name === 'ResourceNotFoundException') {
      throw new AwsSetupError(
        `EKS cluster \`${name}\` not found in ${region}: check \`cluster-name\` and \`aws-region\`.`,
      );
    }
    const problem = setupProblem(err, 'eks:DescribeCluster', `cluster ${name}`);
    throw new AwsSetupError(
      problem ??
        `eks:DescribeCluster failed for cluster ${name} in ${region}: ${err.name ?? 'Error'}: ${err.message ?? ''}`,
    );
  }
  if (!cluster?.endpoint || !cluster.certificateAuthority?.data) {
    throw new AwsSetupError(
      `EKS cluster \`${name}\` has no endpoint or certificate yet (status ${cluster?.status ?? 'unknown'}).`,
    );
  }
  return { name, endpoint: cluster.endpoint, caData: cluster.certificateAuthority.data };
}
