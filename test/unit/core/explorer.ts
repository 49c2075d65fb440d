/**
 * Exhaustive bounded exploration of `decide()` over the world of `domain.ts`: breadth first from the
 * empty aggregate, every enabled event (and two sizes of clock step) at every node, visited nodes
 * de-duplicated by the canonical JSON of (state, clock, ledger). Every transition is checked against
 * I1–I6; a violation throws with the path that led to it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import { decide } from '../../../src/core/decide.ts';
import { replay } from '../../../src/core/replay.ts';
import type { AdvisoryReview, Command, Event, Phase, Policy, PullRequestState } from '../../../src/core/types.ts';
import { RENDER_COMMANDS } from '../../../src/core/types.ts';
import { type Breadth, enabledEvents, NARROW, T0, WORLD_POLICY } from './domain.ts';
import { checkTransition, EMPTY_LEDGER, type Ledger, type Oracle } from './invariants.ts';

/** One explored node. The ledger is part of the node: it carries what the path said (I1, I2). */
interface Node {
  readonly state: PullRequestState | null;
  readonly clock: number;
  readonly ledger: Ledger;
  readonly depth: number;
  readonly parent: Node | null;
  /** The event that led here, or the clock step. */
  readonly via: Event | null;
}

export interface ExploreOptions {
  readonly depth: number;
  readonly policy?: Policy;
  readonly oracle: Oracle;
  readonly breadth?: Breadth;
  /** Start from the state these events reach (each checked like any transition) instead of nothing. */
  readonly from?: readonly Event[];
}

export interface ExploreResult {
  readonly states: number;
  readonly transitions: number;
  readonly advisorySwaps: number;
  readonly replays: number;
  readonly maxDepth: number;
  readonly phases: ReadonlySet<Phase>;
  readonly eventTypes: ReadonlySet<Event['type']>;
  readonly perDepth: readonly number[];
  /** New states found, by the type of the event that found them. */
  readonly newStatesBy: Readonly<Record<string, number>>;
  /** New states with a time lock paused by an inconclusive canary, and transitions that resumed one. */
  readonly pausedStates: number;
  readonly resumes: number;
  /** Transitions that froze the repository after a production rollback, and that alerted a failed one (issue #6). */
  readonly rollbackFreezes: number;
  readonly rollbackAlerts: number;
  /**
   * Issue #6, unknown production outcomes answered by a human: transitions that took Roll back or
   * Production is fine, that ended the rollback a human claimed (each freezes), and refused a
   * second answer.
   */
  readonly resolvedRollbacks: number;
  readonly resolvedConfirms: number;
  readonly resolvedRollbackEnds: number;
  readonly alreadyResolved: number;
}

/** A different advisory answer, for the I3 check at every transition. */
const SWAPPED: AdvisoryReview = { kind: 'advisory', payload: { verdict: 'reject', block: true, gates: 'failed' } };

/** The path to a node, for failure messages and replay. */
export function pathOf(node: Node): Event[] {
  const out: Event[] = [];
  for (let n: Node | null = node; n?.via != null; n = n.parent) out.push(n.via);
  return out.reverse();
}

function describe(node: Node, event: Event | null): string {
  const steps = [...pathOf(node), ...(event === null ? [] : [event])];
  return steps.map((s, i) => `  ${i + 1}. ${JSON.stringify(s)}`).join('\n');
}

function key(stateJson: string, clock: number, ledger: Ledger): string {
  return createHash('sha1')
    .update(`${stateJson}|${clock}|${canonicalJson(ledger)}`)
    .digest('base64');
}

function withSwappedAdvisory(state: PullRequestState | null): PullRequestState | null {
  if (state === null || state.rollouts.every((r) => r.advisory === null)) return state;
  return { ...state, rollouts: state.rollouts.map((r) => (r.advisory === null ? r : { ...r, advisory: SWAPPED })) };
}

function decisions(commands: readonly Command[]): string {
  return canonicalJson(commands.filter((c) => !RENDER_COMMANDS.has(c.type)));
}

function phases(state: PullRequestState | null): string {
  return (state?.rollouts ?? []).map((r) => r.phase).join(',');
}

