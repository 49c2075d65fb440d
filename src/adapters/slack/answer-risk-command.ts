import { formatDollars } from '../../render/format-dollars.ts';
import { safeMrkdwn } from '../../render/mrkdwn.ts';
import { renderUsage } from '../../render/render-help.ts';
import { renderNotice } from '../../render/render-notice.ts';
import { renderRiskReport } from '../../render/render-risk-report.ts';
import type { RiskCommands } from '../risk/create-risk-commands.ts';
import type { Answer, Asker } from './answer-slash-command.ts';
import type { SlashCommand } from './parse-slash-command.ts';

type RiskCommand = Extract<SlashCommand, { kind: 'risk' | 'risk_ack' | 'incident' }>;

const notice = (text: string): Answer => ({ message: renderNotice(text), after: [] });

const NOT_AUTHORIZED =
  'Only the people `risk.authorized` names (by default, the named approvers) may record incidents or acknowledge a step-down; nothing changed.';

/**
 * `/shiplock risk`, `/shiplock risk ack <reason>` and `/shiplock incident …` (issue #7). The report
 * is read now; the writes (an incident, an acknowledgement) happen after the ack, each in its own
 * transaction of the hash-chained log. Authorization is checked here: these are not rollout
 * actions the core decides.
 */
export function answerRisk(command: RiskCommand, asker: Asker, risk: RiskCommands | undefined): Answer {
  if (risk === undefined) return notice('Delegation risk is not measured by this shiplock.');
  if (command.kind === 'risk') return { message: renderRiskReport(risk.view(asker.at)), after: [] };
  if (!risk.mayRecord(asker.user)) return notice(NOT_AUTHORIZED);
  if (command.kind === 'risk_ack') {
    if (risk.stepDown() === null) return notice('Autonomy is not stepped down; there is nothing to acknowledge.');
    return {
      message: renderNotice(
        `Acknowledged: ${safeMrkdwn(command.reason, 500)}. Autonomy is back to the configured approvers and time lock; the acknowledgement is in the audit log and the report.`,
      ),
      after: [{ kind: 'risk_ack', reason: command.reason }],
    };
  }
  const component = risk.components.find((c) => c.id === command.component);
  if (component === undefined) {
    const known = risk.components.map((c) => `\`${c.id}\``).join(', ');
    return { message: renderUsage(`shiplock knows no such component. The components are ${known}.`), after: [] };
  }
  const mode = command.mode ?? component.modes[0];
  if (mode === undefined || !component.modes.includes(mode)) {
    const modes = component.modes.map((m) => `\`${component.id}.${m}\``).join(', ');
    return {
      message: renderUsage(`That component has no such harm mode. Its modes are ${modes || 'none'}.`),
      after: [],
    };
  }
  const incident = {
    type: 'RiskIncidentRecorded',
    at: asker.at,
    key: `manual:${asker.user}:${asker.at}`,
    component: component.id,
    mode,
    source: 'manual',
    damage: command.damage,
    text: command.text,
    by: asker.user,
    repo: null,
    rolloutId: null,
  } as const;
  return {
    message: renderNotice(
      `Incident recorded against \`${component.id}.${mode}\` (${formatDollars(command.damage)}): ${safeMrkdwn(command.text, 500)}. \`/shiplock risk\` shows the updated estimate.`,
    ),
    after: [{ kind: 'risk_incident', incident }],
  };
}
