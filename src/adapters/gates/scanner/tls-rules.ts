import { codeRule } from './code-rule.ts';

/** TLS certificate verification switched off, in the ways Node, Python, Go, curl and git spell it. */
export const TLS_RULES = [
  codeRule({
    id: 'SL-TLS-OFF',
    severity: 'high',
    title: 'TLS certificate verification disabled',
    description:
      'Turning off certificate checks lets anyone on the network read and change the traffic. Fix the trust store (NODE_EXTRA_CA_CERTS, a CA bundle) instead.',
    patterns: [
      { re: /\brejectUnauthorized["']?\s{0,5}:\s{0,5}false\b/, label: 'rejectUnauthorized: false' },
      { re: /\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s{0,5}[:=]\s{0,5}["']?0\b/, label: 'NODE_TLS_REJECT_UNAUTHORIZED=0' },
      { re: /\bstrictSSL["']?\s{0,5}:\s{0,5}false\b/, label: 'strictSSL: false' },
      { re: /\bstrict-ssl\s{0,5}[= ]\s{0,5}false\b/, label: 'npm strict-ssl false' },
      // PyJWT's jwt.decode(..., verify=False) is a different problem: SL-JWT-NOVERIFY reports it.
      { re: /\bverify\s{0,5}=\s{0,5}False\b/, label: 'verify=False', when: (t) => !/\bjwt\b/i.test(t) },
      {
        re: /\bssl\._create_unverified_context\b|\bCERT_NONE\b|\bcheck_hostname\s{0,5}=\s{0,5}False\b/,
        label: 'ssl.CERT_NONE',
      },
      { re: /\bInsecureSkipVerify\s{0,5}:\s{0,5}true\b/, label: 'InsecureSkipVerify: true' },
      { re: /\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s{0,5},\s{0,5}(?:false|0)\b/i, label: 'CURLOPT_SSL_VERIFYPEER off' },
      {
        re: /\bcurl\b[^\n|;&]{0,500}?\s(?:--insecure\b|-[A-Za-z]{0,8}k[A-Za-z]{0,8}(?=\s|$))/,
        label: 'curl --insecure',
      },
      { re: /--no-check-certificate\b/, label: 'wget --no-check-certificate' },
      {
        re: /\bhttp\.sslVerify\s{0,5}[= ]\s{0,5}false\b|\bGIT_SSL_NO_VERIFY\s{0,5}=\s{0,5}["']?(?:1|true)\b/i,
        label: 'git sslVerify off',
      },
    ],
  }),
];
