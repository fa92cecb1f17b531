import { preStopOf } from '../pod/prestop.js';
import { defineRule } from './rule.js';
import { who } from './shared.js';

export default defineRule({
  meta: {
    id: 'prestop-binary',
    severity: 'warning',
    appliesTo: 'served',
    summary: 'An exec preStop hook does not need a shell or `sleep` the image lacks.',
    rationale:
      'Distroless and similar minimal images ship no shell and no `sleep`. An exec hook like `["sh", "-c", "sleep 15"]` then fails at once (the kubelet logs FailedPreStopHook), SIGTERM follows immediately, and the delay the hook was written for never happens: the pod stops while the load balancer still routes to it.',
    fix: 'Use the native sleep action, `lifecycle.preStop.sleep.seconds: N` (Kubernetes 1.30+, no binary needed), or an image variant with a shell (e.g. a `:debug` tag).',
    scope:
      'Containers of workloads a Service selects whose image matches `shell-less-images` (tags containing `debug` or `dev` are assumed to have a shell).',
    params: {
      'shell-less-images': {
        type: 'string[]',
        default: ['gcr.io/distroless/**', '**/distroless/**', 'cgr.dev/chainguard/**', 'chainguard/**'],
        description:
          'Image repository globs (`*` within a path segment, `**` across) of images without a shell or sleep binary.',
      },
    },
    references: [
      {
        title: 'Container hooks: hook handler implementations, sleep (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations',
      },
      {
        title: 'Distroless images contain no shell (GoogleContainerTools/distroless)',
        url: 'https://github.com/GoogleContainerTools/distroless#debug-images',
      },
    ],
    examples: {
      incorrect:
        'image: gcr.io/distroless/static-debian12\nlifecycle:\n  preStop:\n    exec: {command: ["/bin/sh", "-c", "sleep 15"]}',
      correct: 'image: gcr.io/distroless/static-debian12\nlifecycle:\n  preStop:\n    sleep: {seconds: 15}',
    },
  },
  check(ctx) {
    const patterns = ctx.params['shell-less-images'].map(globToRegExp);
    for (const w of ctx.graph.servedWorkloads()) {
      for (const c of w.containers) {
        const p = preStopOf(c);
        if (p.kind !== 'exec' || (!p.needsShell && !p.usesSleepBinary)) continue;
        const { repository, tag } = splitImage(c.image);
        if (/(^|[-_.])(debug|dev)($|[-_.])/.test(tag) || !patterns.some((re) => re.test(repository))) continue;
        const needs = p.needsShell ? `a shell (\`${p.command[0] ?? ''}\`)` : 'a `sleep` binary';
        ctx.report({
          object: w.object,
          path: p.path,
          container: c.name,
          message: `${who(w, c)}: the preStop hook needs ${needs}, but ${c.image} is a minimal image without one, so the hook fails at once and the pod stops without delay.${p.seconds !== undefined && Number.isFinite(p.seconds) ? ` Use lifecycle.preStop.sleep.seconds: ${p.seconds} instead.` : ' Use the native lifecycle.preStop.sleep action instead.'}`,
        });
      }
    }
  },
});

/** `registry/repo:tag@digest` → repository and tag (no tag → ''). */
export function splitImage(image: string): { repository: string; tag: string } {
  const noDigest = image.split('@')[0] ?? image;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash
    ? { repository: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) }
    : { repository: noDigest, tag: '' };
}

// `*` matches within one path segment, `**` across segments; a leading `**/` may also match nothing.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (ch === '*') {
      re += '[^/]*';
    } else {
      re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}
