import { isPlaceholderSecret } from './is-placeholder-secret.ts';
import { redactSecret } from './redact-secret.ts';
import type { ScanRule } from './scan-rule.ts';

const KEY =
  '[A-Za-z0-9_]{0,40}?(?:password|passwd|passphrase|pwd|secret(?:[_-]?key)?|api[_-]?key|access[_-]?key|auth[_-]?token|access[_-]?token|private[_-]?key|client[_-]?secret|token)';
/** `dbPassword = "…"`, `"api_key": "…"`, `password="…"`: a quoted literal of 6+ non-space characters. */
const QUOTED = new RegExp(
  `(?<![A-Za-z0-9_])(${KEY})["']?\\s{0,5}(?::=|=>|:|=)\\s{0,5}(["'\`])([^"'\`\\s]{6,200})\\2`,
  'i',
);
/** `.env`, YAML, INI and properties files also write values unquoted: `DB_PASSWORD=hunter22`. */
const BARE = new RegExp(
  `^\\s{0,20}(?:export\\s+)?(${KEY})\\s{0,5}[:=]\\s{0,5}([^\\s"'#!&*][^\\s"'#]{5,199})\\s*$`,
  'i',
);
const CONFIG_FILE = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[^/]+\.(?:ya?ml|ini|cfg|conf|properties|toml))$/i;
/** Sample files show what to set, not the value. */
const SAMPLE_FILE = /(?:example|sample|template|dist)(?:\.[\w-]+)?$/i;
/** Values that name a secret instead of holding one. */
const NOT_A_SECRET =
  /^(?:password|passwd|secret|token|none|null|nil|undefined|true|false|string|required|optional|todo|tbd|test|\$.*|%.*|process\.env.*|os\.environ.*|env\(.*)$/i;

/**
 * A credential written as a literal into code or config: an identifier or key that names a
 * password, secret, token or API key, assigned a literal. Placeholders, references
 * (`$VAR`, `${VAR}`, `{{ var }}`, `process.env…`) and sample files (`.env.example`) are skipped.
 * The message names the key and a redacted prefix of the value.
 */
export const SECRET_ASSIGNMENT_RULE: ScanRule = {
  id: 'SL-SECRET-ASSIGN',
  severity: 'high',
  title: 'hard-coded credential',
  description:
    'A password, secret, token or API key is assigned a literal value. Move it to the environment or a secret store and rotate it if it was ever real.',
  test: (text, path) => {
    if (SAMPLE_FILE.test(path)) return null;
    const quoted = QUOTED.exec(text);
    const bare = quoted === null && CONFIG_FILE.test(path) ? BARE.exec(text) : null;
    const key = quoted?.[1] ?? bare?.[1];
    const value = quoted?.[3] ?? bare?.[2];
    if (key === undefined || value === undefined) return null;
    if (isPlaceholderSecret(value) || NOT_A_SECRET.test(value) || value.toLowerCase() === key.toLowerCase())
      return null;
    return `hard-coded credential in ${key.slice(0, 60)} (${redactSecret(value)})`;
  },
};
