import type { Json, JsonObject } from './types.ts';

/** One answer before the transport adds GitHub's common headers. */
export interface ApiReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body; absent with `text`. */
  readonly body?: Json;
  /** A non-JSON body (the diff media type) and its content type. */
  readonly text?: { readonly content: string; readonly contentType: string };
}

/** Where GitHub's error bodies point when the route has no more precise page. */
export const REST_DOCS = 'https://docs.github.com/rest';

/** GitHub's 404: private and missing resources look the same. */
export function notFound(documentationUrl = REST_DOCS): ApiReply {
  return { status: 404, body: { message: 'Not Found', documentation_url: documentationUrl } };
}

/** A 422 with only a message, as the checks and deployments APIs answer a bad argument. */
export function invalidRequest(documentationUrl: string, message: string): ApiReply {
  return { status: 422, body: { message, documentation_url: documentationUrl } };
}

/** One entry of a 422 `errors` list (`code`: missing, missing_field, invalid, already_exists, custom). */
export interface FieldError {
  readonly resource: string;
  readonly field: string;
  readonly code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'custom';
  readonly message?: string;
}

/** GitHub's "Validation Failed" 422 (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api). */
export function validationFailed(documentationUrl: string, errors: readonly FieldError[]): ApiReply {
  const list: JsonObject[] = errors.map((error) => ({ ...error }));
  return { status: 422, body: { message: 'Validation Failed', errors: list, documentation_url: documentationUrl } };
}

/** A JSON success. */
export function ok(body: Json, status = 200, headers: Readonly<Record<string, string>> = {}): ApiReply {
  return { status, body, headers };
}
