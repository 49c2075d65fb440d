import type { CountWindow, JudgeMetric, JudgeMetricConfig, Track } from '../../core/canary/judge/index.ts';
import type { CanaryMetricData, Series } from '../metrics/index.ts';

const track = (s: Series): Track<number> =>
  s.ok
    ? { values: s.points.map((p) => p.v), dropped: s.dropped.nan + s.dropped.inf }
    : { noData: `${s.reason}: ${s.detail}` };

/** A fetched series metric as the judge's input. */
export function toSeriesMetric(
  config: JudgeMetricConfig & { kind: 'continuous' | 'memory' },
  data: CanaryMetricData,
): JudgeMetric {
  return { config, baseline: track(data.baseline), canary: track(data.canary) };
}

/** Errors and requests series of one track, zipped by timestamp into count windows. */
function windows(errors: Series, requests: Series): Track<CountWindow> {
  if (!errors.ok) return { noData: `errors ${errors.reason}: ${errors.detail}` };
  if (!requests.ok) return { noData: `requests ${requests.reason}: ${requests.detail}` };
  const byTime = new Map(errors.points.map((p) => [p.t, p.v]));
  const values = requests.points.flatMap((p) => {
    const e = byTime.get(p.t);
    return e === undefined ? [] : [{ errors: e, requests: p.v }];
  });
  return { values, dropped: requests.points.length - values.length };
}

/** The error-count metric from the `error_rate.errors` and `error_rate.requests` fetches. */
export function toCountsMetric(
  config: JudgeMetricConfig & { kind: 'counts' },
  errors: CanaryMetricData,
  requests: CanaryMetricData,
): JudgeMetric {
  return {
    config,
    baseline: windows(errors.baseline, requests.baseline),
    canary: windows(errors.canary, requests.canary),
  };
}
