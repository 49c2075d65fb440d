/**
 * The canary's per-metric rows are stored for people and never decide (issue 3): every random run
 * is decided twice — with the judge's rows, and with each look's rows replaced by arbitrary rows
 * (any verdict, any rule, hostile strings) or dropped — and every phase, every non-render command
 * and the whole state apart from the stored rows must be identical.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import { decide } from '../../../src/core/decide.ts';
import {
  type CanaryMetricRow,
  type Command,
  type Event,
  type PullRequestState,
  RENDER_COMMANDS,
} from '../../../src/core/types.ts';
import { choicesArb, describeSteps, runChoices, worldArb } from './sequence.ts';

const rowArb: fc.Arbitrary<CanaryMetricRow> = fc.record({
  name: fc.string(),
  verdict: fc.constantFrom('healthy', 'unhealthy', 'inconclusive', 'no_data'),
  critical: fc.boolean(),
  test: fc.string({ maxLength: 12 }),
  rule: fc.constantFrom('within_margin', 'significant_beyond_margin', 'no_data', 'not_significant'),
  baseline: fc.string({ maxLength: 12 }),
  canary: fc.string({ maxLength: 12 }),
  effect: fc.string({ maxLength: 12 }),
  interval: fc.string({ maxLength: 30 }),
  margin: fc.string({ maxLength: 20 }),
  pRaw: fc.string({ maxLength: 8 }),
  pAdjusted: fc.string({ maxLength: 8 }),
  alpha: fc.string({ maxLength: 8 }),
  samples: fc.string({ maxLength: 30 }),
  flags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  reason: fc.string({ maxLength: 60 }),
});

/** Each look's rows: none, or some arbitrary ones. */
const rowsArb = fc.option(fc.array(rowArb, { maxLength: 4 }), { nil: undefined });

function decisions(commands: readonly Command[]): string {
  return canonicalJson(commands.filter((c) => !RENDER_COMMANDS.has(c.type)));
}

/** The state with every stored row dropped: the part of the state decisions are made from. */
function withoutRows(state: PullRequestState | null): string {
  const strip = (c: PullRequestState['rollouts'][number]['canary']) => ({ ...c, metrics: undefined });
  return canonicalJson(state && { ...state, rollouts: state.rollouts.map((r) => ({ ...r, canary: strip(r.canary) })) });
}

describe('per-metric canary rows never change a decision', () => {
  it('replacing or dropping every look’s rows leaves every phase and non-render command the same', () => {
    fc.assert(
      fc.property(worldArb(false), choicesArb, fc.array(rowsArb, { minLength: 1 }), (world, choices, rows) => {
        const steps = runChoices(world, choices, () => {});
        let state: PullRequestState | null = null;
        let n = 0;
        for (const [i, step] of steps.entries()) {
          let event: Event = step.event;
          if (event.type === 'CanaryJudged') {
            const { metrics: _original, ...rest } = event;
            const replaced = rows[n % rows.length];
            event = replaced === undefined ? rest : { ...rest, metrics: replaced };
            n += 1;
          }
          const d = decide(state, event, step.policy);
          const same =
            decisions(d.commands) === decisions(step.commands) && withoutRows(d.state) === withoutRows(step.post);
          if (!same) {
            throw new Error(`rows decided: step ${i + 1}\nevents:\n${describeSteps(steps.slice(0, i + 1))}`);
          }
          state = d.state;
        }
      }),
      { numRuns: 1500 },
    );
  });
});
