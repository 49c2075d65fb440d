import type { Config } from '../config/types.ts';

/** How the transcript names a Slack user: the config's name (else GitHub login), or the id itself. */
export function toNameOf(config: Config): (slackUser: string) => string {
  const names = new Map(config.people.map((p) => [p.slack, p.name ?? p.github]));
  return (slackUser) => names.get(slackUser) ?? slackUser;
}
