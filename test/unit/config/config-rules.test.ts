import { describe, expect, it } from 'vitest';
import { configErrors, type Doc, documentWith, pathsOf, validConfig } from './minimal-config.ts';

const repo = (doc: Doc) => doc.repositories[0];

/** Each rule, the edit that breaks it, and the one error expected (path and part of the message). */
const RULES: readonly [rule: string, edit: (doc: Doc) => void, path: string, message: string][] = [
  ['missing repositories', (d) => delete d.repositories, 'repositories', 'is required'],
  ['no repositories', (d) => (d.repositories = []), 'repositories', 'at least one repository'],
  ['repository not owner/repo', (d) => (repo(d).name = 'api'), 'repositories[0].name', 'owner/repo'],
  [
    'repository listed twice',
    (d) => d.repositories.push({ ...repo(d), name: 'ACME/api' }),
    'repositories[1].name',
    'listed twice (also repositories[0].name)',
  ],
  [
    'channel not an id',
    (d) => (repo(d).deploy_channel = 'deploys'),
    'repositories[0].deploy_channel',
    'Slack channel id',
  ],
  ['no gates', (d) => (repo(d).gates = []), 'repositories[0].gates', 'at least one gate'],
  [
    'unknown gate kind',
    (d) => (repo(d).gates[0].kind = 'lint'),
    'repositories[0].gates[0].kind',
    'must be one of static_analysis, security_scanner',
  ],
  [
    'gate id duplicated',
    (d) => repo(d).gates.push({ id: 'unit', kind: 'fuzz', command: 'x' }),
    'repositories[0].gates[1].id',
    'listed twice',
  ],
  ['gate id not an id', (d) => (repo(d).gates[0].id = 'Unit Tests'), 'repositories[0].gates[0].id', 'short id'],
  [
    'command missing',
    (d) => delete repo(d).gates[0].command,
    'repositories[0].gates[0].command',
    'is required for kind unit_tests',
  ],
  ['command empty', (d) => (repo(d).gates[0].command = []), 'repositories[0].gates[0].command', 'must be a command'],
  [
    'command not strings',
    (d) => (repo(d).gates[0].command = ['npm', 3]),
    'repositories[0].gates[0].command',
    'must be a command',
  ],
  [
    'check_name on a command gate',
    (d) => (repo(d).gates[0].check_name = 'ci'),
    'repositories[0].gates[0].check_name',
    'only for kind github_check',
  ],
  [
    'github_check without check_name',
    (d) => repo(d).gates.push({ id: 'ci', kind: 'github_check' }),
    'repositories[0].gates[1].check_name',
    'is required for kind github_check',
  ],
  [
    'github_check with a command',
    (d) => repo(d).gates.push({ id: 'ci', kind: 'github_check', check_name: 'ci', command: 'x' }),
    'repositories[0].gates[1].command',
    'not used by kind github_check',
  ],
  [
    'block_at on a test gate',
    (d) => (repo(d).gates[0].block_at = 'high'),
    'repositories[0].gates[0].block_at',
    'only for kind security_scanner',
  ],
  [
    'junit on the scanner',
    (d) => repo(d).gates.push({ id: 'scan', kind: 'security_scanner', junit: 'r.xml' }),
    'repositories[0].gates[1].junit',
    'only for kind unit_tests or integration_tests or fuzz',
  ],
  [
    'sarif on a check gate',
    (d) => repo(d).gates.push({ id: 'ci', kind: 'github_check', check_name: 'ci', sarif: 'r.sarif' }),
    'repositories[0].gates[1].sarif',
    'only for kind static_analysis',
  ],
  [
    'sarif outside the checkout',
    (d) => (repo(d).gates[0].sarif = '../../etc/passwd'),
    'repositories[0].gates[0].sarif',
    'must be a path inside the checkout',
  ],
  [
    'absolute junit path',
    (d) => (repo(d).gates[0].junit = '/tmp/junit.xml'),
    'repositories[0].gates[0].junit',
    'must be a path inside the checkout',
  ],
  [
    'unknown severity',
    (d) => repo(d).gates.push({ id: 'scan', kind: 'security_scanner', block_at: 'severe' }),
    'repositories[0].gates[1].block_at',
    'must be one of low, medium, high, critical',
  ],
  [
    'scanner model without a name',
    (d) => repo(d).gates.push({ id: 'scan', kind: 'security_scanner', model: { base_url: 'http://m' } }),
    'repositories[0].gates[1].model.model',
    'is required',
  ],
  [
    'bad phase',
    (d) => (repo(d).gates[0].phase = 'deploying'),
    'repositories[0].gates[0].phase',
    'must be one of reviewing, testing',
  ],
  [
    'bad gate timeout',
    (d) => (repo(d).gates[0].timeout = '10 minutes'),
    'repositories[0].gates[0].timeout',
    'must be a duration',
  ],
  [
    'approver not a Slack id',
    (d) => (repo(d).approvals.approvers = ['bob']),
    'repositories[0].approvals.approvers[0]',
    'must be a Slack user id',
  ],
  [
    'approver not in people',
    (d) => (repo(d).approvals.approvers = ['UCAROL']),
    'repositories[0].approvals.approvers[0]',
    'not listed in people',
  ],
  ['nobody named', (d) => (repo(d).approvals = {}), 'repositories[0].approvals', 'names nobody'],
  ['required zero', (d) => (repo(d).approvals.required = 0), 'repositories[0].approvals.required', 'at least 1'],
  [
    'required not whole',
    (d) => (repo(d).approvals.required = 1.5),
    'repositories[0].approvals.required',
    'whole number',
  ],
  [
    'required above the named',
    (d) => (repo(d).approvals.required = 2),
    'repositories[0].approvals.required',
    'more than the 1 people',
  ],
  [
    'group not defined',
    (d) => (repo(d).approvals.groups = [{ name: 'sre' }]),
    'repositories[0].approvals.groups[0].name',
    'names no group',
  ],
  [
    'group quorum above its size',
    (d) => {
      d.groups = [{ name: 'sre', members: ['UALICE', 'UBOB'] }];
      repo(d).approvals.groups = [{ name: 'sre', quorum: 3 }];
    },
    'repositories[0].approvals.groups[0].quorum',
    'more than the 2 members',
  ],
  [
    'group quorums not reachable by different people',
    (d) => {
      d.groups = [
        { name: 'sre', members: ['UALICE', 'UBOB'] },
        { name: 'dba', members: ['UBOB'] },
      ];
      repo(d).approvals.groups = [
        { name: 'sre', quorum: 2 },
        { name: 'dba', quorum: 1 },
      ];
    },
    'repositories[0].approvals.groups',
    'cannot all be met by different people',
  ],
  [
    'group referenced twice',
    (d) => {
      d.groups = [{ name: 'sre', members: ['UALICE', 'UBOB'] }];
      repo(d).approvals.groups = [{ name: 'sre' }, { name: 'sre' }];
    },
    'repositories[0].approvals.groups[1].name',
    'same group twice',
  ],
  [
    'group member not a Slack id',
    (d) => (d.groups = [{ name: 'sre', members: ['@bob'] }]),
    'groups[0].members[0]',
    'must be a Slack user id',
  ],
  [
    'group member not in people',
    (d) => (d.groups = [{ name: 'sre', members: ['WCAROL'] }]),
    'groups[0].members[0]',
    'not listed in people',
  ],
  [
    'group defined twice',
    (d) =>
      (d.groups = [
        { name: 'sre', members: ['UBOB'] },
        { name: 'sre', members: ['UALICE'] },
      ]),
    'groups[1].name',
    'listed twice',
  ],
  [
    'reminder not before expiry',
    (d) => Object.assign(repo(d).approvals, { expiry: '1h', reminder: '1h' }),
    'repositories[0].approvals.reminder',
    'shorter than expiry',
  ],
  ['person slack twice', (d) => d.people.push({ slack: 'UBOB', github: 'bobby' }), 'people[2].slack', 'listed twice'],
  [
    'person github twice',
    (d) => d.people.push({ slack: 'UROBERT', github: 'Bob' }),
    'people[2].github',
    'listed twice',
  ],
  ['person github not a login', (d) => (d.people[0].github = 'alice smith'), 'people[0].github', 'GitHub login'],
  ['deploy stage missing', (d) => delete repo(d).deploy.rollback, 'repositories[0].deploy.rollback', 'is required'],
  [
    'deploy command empty',
    (d) => (repo(d).deploy.canary.command = ' '),
    'repositories[0].deploy.canary.command',
    'must be a command',
  ],
  [
    'metric without {{track}}',
    (d) => (repo(d).canary = { metrics: [{ name: 'errors', query: 'sum(errors)' }] }),
    'repositories[0].canary.metrics[0].query',
    '{{track}}',
  ],
  [
    'metric direction',
    (d) => (repo(d).canary = { metrics: [{ name: 'e', query: '{{track}}', direction: 'up' }] }),
    'repositories[0].canary.metrics[0].direction',
    'increase, decrease, either',
  ],
  [
    'metric name twice',
    (d) =>
      (repo(d).canary = {
        metrics: [
          { name: 'e', query: '{{track}}' },
          { name: 'e', query: '{{track}}' },
        ],
      }),
    'repositories[0].canary.metrics[1].name',
    'listed twice',
  ],
  ['time lock too short', (d) => (d.time_lock = '30s'), 'time_lock', 'shorter than 1 minute'],
  ['time lock not a duration', (d) => (d.time_lock = 'soon'), 'time_lock', 'must be a duration'],
  ['sandbox unknown', (d) => (d.sandbox = 'docker'), 'sandbox', 'must be one of bubblewrap, none'],
  ['port out of range', (d) => (d.http = { port: 70000 }), 'http.port', 'at most 65535'],
  [
    'prometheus url not http',
    (d) => (d.canary = { prometheus_url: 'prometheus:9090' }),
    'canary.prometheus_url',
    'http:// or https://',
  ],
  ['version other than 1', (d) => (d.version = 2), 'version', 'must be 1'],
  ['wrong type of section', (d) => (d.people = 'alice'), 'people', 'must be a list'],
  ['wrong type of setting', (d) => (d.allow_short_time_lock = 'yes'), 'allow_short_time_lock', 'must be true or false'],
];

