import { spanAt } from '../document/build.js';
import { letterOrDigitAt, widthAt } from '../document/tokens.js';
import type { Span } from '../document/types.js';

/**
 * Page residue: furniture of the web page left in the copy (captions and photo credits,
 * related-article lines, share/comment/newsletter/cookie prompts, "Advertisement", tag lists).
 * It is not article prose: findings inside it are dropped, and it is shown dimmed.
 */
export type ResidueKind =
  | 'caption' | 'related' | 'share' | 'comments' | 'newsletter' | 'cookie' | 'advertisement' | 'prompt' | 'tags';

export interface ResidueSpan extends Span {
  kind: ResidueKind;
  text: string;
}

/** A line already known to be residue (e.g. an HTML `<figcaption>`), in offsets of the text. */
export interface ResidueHint extends Span {
  kind: ResidueKind;
}

const SOCIAL = String.raw`facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|mail|messenger|flipboard|threads|bluesky|copy link|print`;

/** Each test runs on a line with leading symbols (emoji, bullets, arrows) removed. */
const LINE_RULES: ReadonlyArray<readonly [ResidueKind, RegExp]> = [
  ['advertisement', /^(?:advertisement|advertising|advert|sponsored(?: content)?|paid content|ad|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading below)\.?$/i],
  ['cookie', /\bcookies?\b.*\b(?:accept|agree|consent|continu\w* to (?:use|browse)|manage|settings|policy|experience)\b|\b(?:accept|agree to|consent to)\b.*\bcookies?\b/i],
  ['related', /^(?:read more|more|related(?: articles?| stories| coverage| news)?|also read|read also|see also|recommended(?: for you)?|you may also like|you might also like|more on this(?: story)?|more from [\p{L} ]{1,30}|most read|trending(?: now)?|don['’]t miss|editor['’]s picks?|watch|listen|latest)\s*(?::|\||[-–—]{1,2}|»|>)\s*.*$/iu],
  ['related', /^(?:read more|related|also read|recommended|see also|most read|trending now|more stories|more news|you may also like)$/i],
  ['share', new RegExp(String.raw`^(?:share(?: this)?(?: (?:article|story|post|page|video|link))?(?: (?:on|via|to|with) (?:${SOCIAL}))?|share on (?:${SOCIAL})|(?:${SOCIAL})|tweet(?: this)?|like this|like loading\.{2,3}|loading\.{2,3}|pin it|whatsapp this)\s*[:.!]?$`, 'i')],
  ['comments', /^(?:comments are (?:closed|disabled)|leave a (?:comment|reply)|post a comment|add a comment|join the (?:discussion|conversation)|(?:show|view|read) (?:all )?comments|\d+ comments?|comments?(?: \(\d+\))?)\s*[.:]?$/i],
  ['newsletter', /^(?:(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletter|briefing|bulletin|digest|alerts?|updates|emails?|inbox)\b.{0,40}|subscribe(?: now)?|get our newsletter|join our (?:newsletter|mailing list)|follow us on .{1,40})[.!]?$/i],
  ['prompt', /^(?:click|tap) here\b.{0,120}$/i],
  ['prompt', /^(?:download (?:our|the) app|follow (?:our|us)\b.{0,60}|watch the video|listen to this article)\b.{0,60}$/i],
  ['tags', /^(?:tags?|topics?|filed under|categories|keywords)\s*:\s*\S.{0,300}$/i],
  ['caption', /^(?:photo|image|picture|photograph|video|graphic|illustration|file photo)s?(?: credits?| courtesy(?: of)?| by)?\s*:\s*\S.{0,200}$/i],
  ['caption', /^(?:image|photo|picture)s? (?:credit|courtesy)\b.{0,200}$/i],
];

/**
 * A line that ends in a photo credit: "... 3 May 2024. (Reuters/John Doe)", "... (Photo: Mia Torres)",
 * "... REUTERS/Staff", "... / Getty Images". Captions are standalone lines, not sentences inside prose.
 * In two lists by what a line needs for any of them to match (see classifyLine).
 */
const CREDIT_IN_BRACKETS = [
  /\((?:(?:photo|image|picture|file photo|credit)s?\s*(?:by|:)?\s*)[^()\n]{2,80}\)\s*$/i,
  /\([\p{Lu}][\p{L}.&' -]{1,40}\/[\p{L}.' -]{2,60}\)\s*$/u,
];
const CREDIT_AFTER_SLASH_OR_VIA = [
  /(?:^|\s)\p{Lu}{2,}(?: \p{Lu}{2,})?\/[\p{Lu}][\p{L}.' -]{1,40}$/u,
  /^(?!via\b)\S.*(?:\bvia\s+|\/\s*)(?:Getty Images|Shutterstock|Alamy|AP Photo|Reuters|AFP)\s*\)?$/i,
];

