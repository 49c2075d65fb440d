import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { createRiskCommands, type RiskCommands } from '../adapters/risk/create-risk-commands.ts';
import { createRiskEngine, type RiskEngine, type RiskNotice } from '../adapters/risk/create-risk-engine.ts';
import { withRiskLedger } from '../adapters/risk/with-risk-ledger.ts';
import type { RiskConfig } from '../config/types.ts';
import { isNamedApprover } from '../core/approvals.ts';
import { stepDownPolicy } from '../core/risk/step-down-policy.ts';
import type { Policy } from '../core/types.ts';
import type { SlackMessage } from '../render/blocks.ts';
import { renderRiskWarning } from '../render/render-risk-warning.ts';
import type { Store } from '../shell/ports.ts';

/** What the risk side is built from. */
export interface RiskSideOptions {
  readonly risk: RiskConfig;
  /** Every configured repository and its deploy channel (warnings go to each channel once). */
  readonly repositories: readonly { readonly name: string; readonly deployChannel: string }[];
  readonly db: Database.Database;
  readonly store: Store;
  /** The policy as configured for a repository (`toPolicy`). */
  readonly configuredPolicy: (repo: string) => Policy;
  readonly logger: Logger;
}

/** The ledger attached to the store, the stepped-down policies, and the Slack side's reads. */
export interface RiskSide {
  readonly engine: RiskEngine;
  /** The store whose commits also record incidents (same transaction). */
  readonly store: Store;
  /** The configured policy, tightened while autonomy is stepped down; never looser. */
  readonly policyFor: (repo: string) => Policy;
  readonly commands: RiskCommands;
  /** Where warnings go, once Slack is up; before that they are logged only. */
  connect(post: (channel: string, message: SlackMessage) => Promise<void>): void;
}

/**
 * Builds the delegation-risk side (issue #7). Warnings go to every configured deploy channel: the
 * components are shared by every repository, and so is the step-down.
 */
export function buildRiskSide(options: RiskSideOptions): RiskSide {
  const { risk, repositories, logger, configuredPolicy } = options;
  let post: ((channel: string, message: SlackMessage) => Promise<void>) | null = null;
  const channels = [...new Set(repositories.map((r) => r.deployChannel))];
  const names = new Map(risk.components.map((c) => [c.id, c.name]));
  const notify = async ({ crossing }: RiskNotice): Promise<void> => {
    logger.warn({ scope: crossing.scope, to: crossing.to, estimate: crossing.estimate }, 'risk budget crossed');
    if (post === null) return;
    const message = renderRiskWarning(crossing, names.get(crossing.scope) ?? crossing.scope);
    for (const channel of channels) await post(channel, message);
  };
  const engine = createRiskEngine({ db: options.db, risk, logger, notify });
  const named = (user: string) => repositories.some((r) => isNamedApprover(configuredPolicy(r.name), user));
  return {
    engine,
    store: withRiskLedger(options.store, engine),
    policyFor: (repo) => stepDownPolicy(configuredPolicy(repo), engine.stepDown()),
    commands: createRiskCommands(engine, risk, named),
    connect(next) {
      post = next;
    },
  };
}
