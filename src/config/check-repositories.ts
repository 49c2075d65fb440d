import { duplicates } from './check-people.ts';
import { formatPath } from './format-path.ts';
import { GATE_KINDS } from './gate-schema.ts';
import { field, items, text } from './raw-access.ts';
import type { ConfigError } from './types.ts';

const KINDS: ReadonlySet<string> = new Set(GATE_KINDS);

/**
 * Checks across the fields of each repository: names unique (GitHub names are case-insensitive),
 * gate ids and metric names unique within it, and each gate has exactly what its kind runs: a
 * `command` (optional for the security scanner, whose own rules need none), or for `github_check`
 * a `check_name`; keys of other kinds (`sarif`, `junit`, `block_at`, `model`) are refused.
 */
export function checkRepositories(raw: unknown): ConfigError[] {
  const repos = items(field(raw, 'repositories'));
  const errors = duplicates(repos, 'repositories', 'name', (s) => s.toLowerCase());
  repos.forEach((repo, r) => {
    const gates = items(field(repo, 'gates'));
    errors.push(...duplicates(gates, `repositories[${r}].gates`, 'id', (s) => s));
    for (const [g, gate] of gates.entries()) errors.push(...checkGateRunner(gate, ['repositories', r, 'gates', g]));
    const metrics = items(field(field(repo, 'canary'), 'metrics'));
    errors.push(...duplicates(metrics, `repositories[${r}].canary.metrics`, 'name', (s) => s));
  });
  return errors;
}

/** Keys that only some gate kinds use, and which. */
const KEY_KINDS: Readonly<Record<string, readonly string[]>> = {
  check_name: ['github_check'],
  sarif: ['static_analysis', 'security_scanner', 'unit_tests', 'integration_tests', 'fuzz'],
  junit: ['unit_tests', 'integration_tests', 'fuzz'],
  block_at: ['security_scanner'],
  model: ['security_scanner'],
};

function checkGateRunner(gate: unknown, at: readonly (string | number)[]): ConfigError[] {
  const kind = text(field(gate, 'kind'));
  if (kind === undefined || !KINDS.has(kind)) return [];
  const hasCommand = field(gate, 'command') !== undefined;
  const errors: ConfigError[] = [];
  if (kind === 'github_check') {
    if (field(gate, 'check_name') === undefined)
      errors.push({
        path: formatPath([...at, 'check_name']),
        message: 'is required for kind github_check: the name of the check run to wait for',
      });
    if (hasCommand)
      errors.push({
        path: formatPath([...at, 'command']),
        message: 'is not used by kind github_check, which waits for a GitHub check run; remove it',
      });
  } else if (!hasCommand && kind !== 'security_scanner') {
    // The security scanner's own rules need no command; every other kind runs one.
    errors.push({ path: formatPath([...at, 'command']), message: `is required for kind ${kind}` });
  }
  for (const [key, kinds] of Object.entries(KEY_KINDS)) {
    if (field(gate, key) === undefined || kinds.includes(kind)) continue;
    errors.push({ path: formatPath([...at, key]), message: `is only for kind ${kinds.join(' or ')}; remove it` });
  }
  return errors;
}
