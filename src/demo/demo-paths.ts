import { fileURLToPath } from 'node:url';

/** The repository's `demo/` folder: the sample repository, the deploy scripts and the demo config. */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));
