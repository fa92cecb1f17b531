/**
 * Generates a realistic rendered manifest set: per app a Deployment, Service, alb Ingress,
 * PodDisruptionBudget and (every other app) an HPA, across namespaces, spread over files the way
 * `helm template` output of many charts is. One app in ten has a finding or two. Apps with an HPA
 * leave spec.replicas to it, as the chart `helm create` scaffolds does (hpa-replicas).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function generate(dir, objects) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  let app = 0;
  const perFile = 50;
  let buf = [];
  let file = 0;
  const flush = () => {
    if (buf.length === 0) return;
    writeFileSync(path.join(dir, `rendered-${String(file++).padStart(4, '0')}.yaml`), buf.join('---\n'));
    buf = [];
  };
  const push = (doc) => {
    buf.push(doc);
    count++;
    if (buf.length >= perFile) flush();
  };
  while (count < objects) {
    const ns = `team-${app % 20}`;
    const name = `app-${app}`;
    const flawed = app % 10 === 0;
    if (app < 20)
      push(
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    elbv2.k8s.aws/pod-readiness-gate-inject: enabled\n`,
      );
    push(`# Source: ${name}/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/instance: ${name}
spec:
${app % 2 === 0 ? '' : '  replicas: 3\n'}  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/instance: ${name}
    spec:
      terminationGracePeriodSeconds: ${flawed ? 30 : 60}
      containers:
        - name: app
          image: registry.example.com/${name}:1.${app}.0
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /livez
              port: http
          lifecycle:
            preStop:
              exec:
                command: ["sh", "-c", "sleep ${flawed ? 25 : 30}"]
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
          env:
            - name: LOG_LEVEL
              value: info
        - name: log-forwarder
          image: fluent/fluent-bit:3.1
`);
    push(`# Source: ${name}/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`);
    push(`# Source: ${name}/templates/ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
  annotations:
    alb.ingress.kubernetes.io/scheme: internal
    alb.ingress.kubernetes.io/target-type: ip
    alb.ingress.kubernetes.io/healthcheck-path: /healthz
    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=${flawed ? 30 : 90}
    alb.ingress.kubernetes.io/group.name: ${ns}
spec:
  ingressClassName: alb
  rules:
    - host: ${name}.internal.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${name}
                port:
                  number: 80
`);
    push(`# Source: ${name}/templates/pdb.yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`);
    if (app % 2 === 0) {
      push(`# Source: ${name}/templates/hpa.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 3
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`);
    }
    app++;
  }
  flush();
  return count;
}
