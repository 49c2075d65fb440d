import type { Event, PullRequestState, Rollout } from '../types.ts';
import type { HarmModeRef, IncidentTrigger, RiskIncidentRecorded } from './ledger-types.ts';

/** Which harm modes each automatic trigger charges (`risk.incidents` in the configuration). */
export type IncidentMapping = Readonly<Record<IncidentTrigger, readonly HarmModeRef[]>>;

const DESCRIBE: Readonly<Record<IncidentTrigger, string>> = {
  production_rollback: 'production was rolled back',
  deploy_failed: 'the production deploy failed',
  alert_after_promotion: 'an alert fired after the rollout reached production',
};

/** The triggers a decision shows for one rollout, judged on the aggregate before and after it. */
function triggersOf(before: Rollout | undefined, after: Rollout, event: Event): IncidentTrigger[] {
  const found: IncidentTrigger[] = [];
  const promoted = after.deploys.production !== undefined;
  // The rollback stage also rolls back a canary; only a rollback of production is an incident.
  if (promoted && after.deploys.rollback !== undefined && before?.deploys.rollback === undefined) {
    found.push('production_rollback');
  }
  if (after.deploys.production?.status === 'failed' && before?.deploys.production?.status !== 'failed') {
    found.push('deploy_failed');
  }
  const alert = event.type === 'CanaryAlertReceived' && event.rolloutId === after.id ? event.alert : null;
  if (alert?.status === 'firing' && before?.deploys.production !== undefined) found.push('alert_after_promotion');
  return found;
}

/**
 * The incidents one decision causes (issue #7): a production rollback, a failed production deploy,
 * a firing alert on a rollout that reached production, each charged to the harm modes `mapping`
 * names. Derived from the aggregate before and after the event, so a redelivered event (which
 * changes nothing) charges nothing; the key `rolloutId:component.mode` also makes one bad rollout
 * count once per harm mode, however many triggers it shows (a rollback after an alert).
 */
export function deriveIncidents(
  before: PullRequestState | null,
  after: PullRequestState | null,
  event: Event,
  mapping: IncidentMapping,
): RiskIncidentRecorded[] {
  const incidents: RiskIncidentRecorded[] = [];
  for (const rollout of after?.rollouts ?? []) {
    const previous = before?.rollouts.find((r) => r.id === rollout.id);
    for (const trigger of triggersOf(previous, rollout, event)) {
      for (const ref of mapping[trigger]) {
        const key = `auto:${rollout.id}:${ref.component}.${ref.mode}`;
        if (incidents.some((i) => i.key === key)) continue;
        incidents.push({
          type: 'RiskIncidentRecorded',
          at: event.at,
          key,
          component: ref.component,
          mode: ref.mode,
          source: trigger,
          damage: null,
          text: `${DESCRIBE[trigger]}: ${rollout.pr.repo}#${rollout.pr.number}`,
          by: null,
          repo: rollout.pr.repo,
          rolloutId: rollout.id,
        });
      }
    }
  }
  return incidents;
}
