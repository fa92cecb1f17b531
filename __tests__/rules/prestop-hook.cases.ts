import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

/** DEPLOYMENT_GOOD with its preStop hook replaced: `preStop:` is line 32 of the file, the command or seconds line 34. */
const withHook = (hook: string): string =>
  edit(DEPLOYMENT_GOOD, '          preStop:\n            sleep:\n              seconds: 20\n', hook);

const noHook = `apiVersion: apps/v1
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
`;

const HEADLESS = edit(SERVICE_WEB, 'spec:\n', 'spec:\n  clusterIP: None\n');

export default {
  valid: [
    {
      name: 'the sleep comes before the stop: ["/bin/sh", "-c", "sleep 20; nginx -s quit"]',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "sleep 20; nginx -s quit"]\n',
        ),
      },
    },
    {
      name: 'a signal that does not stop the server (HUP, a reload) before the sleep',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["sh", "-c", "kill -HUP 1; sleep 20"]\n',
        ),
      },
    },
    {
      name: 'native sleep action (lifecycle.preStop.sleep.seconds)',
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'exec ["sleep", "15"]',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook('          preStop:\n            exec:\n              command: ["sleep", "15"]\n'),
      },
    },
    {
      name: 'exec through a shell: ["/bin/sh", "-c", "sleep 15 && nginx -s quit"]',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "sleep 15 && nginx -s quit"]\n',
        ),
      },
    },
    {
      name: 'busybox sleep',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["busybox", "sleep", "15"]\n',
        ),
      },
    },
    {
      name: 'GNU duration suffix: sleep 1m',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["sh", "-c", "sleep 1m"]\n',
        ),
      },
    },
    {
      name: 'combined shell flags: bash -lc "sleep 20; kill -QUIT 1"',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/bash", "-lc", "sleep 20; kill -QUIT 1"]\n',
        ),
      },
    },
    {
      name: 'a sleep for a time read from the environment still delays termination',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "sleep ${PRESTOP_SECONDS:-20}"]\n',
        ),
      },
    },
    {
      name: 'a loop that sleeps until the application has drained',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "until curl -sf localhost:8080/drained; do sleep 1; done"]\n',
        ),
      },
    },
    {
      name: 'httpGet hook (delays for as long as the endpoint answers)',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            httpGet:\n              path: /drain\n              port: http\n',
        ),
      },
    },
    {
      name: 'sleep infinity delays termination (termination-grace reports the kill)',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["sleep", "infinity"]\n',
        ),
      },
    },
    {
      name: 'a sidecar without the Service port needs no hook',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '      containers:\n',
          '      containers:\n      - name: log-shipper\n        image: fluent/fluent-bit:3.1\n',
        ),
      },
    },
    { name: 'a workload no Service selects is not checked', files: { 'deploy.yaml': noHook } },
    {
      name: 'a headless Service (DNS discovery, e.g. a database) does not make the pods served',
      files: { 'service.yaml': HEADLESS, 'deploy.yaml': noHook },
    },
    {
      name: 'a Service in another namespace does not select the pods',
      files: { 'service.yaml': edit(SERVICE_WEB, 'namespace: shop', 'namespace: other'), 'deploy.yaml': noHook },
    },
    {
      name: 'suppressed on the workload with zd-gate/ignore',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(
          noHook,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    zd-gate/ignore: prestop-hook\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a headless Service that an alb Ingress targets (ip mode) does serve the pods',
      files: { ...BEHIND_ALB_IP, 'service.yaml': HEADLESS, 'deploy.yaml': noHook },
      errors: [{ file: 'deploy.yaml', line: 17, message: /has no preStop hook/ }],
    },
    {
      name: 'no lifecycle at all: reported on the container, where the hook goes',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': noHook },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          container: 'web',
          message:
            /has no preStop hook.*Add lifecycle\.preStop\.sleep\.seconds: 15, about the time deregistration takes to propagate behind an ALB with ip targets/,
        },
      ],
    },
    {
      name: 'a postStart hook only: reported on lifecycle',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': `${noHook}        lifecycle:
          postStart:
            exec:
              command: ["/bin/sh", "-c", "touch /tmp/started"]
`,
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /has no preStop hook/ }],
    },
    {
      name: 'a script with no sleep: ["/bin/sh", "-c", "nginx -s quit"]',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "nginx -s quit"]\n',
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message:
            /`\/bin\/sh -c nginx -s quit` runs no visible sleep.*Add `sleep 15` before it, or use lifecycle\.preStop\.sleep\.seconds: 15.*zd-gate\/ignore/,
        },
      ],
    },
    {
      name: 'the seconds passed after the -c script are positional parameters, not sleep arguments',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["sh", "-c", "sleep", "15"]\n',
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message:
            /runs only `sleep`: the words after the -c script \(15\) become the shell's \$0.*\["sh", "-c", "sleep 15"\]/,
        },
      ],
    },
    {
      name: 'exec sleep 0',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook('          preStop:\n            exec:\n              command: ["sleep", "0"]\n'),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message: /sleeps 0s, which does not delay termination\. Use lifecycle\.preStop\.sleep\.seconds: 15,/,
        },
      ],
    },
    {
      name: 'native sleep of 0 seconds',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook('          preStop:\n            sleep:\n              seconds: 0\n'),
      },
      errors: [{ file: 'deploy.yaml', line: 34, message: /sleeps 0s/ }],
    },
    {
      name: 'behind an NLB with the default grace period: the fix names 60s and a grace period of 70',
      files: {
        'service.yaml': edit(
          edit(
            SERVICE_WEB,
            '  namespace: shop\n',
            '  namespace: shop\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n',
          ),
          'spec:\n',
          'spec:\n  type: LoadBalancer\n',
        ),
        'deploy.yaml': noHook,
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          message:
            /Add lifecycle\.preStop\.sleep\.seconds: 60, about the time deregistration takes to propagate behind an NLB with ip targets; and raise terminationGracePeriodSeconds from 30 to at least 70\./,
        },
      ],
    },
    {
      name: 'every serving container is checked: two containers behind two Service ports',
      files: {
        'service.yaml': `apiVersion: v1
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
  - name: grpc
    port: 9090
    targetPort: grpc
`,
        'deploy.yaml': `${noHook}        lifecycle:
          preStop:
            sleep:
              seconds: 20
      - name: api
        image: ghcr.io/example/api:2.4.1
        ports:
        - name: grpc
          containerPort: 9090
`,
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 30,
          container: 'api',
          message: /Deployment shop\/web, container `api` has no preStop hook/,
        },
      ],
    },
    {
      name: 'multi-document file: the finding is on the line of the second Deployment',
      code: `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: ghcr.io/example/api:2.4.1
        ports:
        - containerPort: 8080
`,
      errors: [{ line: 29, container: 'api', message: /Deployment shop\/api, container `api` has no preStop hook/ }],
    },
    {
      name: 'kind: List (kubectl get -o yaml): the line inside the list',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      app: web
    ports:
    - port: 80
      targetPort: 8080
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: nginx:1.27
          ports:
          - containerPort: 8080
`,
      errors: [{ line: 30, container: 'web', message: /Deployment shop\/web, container `web` has no preStop hook/ }],
    },
    {
      name: 'JSON input',
      files: {
        'web.json': `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {
      "apiVersion": "v1",
      "kind": "Service",
      "metadata": { "name": "web", "namespace": "shop" },
      "spec": { "selector": { "app": "web" }, "ports": [{ "port": 80, "targetPort": 8080 }] }
    },
    {
      "apiVersion": "apps/v1",
      "kind": "Deployment",
      "metadata": { "name": "web", "namespace": "shop" },
      "spec": {
        "selector": { "matchLabels": { "app": "web" } },
        "template": {
          "metadata": { "labels": { "app": "web" } },
          "spec": {
            "containers": [
              {
                "name": "web",
                "image": "nginx:1.27",
                "ports": [{ "containerPort": 8080 }]
              }
            ]
          }
        }
      }
    }
  ]
}
`,
      },
      errors: [
        {
          file: 'web.json',
          line: 21,
          container: 'web',
          message: /Deployment shop\/web, container `web` has no preStop hook.*sleep\.seconds: 15/,
        },
      ],
    },
    {
      name: 'objects without a namespace take the default one (--namespace)',
      namespace: 'team-a',
      files: {
        'service.yaml': edit(SERVICE_WEB, '  namespace: shop\n', ''),
        'deploy.yaml': edit(noHook, '  namespace: shop\n', ''),
      },
      errors: [{ file: 'deploy.yaml', line: 16, message: /Deployment team-a\/web/ }],
    },
    {
      name: 'Argo Rollout and StatefulSet are workloads too',
      files: {
        'service.yaml': edit(SERVICE_WEB, '    app: web\n', '    tier: web\n'),
        'rollout.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy:
    canary:
      steps:
      - setWeight: 20
      - pause: {duration: 60}
  template:
    metadata:
      labels:
        app: web
        tier: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
`,
        'statefulset.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web-cache
  namespace: shop
spec:
  serviceName: web-cache
  replicas: 2
  selector:
    matchLabels:
      app: web-cache
  template:
    metadata:
      labels:
        app: web-cache
        tier: web
    spec:
      containers:
      - name: cache
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
`,
      },
      errors: [
        { file: 'rollout.yaml', line: 23, message: /Rollout shop\/web/ },
        { file: 'statefulset.yaml', line: 19, message: /StatefulSet shop\/web-cache/ },
      ],
    },
    {
      name: 'HAProxy soft stop before the sleep: kill -SIGUSR1 $(pidof haproxy); sleep 25',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["sh", "-c", "kill -SIGUSR1 $(pidof haproxy); sleep 25"]\n',
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message:
            /stops the server \(`kill -SIGUSR1 \$\(pidof haproxy\)`\) before it sleeps: the listener closes while the load balancer still routes to it, so the 25s of sleep protect nothing\. Sleep first, then stop \(e\.g\. `sleep 15; kill -SIGUSR1 \$\(pidof haproxy\)`\)/,
        },
      ],
    },
    {
      name: 'nginx quits before the sleep: nginx -s quit; sleep 15',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "nginx -s quit; sleep 15"]\n',
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message: /stops the server \(`nginx -s quit`\) before it sleeps.*15s of sleep protect nothing/,
        },
      ],
    },
    {
      name: 'kill 1 && sleep 10: TERM to the main process first',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "kill 1 && sleep 10"]\n',
        ),
      },
      errors: [{ file: 'deploy.yaml', line: 34, message: /stops the server \(`kill 1`\) before it sleeps/ }],
    },
    {
      name: 'a backgrounded sleep delays nothing: sleep 15 & nginx -s quit',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/sh", "-c", "sleep 15 & nginx -s quit"]\n',
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message: /runs its sleep in the background \(`&`\), so the hook returns at once/,
        },
      ],
    },
    {
      name: 'a short sleep, then the stop, then a long sleep: only the first sleep protects',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': withHook(
          '          preStop:\n            exec:\n              command: ["/bin/bash", "-c", "sleep 2\\npkill -QUIT gunicorn\\nsleep 30"]\n',
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 34,
          message: /stops the server \(`pkill -QUIT gunicorn`\) after only 2s.*the 32s of sleep protect nothing/,
        },
      ],
    },
    {
      name: 'only in-cluster clients reach it (an Ingress fronts another Service): a notice, with a short sleep',
      files: {
        'service.yaml': edit(edit(SERVICE_WEB, /web/g, 'api'), 'app: api', 'app: web'),
        'ingress.yaml': edit(BEHIND_ALB_IP['ingress.yaml'], '            name: web\n', '            name: other\n'),
        'other.yaml': edit(SERVICE_WEB, /web/g, 'other'),
        'deploy.yaml': noHook,
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          severity: 'notice',
          message:
            /gets SIGTERM while Service api \(in-cluster clients only: no load balancer among the inputs fronts it\) still routes to it\. Add lifecycle\.preStop\.sleep\.seconds: 5, about the time the endpoint removal takes to reach kube-proxy/,
        },
      ],
    },
    {
      name: 'behind an ALB with instance targets: the instance threshold, 45s',
      files: {
        ...BEHIND_ALB_IP,
        'ingress.yaml': edit(
          BEHIND_ALB_IP['ingress.yaml'],
          'alb.ingress.kubernetes.io/target-type: ip',
          'alb.ingress.kubernetes.io/target-type: instance',
        ),
        'deploy.yaml': noHook,
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          message:
            /Add lifecycle\.preStop\.sleep\.seconds: 45, about the time deregistration takes to propagate behind an ALB with instance targets; and raise terminationGracePeriodSeconds from 30 to at least 55/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/prestop-hook.md shows. */
export const docExamples: DocExamples = {
  invalid: 'a headless Service that an alb Ingress targets (ip mode) does serve the pods',
  valid: 'native sleep action (lifecycle.preStop.sleep.seconds)',
};
