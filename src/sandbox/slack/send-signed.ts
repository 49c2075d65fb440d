import { type DeliveryOptions, type DeliveryResult, deliverToApp } from './deliver-to-app.ts';
import type { StandInContext } from './stand-in-context.ts';

/**
 * Delivers a body to the bot, signed with the stand-in's signing secret at the stand-in clock's time
 * (so a manual clock far from now produces stale requests, as it would against a real verifier).
 */
export function sendSigned(
  context: StandInContext,
  options: DeliveryOptions,
  rawBody: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
): Promise<DeliveryResult> {
  const url = options.url ?? context.appUrl;
  if (url === undefined) throw new Error('slack stand-in: no app URL; pass options.appUrl or url per interaction');
  return deliverToApp({
    url,
    rawBody,
    contentType,
    signingSecret: context.signingSecret,
    timestamp: Math.floor(context.clock() / 1000),
    forge: options.forge,
    headers: options.headers,
  });
}
