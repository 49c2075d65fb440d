import { codeRule } from './code-rule.ts';

const MENTIONS_PASSWORD = (t: string): boolean => /passw|passphrase|\bpwd\b|credential/i.test(t);
const MENTIONS_SECRET_VALUE = (t: string): boolean =>
  /token|secret|passw|nonce|salt|\botp\b|session|csrf|api_?key|reset|verif|invite|code_verifier/i.test(t);

/** Cryptography used where it cannot protect anything. */
export const CRYPTO_RULES = [
  codeRule({
    id: 'SL-CRYPTO-WEAK-HASH',
    severity: 'medium',
    title: 'weak hash for passwords',
    description:
      'MD5 and SHA-1 are fast and broken; a leaked table of such password hashes is cracked in hours. Use argon2id, scrypt or bcrypt.',
    patterns: [{ re: /\b(?:md5|sha-?1)(?![0-9])/i, label: 'MD5/SHA-1 near a password', when: MENTIONS_PASSWORD }],
  }),
  codeRule({
    id: 'SL-RANDOM-INSECURE',
    severity: 'medium',
    title: 'predictable randomness for a secret',
    description:
      "Math.random and Python's random module are predictable; tokens, salts, nonces and reset codes made with them can be guessed. Use crypto.randomBytes / crypto.randomUUID or the secrets module.",
    patterns: [
      { re: /\bMath\.random\s{0,5}\(/, label: 'Math.random', when: MENTIONS_SECRET_VALUE },
      {
        re: /(?<![\w.])random\.(?:random|randint|randrange|choice|choices|getrandbits|sample)\s{0,5}\(/,
        label: 'random module',
        when: MENTIONS_SECRET_VALUE,
      },
    ],
  }),
  codeRule({
    id: 'SL-JWT-NOVERIFY',
    severity: 'high',
    title: 'JWT signature not verified',
    description:
      'Accepting the "none" algorithm or skipping signature verification lets anyone forge a token. Verify with an explicit list of real algorithms.',
    patterns: [
      { re: /\balgorithms?["']?\s{0,5}[:=]\s{0,5}\[?\s{0,5}["']none["']/i, label: 'algorithm none' },
      { re: /["']?verify_signature["']?\s{0,5}:\s{0,5}False\b/, label: 'verify_signature: False' },
      { re: /\bjwt\.decode\s{0,5}\([^\n]{0,300}?\bverify\s{0,5}=\s{0,5}False\b/, label: 'jwt.decode(verify=False)' },
    ],
  }),
];
