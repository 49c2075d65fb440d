/**
 * The validated, fully defaulted configuration: what `parseConfig` returns from `shiplock.yml` and
 * the environment. Every field is present (defaults applied) except the ones marked optional, which
 * are absent on purpose (an unset secret, an unset URL). Durations are milliseconds.
 */
import type { IncidentMapping } from '../core/risk/derive-incidents.ts';
import type {
  HarmMode,
  RiskComponent,
  RiskEdge,
  Implementation as RiskImplementation,
} from '../core/risk/risk-types.ts';
import type { ApprovalPolicy, DeployStage, GateKind, GatePhase, Person } from '../core/types.ts';

/** One problem found in the configuration; `path` is written like `gates[2].command`. */
export interface ConfigError {
  readonly path: string;
  readonly message: string;
  /** 1-based line in shiplock.yml, when the problem has a place in the file. */
  readonly line?: number;
  /** 1-based column, given for YAML syntax errors. */
  readonly column?: number;
}

/** Either the whole configuration, or every problem found in it. */
export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/** Environment variables that hold secrets; they are never read from shiplock.yml. */
export type SecretName =
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_APP_TOKEN'
  | 'GITHUB_TOKEN'
  | 'GITHUB_WEBHOOK_SECRET'
  | 'OPENAI_API_KEY'
  | 'ALERTMANAGER_TOKEN'
  | 'PROMETHEUS_TOKEN';

/** The secrets that are set (non-empty) in the environment. */
export type Secrets = { readonly [K in SecretName]?: string };

/** API base URLs taken from the environment; absent means the public default. */
export interface Endpoints {
  readonly slackApiUrl?: string;
  readonly githubApiUrl?: string;
  readonly openaiBaseUrl?: string;
}

/** Days of the week as written in deploy windows. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Production may start only inside a window (when any window is configured). */
export interface DeployWindow {
  readonly days: readonly Weekday[];
  /** Minutes after local midnight, 0..1439. */
  readonly startMinute: number;
  /** Minutes after local midnight, exclusive, startMinute < endMinute ≤ 1440. */
  readonly endMinute: number;
  /** Canonical IANA name, for example `Europe/Berlin`. */
  readonly timeZone: string;
}

interface GateConfigBase {
  readonly id: string;
  readonly name: string;
  readonly phase: GatePhase;
  readonly timeoutMs: number;
}

/** A finding's severity, least severe first: low, medium, high, critical. */
export type SeverityLevel = 'low' | 'medium' | 'high' | 'critical';

/** A gate that runs a command on the PR's code in the sandbox. */
export interface CommandGateConfig extends GateConfigBase {
  readonly kind: Exclude<GateKind, 'github_check' | 'security_scanner'>;
  /** argv; a command written as one string is `['/bin/sh', '-c', string]`. */
  readonly command: readonly string[];
  /** Workspace-relative SARIF 2.1.0 file the command writes; its findings go to the thread. */
  readonly sarif?: string;
  /** Workspace-relative JUnit XML file the command writes (test gates). */
  readonly junit?: string;
}

/** A narrow model at any OpenAI-compatible endpoint (its key is OPENAI_API_KEY). */
export interface ModelEndpointConfig {
  readonly model: string;
  /** Absent means OPENAI_BASE_URL, or OpenAI itself. */
  readonly baseUrl?: string;
  readonly timeoutMs: number;
}

/** The narrow model behind the security scanner. */
export type ScannerModelConfig = ModelEndpointConfig;

/**
 * The security scanner: shiplock's deterministic rules over the diff's added lines, plus an
 * optional command (a scanner of the operator's, sandboxed) and an optional narrow model.
 */
export interface ScannerGateConfig extends GateConfigBase {
  readonly kind: 'security_scanner';
  readonly command?: readonly string[];
  readonly sarif?: string;
  /** Findings at or above this severity block. */
  readonly blockAt: SeverityLevel;
  readonly model?: ScannerModelConfig;
}

/** A gate that waits for a named GitHub check run on the head SHA. */
export interface CheckGateConfig extends GateConfigBase {
  readonly kind: 'github_check';
  readonly checkName: string;
}

/** One blocking gate, in the order configured (testing gates run in this order). */
export type GateConfig = CommandGateConfig | ScannerGateConfig | CheckGateConfig;

/** One of the operator's deploy scripts. */
export interface DeployScriptConfig {
  readonly stage: DeployStage;
  readonly command: readonly string[];
  readonly timeoutMs: number;
  /** The GitHub deployment environment name (`SHIPLOCK_ENVIRONMENT`). */
  readonly environment: string;
}

/** Which way a metric moves when things get worse. */
export type MetricDirection = 'increase' | 'decrease' | 'either';

