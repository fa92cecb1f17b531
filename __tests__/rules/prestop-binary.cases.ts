import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { SERVICE_WEB } from './fixtures.js';

/** A served Deployment with this image and preStop hook; the hook's command (or seconds) is line 26. */
const deploy = (image: string, hook: string): string => `apiVersion: apps/v1
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
        image: ${image}
        ports:
        - name: http
          containerPort: 8080
        lifecycle:
          preStop:
${hook}`;

const exec = (command: string): string => `            exec:\n              command: ${command}\n`;
const SLEEP_NATIVE = '            sleep:\n              seconds: 20\n';

export default {
  valid: [
    {
      name: 'distroless with the native sleep action',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('gcr.io/distroless/static-debian12:nonroot', SLEEP_NATIVE),
      },
    },
    {
      name: 'a :debug distroless tag has a busybox shell',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('gcr.io/distroless/base-debian12:debug', exec('["/busybox/sh", "-c", "sleep 20"]')),
      },
    },
    {
      name: 'a Chainguard -dev variant has a shell',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('cgr.dev/chainguard/nginx:latest-dev', exec('["sh", "-c", "sleep 20"]')),
      },
    },
    {
      name: 'an image with a shell',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('nginx:1.27', exec('["/bin/sh", "-c", "sleep 20"]')),
      },
    },
    {
      name: 'an httpGet hook needs no binary',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(
          'gcr.io/distroless/java21-debian12',
          '            httpGet:\n              path: /drain\n              port: http\n',
        ),
      },
    },
    {
      name: "an exec of the application's own binary needs no shell",
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('gcr.io/distroless/static-debian12', exec('["/app/server", "drain", "--wait=20s"]')),
      },
    },
    {
      name: 'shell-less-images replaced: the default globs no longer apply',
      options: { 'shell-less-images': ['registry.example.com/base/**'] },
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('gcr.io/distroless/static-debian12', exec('["sleep", "20"]')),
      },
    },
    {
      name: 'a workload no Service selects',
      files: { 'deploy.yaml': deploy('gcr.io/distroless/static-debian12', exec('["sleep", "20"]')) },
    },
  ],
  invalid: [
    {
      name: 'distroless with ["/bin/sh", "-c", "sleep 15"]',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('gcr.io/distroless/static-debian12:nonroot', exec('["/bin/sh", "-c", "sleep 15"]')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          container: 'web',
          message:
            /needs a shell \(`\/bin\/sh`\), but gcr\.io\/distroless\/static-debian12:nonroot is a minimal image without one.*Use lifecycle\.preStop\.sleep\.seconds: 15 instead\./,
        },
      ],
    },
    {
      name: 'Chainguard with ["sleep", "20"]',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('cgr.dev/chainguard/nginx:latest', exec('["sleep", "20"]')),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /needs a `sleep` binary.*sleep\.seconds: 20 instead/ }],
    },
    {
      name: 'a digest-pinned distroless image without a tag',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(
          'gcr.io/distroless/base@sha256:6ae5fe659f28c6afe9cc2903aebc78a5c6ad3aaa3d9d0369760ac6aaea2529c8',
          exec('["sh", "-c", "sleep 1m"]'),
        ),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /sleep\.seconds: 60 instead/ }],
    },
    {
      name: 'a mirrored distroless image',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(
          '123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror/distroless/static:nonroot',
          exec('["sleep", "20"]'),
        ),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message:
            /needs a `sleep` binary, but 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/mirror\/distroless\/static:nonroot is a minimal image.*sleep\.seconds: 20 instead/,
        },
      ],
    },
    {
      name: 'a sleep of unreadable length: the native action, with no number to suggest',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('gcr.io/distroless/static-debian12', exec('["sh", "-c", "sleep $DRAIN_SECONDS"]')),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /Use the native lifecycle\.preStop\.sleep action instead\./ }],
    },
    {
      name: "shell-less-images set to the team's own base images",
      options: { 'shell-less-images': ['registry.example.com/base/**'] },
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('registry.example.com/base/go-runtime:1.23', exec('["sleep", "20"]')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message: /registry\.example\.com\/base\/go-runtime:1\.23 is a minimal image without one/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/prestop-binary.md shows. */
export const docExamples: DocExamples = {
  invalid: 'distroless with ["/bin/sh", "-c", "sleep 15"]',
  valid: 'distroless with the native sleep action',
};
