import { INCIDENT_TRIGGERS } from '../core/risk/ledger-types.ts';
import { DEFAULT_RISK_COMPONENTS } from './default-risk-components.ts';
import { field, items } from './raw-access.ts';
import type { ConfigError } from './types.ts';

/** The `component.mode` names the risk section declares (the seed's when none are written). */
function declaredModes(written: unknown): Set<string> {
  if (written === undefined) {
    return new Set(DEFAULT_RISK_COMPONENTS.flatMap((c) => c.harmModes.map((m) => `${c.id}.${m.id}`)));
  }
  return new Set(
    items(written).flatMap((c) => items(field(c, 'harm_modes')).map((m) => `${field(c, 'id')}.${field(m, 'id')}`)),
  );
}

/** Every harm mode `risk.incidents` charges must exist, so no incident is charged to nothing. */
export function checkIncidentMapping(risk: unknown, written: unknown): ConfigError[] {
  const modes = declaredModes(written);
  const incidents = field(risk, 'incidents');
  return INCIDENT_TRIGGERS.flatMap((trigger) =>
    items(field(incidents, trigger)).flatMap((ref, i) =>
      typeof ref !== 'string' || modes.has(ref)
        ? []
        : [
            {
              path: `risk.incidents.${trigger}[${i}]`,
              message: `names no harm mode; known: ${[...modes].sort().join(', ')}`,
            },
          ],
    ),
  );
}
