import type { Category, Severity } from '../rules/types.js';

/** The JSON contract (`--format json` / `jsonl`). Additive changes keep the version; others bump it. */
export const SCHEMA_ID = 'slant.report/1';

export interface ReportFinding {
  /** 1-based number, the marker shown in the text reports. */
  n: number;
  rule: string;
  category: Category;
  kind: string;
  severity: Severity;
  /** Unicode code point offsets into `text`, end exclusive; null for a finding about the whole document. */
  start: number | null;
  end: number | null;
  line: number | null;
  column: number | null;
  text: string | null;
  message: string;
  suggestion: string | null;
  question: string;
  /** `quoted`: inside a direct quotation, the words are the speaker's, not the outlet's. */
  voice: 'outlet' | 'quoted';
  speaker: string | null;
  data: Record<string, string | number | boolean | null>;
}

export interface ReportQuote {
  start: number;
  end: number;
  kind: 'direct' | 'indirect' | 'according-to';
  text: string;
  speaker: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  cueClass: 'neutral' | 'endorsing' | 'doubting' | 'culpability' | 'emotive' | 'none';
}

export interface ReportVoice {
  name: string;
  kind: 'named' | 'anonymous' | 'organisation';
  quotes: number;
  paraphrases: number;
  cues: string[];
}

export interface ReportOutlet {
  name: string;
  role: 'origin' | 'publisher' | 'republisher' | 'primary-source' | 'mentioned';
  owner: string | null;
  country: string | null;
  typology: string | null;
  typologyLabel: string | null;
  typologySource: string | null;
  start: number | null;
  end: number | null;
}

export interface ReportProvenance {
  byline: string | null;
  date: string | null;
  dateline: { place: string; credit: string | null } | null;
  publisher: string | null;
  republishedBy: string | null;
  url: string | null;
  outlets: ReportOutlet[];
  residue: Array<{ start: number; end: number; text: string; kind: string }>;
}

export interface ReportSummary {
  words: number;
  findings: number;
  byCategory: Record<Category, number>;
  byKind: Record<string, number>;
  bySeverity: Record<Severity, number>;
  byVoice: { outlet: number; quoted: number };
  /** Findings per 1,000 words of the text, by category. */
  per1000Words: Record<Category, number>;
  /** Loaded-language findings in the outlet's own voice per 1,000 words: what tells about the outlet. */
  outletLoadedPer1000Words: number;
}

export interface Report {
  schema: typeof SCHEMA_ID;
  source: { name: string; chars: number; words: number; title: string | null };
  text: string;
  findings: ReportFinding[];
  quotes: ReportQuote[];
  voices: ReportVoice[];
  /** One-line readings of who is heard ("All 7 quotations come from one speaker."), computed by the analysis. */
  readings: string[];
  provenance: ReportProvenance;
  summary: ReportSummary;
}
