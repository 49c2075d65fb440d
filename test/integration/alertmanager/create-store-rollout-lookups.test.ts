import { describe, expect, it } from 'vitest';
import { createStoreRolloutLookups } from '../../../src/adapters/alertmanager/create-store-rollout-lookups.ts';
import { newRollout } from '../../../src/core/decide.ts';
import type { CanaryAlert, Phase, PullRequestState, Rollout } from '../../../src/core/types.ts';
import { prAt, SHA_A } from '../../support/core-fixtures.ts';

function rollout(id: string, phase: Phase, canaryClaimedAt?: number): Rollout {
  const r = { ...newRollout(id, prAt(SHA_A), 0), phase };
  if (canaryClaimedAt === undefined) return r;
  const canary = { status: 'succeeded', epoch: 2, claimedAt: canaryClaimedAt, finishedAt: null, summary: '' } as const;
  return { ...r, deploys: { canary } };
}

function alert(rolloutId: string): CanaryAlert {
  return {
    id: 'f00d',
    rolloutId,
    status: 'firing',
    name: 'x',
    summary: '',
    labels: {},
    annotations: {},
    startsAt: 0,
    endsAt: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
  };
}

const PRS: Record<string, PullRequestState> = {
  'acme/api#1': {
    repo: 'acme/api',
    number: 1,
    freeze: null,
    closed: false,
    rollouts: [rollout('old', 'cancelled', 5), rollout('live-early', 'time_locked', 10)],
    alerts: [alert('old')],
  },
  'acme/api#2': {
    repo: 'acme/api',
    number: 2,
    freeze: null,
    closed: false,
    rollouts: [rollout('prod', 'verifying', 1), rollout('live-late', 'canary', 20), rollout('gates', 'testing')],
  },
  'acme/web#3': { repo: 'acme/web', number: 3, freeze: null, closed: false, rollouts: [rollout('p2', 'deploying')] },
};

const lookups = createStoreRolloutLookups({
  store: {
    findPrKeyByRollout: (id) => (id === 'old' ? 'acme/api#1' : null),
    listOpenPrKeys: (repo) => Object.keys(PRS).filter((k) => k.startsWith(`${repo}#`)),
    loadPullRequest: (key) => PRS[key] ?? null,
  },
  repoOfService: (service) => ({ api: 'acme/api', web: 'acme/web' })[service] ?? null,
});

describe('rollout lookups over the store', () => {
  it('the live canary of a service is its most recently claimed watched canary, else one in production', () => {
    expect(lookups.activeRolloutOfService('api')).toBe('live-late');
    expect(lookups.activeRolloutOfService('web')).toBe('p2');
    expect(lookups.activeRolloutOfService('unknown')).toBeNull();
  });

  it('an alert goes back to the rollout that stores it', () => {
    expect(lookups.rolloutOfAlert('api', 'f00d')).toBe('old');
    expect(lookups.rolloutOfAlert('api', 'beef')).toBeNull();
    expect(lookups.rolloutOfAlert('web', 'f00d')).toBeNull();
  });

  it('knows rollouts by id', () => {
    expect(lookups.isKnownRollout('old')).toBe(true);
    expect(lookups.isKnownRollout('nope')).toBe(false);
  });
});
