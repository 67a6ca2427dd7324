export const CATEGORIES = ['loaded-language', 'attribution', 'unattributed-claim', 'provenance'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** A rule after inheritance from its file and group: every field a detector or renderer needs. */
export interface Rule {
  /** `<kind>/<id>` unless the id already names its kind. */
  id: string;
  category: Category;
  kind: string;
  severity: Severity;
  detector: string;
  message: string;
  explanation: string;
  question: string;
  suggestion: string | null;
  match: string[];
  exceptions: string[];
  inflect: boolean;
  caseSensitive: boolean;
  notBefore: string[];
  notAfter: string[];
  voice: 'any' | 'outlet';
  examples: { flag: string[]; pass: string[] };
  /** Extra settings a code detector reads (class of a reporting verb, ...). */
  options: Record<string, unknown>;
  /** Where the rule was defined: `rules/x.yaml:12`. */
  source: string;
}

export interface RuleSet {
  rules: Rule[];
  byId: Map<string, Rule>;
  /** The folders the rules were read from, in order. */
  dirs: string[];
}
