/** What every evaluation section receives, and what it returns. */
import type { Analyzer } from './slant.js';

export interface EvalContext {
  /** absolute path of the repository root */
  root: string;
  /** absolute path of ../shared (beside the repository) */
  shared: string;
  /** slant's loaded-language analysis, or null when the analysis could not be loaded */
  analyzer: Analyzer | null;
  /** print false positives / misses on the development part (--details) */
  details: boolean;
  /** leave out every number computed on the held-out PTC articles (--hide-heldout) */
  hideHeldOut: boolean;
}

export interface EvalSection {
  name: string;
  /** returns the section's printed report */
  run(): Promise<string>;
}

export type SectionFactory = (ctx: EvalContext) => EvalSection;
