import type { KnownBlock } from '@slack/types';
import { divider, header, packSections, type SlackMessage, section } from './blocks.ts';
import { RISK_BLOCK_ID } from './command-ids.ts';
import { formatDollars, formatPercent } from './format-dollars.ts';
import { mentionUser } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import type { RiskComponentLine, RiskStatus, RiskTotals, RiskView } from './risk-view.ts';
import { slackDate } from './slack-date.ts';

const STATUS_MARK: Readonly<Record<RiskStatus, string>> = { ok: 'ok', warn: '⚠ warn (≥ 80 %)', over: '⛔ over' };

const TIER_NAME = {
  code: 'code',
  verified_code: 'verified code',
  narrow_model: 'narrow model',
  llm: 'LLM',
  human_gate: 'human gate',
} as const;

function interval(e: { readonly mean: number; readonly lower: number; readonly upper: number }): string {
  return `${formatDollars(e.mean)} (90 %: ${formatDollars(e.lower)}–${formatDollars(e.upper)})`;
}

function trend(now: number, past: number | undefined): string {
  if (past === undefined) return '';
  const arrow = now > past ? '↑' : now < past ? '↓' : '→';
  return ` · 30 d: ${formatDollars(past)} ${arrow} ${formatDollars(now)}`;
}

function componentLine(view: RiskView, c: RiskComponentLine): string {
  const meta = view.components[c.id];
  const name = safeMrkdwn(meta?.name ?? c.id, 80);
  const past = view.past.components.find((p) => p.id === c.id)?.risk.mean;
  return `\`${safeMrkdwn(c.id, 64)}\` ${name} (${meta === undefined ? '?' : TIER_NAME[meta.implementation]}): ${interval(c.risk)} of ${formatDollars(c.budget)} · ${formatPercent(c.utilization)} · ${STATUS_MARK[c.status]}${trend(c.risk.mean, past)}`;
}

function systemLine(now: RiskTotals, past: RiskTotals): string {
  return `*System:* ${interval(now.total)} of ${formatDollars(now.acceptable)} acceptable · ${formatPercent(now.utilization)} · ${STATUS_MARK[now.status]}${trend(now.total.mean, past.total.mean)}`;
}

function stepDownLine(view: RiskView): string {
  const ack = view.lastAcknowledged;
  const acked =
    ack === null
      ? ''
      : ` Last acknowledged ${slackDate(ack.at)} by ${mentionUser(ack.by) ?? 'someone'}: ${safeMrkdwn(ack.reason, 300) || 'no reason given'}.`;
  if (view.stepDown === null) return `*Autonomy:* as configured.${acked}`;
  const scopes = view.stepDown.scopes.map((s) => `\`${safeMrkdwn(s, 64)}\``).join(', ');
  return `*Autonomy stepped down* since ${slackDate(view.stepDown.since)} (over budget: ${scopes}): every repository needs one more approver and a doubled time lock until a named approver runs \`/shiplock risk ack &lt;reason&gt;\`.${acked}`;
}

function chainLines(view: RiskView): string[] {
  return view.chains.map((chain) => {
    if (chain.path.length === 0) return `\`${safeMrkdwn(chain.component, 64)}\`: no path to production`;
    const path = chain.path.map((n) => safeMrkdwn(n, 64)).join(' → ');
    return `${path}: trust ${chain.trust.toFixed(3)}, production inherits ${chain.production.toFixed(3)}`;
  });
}

function authorityLine(view: RiskView): string {
  if (view.violations.length === 0) {
    return '*Authority check:* passed. No model reaches production without a human approval, the LLM only advises, the orchestrator is verified code.';
  }
  const list = view.violations.map((v) => `${v.rule}: ${v.path.map((n) => safeMrkdwn(n, 64)).join(' → ')}`);
  return `*Authority check:* ${view.violations.length} violation(s): ${list.join('; ')}`;
}

function incidentLines(view: RiskView): string[] {
  if (view.incidents.length === 0) return ['No incidents recorded.'];
  const lines = view.incidents.map((i) => {
    const who = i.by === null ? 'automatic' : (mentionUser(i.by) ?? 'someone');
    const damage = i.damage === null ? '' : ` · ${formatDollars(i.damage)}`;
    return `${slackDate(i.at)} · \`${safeMrkdwn(i.component, 64)} · ${safeMrkdwn(i.mode, 64)}\`${damage} · ${who}: ${safeMrkdwn(i.text, 300)}`;
  });
  const more = view.incidentCount - view.incidents.length;
  return more > 0 ? [...lines, `…and ${more} earlier.`] : lines;
}

/**
 * The report's blocks (issue #7): the system against the acceptable risk, each component's budget,
 * estimate with its 90 % interval, utilization, status and 30-day trend, the step-down, the trust
 * along each delegation chain with the framework's tiers, the authority check and recent
 * incidents. Every configured or typed string is escaped; about 20 blocks for the seed's nine
 * components (sections are packed, so more components add no blocks).
 */
export function riskReportBlocks(view: RiskView): KnownBlock[] {
  const components = view.now.components.map((c) => componentLine(view, c));
  return [
    section(`${RISK_BLOCK_ID.system}`, `${systemLine(view.now, view.past)}\n${stepDownLine(view)}`),
    divider(),
    section(`${RISK_BLOCK_ID.components}.title`, '*Components* (estimate per month · budget · utilization · trend)'),
    ...packSections(RISK_BLOCK_ID.components, components),
    divider(),
    section(
      `${RISK_BLOCK_ID.chains}.title`,
      '*Trust along each delegation chain* (multiplied; tiers: verified code 0.95, narrow model 0.90, LLM 0.80, human gate 1.0)',
    ),
    ...packSections(RISK_BLOCK_ID.chains, chainLines(view)),
    section(RISK_BLOCK_ID.authority, authorityLine(view)),
    divider(),
    section(`${RISK_BLOCK_ID.incidents}.title`, `*Recent incidents* (${view.incidentCount} recorded)`),
    ...packSections(RISK_BLOCK_ID.incidents, incidentLines(view)),
  ];
}

/** `/shiplock risk`: the report, ephemeral. */
export function renderRiskReport(view: RiskView): SlackMessage {
  const text = `Delegation risk: ${formatDollars(view.now.total.mean)} of ${formatDollars(view.now.acceptable)} a month (${formatPercent(view.now.utilization)})${view.stepDown === null ? '' : ', autonomy stepped down'}.`;
  return { text, blocks: [header(RISK_BLOCK_ID.header, 'Delegation risk'), ...riskReportBlocks(view)] };
}
