/** What the resolver reads: rollouts the store knows, a service's live canary, and where an alert went before. */
export interface LabelRolloutLookups {
  /** True when a rollout with this id exists. */
  readonly isKnownRollout: (rolloutId: string) => boolean;
  /** The rollout whose canary is live for this service now, or `null`. */
  readonly activeRolloutOfService: (service: string) => string | null;
  /** The rollout that already holds the alert with this fingerprint (newest first), or `null`. */
  readonly rolloutOfAlert: (service: string, alertId: string) => string | null;
}

/** The alert being mapped: its labels, fingerprint and status. */
export interface AlertToResolve {
  readonly labels: Readonly<Record<string, string>>;
  readonly id: string;
  readonly status: 'firing' | 'resolved';
}

/**
 * Maps an alert to a rollout by its labels (issue 5): an explicit `shiplock_rollout` label wins;
 * otherwise `service` with `track="canary"` names the service whose canary it is about. A firing
 * alert goes to the service's live canary (or, when none is live, to the rollout it was about
 * before); a resolved one goes back to the rollout it was about, whose message it updates — even
 * when that alert ended the rollout. Anything else (production, baseline, no service) maps to
 * nothing and is only logged.
 */
export function createLabelRolloutResolver(lookups: LabelRolloutLookups): (alert: AlertToResolve) => string | null {
  return ({ labels, id, status }) => {
    const explicit = labels.shiplock_rollout;
    if (explicit !== undefined) return lookups.isKnownRollout(explicit) ? explicit : null;
    const service = labels.service;
    if (service === undefined || labels.track !== 'canary') return null;
    const live = () => lookups.activeRolloutOfService(service);
    const before = () => lookups.rolloutOfAlert(service, id);
    return status === 'firing' ? (live() ?? before()) : (before() ?? live());
  };
}
