import * as z from 'zod';

/** Where shiplock keeps its external id inside a deployment's `payload`. */
export const EXTERNAL_ID_KEY = 'shiplock_external_id';

const deploymentSchema = z.object({
  id: z.number().int(),
  payload: z.union([z.record(z.string(), z.unknown()), z.string()]),
});

function externalIdOf(payload: Record<string, unknown> | string): string | undefined {
  let object: unknown = payload;
  if (typeof payload === 'string') {
    try {
      object = JSON.parse(payload);
    } catch {
      return undefined;
    }
  }
  const value = (object as Record<string, unknown> | null)?.[EXTERNAL_ID_KEY];
  return typeof value === 'string' ? value : undefined;
}

/** A deployment's id and shiplock's external id from its payload (GitHub may send the payload as JSON text). */
export function parseDeployment(json: unknown): { readonly id: number; readonly externalId: string | undefined } {
  const deployment = deploymentSchema.parse(json);
  return { id: deployment.id, externalId: externalIdOf(deployment.payload) };
}
