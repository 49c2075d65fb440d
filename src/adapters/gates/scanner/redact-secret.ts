/**
 * A secret shortened to a recognisable prefix and `…`, so a finding can say which key it saw
 * without repeating it: at most 8 characters and never more than a quarter of the value.
 */
export function redactSecret(value: string): string {
  return `${value.slice(0, Math.min(8, Math.floor(value.length / 4)))}…`;
}
