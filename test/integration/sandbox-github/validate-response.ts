import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The parts of GitHub's OpenAPI description the validator reads. */
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { readonly responses: Record<string, unknown> }>>;
  readonly components: { readonly responses: Record<string, Response> };
}

interface Response {
  readonly $ref?: string;
  readonly content?: Record<string, { readonly schema?: unknown }>;
}

const require = createRequire(import.meta.url);
const DOCUMENT_ID = 'api.github.com';

let ajv: Ajv | undefined;
let document: OpenApiDocument | undefined;
const compiled = new Map<string, ValidateFunction>();

function load(): { ajv: Ajv; document: OpenApiDocument } {
  if (ajv === undefined || document === undefined) {
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    document = toJsonSchemaNullable(JSON.parse(readFileSync(file, 'utf8'))) as OpenApiDocument;
    // strict: false because the description uses OpenAPI keywords (`example`, `discriminator`) that
    // are not JSON Schema; `nullable` is understood by Ajv 8 itself.
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    const addFormats = addFormatsModule as unknown as (instance: Ajv) => Ajv;
    addFormats(ajv);
    ajv.addSchema(document as object, DOCUMENT_ID);
  }
  return { ajv, document };
}

/**
 * OpenAPI 3.0 `nullable` as Ajv reads it. The description puts `nullable: true` next to `allOf`/`anyOf`/`$ref` without a `type`, which Ajv
 * refuses ("nullable cannot be used without type"); such a node means "this, or null".
 */
function toJsonSchemaNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchemaNullable);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, toJsonSchemaNullable(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  // GitHub means "one of these, or null" (check run `conclusion`); Ajv wants the null in the enum.
  if (object.nullable === true && Array.isArray(object.enum) && !object.enum.includes(null)) {
    object.enum = [...object.enum, null];
  }
  if (object.nullable === true && object.type === undefined) {
    const { nullable: _nullable, ...rest } = object;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return object;
}

/** Points an inline schema's `#/components/…` references at the loaded document. */
function anchorRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchorRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${DOCUMENT_ID}${value}`
        : anchorRefs(value),
    ]),
  );
}

/** The shared `components/responses` entry for an error status an operation does not list. */
const GENERIC_ERRORS: Record<number, string> = {
  401: 'requires_authentication',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
};

/** The JSON schema of one documented answer, following a `$ref` to `components/responses`. */
function responseSchema(doc: OpenApiDocument, method: string, path: string, status: number): unknown {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (operation === undefined) throw new Error(`no operation ${method} ${path} in the OpenAPI description`);
  // Errors an operation does not list still come in GitHub's generic shapes.
  const generic = GENERIC_ERRORS[status];
  let response = (operation.responses[String(status)] ??
    (generic === undefined ? undefined : { $ref: `#/components/responses/${generic}` })) as Response | undefined;
  const ref = response?.$ref;
  if (ref !== undefined) response = doc.components.responses[ref.replace('#/components/responses/', '')];
  const schema = response?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`${method} ${path} documents no JSON ${status}`);
  return anchorRefs(schema);
}

/**
 * Validates a response body against the schema GitHub's official OpenAPI description gives for
 * `method path` answering `status` (JSON content). Returns the problems; empty when it conforms.
 * `$ref`s resolve against the document's own `components`.
 */
export function validateResponse(method: string, path: string, status: number, body: unknown): string[] {
  const { ajv: instance, document: doc } = load();
  const key = `${method.toLowerCase()} ${path} ${status}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = instance.compile(responseSchema(doc, method, path, status) as object);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