/** One canary metric, compared between canary and baseline. */
export interface CanaryMetricConfig {
  readonly name: string;
  /** PromQL template; `{{track}}` becomes `canary` or `baseline`, `{{service}}` the repository's service. */
  readonly query: string;
  readonly direction: MetricDirection;
  /** A critical metric alone makes the canary unhealthy. */
  readonly critical: boolean;
  /** Tolerated relative difference before the metric counts as worse (0.1 = 10 %). */
  readonly margin: number;
}

/** Who approves production for one repository, with the environment it guards. */
export interface ApprovalConfig extends ApprovalPolicy {
  /** The environment that needs approval; for now always the production stage's environment. */
  readonly environment: string;
}

/** One repository shiplock gates. */
export interface RepositoryConfig {
  /** `owner/repo`. */
  readonly name: string;
  readonly deployChannel: string;
  readonly alertsChannel: string;
  readonly gates: readonly GateConfig[];
  readonly approvals: ApprovalConfig;
  readonly deploy: { readonly [S in DeployStage]: DeployScriptConfig };
  readonly canary: {
    readonly metrics: readonly CanaryMetricConfig[];
    /** `{{service}}` in the queries: the `service` label of this repository's metrics. */
    readonly service: string;
  };
  /** How long production is watched before the rollout counts as deployed (`verification.duration`). */
  readonly verificationMs: number;
  readonly verification: VerificationConfig;
}

/** The checks that verify production at the end of the verification window. */
export interface VerificationConfig {
  /** Judge production after the deploy against production before it (needs Prometheus). */
  readonly metrics: boolean;
  /** The health command, as argv (a string is `['/bin/sh', '-c', string]`); absent when none. */
  readonly command?: readonly string[];
  readonly commandTimeoutMs: number;
}

/** A human known to Slack and GitHub. */
export interface PersonConfig extends Person {
  readonly name?: string;
}

/** A named team of approvers, referenced from `approvals.groups`. */
export interface GroupConfig {
  readonly name: string;
  readonly members: readonly string[];
}

/** How a component is built; it sets the prior of its failure probability. */
export type Implementation = RiskImplementation;

/** One way a component can cause harm: a prior on P (per month or per opportunity) × damage in $. */
export type HarmModeConfig = HarmMode;

/** A component of the pipeline with its monthly delegation-risk budget in dollars. */
export interface RiskComponentConfig extends RiskComponent {
  /** Its "no" stops a rollout (it has a control or approval edge); never true for an LLM. */
  readonly blocking: boolean;
}

/** The delegation-risk budgets and the declared authority graph (docs/risk.md). */
export interface RiskConfig {
  /** Acceptable delegation risk of the whole system, $/month. */
  readonly acceptable: number;
  /** Fraction of a budget at which the bot warns (0.8 = 80 %). */
  readonly warnAt: number;
  /** Half-life of the evidence that updates the probabilities, in days. */
  readonly halfLifeDays: number;
  /** The node of `edges` that stands for production. */
  readonly production: string;
  /** The id of the orchestrator component. */
  readonly orchestrator: string;
  readonly components: readonly RiskComponentConfig[];
  readonly edges: readonly RiskEdge[];
  /** Which harm modes each automatic incident charges (`risk.incidents`). */
  readonly incidents: IncidentMapping;
  /** Who may record incidents and acknowledge a step-down; null: every named approver. */
  readonly authorized: readonly string[] | null;
}

/** The whole configuration. */
export interface Config {
  readonly version: 1;
  readonly repositories: readonly RepositoryConfig[];
  readonly people: readonly PersonConfig[];
  readonly groups: readonly GroupConfig[];
  readonly timeLockMs: number;
  readonly allowShortTimeLock: boolean;
  readonly preflightRetryMs: number;
  /** Empty means production may start at any time. */
  readonly deployWindows: readonly DeployWindow[];
  readonly canary: {
    readonly watchIntervalMs: number;
    readonly prometheusUrl?: string;
    /** The `query_range` step and the error counts' interval: whole seconds, at least 1 s. */
    readonly stepMs: number;
    /** The optional narrow "is this canary healthy?" model; it can only turn healthy into unhealthy. */
    readonly model?: ModelEndpointConfig;
  };
  readonly advisoryReview: { readonly enabled: boolean; readonly model: string };
  readonly risk: RiskConfig;
  readonly sandbox: 'bubblewrap' | 'none';
  readonly database: string;
  /** Where gate workspaces and run logs live (`workspaces/`, `logs/`). */
  readonly workDir: string;
  /** Where the HTTP server listens; loopback by default (put your proxy in front). */
  readonly http: { readonly port: number; readonly host: string };
  readonly secrets: Secrets;
  readonly endpoints: Endpoints;
}
