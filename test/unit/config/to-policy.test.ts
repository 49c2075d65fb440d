import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRepository } from '../../../src/config/find-repository.ts';
import { toPolicy } from '../../../src/config/to-policy.ts';
import type { Policy } from '../../../src/core/types.ts';
import { validConfig } from './minimal-config.ts';

const EXAMPLE = readFileSync(new URL('../../../shiplock.example.yml', import.meta.url), 'utf8');

describe('toPolicy', () => {
  const config = validConfig(EXAMPLE);

  it("maps the example to the core's policy for acme/api production", () => {
    const expected: Policy = {
      gates: [
        { id: 'lint', name: 'Static analysis', kind: 'static_analysis', phase: 'reviewing' },
        { id: 'security', name: 'Security scanner', kind: 'security_scanner', phase: 'reviewing' },
        { id: 'unit', name: 'Unit tests', kind: 'unit_tests', phase: 'testing' },
        { id: 'integration', name: 'integration-tests', kind: 'github_check', phase: 'testing' },
        { id: 'fuzz', name: 'Fuzzing', kind: 'fuzz', phase: 'testing' },
      ],
      advisoryReview: true,
      approvals: {
        required: 2,
        approvers: ['U0AAAAAAA1', 'U0DDDDDDD4'],
        groups: [{ name: 'sre', members: ['U0BBBBBBB2', 'U0CCCCCCC3'], quorum: 1 }],
        expiryMs: 24 * 3_600_000,
        reminderMs: 3_600_000,
      },
      people: [
        { slack: 'U0AAAAAAA1', github: 'alice' },
        { slack: 'U0BBBBBBB2', github: 'bob' },
        { slack: 'U0CCCCCCC3', github: 'carol' },
        { slack: 'U0DDDDDDD4', github: 'dave' },
      ],
      timeLockMs: 15 * 60_000,
      canaryWatchMs: 60_000,
      verificationMs: 15 * 60_000,
      preflightRetryMs: 60_000,
    };
    expect(toPolicy(config, 'acme/api')).toEqual(expected);
  });

  it('carries only the core fields, so the policy hash does not move with unrelated settings', () => {
    const policy = toPolicy(config, 'acme/api');
    expect(Object.keys(policy.gates[0] ?? {})).toEqual(['id', 'name', 'kind', 'phase']);
    expect(Object.keys(policy.people[0] ?? {})).toEqual(['slack', 'github']);
  });

  it('finds the repository case-insensitively, as GitHub names are', () => {
    expect(toPolicy(config, 'ACME/API')).toEqual(toPolicy(config, 'acme/api'));
    expect(findRepository(config, 'Acme/Api')?.name).toBe('acme/api');
    expect(findRepository(config, 'acme/web')).toBeUndefined();
  });

  it('throws for a repository that is not configured (a bug in the caller)', () => {
    expect(() => toPolicy(config, 'acme/web')).toThrow('acme/web is not configured');
  });

  it('turns the advisory reviewer off when the config does', () => {
    const off = validConfig(EXAMPLE.replace('  enabled: true', '  enabled: false'));
    expect(toPolicy(off, 'acme/api').advisoryReview).toBe(false);
  });
});
