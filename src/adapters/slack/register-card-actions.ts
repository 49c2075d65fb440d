import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Event } from '../../core/types.ts';
import {
  ACTION_ID,
  BLOCK_ID,
  type ButtonRef,
  CALLBACK_ID,
  parseAlertButtonValue,
  parseButtonValue,
  REJECT_REASON_MAX,
  RETRY_ACTION_ID_PATTERN,
  renderRejectModal,
} from '../../render/index.ts';
import { crashPoint } from '../../shell/crash-point.ts';
import type { Clock } from '../../shell/ports.ts';
import type { ReplyRoutes } from './create-reply-routes.ts';

/** What the handlers hand their events to: the shell's `handle`, which decides in one transaction. */
export interface CardActionDeps {
  readonly handle: (event: Event) => void;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly replyRoutes: ReplyRoutes;
}

type ButtonArgs = Parameters<Parameters<App['action']>[1]>[0] & {
  body: BlockAction<ButtonAction>;
  action: ButtonAction;
};

const NOT_OURS = "This button isn't one shiplock made, so nothing happened. Use `/shiplock status` to see the rollout.";
const NOT_RECORDED = 'shiplock could not record that just now; nothing changed. Try again in a moment.';

/**
 * The card's buttons. Every handler acknowledges first (Slack's 3 s), then records the click as an
 * event. The actor is only the verified payload's `user.id`; whether the click counts is the core's
 * decision, answered ephemerally.
 */
export function registerCardActions(app: App, deps: CardActionDeps): void {
  const onButton =
    (toEvent: (ref: ButtonRef, user: string, at: number) => Event | null) => async (args: ButtonArgs) => {
      await args.ack();
      crashPoint('slack.action.after_ack');
      const ref = parseButtonValue(args.action.value);
      const user = args.body.user.id;
      if (ref === null)
        return void (await args.respond({ response_type: 'ephemeral', replace_original: false, text: NOT_OURS }));
      const channel = args.body.channel?.id;
      if (channel !== undefined) deps.replyRoutes.remember(user, ref.rolloutId, channel);
      const event = toEvent(ref, user, deps.clock.now());
      if (event === null) return;
      await record(deps, event, args);
    };
  const button = (id: string | RegExp, handler: ReturnType<typeof onButton>) =>
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: id }, handler as never);

  button(
    ACTION_ID.approve,
    onButton((ref, user, at) => ({ type: 'ApproveClicked', at, rolloutId: ref.rolloutId, sha: ref.sha, user })),
  );
  button(
    ACTION_ID.cancel,
    onButton((ref, user, at) => ({ type: 'CancelRequested', at, rolloutId: ref.rolloutId, user })),
  );
  button(
    ACTION_ID.rollback,
    onButton((ref, user, at) => ({ type: 'RollbackRequested', at, rolloutId: ref.rolloutId, user })),
  );
  // Production is fine, after a production deploy whose outcome is unknown (issue #6).
  button(
    ACTION_ID.confirmProduction,
    onButton((ref, user, at) => ({ type: 'ProductionConfirmed', at, rolloutId: ref.rolloutId, user })),
  );
  button(
    RETRY_ACTION_ID_PATTERN,
    onButton((ref, user, at) =>
      ref.gateId === undefined
        ? null
        : { type: 'RetryRequested', at, rolloutId: ref.rolloutId, gateId: ref.gateId, user },
    ),
  );
  registerAlertAcknowledge(app, deps);
  // A link button: Slack opens the URL and still sends the action, which must be acknowledged.
  app.action({ type: 'block_actions', action_id: ACTION_ID.openNewCard }, async ({ ack }) => {
    await ack();
  });
  app.action({ type: 'block_actions', action_id: ACTION_ID.openCard }, async ({ ack }) => {
    await ack();
  });
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: ACTION_ID.reject }, async (args) => {
    await args.ack();
    const ref = parseButtonValue(args.action.value);
    if (ref === null)
      return void (await args.respond({ response_type: 'ephemeral', replace_original: false, text: NOT_OURS }));
    // trigger_id is valid for 3 s and single use: open the modal straight after the ack.
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: renderRejectModal(ref.rolloutId, ref.sha) });
  });
  registerRejectModal(app, deps);
}

/**
 * Acknowledge on a canary alert's message: acknowledged first, then recorded. Whether it counts
 * (the same authorization as an approval) is the core's decision. The alert's Roll back button
 * reuses the card's `ACTION_ID.rollback` handler, so it follows the same rules.
 */
function registerAlertAcknowledge(app: App, deps: CardActionDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION_ID.acknowledgeAlert },
    async (args) => {
      await args.ack();
      const ref = parseAlertButtonValue(args.action.value);
      if (ref === null)
        return void (await args.respond({ response_type: 'ephemeral', replace_original: false, text: NOT_OURS }));
      const user = args.body.user.id;
      const channel = args.body.channel?.id;
      if (channel !== undefined) deps.replyRoutes.remember(user, ref.rolloutId, channel);
      const event: Event = {
        type: 'AlertAcknowledged',
        at: deps.clock.now(),
        rolloutId: ref.rolloutId,
        alertId: ref.alertId,
        user,
      };
      await record(deps, event, args as ButtonArgs);
    },
  );
}

function registerRejectModal(app: App, deps: CardActionDeps): void {
  app.view(CALLBACK_ID.rejectModal, async ({ ack, body, view }) => {
    const ref = parseButtonValue(view.private_metadata);
    const reason = view.state.values[BLOCK_ID.rejectReason]?.[ACTION_ID.rejectReason]?.value?.trim() ?? '';
    if (ref === null) {
      await ack({ response_action: 'errors', errors: { [BLOCK_ID.rejectReason]: NOT_OURS } });
      return;
    }
    if (reason.length === 0 || reason.length > REJECT_REASON_MAX) {
      const message =
        reason.length === 0
          ? 'Say why, so the author knows what to fix.'
          : `Keep it under ${REJECT_REASON_MAX} characters.`;
      await ack({ response_action: 'errors', errors: { [BLOCK_ID.rejectReason]: message } });
      return;
    }
    await ack();
    const user = body.user.id;
    try {
      deps.handle({
        type: 'RejectSubmitted',
        at: deps.clock.now(),
        rolloutId: ref.rolloutId,
        sha: ref.sha,
        user,
        reason,
      });
    } catch (error) {
      deps.logger.error({ err: error, rolloutId: ref.rolloutId }, 'reject not recorded');
    }
  });
}

async function record(deps: CardActionDeps, event: Event, args: ButtonArgs): Promise<void> {
  try {
    crashPoint('slack.action.before_record');
    deps.handle(event);
    crashPoint('slack.action.after_record');
  } catch (error) {
    deps.logger.error(
      { err: error, rolloutId: 'rolloutId' in event ? event.rolloutId : undefined },
      'click not recorded',
    );
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: NOT_RECORDED });
  }
}
