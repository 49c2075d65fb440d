/** One chat message as the stand-in's "model" sees it: text parts joined into one string. */
export interface ChatMessage {
  readonly role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  readonly content: string;
}

/** `response_format` of a chat completion request, as OpenAI documents it. */
export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly jsonSchema: {
        readonly name: string;
        readonly schema: Readonly<Record<string, unknown>>;
        readonly strict: boolean;
      };
    };

/** A validated `POST /v1/chat/completions` request. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly temperature: number | null;
  readonly responseFormat: ResponseFormat | null;
  /** True when the request offered tools or functions (shiplock's reviewer never does). */
  readonly hasTools: boolean;
  /** The JSON body exactly as received. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** OpenAI's error envelope: `{ error: { message, type, param, code } }`. */
export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

/**
 * What the stand-in's "model" answers: the assistant's content, a refusal, an HTTP error (a 429
 * gets a `retry-after` header), or `'hang'` — no answer until the client gives up.
 */
export type ModelReply =
  | string
  | { readonly refusal: string }
  | { readonly status: number; readonly error: OpenAiErrorBody['error']; readonly retryAfterSeconds?: number }
  | 'hang';

/** The pluggable, deterministic "model". May be async (a slow model). */
export type Responder = (request: ChatRequest) => ModelReply | Promise<ModelReply>;

/** One HTTP request the stand-in received, whatever became of it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  /** The parsed JSON body; `null` when there was none or it was not JSON (filled in once read). */
  body: unknown;
  /** The validated chat request, when the body was one (filled in once validated). */
  chat: ChatRequest | null;
  /** The status answered; `null` while unanswered (a hanging model). */
  status: number | null;
}

/** Options of {@link createOpenAiStandIn}. */
export interface OpenAiStandInOptions {
  /** The only key accepted as `Authorization: Bearer <key>`. */
  readonly apiKey?: string;
  /** The "model"; defaults to the review-and-scan responder that flags TODOs and risky calls. */
  readonly responder?: Responder;
  /** Model ids `GET /v1/models` lists and chat completions accept. */
  readonly models?: readonly string[];
  /** Milliseconds since the epoch, for `created`. */
  readonly clock?: () => number;
}

/** A running OpenAI-compatible stand-in on loopback. */
export interface OpenAiStandIn {
  /** `http://127.0.0.1:<port>`; the client's `baseURL` is this plus `/v1`. */
  readonly url: string;
  readonly apiKey: string;
  readonly models: readonly string[];
  /** Every request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** The validated chat completion requests, in arrival order. */
  chatRequests(): ChatRequest[];
  setResponder(responder: Responder): void;
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}
