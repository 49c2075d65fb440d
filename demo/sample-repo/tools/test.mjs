// Unit tests without a framework (the sandbox has no network for `npm install`): every
// test/*.test.js exports `tests`, a map of name → test(eq).
import { readdirSync } from 'node:fs';
import { writeJunit } from './junit.mjs';

const eq = (actual, expected) => {
  if (actual !== expected) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};
const results = [];
for (const file of readdirSync('test').filter((f) => f.endsWith('.test.js')).sort()) {
  const { tests } = await import(`../test/${file}`);
  for (const [name, test] of Object.entries(tests)) {
    const started = performance.now();
    try {
      await test(eq);
      results.push({ name, ms: performance.now() - started });
    } catch (error) {
      results.push({ name, ms: performance.now() - started, failure: error.message });
    }
  }
}
const failures = writeJunit('reports/junit.xml', 'unit', results);
console.log(`${results.length - failures}/${results.length} tests passed`);
process.exit(failures === 0 ? 0 : 1);
