import { tokenAtOrAfter } from '../document/build.js';
import type { Document, Quotation } from '../document/types.js';
import { formatMessage, type Finding } from '../findings/types.js';
import type { Detector } from './types.js';

/**
 * Words right before the marks that introduce a name, a title, a word used as a word, or
 * someone else's word ("a film called “Dawn”", "the word “woke”", "what critics described as
 * “a stunt”", "declaring him a “bigot”"): a partial quotation or a mention, not distance.
 */
const NAMING_WORDS = new Set([
  'called', 'calling', 'call', 'calls', 'dubbed', 'dubbing', 'dub', 'titled', 'entitled', 'named', 'nicknamed',
  'codenamed', 'labelled', 'labeled', 'labelling', 'labeling', 'branded', 'branding', 'termed', 'term', 'terms',
  'word', 'words', 'phrase', 'phrases', 'expression', 'slogan', 'hashtag', 'motto', 'operation', 'as', 'headline',
  'book', 'film', 'movie', 'song', 'album', 'show', 'series', 'programme', 'program', 'campaign', 'project',
  'declared', 'declaring', 'deemed', 'considered', 'pronounced',
]);

/**
 * Reporting cues: when the sentence around the quoted words (or the one before it) reports
 * someone's speech or writing, the quoted words are most likely theirs (a partial quotation:
 * "MGM said it was “confident”"), not the outlet keeping its distance. Written as the forms
 * that occur, so the check is a set lookup per token.
 */
const REPORTING_CUES = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'write', 'writes', 'wrote', 'written',
  'writing', 'tweet', 'tweets', 'tweeted', 'tweeting', 'posted', 'state', 'states', 'stated', 'add', 'adds',
  'added', 'explain', 'explains', 'explained', 'argue', 'argues', 'argued', 'claim', 'claims', 'claimed',
  'insist', 'insists', 'insisted', 'describe', 'describes', 'described', 'describing', 'called', 'calls',
  'calling', 'accuse', 'accuses', 'accused', 'warn', 'warns', 'warned', 'urge', 'urges', 'urged', 'note',
  'notes', 'noted', 'denounce', 'denounced', 'condemn', 'condemned', 'ask', 'asks', 'asked', 'reply',
  'replied', 'respond', 'responded', 'testify', 'testified', 'announce', 'announced', 'declare', 'declared',
  'complain', 'complained', 'allege', 'alleges', 'alleged', 'acknowledge', 'acknowledged', 'admit', 'admitted',
  'suggest', 'suggested', 'vow', 'vowed', 'promise', 'promised', 'pledge', 'pledged', 'threaten', 'threatened',
  'predict', 'predicted', 'dismiss', 'dismissed', 'brand', 'branded', 'label', 'labelled', 'labeled', 'dubbed',
  'termed', 'characterise', 'characterised', 'characterize', 'characterized', 'quote', 'quoted', 'quoting',
  'spokesman', 'spokeswoman', 'spokesperson', 'statement', 'interview', 'according', 'blamed', 'praised',
  'criticised', 'criticized', 'slammed', 'hailed', 'decried', 'mocked', 'reported', 'recalled', 'remarked',
  'insisting', 'maintained', 'contended', 'asserted', 'cited', 'citing', 'refer', 'refers', 'referred',
  'referring', 'believes', 'thinks', 'thought', 'wants', 'promised', 'demanded', 'urging', 'warning',
  'explaining', 'arguing', 'claiming', 'telling', 'adding', 'noting', 'announcing', 'declaring', 'describing',
]);

/**
 * Nouns that, right after the closing mark, make the quoted words the name of a measure, a
 * document or a programme (“red flag” law, “guardian” programme), not a word held at a distance.
 */
const NAMED_THINGS = new Set([
  'law', 'laws', 'bill', 'bills', 'act', 'acts', 'policy', 'policies', 'program', 'programs', 'programme',
  'programmes', 'rule', 'rules', 'provision', 'provisions', 'clause', 'clauses', 'amendment', 'amendments',
  'order', 'orders', 'doctrine', 'initiative', 'initiatives', 'scheme', 'plan', 'campaign', 'movement',
  'report', 'memo', 'document', 'dossier', 'list', 'label', 'labels', 'category', 'status', 'tax', 'visa',
]);

/** The quoted term follows one of these: "the so-called “experts”" (the so-called rule has it). */
const SO_CALLED = new Set(['so-called', 'self-styled', 'self-proclaimed', 'supposed', 'alleged']);

