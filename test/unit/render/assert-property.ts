import fc from 'fast-check';

/**
 * `fc.assert` with a short report: counterexamples hold 100k-character strings, and printing them
 * whole buries the one line that matters. Long strings are cut in the report, never in the run.
 */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts>): void {
  fc.assert(property, {
    ...params,
    reporter: (details) => {
      if (!details.failed) return;
      const example = JSON.stringify(details.counterexample, (_key, value: unknown) =>
        typeof value === 'string' && value.length > 120 ? `${value.slice(0, 120)}…(${value.length} chars)` : value,
      );
      const cause =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `Property failed (seed ${details.seed}, path "${details.counterexamplePath}")\n` +
          `counterexample: ${example?.slice(0, 4000)}\ncause: ${cause.slice(0, 4000)}`,
      );
    },
  });
}
