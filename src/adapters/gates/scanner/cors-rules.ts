import { codeRule } from './code-rule.ts';

/** CORS that lets any site read responses. */
export const CORS_RULES = [
  codeRule({
    id: 'SL-CORS-ANY',
    severity: 'medium',
    title: 'permissive CORS',
    description:
      "Allowing every origin (*, origin: true, or echoing the request Origin) lets any website call this API from a visitor's browser; with credentials it can act as the visitor. List the allowed origins.",
    patterns: [
      { re: /Access-Control-Allow-Origin["']?\s{0,5}[:,=\s]\s{0,5}["']?\*/i, label: 'Access-Control-Allow-Origin: *' },
      {
        re: /Access-Control-Allow-Origin["']?\s{0,5}[:,=\s]\s{0,5}(?:\$http_origin\b|(?:req|request)\.(?:headers?\.origin|get\(|header\())/i,
        label: 'Access-Control-Allow-Origin reflects the request',
      },
      // Usually written over several lines (cors({\n origin: true,\n credentials: true })), so the
      // option is matched on its own.
      { re: /(?<![\w$])origins?["']?\s{0,5}[:=]\s{0,5}(?:["']\*["']|true\b)/, label: "origin: '*' or true" },
      { re: /\bCORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s{0,5}=\s{0,5}True\b/, label: 'CORS_ALLOW_ALL_ORIGINS' },
    ],
  }),
];