/** Explores breadth first to `depth` steps and checks every transition; throws on the first violation. */
export function explore(options: ExploreOptions): ExploreResult {
  const policy = options.policy ?? WORLD_POLICY;
  const breadth = options.breadth ?? NARROW;
  const root = startNode(options.from ?? [], policy, options.oracle);
  const visited = new Set<string>([key(canonicalJson(root.state), root.clock, root.ledger)]);
  const seenPhases = new Set<Phase>();
  const eventTypes = new Set<Event['type']>();
  const perDepth: number[] = [1];
  let frontier: Node[] = [root];
  let transitions = 0;
  let advisorySwaps = 0;
  let replays = 0;
  const newStatesBy: Record<string, number> = {};
  let pausedStates = 0;
  let resumes = 0;
  let rollbackFreezes = 0;
  let rollbackAlerts = 0;
  let resolvedRollbacks = 0;
  let resolvedConfirms = 0;
  let resolvedRollbackEnds = 0;
  let alreadyResolved = 0;
  for (let depth = 0; depth < options.depth && frontier.length > 0; depth += 1) {
    const next: Node[] = [];
    const admit = (child: Node, stateJson: string, via: Event | null): void => {
      const k = key(stateJson, child.clock, child.ledger);
      if (visited.has(k)) return;
      visited.add(k);
      const label = via === null ? 'tick' : via.type === 'TimerFired' ? `TimerFired:${via.kind}` : via.type;
      newStatesBy[label] = (newStatesBy[label] ?? 0) + 1;
      for (const r of child.state?.rollouts ?? []) seenPhases.add(r.phase);
      if (child.state?.rollouts.some((r) => r.phase === 'time_locked' && r.lockPaused !== undefined)) pausedStates += 1;
      if (via !== null) {
        // I6: the path's events, folded from nothing, give this very state.
        const events = pathOf(child);
        replays += 1;
        const again = replay(events.map((event) => ({ event, policy })));
        if (canonicalJson(again) !== stateJson) throw new Error(`I6: replay differs after\n${describe(child, null)}`);
      }
      next.push(child);
    };
    for (const node of frontier) {
      const before = canonicalJson(node.state);
      const swapped = withSwappedAdvisory(node.state);
      for (const event of enabledEvents(node.state, node.clock, policy, breadth)) {
        eventTypes.add(event.type);
        transitions += 1;
        let ledger: Ledger;
        let d: ReturnType<typeof decide>;
        try {
          ({ d, ledger } = decideChecked(node, event, policy, options.oracle));
        } catch (error) {
          throw new Error(`${(error as Error).message}\npath:\n${describe(node, event)}`, { cause: error });
        }
        if (swapped !== node.state || event.type === 'AdvisoryReviewFinished') {
          // I3: any other advisory answer, stored or arriving, yields the same decisions and phases.
          advisorySwaps += 1;
          const e2 = event.type === 'AdvisoryReviewFinished' ? { ...event, review: SWAPPED } : event;
          const d2 = decide(swapped, e2, policy);
          if (decisions(d2.commands) !== decisions(d.commands) || phases(d2.state) !== phases(d.state)) {
            throw new Error(`I3: advisory output changed a decision\npath:\n${describe(node, event)}`);
          }
        }
        if (d.commands.some((c) => c.type === 'PostThread' && c.message.kind === 'time_lock_resumed')) resumes += 1;
        if (d.commands.some((c) => c.type === 'FreezeRepository')) rollbackFreezes += 1;
        if (d.commands.some((c) => c.type === 'AlertRollbackFailed')) rollbackAlerts += 1;
        const answered = (d.state?.resolutions?.length ?? 0) - (node.state?.resolutions?.length ?? 0);
        if (answered > 0 && event.type === 'RollbackRequested') resolvedRollbacks += 1;
        if (answered > 0 && event.type === 'ProductionConfirmed') resolvedConfirms += 1;
        const target = 'rolloutId' in event ? node.state?.rollouts.find((r) => r.id === event.rolloutId) : undefined;
        if (target?.phase === 'failed' && d.commands.some((c) => c.type === 'FreezeRepository')) {
          resolvedRollbackEnds += 1;
        }
        if (
          d.commands.some(
            (c) =>
              c.type === 'ReplyEphemeral' && c.reply.kind === 'refused' && c.reply.reason.code === 'already_resolved',
          )
        ) {
          alreadyResolved += 1;
        }
        if (d.state === node.state && ledger === node.ledger && event.at === node.clock) continue;
        const child: Node = { state: d.state, clock: event.at, ledger, depth: depth + 1, parent: node, via: event };
        admit(child, canonicalJson(d.state), event);
      }
      if (canonicalJson(node.state) !== before) {
        throw new Error(`purity: decide mutated its input state\npath:\n${describe(node, null)}`);
      }
    }
    perDepth.push(next.length);
    frontier = next;
  }
  return {
    states: visited.size,
    transitions,
    advisorySwaps,
    replays,
    maxDepth: perDepth.length - 1,
    phases: seenPhases,
    eventTypes,
    perDepth,
    newStatesBy,
    pausedStates,
    resumes,
    rollbackFreezes,
    rollbackAlerts,
    resolvedRollbacks,
    resolvedConfirms,
    resolvedRollbackEnds,
    alreadyResolved,
  };
}

/** `decide` from `node`, the transition checked against the invariants; throws on a violation. */
function decideChecked(node: Node, event: Event, policy: Policy, oracle: Oracle) {
  const d = decide(node.state, event, policy);
  const ledger = checkTransition({
    pre: node.state,
    event,
    post: d.state,
    commands: d.commands,
    ledger: node.ledger,
    policy,
    oracle,
  });
  return { d, ledger };
}

/** The node the events lead to from nothing, each transition checked; the empty aggregate without events. */
function startNode(events: readonly Event[], policy: Policy, oracle: Oracle): Node {
  let node: Node = { state: null, clock: T0, ledger: EMPTY_LEDGER, depth: 0, parent: null, via: null };
  for (const event of events) {
    const { d, ledger } = decideChecked(node, event, policy, oracle);
    node = { state: d.state, clock: event.at, ledger, depth: 0, parent: node, via: event };
  }
  return node;
}
