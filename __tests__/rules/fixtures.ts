/**
 * Whole, valid Kubernetes objects shared by the case tables, for the files of a case that are
 * context rather than the subject (a labelled Namespace, a Service, an alb Ingress). The file under
 * test is written out in each case, so the line numbers asserted there can be read off directly.
 */
export const NAMESPACE_GATED = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    elbv2.k8s.aws/pod-readiness-gate-inject: enabled
`;

export const SERVICE_WEB = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
`;

export const INGRESS_IP = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    alb.ingress.kubernetes.io/target-type: ip
    alb.ingress.kubernetes.io/healthcheck-path: /ready
spec:
  ingressClassName: alb
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`;

export const PDB_WEB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
`;

/** A Deployment that passes every rule behind INGRESS_IP; cases copy and change it. */
export const DEPLOYMENT_GOOD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 40
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        livenessProbe:
          httpGet:
            path: /live
            port: http
        lifecycle:
          preStop:
            sleep:
              seconds: 20
`;

/** Context files for a Deployment named web in namespace shop behind an alb Ingress in ip mode. */
export const BEHIND_ALB_IP = {
  'namespace.yaml': NAMESPACE_GATED,
  'service.yaml': SERVICE_WEB,
  'ingress.yaml': INGRESS_IP,
  'pdb.yaml': PDB_WEB,
};

/** A TargetGroupBinding of Service web in namespace shop; `targetType` is a whole line (e.g. `  targetType: ip\n`) or ''. */
export const tgbWeb = (targetType = '', name = 'web'): string => `apiVersion: elbv2.k8s.aws/v1beta1
kind: TargetGroupBinding
metadata:
  name: ${name}
  namespace: shop
spec:
  serviceRef:
    name: web
    port: http
  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef
${targetType}`;

/**
 * DEPLOYMENT_GOOD (or another Deployment) as an Argo Rollout whose canary routes through the alb
 * Ingress `web` (stable Service web, canary web-canary); `alb` adds lines under trafficRouting.alb.
 */
export const argoRollout = (deployment = DEPLOYMENT_GOOD, alb = ''): string => {
  const out = edit(
    edit(deployment, 'apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout'),
    '  selector:\n',
    `  strategy:\n    canary:\n      stableService: web\n      canaryService: web-canary\n      trafficRouting:\n        alb:\n          ingress: web\n${alb}          servicePort: 80\n  selector:\n`,
  );
  if (out === deployment) throw new Error('fixture edit does not match');
  return out;
};

/** Service web-canary: the canary Service of argoRollout, selecting the same pods as web. */
export const SERVICE_WEB_CANARY = edit(SERVICE_WEB, 'name: web\n', 'name: web-canary\n');
import { edit } from '../helpers/edit.js';
