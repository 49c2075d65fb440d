import type { AlertFacts } from '../../core/types.ts';
import type { AlertmanagerAlert } from './alertmanager-payload-schema.ts';

/** Bounds on what one alert may put into the event log and the Slack message. */
export const ALERT_CAPS = { labels: 16, annotations: 8, key: 64, value: 256, name: 128, summary: 500 } as const;

/** Alert ids the core and the buttons carry: Alertmanager's fingerprint is 16 hex digits. */
export const FINGERPRINT_PATTERN = /^[0-9A-Za-z]{1,64}$/;

/** Annotations that can say what the canary and baseline were (shown as "baseline vs canary"). */
const KEPT_ANNOTATIONS = ['baseline', 'baseline_value', 'canary', 'canary_value', 'description'];

/**
 * The core's facts of one alert. Labels and annotations are untrusted (anyone who can write an
 * alert rule): capped here so one alert cannot bloat the event log; the renderer escapes them.
 * `null` when the fingerprint is not one we can carry in a button.
 */
export function toAlertFacts(alert: AlertmanagerAlert): AlertFacts | null {
  if (!FINGERPRINT_PATTERN.test(alert.fingerprint)) return null;
  const annotations = alert.annotations;
  const summary = annotations.summary ?? annotations.description ?? '';
  const startsAt = Date.parse(alert.startsAt);
  const ends = alert.endsAt === undefined ? Number.NaN : Date.parse(alert.endsAt);
  return {
    id: alert.fingerprint,
    status: alert.status,
    name: cut(alert.labels.alertname ?? 'unnamed alert', ALERT_CAPS.name),
    summary: cut(summary, ALERT_CAPS.summary),
    labels: capRecord(alert.labels, Object.keys(alert.labels).sort(), ALERT_CAPS.labels),
    annotations: capRecord(annotations, KEPT_ANNOTATIONS, ALERT_CAPS.annotations),
    startsAt,
    // Go's zero time and a firing alert's planned end mean "not resolved".
    endsAt: alert.status === 'resolved' && ends > 0 ? ends : null,
  };
}

function capRecord(
  source: Readonly<Record<string, string>>,
  keys: readonly string[],
  max: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys.filter((k) => source[k] !== undefined).slice(0, max)) {
    out[cut(key, ALERT_CAPS.key)] = cut(source[key] ?? '', ALERT_CAPS.value);
  }
  return out;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