describe('every rule reports exactly its path', () => {
  it.each(RULES)('%s', (_rule, edit, path, message) => {
    const errors = configErrors(documentWith(edit));
    expect(pathsOf(errors)).toEqual([path]);
    expect(errors[0]?.message).toContain(message);
  });
});

describe('gate reports and the security scanner', () => {
  it('reads sarif, junit, the scanner threshold and its model, with defaults', () => {
    const config = validConfig(
      documentWith((d) => {
        repo(d).gates = [
          { id: 'unit', kind: 'unit_tests', command: 'npm test', junit: 'reports/junit.xml' },
          { id: 'lint', kind: 'static_analysis', command: 'npm run lint', sarif: 'lint.sarif' },
          { id: 'scan', kind: 'security_scanner' },
          {
            id: 'scan2',
            kind: 'security_scanner',
            block_at: 'medium',
            model: { model: 'sec-1', base_url: 'http://m:1/v1' },
          },
        ];
      }),
    );
    const gates = config.repositories[0]?.gates;
    expect(gates?.[0]).toMatchObject({ kind: 'unit_tests', junit: 'reports/junit.xml' });
    expect(gates?.[1]).toMatchObject({ kind: 'static_analysis', sarif: 'lint.sarif' });
    expect(gates?.[2]).toEqual({
      id: 'scan',
      name: 'Security scanner',
      kind: 'security_scanner',
      phase: 'reviewing',
      timeoutMs: 600_000,
      blockAt: 'high',
    });
    expect(gates?.[3]).toMatchObject({
      blockAt: 'medium',
      model: { model: 'sec-1', baseUrl: 'http://m:1/v1', timeoutMs: 60_000 },
    });
    expect(config.workDir).toBe('./shiplock-work');
  });
});
