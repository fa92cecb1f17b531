/**
 * The fake load balancer controller's pure parts, without a cluster: what it reconciles, names,
 * labels and tags, the annotation parser, the endpoint rule, and the readiness-gate webhook over
 * HTTPS with its runtime-made certificate.
 */
import { request } from 'node:https';
import type { V1EndpointSlice, V1Node, V1Pod, V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { resolvePodEndpoints } from './lbc/endpoints.js';
import {
  albHealthCheck,
  albTargetGroupAttributes,
  albTargetType,
  ingressBackends,
  ingressTargetGroupName,
  ingressTargetGroupTags,
  ingressTgbLabels,
  isAlbIngress,
  nlbHealthCheck,
  nlbTargetType,
  parseStringMap,
  serviceTargetGroupName,
  serviceTgbLabels,
} from './lbc/model.js';
import { readinessGatePatch, readinessGatesFor, startWebhookServer, webhookConfiguration } from './lbc/webhook.js';

const svc = (annotations: Record<string, string> = {}, spec: Partial<V1Service['spec']> = {}): V1Service => ({
  metadata: {
    name: 'service-demo-nginx',
    namespace: 'demo-nginx',
    uid: '2468c3ba-1bb3-4740-957b-b7a0ce58f9d0',
    annotations,
  },
  spec: { selector: { app: 'demo-nginx' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], ...spec },
});

describe('controller model', () => {
  it('parses stringMap annotations like pkg/annotations/parser.go', () => {
    expect(parseStringMap('deregistration_delay.timeout_seconds=30,slow_start.duration_seconds=30')).toEqual({
      'deregistration_delay.timeout_seconds': '30',
      'slow_start.duration_seconds': '30',
    });
    expect(parseStringMap('a=1,2, b = 3')).toEqual({ a: '1,2', b: '3' });
    expect(parseStringMap('k=x\\,y=z')).toEqual({ k: 'x,y=z' });
    expect(parseStringMap('\n  deregistration_delay.timeout_seconds=70\n')).toEqual({
      'deregistration_delay.timeout_seconds': '70',
    });
    expect(() => parseStringMap('=1')).toThrow(/stringMap/);
  });

  it('reconciles alb Ingresses (class name or legacy annotation) and controller-managed NLB Services only', () => {
    expect(isAlbIngress({ spec: { ingressClassName: 'alb' } })).toBe(true);
    expect(isAlbIngress({ metadata: { annotations: { 'kubernetes.io/ingress.class': 'alb' } } })).toBe(true);
    expect(isAlbIngress({ spec: { ingressClassName: 'nginx' } })).toBe(false);
    expect(
      isAlbIngress({
        metadata: { annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
        spec: { ingressClassName: 'alb' },
      }),
    ).toBe(false);

    const lb = { type: 'LoadBalancer' as const };
    expect(nlbTargetType(svc({}, { ...lb, loadBalancerClass: 'service.k8s.aws/nlb' }))).toBe('instance');
    expect(
      nlbTargetType(
        svc(
          { 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip' },
          { ...lb, loadBalancerClass: 'service.k8s.aws/nlb' },
        ),
      ),
    ).toBe('ip');
    expect(nlbTargetType(svc({}, { ...lb, loadBalancerClass: 'other' }))).toBeUndefined();
    expect(nlbTargetType(svc({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb-ip' }, lb))).toBe('ip');
    expect(
      nlbTargetType(
        svc(
          {
            'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
            'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
          },
          lb,
        ),
      ),
    ).toBe('instance');
    // `external` without a target type is not the controller's; nor is a non-LoadBalancer Service.
    expect(nlbTargetType(svc({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' }, lb))).toBeUndefined();
    expect(nlbTargetType(svc({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb-ip' }))).toBeUndefined();
  });

  it('lets Service annotations win over Ingress annotations, whole annotation at a time', () => {
    const ing = {
      metadata: {
        annotations: {
          'alb.ingress.kubernetes.io/target-type': 'ip',
          'alb.ingress.kubernetes.io/target-group-attributes':
            'deregistration_delay.timeout_seconds=30,slow_start.duration_seconds=30',
        },
      },
    };
    expect(albTargetType(svc(), ing)).toBe('ip');
    expect(albTargetType(svc({ 'alb.ingress.kubernetes.io/target-type': 'instance' }), ing)).toBe('instance');
    expect(albTargetType(svc(), {})).toBe('instance');
    expect(albTargetType(svc(), ing, 'instance')).toBe('instance');
    expect(
      albHealthCheck(svc({ 'alb.ingress.kubernetes.io/healthcheck-path': '/health' }), {
        metadata: {
          annotations: {
            'alb.ingress.kubernetes.io/healthcheck-interval-seconds': '10',
            'alb.ingress.kubernetes.io/healthcheck-path': '/',
          },
        },
      }),
    ).toEqual({ intervalSeconds: 10, path: '/health' });
    expect(
      nlbHealthCheck(
        svc({
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-healthy-threshold': '2',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'http',
        }),
      ),
    ).toEqual({
      healthyThreshold: 2,
      protocol: 'HTTP',
    });
    expect(
      albTargetGroupAttributes(
        svc({ 'alb.ingress.kubernetes.io/target-group-attributes': 'deregistration_delay.timeout_seconds=70' }),
        ing,
      ),
    ).toEqual({
      'deregistration_delay.timeout_seconds': '70',
    });
  });

  it('names target groups k8s-<ns[:8]>-<svc[:8]>-<hash10> (seed 000: k8s-demongin-serviced-…) and labels/tags them like the controller', () => {
    const name = ingressTargetGroupName({
      cluster: 'ironman-2022',
      groupId: 'demo-nginx/ingress-nginx',
      ingress: { namespace: 'demo-nginx', name: 'ingress-nginx' },
      service: { namespace: 'demo-nginx', name: 'service-demo-nginx', uid: 'u1' },
      port: '80',
      tgPort: 80,
      targetType: 'ip',
      protocol: 'HTTP',
      protocolVersion: 'HTTP1',
    });
    expect(name).toMatch(/^k8s-demongin-serviced-[0-9a-f]{10}$/);
    const nlbName = (healthCheckInterval: number) =>
      serviceTargetGroupName({
        cluster: 'c',
        service: { namespace: 'demo-nginx', name: 'service-demo-nginx', uid: 'u1' },
        port: '80',
        tgPort: 80,
        targetType: 'ip',
        protocol: 'TCP',
        healthCheckProtocol: 'TCP',
        healthCheckInterval,
      });
    // A new NLB health-check interval means a new target group (the interval is hashed).
    const other = nlbName(10);
    const otherInterval = nlbName(15);
    expect(other).not.toBe(otherInterval);
    expect(ingressTgbLabels({ id: 'demo-nginx/ingress-nginx', explicit: false })).toEqual({
      'ingress.k8s.aws/stack-namespace': 'demo-nginx',
      'ingress.k8s.aws/stack-name': 'ingress-nginx',
    });
    expect(ingressTgbLabels({ id: '2048-game', explicit: true })).toEqual({ 'ingress.k8s.aws/stack': '2048-game' });
    expect(serviceTgbLabels({ namespace: 'ns', name: 'web' })).toEqual({
      'service.k8s.aws/stack-namespace': 'ns',
      'service.k8s.aws/stack-name': 'web',
    });
    expect(ingressTargetGroupTags('zd', 'demo/ing', { namespace: 'demo', name: 'ing' }, 'svc', '80')).toEqual({
      'elbv2.k8s.aws/cluster': 'zd',
      'ingress.k8s.aws/stack': 'demo/ing',
      'ingress.k8s.aws/resource': 'demo/ing-svc:80',
    });
  });

  it('lists Ingress backends, skipping use-annotation actions', () => {
    expect(
      ingressBackends({
        spec: {
          rules: [
            {
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: 'ssl-redirect', port: { name: 'use-annotation' } } },
                  },
                  { path: '/', pathType: 'Prefix', backend: { service: { name: '2048-game', port: { number: 80 } } } },
                ],
              },
            },
          ],
        },
      }),
    ).toEqual([{ pathPrefix: '/', service: '2048-game', port: 80 }]);
  });
});

describe('endpoint resolution (pkg/backend/endpoint_resolver.go)', () => {
  const gate = 'target-health.elbv2.k8s.aws/k8s-demo-web-0123456789';
  const node = (name: string, ready: string): V1Node => ({
    metadata: { name },
    status: { conditions: [{ type: 'Ready', status: ready }] },
  });
  const nodes = new Map([
    ['n1', node('n1', 'True')],
    ['n2', node('n2', 'Unknown')],
  ]);
  const pod = (name: string, containersReady: boolean, nodeName = 'n1', gated = true): V1Pod => ({
    metadata: { name, namespace: 'demo' },
    spec: { nodeName, containers: [], ...(gated ? { readinessGates: [{ conditionType: gate }] } : {}) },
    status: { conditions: [{ type: 'ContainersReady', status: containersReady ? 'True' : 'False' }] },
  });
  const pods = new Map<string, V1Pod>([
    ['ready', pod('ready', true)],
    ['nil', pod('nil', true)],
    ['gated', pod('gated', true)],
    ['terminating', pod('terminating', true)],
    ['starting', pod('starting', false)],
    ['unknown-node', pod('unknown-node', true, 'n2')],
  ]);
  const ep = (name: string, ip: string, conditions: Record<string, boolean | undefined>) => ({
    addresses: [ip],
    conditions,
    targetRef: { kind: 'Pod', name, namespace: 'demo' },
  });
  const slice = (endpoints: unknown[]): V1EndpointSlice => ({
    addressType: 'IPv4',
    metadata: { name: 's', namespace: 'demo', labels: { 'kubernetes.io/service-name': 'web' } },
    ports: [{ name: 'http', port: 8080 }],
    endpoints: endpoints as V1EndpointSlice['endpoints'],
  });
  const resolve = (endpoints: unknown[]) =>
    resolvePodEndpoints({
      servicePort: { name: 'http', port: 80 },
      slices: [slice(endpoints)],
      pod: (n) => pods.get(n),
      node: (n) => nodes.get(n),
      readinessGate: gate,
    });

  it('registers ready (and nil) endpoints and ContainersReady gated pods, not terminating or starting ones', () => {
    const r = resolve([
      ep('ready', '10.0.0.1', { ready: true }),
      ep('nil', '10.0.0.2', {}),
      ep('gated', '10.0.0.3', { ready: false }),
      ep('terminating', '10.0.0.4', { ready: false, serving: true, terminating: true }),
      ep('starting', '10.0.0.5', { ready: false }),
    ]);
    expect(r.endpoints.map((e) => `${e.ip}:${e.port}`)).toEqual(['10.0.0.1:8080', '10.0.0.2:8080', '10.0.0.3:8080']);
    // The starting pod carries the gate: the binding must be requeued.
    expect(r.containsPotentialReady).toBe(true);
  });

  it('treats an endpoint whose pod is not cached yet as potentially ready, and falls back to Unknown nodes only when nothing else qualifies', () => {
    expect(resolve([ep('missing', '10.0.0.9', { ready: false })])).toEqual({
      endpoints: [],
      containsPotentialReady: true,
    });
    expect(resolve([ep('unknown-node', '10.0.0.6', { ready: false })]).endpoints.map((e) => e.ip)).toEqual([
      '10.0.0.6',
    ]);
    expect(
      resolve([
        ep('unknown-node', '10.0.0.6', { ready: false }),
        ep('ready', '10.0.0.1', { ready: true }),
      ]).endpoints.map((e) => e.ip),
    ).toEqual(['10.0.0.1']);
  });
});

describe('readiness-gate webhook', () => {
  const web = svc();
  const tgbs = [
    {
      metadata: { name: 'k8s-demongin-serviced-610dd2305f', namespace: 'demo-nginx' },
      spec: { targetType: 'ip', serviceRef: { name: 'service-demo-nginx' } },
    },
    {
      metadata: { name: 'k8s-demongin-serviced-instance00', namespace: 'demo-nginx' },
      spec: { targetType: 'instance', serviceRef: { name: 'service-demo-nginx' } },
    },
    {
      metadata: { name: 'k8s-demongin-other-0000000000', namespace: 'demo-nginx' },
      spec: { targetType: 'ip', serviceRef: { name: 'other' } },
    },
  ];
  const services = (n: string) =>
    n === 'service-demo-nginx' ? web : n === 'other' ? svc({}, { selector: { app: 'other' } }) : undefined;
  const newPod = (labels: Record<string, string>): V1Pod => ({
    metadata: { generateName: 'demo-nginx-deployment-', labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });

  it('adds one gate per ip-mode binding whose Service selects the pod', () => {
    const p = newPod({ app: 'demo-nginx', role: 'backend' });
    const gates = readinessGatesFor(p, tgbs, services);
    expect(gates).toEqual(['target-health.elbv2.k8s.aws/k8s-demongin-serviced-610dd2305f']);
    expect(readinessGatePatch(p, gates)).toEqual([
      {
        op: 'add',
        path: '/spec/readinessGates',
        value: [{ conditionType: 'target-health.elbv2.k8s.aws/k8s-demongin-serviced-610dd2305f' }],
      },
    ]);
    expect(readinessGatesFor(newPod({ app: 'unrelated' }), tgbs, services)).toEqual([]);
    const already = { ...p, spec: { ...p.spec!, readinessGates: [{ conditionType: gates[0]! }] } };
    expect(readinessGatePatch(already, gates)).toBeUndefined();
  });

  it('answers AdmissionReviews over HTTPS with a certificate for 127.0.0.1 signed by a runtime CA', async () => {
    const server = await startWebhookServer((pod) => readinessGatesFor(pod, tgbs, services));
    try {
      const review = {
        apiVersion: 'admission.k8s.io/v1',
        kind: 'AdmissionReview',
        request: { uid: 'u-1', namespace: 'demo-nginx', operation: 'CREATE', object: newPod({ app: 'demo-nginx' }) },
      };
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          server.url,
          { method: 'POST', ca: server.tls.caPem, headers: { 'Content-Type': 'application/json' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(review));
      });
      const out = JSON.parse(body) as { response: { uid: string; allowed: boolean; patchType: string; patch: string } };
      expect(out.response).toMatchObject({ uid: 'u-1', allowed: true, patchType: 'JSONPatch' });
      expect(JSON.parse(Buffer.from(out.response.patch, 'base64').toString('utf8'))).toEqual([
        {
          op: 'add',
          path: '/spec/readinessGates',
          value: [{ conditionType: 'target-health.elbv2.k8s.aws/k8s-demongin-serviced-610dd2305f' }],
        },
      ]);
      const cfg = webhookConfiguration('zd-sim-test', server, ['demo-nginx']) as {
        webhooks: Array<Record<string, unknown>>;
      };
      expect(cfg.webhooks[0]).toMatchObject({
        name: 'mpod.elbv2.k8s.aws',
        failurePolicy: 'Ignore',
        clientConfig: { url: server.url },
        namespaceSelector: {
          matchExpressions: [
            { key: 'elbv2.k8s.aws/pod-readiness-gate-inject', operator: 'In', values: ['enabled'] },
            { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['demo-nginx'] },
          ],
        },
      });
    } finally {
      await server.close();
    }
  });
});
