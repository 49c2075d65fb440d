import type { EpochMs } from '../core/types.ts';
import { epochToIso } from './epoch-to-iso.ts';

/**
 * A Slack date token, `<!date^UNIX^{date_short_pretty} {time}|2024-05-01 12:34 UTC>`: every reader
 * sees the time in their own time zone, and clients that cannot render it show the UTC fallback
 * (https://docs.slack.dev/messaging/formatting-message-text#date-formatting). This is the only
 * place where shiplock writes `<!…>` itself; the fallback is digits, `-`, `:` and `UTC`, so it
 * can never close the token early. An impossible time renders as `an unknown time`.
 */
export function slackDate(ms: EpochMs): string {
  const iso = epochToIso(ms);
  if (iso === null) return 'an unknown time';
  const seconds = Math.floor(ms / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC>`;
}

/** Matches exactly the tokens {@link slackDate} emits; tests use it to tell ours from injected ones. */
export const SLACK_DATE_TOKEN =
  /<!date\^-?\d{1,12}\^\{date_short_pretty\} \{time\}\|\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC>/g;
