import type { DemoMode, DemoOptions } from './demo-options.ts';

/** The options the command line decides. */
export type DemoArgs = Pick<DemoOptions, 'mode' | 'interactive' | 'prometheus' | 'sandbox'>;

/** What the command line asks for: a run, the help text, or a usage error. */
export type ParsedDemoArgs =
  | { readonly kind: 'run'; readonly args: DemoArgs }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly problem: string };

const CHOICES = {
  prometheus: ['auto', 'binary', 'stand-in'],
  sandbox: ['auto', 'bubblewrap', 'none'],
} as const;

/** Parses `npm run demo -- …`; every unknown or conflicting flag is a usage error. */
export function parseDemoArgs(argv: readonly string[]): ParsedDemoArgs {
  let mode: DemoMode = 'happy';
  let interactive = false;
  const picked: { prometheus: DemoArgs['prometheus']; sandbox: DemoArgs['sandbox'] } = {
    prometheus: 'auto',
    sandbox: 'auto',
  };
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--interactive') {
      interactive = true;
      continue;
    }
    if (arg === '--bad-canary' || arg === '--cancel') {
      const next: DemoMode = arg === '--cancel' ? 'cancel' : 'bad-canary';
      if (mode !== 'happy' && mode !== next)
        return { kind: 'error', problem: '--bad-canary and --cancel tell different stories; pick one' };
      mode = next;
      continue;
    }
    const choice = /^--(prometheus|sandbox)=(.*)$/.exec(arg);
    const key = choice?.[1] as keyof typeof CHOICES | undefined;
    const value = choice?.[2] ?? '';
    if (key === undefined) return { kind: 'error', problem: `unknown option "${arg}"` };
    if (!(CHOICES[key] as readonly string[]).includes(value)) {
      return { kind: 'error', problem: `--${key} takes ${CHOICES[key].join(', ')}, not "${value}"` };
    }
    picked[key] = value as never;
  }
  return { kind: 'run', args: { mode, interactive, ...picked } };
}
