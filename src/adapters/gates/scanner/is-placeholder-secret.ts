/**
 * Placeholder markers: AWS's documented sample keys end in `EXAMPLE`, docs write `xxxx`, `<your
 * key>`, `${VAR}` or `{{ var }}`, and a run of one repeated character is filler, not a key.
 */
const MARKERS =
  /example|xxxx|placeholder|dummy|redacted|changeme|change_me|your[_-]|<[^>]{0,100}>|\$\{|\{\{|\*{4}|\.{4}/i;
const FILLER = /(.)\1{7}/;

/**
 * True when a secret-shaped value is obviously a placeholder rather than a real credential. The
 * check looks at the value only, never at the path: a real key committed in a test fixture is
 * still a leaked key.
 */
export function isPlaceholderSecret(value: string): boolean {
  return MARKERS.test(value) || FILLER.test(value);
}
