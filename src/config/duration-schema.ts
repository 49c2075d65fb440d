import * as z from 'zod';
import { parseDuration } from './parse-duration.ts';

const HELP = 'must be a duration such as 30s, 15m, 24h or 1h30m, or a number of seconds (at most 365d)';

/** A duration in shiplock.yml, parsed to milliseconds. */
export function durationSchema(): z.ZodType<number, unknown> {
  return z.unknown().transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: HELP });
      return z.NEVER;
    }
    return ms;
  });
}
