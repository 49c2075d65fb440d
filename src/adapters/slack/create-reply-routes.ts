/**
 * Remembers where a user last acted on a rollout (the channel of the click or the slash command),
 * so the core's ephemeral answer reaches them there. Bounded: the oldest entries go first.
 */
export interface ReplyRoutes {
  remember(user: string, rolloutId: string, channel: string): void;
  channel(user: string, rolloutId: string): string | null;
}

/** An in-memory, size-bounded map; losing it on restart only sends the answer to the card's channel. */
export function createReplyRoutes(limit = 10_000): ReplyRoutes {
  const routes = new Map<string, string>();
  return {
    remember(user, rolloutId, channel) {
      const key = `${user}\u0000${rolloutId}`;
      routes.delete(key);
      routes.set(key, channel);
      if (routes.size > limit) routes.delete(routes.keys().next().value ?? key);
    },
    channel: (user, rolloutId) => routes.get(`${user}\u0000${rolloutId}`) ?? null,
  };
}
