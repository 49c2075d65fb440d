/** `shiplock <words…> [--flag value]…` split into the command words and the flags. */
export interface ParsedArgs {
  readonly words: readonly string[];
  readonly flags: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
}

/** Parses argv; every flag takes a value (`--db FILE` or `--db=FILE`). Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const value = eq < 0 ? argv[i + 1] : arg.slice(eq + 1);
    if (name === 'help') {
      words.push('help');
      continue;
    }
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      problems.push(`--${name} needs a value`);
      continue;
    }
    flags[name] = value;
    if (eq < 0) i += 1;
  }
  return { words, flags, problems };
}
