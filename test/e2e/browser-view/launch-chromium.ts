import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium; CI installs it (`.ci/run`). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches Debian's chromium headless. Fails loudly when it is missing: a browser test that skips
 * itself would let a broken page ship (issue 8).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  }
  // --no-sandbox: the tests run as root, where chromium refuses its own sandbox.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'], timeout: 120_000 });
}
