/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks, and python-slack-sdk's
 * `slack_sdk/models/blocks/*.py`; the ~13k whole-payload failure is bolt-js #2509). Imports nothing,
 * like the validator built on it, so the local Slack stand-in can reuse both.
 */

/** Where a message or view is shown; modals and the Home tab allow more blocks. */
export type Surface = 'message' | 'modal' | 'home';

/** One broken limit, with the JSON path of the offending value. */
export interface Violation {
  readonly path: string;
  readonly rule: 'max_length' | 'min_length' | 'max_items' | 'required' | 'duplicate' | 'type';
  readonly limit: number;
  readonly actual: number;
}

/** Slack's limits, exported so tests and the stand-in can quote them. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  id: 255,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  privateMetadata: 3000,
  blocksJson: 13_000,
  messageText: 40_000,
  textObject: 3000,
  inputLabel: 2000,
  placeholder: 150,
  inputLength: 3000,
} as const;
