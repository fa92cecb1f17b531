import { describe, expect, it } from 'vitest';
import {
  parseBytes,
  parseDuration,
  readSettings,
  SettingsError,
  splitList,
  kubeconfigSource,
  type InputName,
  type InputSource,
} from '../src/settings.js';

function source(inputs: Partial<Record<InputName, string>>, env: Record<string, string> = {}): InputSource {
  return { get: (n) => inputs[n], describe: (n) => `input \`${n}\``, env };
}

function problems(inputs: Partial<Record<InputName, string>>, env?: Record<string, string>): readonly string[] {
  try {
    readSettings(source(inputs, env));
    return [];
  } catch (e) {
    if (e instanceof SettingsError) return e.problems;
    throw e;
  }
}

describe('settings', () => {
  it('validate: manifests split on newlines and commas; defaults', () => {
    const s = readSettings(source({ manifests: 'a.yaml, b/\n# comment\nc/**/*.yml\n' }));
    expect(s).toMatchObject({
      mode: 'validate',
      manifests: ['a.yaml', 'b/', 'c/**/*.yml'],
      namespace: 'default',
      failOn: 'error',
      annotations: true,
      prComment: false,
    });
  });

  it('collects every problem at once, each naming the input and the fix', () => {
    const found = problems({
      mode: 'watch',
      'poll-interval': '1s',
      'min-healthy': '120%',
      rollback: 'yes',
      namespace: 'Bad_NS',
    });
    expect(found).toHaveLength(5);
    expect(found).toEqual(
      expect.arrayContaining([
        'input `rollback` is `yes`; use `true` or `false`.',
        expect.stringMatching(/^input `deployments` is required in watch mode/),
        expect.stringMatching(/^input `poll-interval` must be at least 2s/),
        expect.stringMatching(/^input `min-healthy` is `120%`/),
        expect.stringMatching(/^input `namespace`: `Bad_NS` is not a valid namespace name/),
      ]),
    );
  });

  it('watch: durations, thresholds, probe and region from the environment', () => {
    const s = readSettings(
      source(
        {
          mode: 'watch',
          deployments: 'web,api',
          'min-healthy': '75%',
          timeout: '15m',
          'tolerate-seconds': '20',
          'probe-url': 'https://shop.example/healthz',
          'max-error-rate': '0.5%',
          'cluster-name': 'prod',
        },
        { AWS_REGION: 'eu-west-1' },
      ),
    );
    expect(s).toMatchObject({
      mode: 'watch',
      deployments: ['web', 'api'],
      minHealthy: { kind: 'percent', value: 75 },
      timeoutMs: 900_000,
      tolerateMs: 20_000,
      pollIntervalMs: 5_000,
      settleTimeoutMs: 300_000,
      awsRegion: 'eu-west-1',
      clusterName: 'prod',
      probe: { url: 'https://shop.example/healthz', ratePerSecond: 5, maxErrorRate: 0.005 },
    });
  });

  it('rejects malformed watch inputs', () => {
    expect(problems({ mode: 'watch', deployments: 'web', 'target-group-arns': 'arn:aws:s3:::bucket' })[0]).toMatch(
      /is not a target group ARN/,
    );
    expect(problems({ mode: 'watch', deployments: 'web', 'cluster-name': 'prod' })[0]).toMatch(/needs a region/);
    expect(problems({ mode: 'watch', deployments: 'web', 'max-error-rate': '0.1' })[0]).toMatch(
      /needs input `probe-url`/,
    );
    expect(
      problems({
        mode: 'watch',
        deployments: 'web',
        kubeconfig: '/k',
        'cluster-name': 'x',
        'aws-region': 'us-east-1',
      })[0],
    ).toMatch(/both set/);
  });

  it('parses durations the way users write them', () => {
    expect([
      parseDuration('90'),
      parseDuration('90s'),
      parseDuration('1m30s'),
      parseDuration('2h'),
      parseDuration('500ms'),
      parseDuration('5 minutes'),
    ]).toEqual([90_000, 90_000, 90_000, 7_200_000, 500, undefined]);
  });

  it('max-input-size: sizes the way users write them, 256 MiB by default, a clear problem otherwise', () => {
    expect(['512MiB', '1 GiB', '64Mi', '2GB', '500k', '1048576', '1.5MiB'].map((v) => parseBytes(v))).toEqual([
      512 * 2 ** 20,
      2 ** 30,
      64 * 2 ** 20,
      2e9,
      5e5,
      1048576,
      1.5 * 2 ** 20,
    ]);
    expect(['', '12 parsecs', '-1MiB', 'MiB'].map((v) => parseBytes(v))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(readSettings(source({ manifests: 'a.yaml' }))).toMatchObject({ maxInputBytes: 256 * 2 ** 20 });
    expect(problems({ manifests: 'a.yaml', 'max-input-size': '0' })).toEqual([
      'input `max-input-size` is `0`; write a size such as `256MiB`, `1GiB` or `500KiB` (a bare number is bytes).',
    ]);
  });

  it('tells inline kubeconfig content from a path', () => {
    expect(kubeconfigSource('')).toEqual({ kind: 'default' });
    expect(kubeconfigSource('~/.kube/prod')).toEqual({ kind: 'path', path: '~/.kube/prod' });
    expect(kubeconfigSource('apiVersion: v1\nkind: Config\n').kind).toBe('inline');
  });

  it('splitList drops blanks and comments', () => {
    expect(splitList(' a ,\n\n# no\n b ')).toEqual(['a', 'b']);
  });
});
