/**
 * Abbreviations that end in a period without ending the sentence. Titles never end one;
 * the "maybe final" set ends one only when a typical sentence opener follows ("in the U.S. The ...").
 */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'cpl',
  'maj', 'adm', 'cmdr', 'rev', 'fr', 'st', 'mt', 'ft', 'hon', 'pres', 'supt', 'insp', 'det', 'atty',
  'messrs', 'mme', 'mlle', 'sr', 'jr', 'no', 'nos', 'fig', 'figs', 'vol', 'vols', 'p', 'pp', 'ch',
  'art', 'sec', 'para', 'approx', 'est', 'vs', 'v', 'cf', 'al', 'ave', 'blvd', 'rd', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** Abbreviations that often end a sentence too. */
export const MAYBE_FINAL_ABBREVIATIONS = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'corp', 'llc', 'plc',
  'etc', 'bros', 'e.g', 'i.e', 'd.c', 'ph.d', 'b.c', 'a.d',
]);

/** Words that usually open a sentence: after a maybe-final abbreviation they mark a boundary. */
export const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'but', 'and', 'in', 'on', 'at', 'for', 'if', 'when', 'while', 'after', 'before', 'his', 'her',
  'their', 'its', 'our', 'there', 'as', 'however', 'meanwhile', 'still', 'yet', 'so', 'some',
  'many', 'most', 'officials', 'police', 'critics', 'analysts',
]);
