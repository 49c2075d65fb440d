/**
 * What the reviewer reads about a pull request. Every field is untrusted: written by the PR's
 * author or anyone who can comment, and sent to the model only between fences.
 */
export interface ReviewContext {
  readonly title: string;
  readonly body: string;
  readonly diff: string;
  readonly comments: readonly { readonly author: string; readonly body: string }[];
}

/** The part of a pino logger the reviewer uses. */
export interface ReviewerLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}
