// A small linter: a few rules over src/ and test/, findings as SARIF 2.1.0 in reports/lint.sarif.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const RULES = [
  { id: 'no-var', text: 'use let or const', test: (line) => /\bvar\s/.test(line) },
  { id: 'no-debugger', text: 'remove debugger statements', test: (line) => /\bdebugger\b/.test(line) },
  { id: 'no-trailing-space', text: 'trailing whitespace', test: (line) => /[ \t]+$/.test(line) },
  { id: 'max-len', text: 'lines are at most 120 characters', test: (line) => line.length > 120 },
];
const results = [];
const files = ['src', 'test'].flatMap((dir) => readdirSync(dir).map((f) => `${dir}/${f}`));
for (const file of files.filter((f) => f.endsWith('.js'))) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const rule of RULES.filter((r) => r.test(line))) {
        results.push({
          ruleId: rule.id,
          level: 'error',
          message: { text: rule.text },
          locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: i + 1 } } }],
        });
      }
    });
}
const sarif = {
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [{ tool: { driver: { name: 'sample-lint', rules: RULES.map((r) => ({ id: r.id })) } }, results }],
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/lint.sarif', `${JSON.stringify(sarif, null, 2)}\n`);
console.log(`${files.length} files, ${results.length} findings`);
process.exit(results.length === 0 ? 0 : 1);
