import { type DestinationStream, type Logger, pino } from 'pino';

/** Paths pino blanks out wherever they appear, so a token can never reach the log. */
const REDACT = [
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  '*.headers["x-hub-signature-256"]',
  'secrets',
  '*.secrets',
];

/** The process logger: JSON lines, secrets redacted, level from the caller (main reads the env). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'shiplock' }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
