import type { ChatRequest, ModelReply } from './openai-stand-in.ts';
import { parseDiffLines } from './parse-diff-lines.ts';

/** Markers the default reviewer comments on. */
const TODO = /\b(TODO|FIXME|XXX)\b/;
/** Calls the default narrow security model flags. */
const RISKY: readonly (readonly [RegExp, string, string])[] = [
  [/\beval\s*\(/, 'MODEL-EVAL', 'eval() of dynamic input'],
  [/\bchild_process\b|\bexecSync?\s*\(/, 'MODEL-EXEC', 'shell command execution'],
  [/\binnerHTML\s*=/, 'MODEL-XSS', 'assignment to innerHTML'],
];

/**
 * The stand-in's default "model", deterministic: asked for a review (a schema with `comments`), it
 * comments on every added TODO/FIXME/XXX line; asked for security findings (a schema with
 * `findings`), it flags `eval(`, shell execution and `innerHTML =`; otherwise it answers in prose.
 */
export function reviewResponder(request: ChatRequest): ModelReply {
  const prompt = request.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
  const added = parseDiffLines(prompt);
  const properties = schemaProperties(request);
  if ('findings' in properties) {
    const findings = added.flatMap(({ path, line, text }) =>
      RISKY.filter(([pattern]) => pattern.test(text)).map(([, ruleId, what]) => ({
        ruleId,
        severity: 'high',
        path,
        line,
        message: `Possible ${what}.`,
      })),
    );
    return JSON.stringify({ findings });
  }
  const todos = added.filter(({ text }) => TODO.test(text));
  const comments = todos.map(({ path, line, text }) => ({
    path,
    line,
    severity: 'low',
    body: `Unfinished work left in the change: ${text.trim().slice(0, 200)}`,
  }));
  const files = new Set(added.map((a) => a.path)).size;
  const summary = `Reviewed ${added.length} added lines in ${files} files; ${todos.length} TODO markers.`;
  if ('comments' in properties) return JSON.stringify({ summary, comments });
  return summary;
}

function schemaProperties(request: ChatRequest): Record<string, unknown> {
  const format = request.responseFormat;
  if (format?.type !== 'json_schema') return {};
  const properties = format.jsonSchema.schema.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}
