import * as z from 'zod';

const HELP = 'must be a command: a non-empty string (run with /bin/sh -c) or a non-empty list of arguments';

/** A command as argv. A single string is run by the shell, so pipes and `&&` work as written. */
export function commandSchema(): z.ZodType<readonly string[], unknown> {
  return z.unknown().transform((value, ctx) => {
    if (typeof value === 'string' && value.trim() !== '') return ['/bin/sh', '-c', value];
    const argv = Array.isArray(value) && value.length > 0 && value.every((a) => typeof a === 'string') ? value : null;
    if (argv === null || argv[0]?.trim() === '') {
      ctx.addIssue({ code: 'custom', message: HELP });
      return z.NEVER;
    }
    return argv;
  });
}
