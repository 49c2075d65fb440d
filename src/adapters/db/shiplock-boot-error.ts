/**
 * A reason the process must not start, with a stable code and a message that says what to do.
 * Thrown at boot only; the composition root prints it and exits.
 */
export class ShiplockBootError extends Error {
  override readonly name = 'ShiplockBootError';
  readonly code: string;

  constructor(code: string, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
