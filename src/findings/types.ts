import type { Rule } from '../rules/types.js';

export type Voice = 'outlet' | 'quoted';

/** What a detector reports. Offsets are UTF-16 indices into the document text; null for the whole document. */
export interface Finding {
  rule: Rule;
  start: number | null;
  end: number | null;
  message: string;
  suggestion: string | null;
  /** Filled by the pipeline from the quotations unless the detector sets it. */
  voice?: Voice;
  speaker?: string | null;
  /** Detector-specific facts that go into the JSON report (e.g. a reporting verb's class). */
  data?: Record<string, string | number | boolean | null>;
}

/** Fill `{match}` in a rule's message. */
export function formatMessage(template: string, matched: string): string {
  return template.replace(/\{match\}/g, matched);
}
