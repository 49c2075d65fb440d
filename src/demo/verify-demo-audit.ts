import { runCli } from '../cli/run-cli.ts';

/** The audit's verdict and the line the transcript shows. */
export interface DemoAudit {
  readonly ok: boolean;
  readonly line: string;
}

/** Runs `shiplock audit verify --db <path>` in-process, exactly as the CLI does, and reports it. */
export async function verifyDemoAudit(dbPath: string): Promise<DemoAudit> {
  let output = '';
  const code = await runCli(['audit', 'verify', '--db', dbPath], {
    stdout: (text) => {
      output += text;
    },
    stderr: (text) => {
      output += text;
    },
    readFile: () => '',
    env: {},
  });
  return { ok: code === 0, line: `shiplock audit verify: ${output.trim()}` };
}
