/**
 * The first reason strict Structured Outputs would refuse `schema`, or `null`. OpenAI requires every
 * object to set `additionalProperties: false` and to list every property in `required`
 * (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas); the stand-in
 * enforces the same, so a schema that only works against a lenient endpoint fails here first.
 */
export function findStrictSchemaProblem(schema: unknown, path: readonly string[] = []): string | null {
  if (typeof schema !== 'object' || schema === null) return null;
  if (Array.isArray(schema)) return firstProblem(schema.map((item, i) => [item, [...path, String(i)]] as const));
  const node = schema as Record<string, unknown>;
  const context = `In context=(${path.map((p) => `'${p}'`).join(', ')})`;
  const properties = node.properties;
  if (node.type === 'object' || (typeof properties === 'object' && properties !== null)) {
    if (node.additionalProperties !== false) {
      return `${context}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const keys = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = keys.find((key) => !required.includes(key));
    if (missing !== undefined) {
      return `${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
  }
  return firstProblem(Object.entries(node).map(([key, value]) => [value, [...path, key]] as const));
}

function firstProblem(children: readonly (readonly [unknown, readonly string[]])[]): string | null {
  for (const [child, childPath] of children) {
    const problem = findStrictSchemaProblem(child, childPath);
    if (problem !== null) return problem;
  }
  return null;
}
