import { type SlackMessage, section } from './blocks.ts';
import { RISK_BLOCK_ID } from './command-ids.ts';
import { formatDollars, formatPercent } from './format-dollars.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { RISK_SYSTEM_SCOPE, type RiskCrossingLine } from './risk-view.ts';

/**
 * The deploy channel's warning when a budget crosses upwards (issue #7): at the warn level (80 %)
 * a heads-up; over 100 % the step-down it causes and how to acknowledge it. `name` is the
 * component's configured name (escaped).
 */
export function renderRiskWarning(crossing: RiskCrossingLine, name: string): SlackMessage {
  const what =
    crossing.scope === RISK_SYSTEM_SCOPE
      ? 'The whole system'
      : `\`${safeMrkdwn(crossing.scope, 64)}\` (${safeMrkdwn(name, 80)})`;
  const share = crossing.budget > 0 ? formatPercent(crossing.estimate / crossing.budget) : '∞ %';
  const spend = `${formatDollars(crossing.estimate)} a month against ${formatDollars(crossing.budget)} (${share})`;
  const text =
    crossing.to === 'over'
      ? `⛔ Delegation risk over budget: ${what} is at ${spend}. Autonomy is stepped down: every repository now needs one more approver and a doubled time lock, until a named approver acknowledges with \`/shiplock risk ack &lt;reason&gt;\`. \`/shiplock risk\` shows the report.`
      : `⚠ Delegation risk at ${share} of budget: ${what} is at ${spend}. Above 100 % shiplock steps autonomy down. \`/shiplock risk\` shows the report.`;
  return { text, blocks: [section(RISK_BLOCK_ID.warning, text)] };
}
