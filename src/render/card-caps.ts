/** How many characters each untrusted part of the card may take. */
export interface CardCaps {
  readonly repo: number;
  readonly title: number;
  readonly author: number;
  readonly gateName: number;
  readonly gateSummary: number;
  readonly maxGates: number;
  readonly advisory: number;
  readonly canary: number;
  /** The per-metric canary table: rows shown, metric name and value cell widths. */
  readonly canaryRows: number;
  readonly canaryName: number;
  readonly canaryCell: number;
  readonly deploy: number;
  readonly hold: number;
  readonly end: number;
  readonly mentions: number;
}

const FULL: CardCaps = {
  repo: 140,
  title: 150,
  author: 60,
  gateName: 80,
  gateSummary: 240,
  maxGates: 15,
  advisory: 700,
  canary: 600,
  canaryRows: 12,
  canaryName: 28,
  canaryCell: 14,
  deploy: 200,
  hold: 300,
  end: 700,
  mentions: 12,
};

/**
 * The caps scaled by `scale` (1 = full). Slack fails a message whose blocks exceed ~13k characters
 * of JSON (bolt-js #2509), and hostile text can double in JSON (quotes, backslashes) and grow five
 * times under escaping: `fitMessage` tries smaller scales until the card validates. Counts never drop below
 * what keeps the card useful (three gates, three mentions, three canary metrics).
 */
export function cardCaps(scale: number): CardCaps {
  const cap = (n: number): number => Math.floor(n * scale);
  return {
    repo: Math.max(20, cap(FULL.repo)),
    title: cap(FULL.title),
    author: Math.max(10, cap(FULL.author)),
    gateName: Math.max(16, cap(FULL.gateName)),
    gateSummary: cap(FULL.gateSummary),
    maxGates: Math.max(3, cap(FULL.maxGates)),
    advisory: cap(FULL.advisory),
    canary: cap(FULL.canary),
    canaryRows: Math.max(3, cap(FULL.canaryRows)),
    canaryName: Math.max(10, cap(FULL.canaryName)),
    canaryCell: Math.max(8, cap(FULL.canaryCell)),
    deploy: cap(FULL.deploy),
    hold: cap(FULL.hold),
    end: cap(FULL.end),
    mentions: Math.max(3, cap(FULL.mentions)),
  };
}