/**
 * Quote marks around a word or two that nobody is quoted as saying: the outlet keeps its
 * distance from the word ("the “experts”", "the government's “reform”"). Left alone: titles and
 * names (capitalised), words used as words, the object of "called"/"described as" (someone
 * else's word), quotations of three words or more (partial quotations of speech), and quoted
 * words in a sentence that reports speech, or right after one.
 */
export const scareQuotes: Detector = {
  meta: { name: 'scare-quotes', description: 'Short quoted terms with no speaker that read as distancing.' },
  create(rules) {
    const rule = rules[0];
    if (!rule) return () => [];
    return ({ doc }) => {
      const findings: Finding[] = [];
      const { text } = doc;
      const quoted = quotedElsewhere(doc);
      const seen = new Set<string>();
      for (const q of doc.quotations) {
        if (q.role !== 'term' || q.depth !== 1 || q.words > 2 || q.unclosed) continue;
        const inner = text.slice(q.start, q.end);
        if (!/^\p{Ll}/u.test(inner)) continue; // names and titles start with a capital
        const before = /([\p{L}-]+)[\s,:]*$/u.exec(text.slice(Math.max(0, q.outer.start - 30), q.outer.start));
        const prev = before ? before[1].toLowerCase() : '';
        if (NAMING_WORDS.has(prev) || SO_CALLED.has(prev)) continue;
        if (reportedNearby(doc, q)) continue;
        // “red flag” law, “ghost gun” bill: quoted words that name a measure or a programme.
        const after = /^[\s]*([\p{L}-]+)/u.exec(text.slice(q.outer.end, q.outer.end + 30));
        if (after && NAMED_THINGS.has(after[1].toLowerCase())) continue;
        const key = termKey(inner);
        // One finding per term: later marks around the same words refer back to the first.
        if (seen.has(key)) continue;
        // The same words inside someone's quoted speech elsewhere in the article: a partial
        // quotation of that source, whose speaker the article gives there.
        if (quoted.has(key)) continue;
        seen.add(key);
        findings.push({ rule, start: q.outer.start, end: q.outer.end, message: formatMessage(rule.message, inner), suggestion: rule.suggestion, voice: 'outlet' });
      }
      return findings;
    };
  },
};

/** Words of a quoted term, normalised for comparison ("Remarried" and “remarried” are one term). */
function termKey(inner: string): string {
  return ` ${inner.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

/**
 * Does a term's key occur, as whole words, in the normalised text of a speech quotation (top
 * level, three words or more)? Keys are words joined by single spaces, so this is asking whether
 * the term's words are a run of consecutive words of some quotation. The runs of each length
 * asked for are collected once into a set: testing each term against every quotation grew with
 * the square of the article's length.
 */
function quotedElsewhere(doc: Document): { has(key: string): boolean } {
  let quotations: string[][] | null = null;
  const runsByLength = new Map<number, Set<string>>();
  return {
    has(key: string): boolean {
      const words = key.trim();
      if (words === '') return false;
      const n = words.split(' ').length;
      let runs = runsByLength.get(n);
      if (!runs) {
        quotations ??= doc.quotations.filter((q) => q.role === 'speech' || q.words > 2)
          .map((q) => termKey(doc.text.slice(q.start, q.end)).trim().split(' '));
        runs = new Set();
        for (const w of quotations) for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
        runsByLength.set(n, runs);
      }
      return runs.has(words);
    },
  };
}

/**
 * True when a reporting cue comes before the quoted words in their sentence, or in the sentence
 * before it in the same paragraph: the words are someone's, and the article says whose.
 */
function reportedNearby(doc: Document, q: Quotation): boolean {
  const { tokens, sentences } = doc;
  const i = tokenAtOrAfter(tokens, q.start);
  const at = i < tokens.length ? i : i - 1;
  if (at < 0) return false;
  const s = tokens.sentence(at);
  const from = s > 0 && sentences[s - 1].paragraph === sentences[s].paragraph ? s - 1 : s;
  for (let k = sentences[from].firstToken; k < sentences[s].endToken; k++) {
    if (tokens.start(k) >= q.outer.start) break; // a cue after the marks ("the “experts” say") reports someone else
    if (REPORTING_CUES.has(tokens.norm(k))) return true;
  }
  return false;
}
