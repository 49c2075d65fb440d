/** Small gate scripts committed to the origin: what the PR's code does when a gate runs it. */

const junit = (body: string) =>
  `mkdir -p reports\ncat > reports/junit.xml <<'EOF'\n<?xml version="1.0" encoding="UTF-8"?>\n${body}\nEOF\n`;

const sarif = (results: readonly { level: string; ruleId: string; uri: string; line: number }[]) => {
  const log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lint', rules: results.map((r) => ({ id: r.ruleId })) } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          level: r.level,
          message: { text: `${r.ruleId} found a problem` },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }],
        })),
      },
    ],
  };
  return JSON.stringify(log);
};

/** A SARIF log with notes only: it passes if anyone reads it. */
export const NOTES_ONLY_SARIF = sarif([{ level: 'note', ruleId: 'prefer-const', uri: 'src/app.ts', line: 3 }]);

/** Every script, by path in the commit. Commands run them as `sh gates/<name>.sh`. */
export const GATE_SCRIPTS: Readonly<Record<string, string>> = {
  'gates/unit-pass.sh': `${junit(
    '<testsuites><testsuite name="Cart" tests="3" failures="0">' +
      '<testcase name="adds an item"/><testcase name="removes an item"/><testcase name="totals the cart"/>' +
      '</testsuite></testsuites>',
  )}echo "ran 3 tests"\n`,
  'gates/unit-fail-report.sh': `${junit(
    '<testsuites><testsuite name="Cart" tests="3" failures="1">' +
      '<testcase name="adds an item"/><testcase name="removes an item"/>' +
      '<testcase name="totals the cart"><failure message="expected 2, got 3">stack</failure></testcase>' +
      '</testsuite></testsuites>',
  )}echo "ran 3 tests, exit 0 anyway"\nexit 0\n`,
  'gates/unit-no-report.sh': 'echo "tests ran, no report written"\n',
  'gates/unit-zero.sh': `${junit('<testsuites tests="0" failures="0"></testsuites>')}echo "no tests found"\n`,
  'gates/lint-error.sh': `mkdir -p reports\ncat > reports/lint.sarif <<'EOF'\n${sarif([
    { level: 'error', ruleId: 'no-eval', uri: 'src/app.ts', line: 12 },
    { level: 'note', ruleId: 'prefer-const', uri: 'src/app.ts', line: 3 },
  ])}\nEOF\necho "lint done"\n`,
  'gates/lint-notes.sh': `mkdir -p reports\ncat > reports/lint.sarif <<'EOF'\n${NOTES_ONLY_SARIF}\nEOF\necho "lint done"\n`,
  // The report is a symlink the PR's code planted: to /etc/passwd, or to a passing report outside.
  'gates/lint-symlink.sh': 'mkdir -p reports\nln -sf "$1" reports/lint.sarif\necho "linked to $1"\n',
  'gates/fuzz.sh': 'echo "fuzzing with seed=$SHIPLOCK_FUZZ_SEED sha=$SHIPLOCK_SHA"\n',
  'gates/tree.sh': 'echo "marker=$(cat marker.txt) sha=$SHIPLOCK_SHA"\n',
  'gates/slow.sh': 'echo started\nsleep 30\necho "never printed"\n',
  // Leaves a tree the runner's user cannot simply delete, then fails.
  'gates/junk.sh': 'mkdir -p junk/deep\necho x > junk/deep/f\nchmod 000 junk/deep\nchmod 500 junk\nexit 1\n',
  // Exits 3 when anything outside the sandbox is reachable or a secret is visible.
  'gates/escape.sh': [
    'port="$1"; leaked=0',
    'if curl -sS -m 3 -o /dev/null "http://127.0.0.1:$port/curl"; then echo "NET curl OK"; leaked=1; else echo "NET curl FAIL"; fi',
    `if bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; printf 'GET /devtcp HTTP/1.0\\r\\n\\r\\n' >&3; cat <&3" >/dev/null 2>&1; then echo "NET devtcp OK"; leaked=1; else echo "NET devtcp FAIL"; fi`,
    'found=$(env | grep -c -E "GITHUB_TOKEN|SLACK_BOT_TOKEN|ghp_|xoxb-")',
    'echo "SECRETS $found"',
    'if [ "$found" != 0 ]; then leaked=1; fi',
    'echo "--- env"; env | sort',
    'if [ "$leaked" = 1 ]; then exit 3; fi',
  ].join('\n'),
};
