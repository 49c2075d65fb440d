/**
 * docs/orchestrator.md is the specification: it must name every phase, event, timer and refusal the
 * core knows, so a new union member cannot land without its row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PHASES } from '../../../src/core/phases.ts';
import { EVERY_REFUSAL_CODE } from '../../support/core-fixtures.ts';
import { EVERY_EVENT_TYPE, TIMER_KINDS } from './domain.ts';

const spec = readFileSync(resolve(import.meta.dirname, '../../../docs/orchestrator.md'), 'utf8');

const REFUSALS = EVERY_REFUSAL_CODE;

describe('the specification names everything the core knows', () => {
  it.each([...ALL_PHASES])('phase %s', (phase) => expect(spec).toContain(phase));
  it.each(EVERY_EVENT_TYPE)('event %s', (event) => expect(spec).toContain(`\`${event}\``));
  it.each([...TIMER_KINDS])('timer %s', (kind) => expect(spec).toContain(`\`${kind}\``));
  it.each(REFUSALS)('refusal %s', (code) => expect(spec).toContain(`\`${code}\``));
  it.each(['I1', 'I2', 'I3', 'I4', 'I5', 'I6'])('invariant %s', (inv) => expect(spec).toContain(`| ${inv} |`));
});
