import { toBasicCredential } from './to-auth-config.ts';

/** Removes the token, in clear and in its basic-auth form, from text about to leave the adapter. */
export function redactToken(text: string, token: string | undefined): string {
  if (token === undefined || token === '') return text;
  return text.split(token).join('[redacted]').split(toBasicCredential(token)).join('[redacted]');
}
