import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when the `Authorization` header is `Bearer <token>` for the configured token. Compared in
 * constant time over SHA-256 digests, so neither the token's content nor its length leaks.
 * Alertmanager sends it with `http_config.authorization.credentials`.
 */
export function checkBearer(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  const given = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const wanted = createHash('sha256').update(token).digest();
  return match !== null && timingSafeEqual(given, wanted);
}
