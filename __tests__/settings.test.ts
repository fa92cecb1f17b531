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
  type WatchSettings,
} from '../src/settings.js';
import { checkInputs } from '../src/core/gate/policy.js';

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

  describe('elb-metrics', () => {
    const watch = { mode: 'watch', deployments: 'web' } as const;
    const base = {
      tolerateMs: 0,
      timeoutMs: undefined,
      settleTimeoutMs: 300_000,
      pollIntervalMs: 5_000,
      soakMs: undefined,
      minHealthy: undefined,
    };

    it('is off by default; on, it reads its limits and metrics-wait (180s by default)', () => {
      expect(readSettings(source(watch))).toMatchObject({ elbMetrics: undefined, elbMetricsIgnored: [] });
      expect(readSettings(source({ ...watch, 'elb-metrics': 'true' }))).toMatchObject({
        elbMetrics: { maxErrors: 0, maxErrorRate: undefined, waitMs: 180_000 },
      });
      expect(
        readSettings(
          source({
            ...watch,
            'elb-metrics': 'true',
            'max-elb-errors': '5',
            'max-elb-error-rate': '0.1%',
            'metrics-wait': '4m',
          }),
        ),
      ).toMatchObject({ elbMetrics: { maxErrors: 5, maxErrorRate: 0.001, waitMs: 240_000 } });
    });

    it('rejects a rate outside 0..1 and a count that is not a whole number of errors', () => {
      const on = { ...watch, 'elb-metrics': 'true' };
      expect(problems({ ...on, 'max-elb-error-rate': '1.5' })[0]).toMatch(
        /input `max-elb-error-rate` is `1.5`; write a fraction between 0 and 1/,
      );
      expect(problems({ ...on, 'max-elb-error-rate': '-0.1' })).toHaveLength(1);
      expect(problems({ ...on, 'max-elb-errors': '-1' })[0]).toMatch(
        /`max-elb-errors` must be a whole number of errors/,
      );
      expect(problems({ ...on, 'max-elb-errors': '2.5' })).toHaveLength(1);
      expect(problems({ ...on, 'metrics-wait': 'soon' })[0]).toMatch(
        /input `metrics-wait` is `soon`; write a duration/,
      );
    });

    it('its inputs given while it is off are ignored with a warning', () => {
      const s = readSettings(source({ ...watch, 'metrics-wait': '60s', 'max-elb-errors': '3' }));
      expect(s).toMatchObject({ elbMetrics: undefined });
      const ignored = (s as WatchSettings).elbMetricsIgnored ?? [];
      expect(ignored).toEqual(['input `max-elb-errors`', 'input `metrics-wait`']);
      expect(checkInputs({ ...base, elbMetricsIgnored: ignored })).toEqual([
        {
          level: 'warning',
          message:
            'input `max-elb-errors`, input `metrics-wait` are ignored: `elb-metrics` is false, so no load balancer metrics are read. Set elb-metrics: true to use them.',
        },
      ]);
    });

    it('metrics-wait under a minute is a warning; not shorter than timeout an error', () => {
      expect(checkInputs({ ...base, elbMetrics: { waitMs: 30_000 } })[0]).toMatchObject({
        level: 'warning',
        message: expect.stringMatching(/`metrics-wait` \(30s\) is under a minute/),
      });
      expect(checkInputs({ ...base, timeoutMs: 120_000, elbMetrics: { waitMs: 180_000 } })[0]).toMatchObject({
        level: 'error',
      });
      expect(checkInputs({ ...base, elbMetrics: { waitMs: 180_000 } })).toEqual([]);
    });
  });
});
