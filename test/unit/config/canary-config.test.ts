/**
 * `canary.step`, `canary.model` and PROMETHEUS_TOKEN (issue 5): defaults, the rules that refuse a
 * step the error counts cannot use, the model block shared with the security scanner, and the
 * Prometheus bearer token taken from the environment only.
 */
import { describe, expect, it } from 'vitest';
import { isSecretName } from '../../../src/config/secret-names.ts';
import { configErrors, documentWith, pathsOf, validConfig } from './minimal-config.ts';

describe('canary.step', () => {
  it('defaults to one minute', () => {
    expect(validConfig(documentWith(() => {})).canary.stepMs).toBe(60_000);
  });

  it.each([
    ['10s', 10_000],
    ['1s', 1_000],
    [15, 15_000],
    ['2m', 120_000],
  ])('reads %s', (step, ms) => {
    expect(validConfig(documentWith((d) => (d.canary = { step }))).canary.stepMs).toBe(ms);
  });

  it.each([0.5, '1500ms', 1.5, 0, '-1s', 'soon'])('fail by not whole seconds of at least 1s: %s', (step) => {
    expect(pathsOf(configErrors(documentWith((d) => (d.canary = { step }))))).toEqual(['canary.step']);
  });
});

describe('canary.model', () => {
  it('is absent unless written', () => {
    expect(validConfig(documentWith(() => {})).canary).not.toHaveProperty('model');
  });

  it('reads model, base_url and timeout, with the scanner model defaults', () => {
    const config = validConfig(
      documentWith((d) => (d.canary = { model: { model: 'canary-ft-1', base_url: 'http://127.0.0.1:8000/v1' } })),
    );
    expect(config.canary.model).toEqual({
      model: 'canary-ft-1',
      baseUrl: 'http://127.0.0.1:8000/v1',
      timeoutMs: 60_000,
    });
    const timed = validConfig(documentWith((d) => (d.canary = { model: { model: 'm', timeout: '20s' } })));
    expect(timed.canary.model).toEqual({ model: 'm', timeoutMs: 20_000 });
  });

  it.each([
    ['no model name', { base_url: 'http://m' }, 'canary.model.model'],
    ['base_url not http', { model: 'm', base_url: 'localhost:8000' }, 'canary.model.base_url'],
    ['unknown key', { model: 'm', temperature: 0 }, 'canary.model.temperature'],
  ])('fail by %s', (_rule, model, path) => {
    expect(pathsOf(configErrors(documentWith((d) => (d.canary = { model }))))).toEqual([path]);
  });

  it('refuses an API key written into it and names OPENAI_API_KEY', () => {
    const errors = configErrors(documentWith((d) => (d.canary = { model: { model: 'm', api_key: 'hunter2' } })));
    expect(pathsOf(errors)).toEqual(['canary.model.api_key']);
    expect(errors[0]?.message).toContain('OPENAI_API_KEY');
  });
});

describe('PROMETHEUS_TOKEN', () => {
  it('is a secret read from the environment, and absent when empty', () => {
    expect(isSecretName('PROMETHEUS_TOKEN')).toBe(true);
    const text = documentWith(() => {});
    expect(validConfig(text, { PROMETHEUS_TOKEN: 'tok-123' }).secrets).toEqual({ PROMETHEUS_TOKEN: 'tok-123' });
    expect(validConfig(text, { PROMETHEUS_TOKEN: '  ' }).secrets).toEqual({});
  });
});
