import type { ServingContainer } from '../graph/graph.js';
import { probeOf } from '../pod/probes.js';
import { defineRule } from './rule.js';
import { front, servingContainers, who } from './shared.js';

/** Well-known ports and port names of protocols that are not HTTP, and the probe that fits them. */
const NON_HTTP: readonly { readonly names: RegExp; readonly ports: readonly number[]; readonly what: string }[] = [
  { names: /^(mysql|mariadb)/, ports: [3306], what: 'MySQL' },
  { names: /^(postgres|postgresql|pg|psql)/, ports: [5432], what: 'PostgreSQL' },
  { names: /^(redis|valkey)/, ports: [6379], what: 'Redis' },
  { names: /^(mongo|mongodb)/, ports: [27017], what: 'MongoDB' },
  { names: /^memcache/, ports: [11211], what: 'Memcached' },
  { names: /^(amqp|rabbitmq|epmd)/, ports: [5672, 4369], what: 'AMQP' },
  { names: /^kafka/, ports: [9092], what: 'Kafka' },
  { names: /^(zookeeper|zk)$/, ports: [2181], what: 'ZooKeeper' },
  { names: /^(cql|cassandra)/, ports: [9042], what: 'Cassandra' },
  { names: /^(mssql|sqlserver|tds)/, ports: [1433], what: 'SQL Server' },
  { names: /^(smtp|submission)/, ports: [25, 587], what: 'SMTP' },
  { names: /^(nats)/, ports: [4222], what: 'NATS' },
  { names: /^(etcd|etcd-client)/, ports: [2379], what: 'etcd' },
];

/** The probe to suggest for the port a Service sends traffic to. */
export function probeAdvice(s: ServingContainer | undefined): string {
  if (!s) return 'httpGet on a path that answers only when the application can take traffic';
  const target = s.port.targetPort ?? s.port.port;
  const cport = s.container.ports.find((p) =>
    typeof target === 'number' ? p.containerPort === target : p.name === target,
  );
  const names = [s.port.name, typeof target === 'string' ? target : undefined, cport?.name]
    .filter((n): n is string => n !== undefined)
    .map((n) => n.toLowerCase());
  const number = cport?.containerPort ?? (typeof target === 'number' ? target : undefined);
  const app = s.port.appProtocol?.toLowerCase();
  if (cport?.protocol === 'UDP')
    return `exec running a check of the ${String(target)} UDP service (a tcpSocket or httpGet probe cannot reach it)`;
  if (app === 'grpc' || app === 'kubernetes.io/h2c' || names.some((n) => /^grpc/.test(n)))
    return `grpc on port ${String(number ?? target)} (the gRPC health checking protocol, Kubernetes 1.27+), or exec with grpc_health_probe`;
  const known = NON_HTTP.find(
    (p) => names.some((n) => p.names.test(n)) || (number !== undefined && p.ports.includes(number)),
  );
  if (known)
    return `tcpSocket on port ${String(target)}, or exec with a ${known.what} client that checks the server answers (${known.what} does not speak HTTP, so httpGet cannot check it)`;
  const http =
    names.some((n) => /^(https?|web|www|http-.*|.*-http)$/.test(n)) ||
    (number !== undefined && [80, 443, 8080, 8443, 3000, 8000, 8008, 8888].includes(number)) ||
    app === 'http' ||
    app === 'https';
  return `httpGet on a path that answers only when the application can take traffic${http ? '' : ' (tcpSocket if the port does not speak HTTP)'}`;
}

export default defineRule({
  meta: {
    id: 'readiness-probe',
    severity: 'error',
    appliesTo: 'served',
    summary: 'Every serving container has a readinessProbe.',
    rationale:
      'Without a readiness probe a pod is Ready as soon as its containers start, before the application listens. The endpoint controller then adds it to the Service and the load balancer controller registers it, so requests reach a process that is still booting. A startupProbe does not replace it: it gates liveness, not readiness. The suggested probe fits the port: httpGet for HTTP, grpc for gRPC ports, tcpSocket or exec for databases, caches and brokers that do not speak HTTP (by port name, number, protocol or appProtocol).',
    fix: 'Add a `readinessProbe` to the container that serves the Service port, checking an endpoint that answers only when the application can take traffic.',
    scope: 'Containers exposing a port that a Service targets, in workloads a Service selects.',
    params: {},
    references: [
      {
        title: 'Define readiness probes (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes',
      },
      {
        title: 'Use readiness probes (Amazon EKS Best Practices Guide, Reliability: Applications)',
        url: 'https://docs.aws.amazon.com/eks/latest/best-practices/application.html',
      },
    ],
    examples: {
      incorrect: 'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80',
      correct:
        'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n  readinessProbe:\n    httpGet: {path: /healthz, port: 80}\n    periodSeconds: 5',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      for (const c of servingContainers(ctx.graph, w)) {
        if (probeOf(c, 'readinessProbe')) continue;
        const served = ctx.graph.servingContainers(w).find((s) => s.container === c);
        const target = served ? (served.port.targetPort ?? served.port.port) : undefined;
        ctx.report({
          object: w.object,
          path: [...c.path, 'readinessProbe'],
          container: c.name,
          message: `${who(w, c)} has no readinessProbe: the pod is Ready, and receives traffic from ${front(ctx, w)}, before the application can answer. Add a readinessProbe that checks the serving port${target === undefined ? '' : ` (${target})`}, e.g. ${probeAdvice(served)}.`,
        });
      }
    }
  },
});
