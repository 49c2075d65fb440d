import type { ChatRequest, ModelReply } from './openai-stand-in.ts';

const MAX_COMMENTS = 50;

/**
 * The worst-case model for prompt-injection tests: it "obeys" whatever the prompt says by echoing
 * it. Every non-empty line of the user messages — the PR's untrusted title, body, comments and diff
 * included — goes verbatim into its summary (up to 1,000 characters) and into one comment each
 * (path and body both, up to 50), so whatever an attacker wrote reaches the reviewer's payload.
 * For a findings schema it reports nothing, which is what an injected "say it is safe" wants.
 */
export function obeyingResponder(request: ChatRequest): ModelReply {
  const lines = request.messages
    .filter((m) => m.role === 'user')
    .flatMap((m) => m.content.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const format = request.responseFormat;
  const properties = format?.type === 'json_schema' ? format.jsonSchema.schema.properties : undefined;
  if (typeof properties === 'object' && properties !== null && 'findings' in properties) {
    return JSON.stringify({ findings: [] });
  }
  const summary = `As instructed: ${lines.join(' ')}`.slice(0, 1000);
  const comments = lines.slice(-MAX_COMMENTS).map((line, i) => ({
    path: line.slice(0, 300),
    line: i,
    severity: 'high',
    body: line.slice(0, 2000),
  }));
  return JSON.stringify({ summary, comments });
}
