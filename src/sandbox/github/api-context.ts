import type { Templates } from './load-templates.ts';

/** What the `to-api-*` builders need to know about the running stand-in. */
export interface ApiContext {
  /** Base of API URLs in answers and `link` headers: the stand-in itself. */
  readonly apiBase: string;
  /** Base of `html_url`s (default `https://github.com`). */
  readonly htmlBase: string;
  readonly templates: Templates;
  /** The numeric id of a login, assigned on first sight. */
  userId(login: string): number;
  /** The numeric id of a repository. */
  repoId(fullName: string): number;
  /** `clone_url` of a repository (tests may point it at a local git repository). */
  cloneUrl(fullName: string): string;
}

/** Template names the builders replace. */
export const TEMPLATE_REPO = 'Codertocat/Hello-World';
export const TEMPLATE_LOGIN = 'Codertocat';
export const GITHUB_API = 'https://api.github.com';
export const GITHUB_HTML = 'https://github.com';

/** ISO 8601 without milliseconds, as GitHub writes times. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
