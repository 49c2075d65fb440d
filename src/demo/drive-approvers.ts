import type { Rollout } from '../core/types.ts';
import { ACTION_ID } from '../render/index.ts';
import type { SlackStandIn } from '../sandbox/slack/index.ts';

/** A person of the demo who clicks buttons on the card. */
export interface DemoPerson {
  readonly slack: string;
  readonly name: string;
}

/** What the scripted humans do: approve when asked, and with `cancelAfterMs` cancel the lock. */
export interface ApproverScript {
  readonly channel: string;
  readonly approvers: readonly DemoPerson[];
  /** Who cancels, and how long into the time lock. */
  readonly cancel?: { readonly by: DemoPerson; readonly afterMs: number };
}

/** Clicks on the card as a person would; `act` is called on every turn of the demo's loop. */
export interface ScriptedApprovers {
  act(rollout: Rollout, now: number): Promise<void>;
}

/**
 * The humans of the automatic demo: once the card shows Approve, each named approver clicks it in
 * turn, a second apart; with a cancel scripted, that person clicks Cancel during the time lock.
 * Every click goes through the Slack stand-in as a signed interaction, exactly as a click in Slack.
 */
export function scriptApprovers(slack: SlackStandIn, script: ApproverScript, say: (line: string) => void) {
  const clicked = new Set<string>();
  let nextAt = 0;
  const card = () => slack.messages(script.channel)[0];
  const offers = (actionId: string) => JSON.stringify(card()?.blocks ?? []).includes(`"${actionId}"`);
  const click = async (person: DemoPerson, actionId: string, label: string) => {
    clicked.add(`${person.slack}:${actionId}`);
    say(`${person.name} clicks ${label} on the card`);
    const answer = await slack.clickButton({
      user: person.slack,
      channel: script.channel,
      messageTs: card()?.ts ?? '',
      actionId,
    });
    if (answer.status !== 200) say(`  (Slack stand-in: the bot answered ${answer.status})`);
  };
  return {
    async act(rollout: Rollout, now: number) {
      if (rollout.phase === 'awaiting_approval' && offers(ACTION_ID.approve) && now >= nextAt) {
        const next = script.approvers.find((p) => !clicked.has(`${p.slack}:${ACTION_ID.approve}`));
        if (next === undefined) return;
        nextAt = now + 1000;
        await click(next, ACTION_ID.approve, 'Approve');
      }
      const cancel = script.cancel;
      if (cancel === undefined || rollout.phase !== 'time_locked' || rollout.quorumAt === null) return;
      if (now - rollout.quorumAt >= cancel.afterMs && !clicked.has(`${cancel.by.slack}:${ACTION_ID.cancel}`)) {
        await click(cancel.by, ACTION_ID.cancel, 'Cancel');
      }
    },
  } satisfies ScriptedApprovers;
}
