import { codeRule } from './code-rule.ts';

/** Browser-side injection and disabled request-forgery protection. */
export const WEB_RULES = [
  codeRule({
    id: 'SL-XSS-HTML',
    severity: 'medium',
    title: 'HTML built from a non-literal',
    description:
      'Raw HTML from a variable (dangerouslySetInnerHTML, innerHTML, document.write, v-html) is cross-site scripting if any part comes from users. Render text, or sanitise with a vetted library (DOMPurify) first.',
    patterns: [
      {
        re: /\bdangerouslySetInnerHTML\s{0,5}=\s{0,5}\{\s{0,5}\{\s{0,5}__html\s{0,5}:/,
        label: 'dangerouslySetInnerHTML',
        dynamic: 'first',
      },
      { re: /\.(?:innerHTML|outerHTML)\s{0,5}(?:\+=|=(?!=))/, label: 'innerHTML', dynamic: 'first' },
      {
        re: /\.insertAdjacentHTML\s{0,5}\(\s{0,5}["'][a-zA-Z]{1,12}["']\s{0,5},/,
        label: 'insertAdjacentHTML',
        dynamic: 'first',
      },
      { re: /\bdocument\.write(?:ln)?\s{0,5}\(/, label: 'document.write', dynamic: 'all' },
      { re: /\bv-html\s{0,5}=/, label: 'v-html' },
    ],
  }),
  codeRule({
    id: 'SL-CSRF-OFF',
    severity: 'medium',
    title: 'CSRF protection disabled',
    description:
      "Cross-site request forgery protection is turned off, so another site can submit requests with the user's cookies. Keep it on; exempt only token-authenticated APIs, explicitly.",
    patterns: [
      { re: /@csrf_exempt\b/, label: '@csrf_exempt' },
      { re: /\bWTF_CSRF_(?:ENABLED|CHECK_DEFAULT)["']?\s{0,5}[:=]\s{0,5}False\b/, label: 'WTF_CSRF_ENABLED = False' },
      {
        re: /\.csrf\(\s{0,5}\)\s{0,5}\.disable\(\)|\bcsrf\(\s{0,5}(?:\w{1,30}\s{0,5}->\s{0,5}\w{1,30}\.disable\(\)|AbstractHttpConfigurer::disable)/,
        label: 'Spring csrf().disable()',
      },
      { re: /\bskip_before_action\s{1,5}:verify_authenticity_token\b/, label: 'skip verify_authenticity_token' },
      { re: /\bcsrf(?:Protection)?["']?\s{0,5}:\s{0,5}false\b/i, label: 'csrf: false' },
    ],
  }),
];
