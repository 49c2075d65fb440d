import { secretRule } from './secret-rule.ts';

const ROTATE =
  'Revoke and rotate it now (it is in the git history), then load it from the environment or a secret store.';

/** True when a token mixes letters and digits, as generated keys do and identifiers rarely do. */
function looksGenerated(value: string): boolean {
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** Provider-specific credentials with a recognisable prefix. */
export const SECRET_RULES = [
  secretRule({
    id: 'SL-SECRET-AWS',
    severity: 'critical',
    title: 'AWS access key id',
    description: `An AWS access key id (AKIA…/ASIA…) was added. ${ROTATE}`,
    re: /(?<![A-Za-z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])/,
  }),
  secretRule({
    id: 'SL-SECRET-GITHUB',
    severity: 'critical',
    title: 'GitHub token',
    description: `A GitHub token (ghp_, gho_, ghu_, ghs_, ghr_ or github_pat_) was added. ${ROTATE}`,
    re: /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/,
  }),
  secretRule({
    id: 'SL-SECRET-SLACK',
    severity: 'critical',
    title: 'Slack token or webhook',
    description: `A Slack token (xoxb-, xoxa-, xoxp-, xoxr-, xapp-) or incoming-webhook URL was added. ${ROTATE}`,
    re: /(?<![A-Za-z0-9])(xox[abpr]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250}|hooks\.slack\.com\/services\/T[A-Za-z0-9]{4,20}\/B[A-Za-z0-9]{4,20}\/[A-Za-z0-9]{8,64})/,
  }),
  secretRule({
    id: 'SL-SECRET-OPENAI',
    severity: 'critical',
    title: 'OpenAI API key',
    description: `An OpenAI API key (sk-…, sk-proj-…) was added. ${ROTATE}`,
    re: /(?<![A-Za-z0-9_-])(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,300}|sk-[A-Za-z0-9]{32,300})(?![A-Za-z0-9_-])/,
    accept: looksGenerated,
  }),
  secretRule({
    id: 'SL-SECRET-STRIPE',
    severity: 'critical',
    title: 'Stripe live secret key',
    description: `A Stripe live secret or restricted key (sk_live_, rk_live_) was added. ${ROTATE}`,
    re: /(?<![A-Za-z0-9])((?:sk|rk)_live_[A-Za-z0-9]{16,255})(?![A-Za-z0-9])/,
  }),
  secretRule({
    id: 'SL-SECRET-GOOGLE',
    severity: 'high',
    title: 'Google API key',
    description: `A Google API key (AIza…) was added. Restrict or rotate it; browser keys must at least be restricted by referrer. ${ROTATE}`,
    re: /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
  }),
  secretRule({
    id: 'SL-SECRET-PEM',
    severity: 'critical',
    title: 'private key',
    description: `A PEM private key block was added. ${ROTATE}`,
    // A header that ends the line (a .pem file, a multi-line string) or continues with an escaped
    // newline is a key; a header closed by a quote, as in startsWith('-----BEGIN PRIVATE KEY-----'),
    // is code that handles keys.
    re: /(-----BEGIN (?:[A-Z0-9]{1,12} ){0,2}PRIVATE KEY(?: BLOCK)?-----)(?=\s*$|\\n)/,
  }),
];