/**
 * The line without what leads it up to a letter, digit or "(" (emoji, bullets, arrows), trimmed:
 * `line.replace(/^[^\p{L}\p{N}(]+/u, '').trim()` without compiling that class, as most lines
 * open with a letter.
 */
function stripLead(line: string): string {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) !== 0x28 && !letterOrDigitAt(line, i)) i += widthAt(line, i);
  return (i === 0 ? line : line.slice(i)).trim();
}

/** The residue kind of one line on its own, or null. */
export function classifyLine(raw: string): ResidueKind | null {
  const line = stripLead(raw);
  if (line.length === 0 || line.length > 400) return null;
  // Most lines are prose. The unanchored patterns each need a word or mark that a quick search
  // rules out first: "cookie" for the cookie rule; a closing bracket at the end, a slash or "via"
  // for a photo credit (the line is trimmed, so `\)\s*$` means it ends with ")").
  const mayBeCookie = /cookie/i.test(line);
  // Indexed: every line comes here, cold, and destructuring each [kind, re] takes an iterator.
  for (let k = 0; k < LINE_RULES.length; k++) {
    const rule = LINE_RULES[k];
    if ((rule[0] !== 'cookie' || mayBeCookie) && rule[1].test(line)) return rule[0];
  }
  if (line.length > 300) return null;
  if (line.endsWith(')') && CREDIT_IN_BRACKETS.some((re) => re.test(line))) return 'caption';
  if ((line.includes('/') || /via/i.test(line)) && CREDIT_AFTER_SLASH_OR_VIA.some((re) => re.test(line))) return 'caption';
  return null;
}

/** A header after which the short lines of the same block are a list of links or buttons. */
function isListHeader(kind: ResidueKind, line: string): boolean {
  if (kind === 'related' || kind === 'share') return /[:|]\s*$|^(?:recommended|related|read more|most read|trending now|more stories|more news)$/i.test(stripLead(line));
  return false;
}

interface Line extends Span { text: string }

function linesOf(text: string, block: Span): Line[] {
  const out: Line[] = [];
  let at = block.start;
  for (const piece of text.slice(block.start, block.end).split('\n')) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) out.push({ start: at + lead, end: at + lead + trimmed.length, text: trimmed });
    at += piece.length + 1;
  }
  return out;
}

/**
 * Find residue in a text, block by block (blocks are separated by blank lines). Contiguous residue
 * lines of one block form one span. The first block is never residue when it is the headline.
 */
export function findResidue(text: string, blocks: readonly Span[], options: { skip?: Span | null; hints?: readonly ResidueHint[] } = {}): ResidueSpan[] {
  const out: ResidueSpan[] = [];
  const hints = options.hints ?? [];
  for (const block of blocks) {
    if (options.skip && block.start === options.skip.start) continue;
    const lines = linesOf(text, block);
    const kinds = lines.map((l) => hints.find((h) => h.start <= l.start && l.end <= h.end)?.kind ?? classifyLine(l.text));
    // A residue header ("Share this:", "Recommended:") followed by short lines: the whole block is one list.
    if (lines.length > 1 && kinds[0] && isListHeader(kinds[0], lines[0].text) && lines.slice(1).every((l, k) => kinds[k + 1] || l.text.length <= 100)) {
      for (let k = 1; k < kinds.length; k++) kinds[k] ??= kinds[0];
    }
    let run: { first: number; last: number } | null = null;
    const flush = () => {
      if (!run) return;
      const start = lines[run.first].start;
      const end = lines[run.last].end;
      out.push({ start, end, kind: kinds[run.first]!, text: text.slice(start, end) });
      run = null;
    };
    lines.forEach((_, k) => {
      if (kinds[k]) {
        if (run) run.last = k;
        else run = { first: k, last: k };
      } else flush();
    });
    flush();
  }
  return out;
}

/** True when [start, end) lies inside one of the residue spans. */
export function insideResidue(residue: readonly Span[], start: number | null, end: number | null): boolean {
  if (start === null || end === null) return false;
  // Residue spans come out of findResidue in text order and never overlap: binary search.
  return spanAt(residue, start, end) !== undefined;
}
