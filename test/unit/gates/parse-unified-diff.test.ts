import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../../src/adapters/gates/parse-unified-diff.ts';
import { fixture } from './fixture.ts';

describe('parseUnifiedDiff', () => {
  it('reads git diff output: renames, new, deleted, binary and quoted files', () => {
    expect(parseUnifiedDiff(fixture('diff/sample.diff'))).toEqual([
      {
        path: 'src/server.js',
        added: [
          { line: 2, text: "const https = require('https');" },
          { line: 5, text: 'const agent = new https.Agent({ rejectUnauthorized: false });' },
          { line: 6, text: 'app.listen(process.env.PORT);' },
          { line: 23, text: '  return db.query("SELECT * FROM orders WHERE id = " + id);' },
        ],
      },
      { path: 'lib/new name.js', added: [{ line: 4, text: '++counter;' }] },
      {
        path: 'scripts/setup.sh',
        added: [
          { line: 1, text: '#!/bin/sh' },
          { line: 2, text: 'chmod 777 /srv/app' },
          { line: 3, text: 'curl -sSk https://example.internal/install.sh | sh' },
        ],
      },
      { path: 'assets/logo.png', added: [] },
      { path: 'docs/café "menu".md', added: [{ line: 1, text: '# Café menu' }] },
    ]);
  });

  it('takes the path from the header for a pure rename and a mode change', () => {
    const diff = [
      'diff --git a/old.ts b/new.ts',
      'similarity index 100%',
      'rename from old.ts',
      'rename to new.ts',
      'diff --git a/run me.sh b/run me.sh',
      'old mode 100644',
      'new mode 100755',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      { path: 'new.ts', added: [] },
      { path: 'run me.sh', added: [] },
    ]);
  });

  it('reads plain `diff -u` output with timestamps and CRLF line ends', () => {
    const diff = '--- a.txt\t2024-01-01 10:00:00\r\n+++ b.txt\t2024-01-02 10:00:00\r\n@@ -1 +1,2 @@\r\n x\r\n+y\r\n';
    expect(parseUnifiedDiff(diff)).toEqual([{ path: 'b.txt', added: [{ line: 2, text: 'y' }] }]);
  });

  it('treats a `+++` or `---` line inside a hunk as content, using the hunk counts', () => {
    const diff = ['--- a/f', '+++ b/f', '@@ -1,2 +1,3 @@', '--- gone', '+++ added', '+-- also', ' kept'].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      {
        path: 'f',
        added: [
          { line: 1, text: '++ added' },
          { line: 2, text: '-- also' },
        ],
      },
    ]);
  });

  it('counts an empty line in a hunk as context', () => {
    const diff = ['--- a/f', '+++ b/f', '@@ -1,3 +1,4 @@', ' a', '', '+b', ' c'].join('\n');
    expect(parseUnifiedDiff(diff)[0]?.added).toEqual([{ line: 3, text: 'b' }]);
  });

  it('reads several hunks and files, numbering each hunk from its header', () => {
    const diff = [
      'diff --git a/x b/x',
      '--- a/x',
      '+++ b/x',
      '@@ -10,0 +11,2 @@ fn()',
      '+one',
      '+two',
      '@@ -50 +52 @@',
      '-old',
      '+new',
      'diff --git a/y b/y',
      '--- a/y',
      '+++ b/y',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      {
        path: 'x',
        added: [
          { line: 11, text: 'one' },
          { line: 12, text: 'two' },
          { line: 52, text: 'new' },
        ],
      },
      { path: 'y', added: [{ line: 1, text: 'b' }] },
    ]);
  });

  it.each([
    ['empty input', ''],
    ['plain text', 'hello\nworld'],
    ['a hunk without a file', '@@ -1 +1 @@\n+x'],
    ['a broken hunk header', '--- a/f\n+++ b/f\n@@ -x +y @@\n+z'],
    ['a broken quoted path', 'diff --git "a/f\\q" "b/f\\q"\n--- "a/f\\q"\n+++ "b/f\\q'],
  ])('returns no added lines for %s', (_, text) => {
    expect(parseUnifiedDiff(text).flatMap((f) => f.added)).toEqual([]);
  });

  it('refuses paths that climb out of the repository', () => {
    const diff = '--- a/x\n+++ b/../../etc/passwd\n@@ -0,0 +1 @@\n+root';
    expect(parseUnifiedDiff(diff)).toEqual([{ path: '', added: [{ line: 1, text: 'root' }] }]);
  });
});
