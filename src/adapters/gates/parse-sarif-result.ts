import * as z from 'zod';
import type { Finding, Severity } from './finding.ts';
import { parseRepoPath } from './parse-repo-path.ts';

/** Longest finding message kept; the rest is cut with `…`. */
export const MAX_SARIF_MESSAGE_CHARS = 1_000;

const level = z.enum(['none', 'note', 'warning', 'error']);
const properties = z.record(z.string(), z.unknown());

/** The parts of a SARIF 2.1.0 `reportingDescriptor` (a rule) that shiplock reads. */
export const sarifRuleSchema = z.object({
  id: z.string().max(500).optional(),
  shortDescription: z.object({ text: z.string() }).partial().optional(),
  defaultConfiguration: z.object({ level: level.optional() }).optional(),
  properties: properties.optional(),
});
export type SarifRule = z.infer<typeof sarifRuleSchema>;

const resultSchema = z.object({
  ruleId: z.string().max(500).optional(),
  ruleIndex: z.number().int().nonnegative().optional(),
  rule: z.object({ id: z.string().max(500).optional(), index: z.number().int().nonnegative().optional() }).optional(),
  kind: z.string().optional(),
  level: level.optional(),
  baselineState: z.string().optional(),
  message: z.object({
    text: z.string().optional(),
    markdown: z.string().optional(),
    arguments: z.array(z.string()).max(100).optional(),
  }),
  locations: z
    .array(
      z.object({
        physicalLocation: z
          .object({
            artifactLocation: z.object({ uri: z.string().optional() }).optional(),
            region: z.object({ startLine: z.number().optional() }).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  suppressions: z.array(z.object({ status: z.string().optional() })).optional(),
  properties: properties.optional(),
});

/** What became of one raw `results[]` entry. */
export type SarifResultOutcome =
  | { readonly kind: 'finding'; readonly finding: Finding }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'invalid' };

/** Where a run's results are placed and which rules they may point at. */
export interface SarifRunContext {
  readonly rules: readonly SarifRule[];
  readonly roots: readonly string[];
}

/**
 * Maps one untrusted SARIF result to a finding. Results that are not problems (`kind` pass or
 * notApplicable, `baselineState` absent, an accepted suppression) are ignored; results that do
 * not match the schema are invalid. Never throws.
 */
export function parseSarifResult(raw: unknown, run: SarifRunContext): SarifResultOutcome {
  const parsed = resultSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid' };
  const r = parsed.data;
  if (r.kind === 'pass' || r.kind === 'notApplicable' || r.baselineState === 'absent') return { kind: 'ignored' };
  // §3.35: a suppression with no status, or status "accepted", means the result is suppressed.
  if (r.suppressions?.some((s) => s.status === undefined || s.status === 'accepted')) return { kind: 'ignored' };
  const rule = findRule(r, run.rules);
  const ruleId = (r.ruleId ?? r.rule?.id ?? rule?.id ?? '').slice(0, 200) || 'sarif';
  const location = r.locations?.[0]?.physicalLocation;
  const startLine = location?.region?.startLine;
  const finding: Finding = {
    ruleId,
    severity: severityOf(r.properties, rule, r.level),
    path: parseRepoPath(location?.artifactLocation?.uri ?? '', run.roots),
    line: startLine !== undefined && Number.isSafeInteger(startLine) && startLine > 0 ? startLine : 0,
    message: messageOf(r.message, r.message.arguments ?? [], rule, ruleId),
  };
  return { kind: 'finding', finding };
}

function findRule(r: z.infer<typeof resultSchema>, rules: readonly SarifRule[]): SarifRule | undefined {
  const index = r.ruleIndex ?? r.rule?.index;
  if (index !== undefined) return rules[index];
  const id = r.ruleId ?? r.rule?.id;
  return id === undefined ? undefined : rules.find((rule) => rule.id === id);
}

/**
 * GitHub code scanning's `security-severity` (a CVSS-like score, on the result or its rule) wins;
 * otherwise the level, defaulting as SARIF §3.27.10 says: the rule's default level, then warning.
 */
function severityOf(
  props: Record<string, unknown> | undefined,
  rule: SarifRule | undefined,
  resultLevel: z.infer<typeof level> | undefined,
): Severity {
  const score = scoreOf(props?.['security-severity']) ?? scoreOf(rule?.properties?.['security-severity']);
  if (score !== undefined) return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  const lvl = resultLevel ?? rule?.defaultConfiguration?.level ?? 'warning';
  return lvl === 'error' ? 'high' : lvl === 'warning' ? 'medium' : 'low';
}

function scoreOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.length < 20 ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
}

function messageOf(
  message: { text?: string | undefined; markdown?: string | undefined },
  args: readonly string[],
  rule: SarifRule | undefined,
  ruleId: string,
): string {
  const template = message.text ?? message.markdown ?? rule?.shortDescription?.text ?? ruleId;
  // §3.11.5: "{0}" placeholders are replaced by the result's arguments.
  const head = template.slice(0, MAX_SARIF_MESSAGE_CHARS * 2);
  const text = head.replace(/\{(\d{1,3})\}/g, (whole, n: string) => args[Number(n)]?.slice(0, 200) ?? whole);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SARIF_MESSAGE_CHARS ? `${flat.slice(0, MAX_SARIF_MESSAGE_CHARS - 1)}…` : flat;
}
