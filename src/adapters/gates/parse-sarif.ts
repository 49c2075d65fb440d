import * as z from 'zod';
import type { Finding } from './finding.ts';
import { parseSarifResult, type SarifRule, sarifRuleSchema } from './parse-sarif-result.ts';

/** Largest SARIF document read; a bigger one is refused rather than half-read. */
export const MAX_SARIF_CHARS = 20_000_000;
/** Most findings kept; the rest set `truncated`. */
export const MAX_SARIF_FINDINGS = 1_000;

/** What a SARIF log said, or why it could not be read. */
export type SarifResult =
  | {
      readonly ok: true;
      readonly findings: Finding[];
      /** More problems were reported than {@link MAX_SARIF_FINDINGS}. */
      readonly truncated: boolean;
      /** Results skipped because they did not match the SARIF schema. */
      readonly skipped: number;
    }
  | { readonly ok: false; readonly error: string };

/** Options for {@link parseSarif}. */
export interface ParseSarifOptions {
  /** Absolute workspace directories stripped from absolute `file://` URIs (ESLint writes those). */
  readonly roots?: readonly string[];
}

const logSchema = z.object({ version: z.literal('2.1.0'), runs: z.array(z.unknown()) });
const runSchema = z.object({
  tool: z.object({ driver: z.object({ rules: z.array(z.unknown()).optional() }).optional() }).optional(),
  originalUriBaseIds: z.record(z.string(), z.object({ uri: z.string().optional() }).loose()).optional(),
  results: z.array(z.unknown()).optional(),
});

/**
 * Reads a SARIF 2.1.0 log written by a static-analysis command run on the PR's code (untrusted).
 * Individual malformed results are skipped and counted; a document that is not SARIF 2.1.0 at all
 * is an error value. Never throws.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function parseSarif(text: string, options: ParseSarifOptions = {}): SarifResult {
  if (text.length > MAX_SARIF_CHARS) return { ok: false, error: `SARIF log larger than ${MAX_SARIF_CHARS} characters` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'SARIF log is not valid JSON' };
  }
  const log = logSchema.safeParse(json);
  if (!log.success) return { ok: false, error: 'not a SARIF 2.1.0 log (expected version "2.1.0" and runs[])' };
  const findings: Finding[] = [];
  let skipped = 0;
  let truncated = false;
  for (const rawRun of log.data.runs) {
    const run = runSchema.safeParse(rawRun);
    if (!run.success) {
      skipped += 1;
      continue;
    }
    const context = { rules: rulesOf(run.data.tool?.driver?.rules ?? []), roots: rootsOf(run.data, options) };
    for (const raw of run.data.results ?? []) {
      const outcome = parseSarifResult(raw, context);
      if (outcome.kind === 'invalid') skipped += 1;
      if (outcome.kind !== 'finding') continue;
      if (findings.length >= MAX_SARIF_FINDINGS) truncated = true;
      else findings.push(outcome.finding);
    }
  }
  return { ok: true, findings, truncated, skipped };
}

/** Rules by index; a malformed rule keeps its slot so `ruleIndex` still lines up. */
function rulesOf(raw: readonly unknown[]): SarifRule[] {
  return raw.map((r) => {
    const parsed = sarifRuleSchema.safeParse(r);
    return parsed.success ? parsed.data : {};
  });
}

function rootsOf(run: z.infer<typeof runSchema>, options: ParseSarifOptions): string[] {
  const declared = Object.values(run.originalUriBaseIds ?? {}).flatMap((b) => (b.uri === undefined ? [] : [b.uri]));
  return [...(options.roots ?? []), ...declared];
}
