import { describe, expect, it } from 'vitest';
import { formatConfigErrors } from '../../../src/config/format-config-errors.ts';
import { configErrors, documentWith } from './minimal-config.ts';

describe('formatConfigErrors', () => {
  it('prints one line per problem, then where to look', () => {
    const text = formatConfigErrors([
      { path: 'repositories[0].gates[1].command', message: 'is required for kind unit_tests', line: 14 },
      { path: '(yaml)', message: 'YAML syntax: Map keys must be unique', line: 3, column: 1 },
      { path: 'env.GITHUB_TOKEN', message: 'is not set' },
    ]);
    expect(text.split('\n')).toEqual([
      'repositories[0].gates[1].command: is required for kind unit_tests (line 14)',
      '(yaml): YAML syntax: Map keys must be unique (line 3, column 1)',
      'env.GITHUB_TOKEN: is not set',
      '3 problems in the configuration. Every key and its default: docs/configuration.md; a complete example: shiplock.example.yml; secrets: .env.example.',
    ]);
  });

  it('says "1 problem" for one and prints nothing for none', () => {
    expect(formatConfigErrors([{ path: 'sandbox', message: 'x' }])).toContain('\n1 problem in the configuration.');
    expect(formatConfigErrors([])).toBe('');
  });

  it('formats real parse errors line by line', () => {
    const errors = configErrors(documentWith((d) => Object.assign(d, { sandbox: 'docker', time_lock: '5s' })));
    const lines = formatConfigErrors(errors).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^sandbox: must be one of bubblewrap, none \(line \d+\)$/);
  });
});
