/**
 * docs/orchestrator.md is the specification: it must name every phase, event, timer and refusal the
 * core knows, so a new union member cannot land without its row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PHASES } from '../../../src/core/phases.ts';
import type { Command } from '../../../src/core/types.ts';
import { EVERY_REFUSAL_CODE } from '../../support/core-fixtures.ts';
import { EVERY_EVENT_TYPE, TIMER_KINDS } from './domain.ts';

const spec = readFileSync(resolve(import.meta.dirname, '../../../docs/orchestrator.md'), 'utf8');

const REFUSALS = EVERY_REFUSAL_CODE;

/** Every command type: the `satisfies` makes a new union member a compile error here. */
const COMMANDS = Object.keys({
  RunGate: true,
  RequestAdvisoryReview: true,
  StartDeploy: true,
  JudgeCanary: true,
  RunPreflight: true,
  RunVerification: true,
  ScheduleTimer: true,
  CancelTimers: true,
  ReportToGitHub: true,
  PublishCard: true,
  PostThread: true,
  ReplyEphemeral: true,
  PublishAlert: true,
  FreezeRepository: true,
  AlertRollbackFailed: true,
} satisfies Record<Command['type'], true>);

describe('the specification names everything the core knows', () => {
  it.each([...ALL_PHASES])('phase %s', (phase) => expect(spec).toContain(phase));
  it.each(EVERY_EVENT_TYPE)('event %s', (event) => expect(spec).toContain(`\`${event}\``));
  it.each([...TIMER_KINDS])('timer %s', (kind) => expect(spec).toContain(`\`${kind}\``));
  it.each(COMMANDS)('command %s', (command) => expect(spec).toContain(`\`${command}\``));
  it.each(REFUSALS)('refusal %s', (code) => expect(spec).toContain(`\`${code}\``));
  it.each(['I1', 'I2', 'I3', 'I4', 'I5', 'I6'])('invariant %s', (inv) => expect(spec).toContain(`| ${inv} |`));
});
