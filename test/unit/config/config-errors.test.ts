import { describe, expect, it } from 'vitest';
import { configErrors, type Doc, documentWith, pathsOf } from './minimal-config.ts';

const repo = (doc: Doc) => doc.repositories[0];
describe('unknown keys', () => {
  it('names the path of a misspelt key and the key it meant', () => {
    const errors = configErrors(documentWith((d) => (repo(d).gates[0].timout = '5m')));
    expect(errors).toEqual([
      {
        path: 'repositories[0].gates[0].timout',
        message: 'unknown key; did you mean timeout?',
        line: expect.any(Number),
      },
    ]);
  });

  it('suggests the snake_case key for a camelCase one', () => {
    expect(configErrors(documentWith((d) => (d.timeLock = '15m')))[0]?.message).toBe(
      'unknown key; did you mean time_lock?',
    );
  });

  it('lists the keys allowed there when nothing is close', () => {
    expect(configErrors(documentWith((d) => (d.http = { listen: 1 })))[0]).toMatchObject({
      path: 'http.listen',
      message: 'unknown key; the keys allowed here are port, host',
    });
  });

  it('quotes an odd key in the path', () => {
    expect(pathsOf(configErrors(documentWith((d) => (d['deploy windows'] = []))))).toEqual(['["deploy windows"]']);
  });
});

describe('every problem at once', () => {
  it('reports schema, cross-field and environment problems together, in file order', () => {
    const text = documentWith((d) => {
      d.time_lock = '20s';
      d.sandbox = 'docker';
      repo(d).gates.push({ id: 'unit', kind: 'github_check' });
      repo(d).approvals = { required: 3, approvers: ['UBOB', 'UZED'], groups: [{ name: 'nope', quorum: 0 }] };
      repo(d).deploy_chanel = 'C1';
    });
    const errors = configErrors(text, { SLACK_API_URL: 'slack.com' });
    expect(pathsOf(errors).sort()).toEqual(
      [
        'env.SLACK_API_URL',
        'repositories[0].approvals.approvers[1]',
        'repositories[0].approvals.groups[0].name',
        'repositories[0].approvals.groups[0].quorum',
        'repositories[0].approvals.required',
        'repositories[0].deploy_chanel',
        'repositories[0].gates[1].check_name',
        'repositories[0].gates[1].id',
        'sandbox',
        'time_lock',
      ].sort(),
    );
    const lines = errors.flatMap((e) => (e.line === undefined ? [] : [e.line]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(errors.at(-1)?.path).toBe('env.SLACK_API_URL');
  });

  it('gives each error the line of its key in the file', () => {
    const text = 'repositories:\n  - name: acme/api\n    deploy_channel: C0DEPLOYS\n    gates: []\n';
    const errors = configErrors(text);
    expect(errors.find((e) => e.path === 'repositories[0].gates')?.line).toBe(4);
    expect(errors.find((e) => e.path === 'repositories[0].deploy')).toMatchObject({ message: 'is required', line: 2 });
  });
});

describe('YAML syntax', () => {
  it('reports a syntax error with its line and column', () => {
    expect(configErrors('repositories:\n  - name: [acme\n')).toEqual([
      expect.objectContaining({ path: '(yaml)', line: 3, column: 1, message: expect.stringContaining('YAML syntax') }),
    ]);
  });

  it('reports duplicate keys', () => {
    expect(configErrors('time_lock: 15m\ntime_lock: 20m\n')[0]).toMatchObject({
      path: '(yaml)',
      line: 2,
      message: 'YAML syntax: Map keys must be unique',
    });
  });

  it('reports every syntax error, not only the first', () => {
    expect(configErrors('a: 1\na: 2\nb: 1\nb: 2\n')).toHaveLength(2);
  });

  it('refuses several documents in one file', () => {
    expect(configErrors('a: 1\n---\nb: 2\n')[0]?.message).toContain('multiple documents');
  });

  it('refuses an alias that contains itself and an unknown alias', () => {
    expect(configErrors('a: &x [*x]\n')[0]?.message).toContain('alias');
    expect(configErrors('a: *nowhere\n')[0]?.path).toBe('(yaml)');
  });

  it('says an empty file must list repositories', () => {
    expect(configErrors('')).toEqual([{ path: '(root)', message: expect.stringContaining('empty') }]);
    expect(configErrors('# nothing yet\n')[0]?.path).toBe('(root)');
  });

  it('says the document must be a mapping', () => {
    expect(configErrors('- a\n- b\n')[0]).toMatchObject({
      path: '(root)',
      message: 'must be a mapping of keys to values',
    });
  });

  it('treats a section left empty as absent (its defaults apply)', () => {
    const text = `${documentWith(() => {})}http:\nadvisory_review:\n`;
    expect(() => configErrors(text)).toThrow('expected configuration errors');
  });

  it('says a required value left empty is empty', () => {
    const errors = configErrors(documentWith((d) => (repo(d).deploy_channel = null)));
    expect(errors[0]).toMatchObject({
      path: 'repositories[0].deploy_channel',
      message: 'is empty; it must be a string',
    });
  });
});
