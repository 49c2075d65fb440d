import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const escape = (text) => String(text).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes a JUnit XML report of `results` ({ name, ms, failure? }) to `path`. */
export function writeJunit(path, suite, results) {
  const failures = results.filter((r) => r.failure !== undefined).length;
  const cases = results.map((r) => {
    const head = `<testcase classname="${escape(suite)}" name="${escape(r.name)}" time="${(r.ms / 1000).toFixed(3)}"`;
    return r.failure === undefined ? `${head}/>` : `${head}><failure message="${escape(r.failure)}"/></testcase>`;
  });
  mkdirSync(dirname(path), { recursive: true });
  const xml = `<testsuite name="${escape(suite)}" tests="${results.length}" failures="${failures}">${cases.join('')}</testsuite>\n`;
  writeFileSync(path, xml);
  return failures;
}
