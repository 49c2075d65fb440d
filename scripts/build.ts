/**
 * `npm run build`: bundles the bot into `dist/main.js` (with its source map), which `npm start` and
 * `bin/shiplock.js` run with plain node. Stack traces then name `dist/main.js`;
 * `NODE_OPTIONS=--enable-source-maps` maps them back to `src/`, at about 0.3 s of start-up.
 */
import { rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.ts';

const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const outfile = `${dist}main.js`;
const started = performance.now();
rmSync(dist, { recursive: true, force: true }); // nothing left over from an older build
await bundle(entry, outfile);
const size = (statSync(outfile).size / 1024 / 1024).toFixed(1);
console.log(`built dist/main.js (${size} MB) in ${Math.round(performance.now() - started)} ms`);
