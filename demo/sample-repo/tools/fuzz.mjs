// Property fuzzing of slugify with the seed shiplock drew and logged (SHIPLOCK_FUZZ_SEED):
// `SHIPLOCK_FUZZ_SEED=<seed> node tools/fuzz.mjs` replays the exact run.
import { slugify } from '../src/slugify.js';
import { writeJunit } from './junit.mjs';

const seed = Number(process.env.SHIPLOCK_FUZZ_SEED ?? 1);
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const ALPHABET = 'aZ09 -_!?éÅß\u0301\t.🙂';
const input = () =>
  Array.from({ length: Math.floor(random() * 90) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

const properties = {
  'only lower-case words joined by single dashes': (s) => /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(s),
  'at most 64 characters': (s) => s.length <= 64,
  'idempotent': (s) => slugify(s) === s,
};
const RUNS = 2000;
const results = Object.entries(properties).map(([name, holds]) => {
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 1) {
    const text = input();
    if (!holds(slugify(text))) {
      return { name, ms: performance.now() - started, failure: `fails for ${JSON.stringify(text)}` };
    }
  }
  return { name, ms: performance.now() - started };
});
const failures = writeJunit('reports/fuzz.xml', 'fuzz', results);
console.log(`seed ${seed}: ${RUNS} inputs × ${results.length} properties, ${failures} failing`);
process.exit(failures === 0 ? 0 : 1);
