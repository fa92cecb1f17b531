/**
 * The controller's pod mutating webhook (`mpod.elbv2.k8s.aws`, pkg/inject/pod_readiness): at pod
 * CREATE in a namespace labelled `elbv2.k8s.aws/pod-readiness-gate-inject: enabled`, add one
 * readiness gate `target-health.elbv2.k8s.aws/<tgb>` per ip-mode TargetGroupBinding of the
 * namespace whose Service selector matches the pod's labels.
 *
 * Served over HTTPS on 127.0.0.1 (the API server of a kwokctl binary-runtime cluster runs on the
 * same host) with a CA and serving certificate made at start by the `openssl` binary, and
 * registered with a MutatingWebhookConfiguration (failurePolicy Ignore, as the Helm chart has it
 * since v2.11) whose clientConfig.url points at it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { V1Pod, V1Service } from '@kubernetes/client-node';
import { READINESS_GATE_PREFIX } from './model.js';

const run = promisify(execFile);

export const NAMESPACE_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';
export const WEBHOOK_NAME = 'mpod.elbv2.k8s.aws';
export const WEBHOOK_PATH = '/mutate-v1-pod';
const LEGACY_PREFIX = 'target-health.alb.ingress.k8s.aws/';

export interface TgbLike {
  metadata?: { name?: string; namespace?: string };
  spec?: { targetType?: string; serviceRef?: { name?: string } };
}

/** The readiness-gate condition types a new pod gets (pod_readiness_gate.go computeTargetHealthReadinessGateConditionTypes). */
export function readinessGatesFor(
  pod: V1Pod,
  bindings: readonly TgbLike[],
  service: (name: string) => V1Service | undefined,
): string[] {
  const labels = pod.metadata?.labels ?? {};
  const out: string[] = [];
  for (const tgb of bindings) {
    if (tgb.spec?.targetType !== 'ip') continue;
    const svc = service(tgb.spec.serviceRef?.name ?? '');
    if (!svc) continue;
    const sel = svc.spec?.selector ?? {};
    // An empty selector matches nothing (labels.Nothing()).
    if (Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => labels[k] === v))
      out.push(READINESS_GATE_PREFIX + (tgb.metadata?.name ?? ''));
  }
  return out;
}

/** The JSON patch for an AdmissionReview response, or undefined when nothing changes. */
export function readinessGatePatch(pod: V1Pod, gates: string[]): unknown[] | undefined {
  if (gates.length === 0) return undefined;
  const existing = (pod.spec?.readinessGates ?? []).filter((g) => !g.conditionType.startsWith(LEGACY_PREFIX));
  const merged = [...existing];
  for (const g of gates) if (!merged.some((x) => x.conditionType === g)) merged.push({ conditionType: g });
  if (
    merged.length === (pod.spec?.readinessGates ?? []).length &&
    merged.every((m, i) => m.conditionType === pod.spec?.readinessGates?.[i]?.conditionType)
  ) {
    return undefined;
  }
  return [{ op: 'add', path: '/spec/readinessGates', value: merged }];
}

export interface WebhookTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** A throwaway CA and a serving certificate for 127.0.0.1, made with the openssl binary. */
export async function makeWebhookTls(): Promise<WebhookTls> {
  const dir = await mkdtemp(join(tmpdir(), 'zd-sim-webhook-'));
  try {
    const f = (n: string) => join(dir, n);
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    await run('openssl', [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.crt'),
      '-days',
      '2',
      '-subj',
      '/CN=zd-sim-webhook-ca',
    ]);
    await run('openssl', ['req', ...ec, '-keyout', f('tls.key'), '-out', f('tls.csr'), '-subj', '/CN=127.0.0.1']);
    await writeFile(
      f('ext.cnf'),
      'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\nbasicConstraints=CA:FALSE\n',
    );
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      f('tls.csr'),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-out',
      f('tls.crt'),
      '-days',
      '2',
      '-extfile',
      f('ext.cnf'),
    ]);
    const [caPem, certPem, keyPem] = await Promise.all([
      readFile(f('ca.crt'), 'utf8'),
      readFile(f('tls.crt'), 'utf8'),
      readFile(f('tls.key'), 'utf8'),
    ]);
    return { caPem, certPem, keyPem };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface AdmissionReview {
  apiVersion?: string;
  kind?: string;
  request?: { uid: string; namespace?: string; operation?: string; object?: V1Pod };
}

export interface WebhookServer {
  url: string;
  tls: WebhookTls;
  /** Pods this webhook mutated ("namespace/generateName-or-name"), for diagnostics. */
  mutated: string[];
  close(): Promise<void>;
}

/** Starts the HTTPS admission endpoint; `gatesFor(pod, namespace)` decides the gates. */
export async function startWebhookServer(
  gatesFor: (pod: V1Pod, namespace: string) => string[],
): Promise<WebhookServer> {
  const tls = await makeWebhookTls();
  const mutated: string[] = [];
  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let review: AdmissionReview;
      try {
        review = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AdmissionReview;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const request = review.request;
      if (req.url?.split('?')[0] !== WEBHOOK_PATH || !request) {
        res.writeHead(404).end();
        return;
      }
      const response: Record<string, unknown> = { uid: request.uid, allowed: true };
      const pod = request.object;
      if (pod && request.operation === 'CREATE') {
        const ns = request.namespace ?? pod.metadata?.namespace ?? '';
        try {
          const patch = readinessGatePatch(pod, gatesFor(pod, ns));
          if (patch) {
            response['patchType'] = 'JSONPatch';
            response['patch'] = Buffer.from(JSON.stringify(patch)).toString('base64');
            mutated.push(`${ns}/${pod.metadata?.name ?? pod.metadata?.generateName ?? ''}`);
          }
        } catch (e) {
          response['allowed'] = false;
          response['status'] = { code: 500, message: `unable to determine targetHealth readinessGates: ${String(e)}` };
        }
      }
      const body = JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}${WEBHOOK_PATH}`,
    tls,
    mutated,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The MutatingWebhookConfiguration registering the webhook (namespaces optionally restricted by name). */
export function webhookConfiguration(
  name: string,
  server: WebhookServer,
  namespaces?: string[],
): Record<string, unknown> {
  const matchExpressions: Array<Record<string, unknown>> = [
    { key: NAMESPACE_LABEL, operator: 'In', values: ['enabled'] },
  ];
  if (namespaces && namespaces.length > 0) {
    matchExpressions.push({ key: 'kubernetes.io/metadata.name', operator: 'In', values: namespaces });
  }
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'zd-sim' } },
    webhooks: [
      {
        name: WEBHOOK_NAME,
        admissionReviewVersions: ['v1'],
        clientConfig: { url: server.url, caBundle: Buffer.from(server.tls.caPem).toString('base64') },
        failurePolicy: 'Ignore',
        matchPolicy: 'Equivalent',
        namespaceSelector: { matchExpressions },
        objectSelector: {
          matchExpressions: [
            { key: 'app.kubernetes.io/name', operator: 'NotIn', values: ['aws-load-balancer-controller'] },
          ],
        },
        rules: [
          { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'], scope: 'Namespaced' },
        ],
        sideEffects: 'None',
        timeoutSeconds: 10,
      },
    ],
  };
}
