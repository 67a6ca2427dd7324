#!/usr/bin/env node
// Checks the hand-labelled quotation gold set (tests/fixtures/quotes/) against docs/fixtures.md
// and prints statistics. Usage:
//   node scripts/check-quote-fixtures.mjs            # check + summary
//   node scripts/check-quote-fixtures.mjs --table    # also print the README table (markdown)
// Exit code 1 when a gold entry is invalid.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests', 'fixtures', 'quotes');
const KINDS = new Set(['direct', 'indirect', 'according-to']);
const CLASSES = new Set(['neutral', 'endorsing', 'doubting', 'culpability', 'emotive', 'none']);
const OPEN = new Set(['"', '\u201C', '\u2018', "'"]);
const CLOSE = new Set(['"', '\u201D', '\u2019', "'"]);

let errors = 0;
let warnings = 0;
const err = (f, m) => { errors++; console.error(`ERROR ${f}: ${m}`); };
const warn = (f, m) => { warnings++; console.error(`warn  ${f}: ${m}`); };

function positions(txt, s) {
  const out = [];
  for (let i = txt.indexOf(s); i !== -1; i = txt.indexOf(s, i + 1)) out.push(i);
  return out;
}

// Double-quoted spans in the text (straight or curly), as [start, end) of their content.
function quotedSpans(txt) {
  const spans = [];
  const re = /\u201C([^\u201C\u201D]*?)(\u201D|\n\n)|"([^"\n]*)"/g;
  let m;
  while ((m = re.exec(txt))) {
    const content = m[1] ?? m[3];
    spans.push([m.index + 1, m.index + 1 + content.length, content]);
  }
  return spans;
}

const rows = [];
const total = { kind: {}, cueClass: {}, speakerType: {}, quotes: 0, words: 0 };
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (const f of files) {
  const name = f.replace(/\.txt$/, '');
  const txt = readFileSync(join(dir, f), 'utf8');
  let gold;
  try {
    gold = JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8'));
  } catch (e) {
    err(name, `cannot read gold: ${e.message}`);
    continue;
  }
  if (typeof gold.genre !== 'string') err(name, 'genre missing');
  if (!Array.isArray(gold.quotes)) { err(name, 'quotes missing'); continue; }
  const covered = [];
  gold.quotes.forEach((q, i) => {
    const id = `${name}#${i + 1} ${JSON.stringify(q.text?.slice(0, 40))}`;
    const keys = Object.keys(q).sort().join(',');
    const allowed = new Set(['kind', 'text', 'occurrence', 'speaker', 'cue', 'cueClass', 'continues']);
    for (const k of Object.keys(q)) if (!allowed.has(k)) err(id, `unknown field ${k}`);
    for (const k of ['kind', 'text', 'occurrence', 'speaker', 'cue', 'cueClass'])
      if (!(k in q)) err(id, `field ${k} missing (${keys})`);
    if (!KINDS.has(q.kind)) err(id, `bad kind ${q.kind}`);
    if (!CLASSES.has(q.cueClass)) err(id, `bad cueClass ${q.cueClass}`);
    if (q.speaker !== null && typeof q.speaker !== 'string') err(id, 'speaker must be string|null');
    if ((q.cue === null) !== (q.cueClass === 'none')) err(id, 'cue null <=> cueClass none');
    if (q.cue !== null && !txt.toLowerCase().includes(q.cue.toLowerCase())) err(id, `cue "${q.cue}" not in text`);
    if (typeof q.speaker === 'string' && q.speaker !== 'anonymous' && !txt.includes(q.speaker.replace(/^the /, '')))
      err(id, `speaker "${q.speaker}" not named in text`);
    const pos = positions(txt, q.text ?? '');
    if (pos.length === 0) { err(id, 'text not found'); return; }
    const occ = q.occurrence ?? 1;
    if (occ < 1 || occ > pos.length) { err(id, `occurrence ${occ} but ${pos.length} found`); return; }
    if (pos.length > 1) warn(id, `text occurs ${pos.length} times; labelled occurrence ${occ}`);
    const start = pos[occ - 1];
    const end = start + q.text.length;
    covered.push([start, end]);
    if (q.continues) {
      // the continuation paragraph(s) belong to this entry: cover up to the closing mark
      let k = end;
      while (txt[k] === '\n') k++;
      const m = /[\u201D"]/.exec(txt.slice(k + 1));
      covered.push([end, m ? k + 1 + m.index : txt.length]);
    }
    const before = txt[start - 1];
    const after = txt[end];
    if (q.text !== q.text.trim()) err(id, 'text has surrounding whitespace');
    if (q.kind === 'direct') {
      if (!OPEN.has(before)) err(id, `direct quote not preceded by an opening mark (${JSON.stringify(before)})`);
      if (q.continues) {
        if (after !== '\n') err(id, 'continues: text must run to the end of its paragraph');
        const next = txt.slice(end).replace(/^\n+/, '')[0];
        if (!OPEN.has(next)) err(id, 'continues: next paragraph must open with a mark');
      } else if (!CLOSE.has(after)) err(id, `direct quote not followed by a closing mark (${JSON.stringify(after)})`);
    } else {
      if (q.continues) err(id, 'continues only for direct');
      if (!/[.?!,;:]/.test(after ?? '')) warn(id, `${q.kind} span followed by ${JSON.stringify(after)}`);
      if (/[.?!]$/.test(q.text)) err(id, `${q.kind} span includes final punctuation`);
      // Partial-quote rule (README): a reported clause whose quoted fragment is at least half of it
      // is labelled `direct` with the fragment, not `indirect` with the clause.
      const frag = /[\u201C"]([^\u201D"]*)[\u201D"]/.exec(q.text);
      if (frag && frag[1].length * 2 >= q.text.length) err(id, 'quoted fragment is >= half the clause: label it direct');
    }
    total.kind[q.kind] = (total.kind[q.kind] ?? 0) + 1;
    total.cueClass[q.cueClass] = (total.cueClass[q.cueClass] ?? 0) + 1;
    const st = q.speaker === null ? 'null' : q.speaker === 'anonymous' ? 'anonymous' : 'named';
    total.speakerType[st] = (total.speakerType[st] ?? 0) + 1;
  });
  // Every double-quoted span should be labelled, unless it is a scare quote (short, reported as a warning).
  for (const [s, e, content] of quotedSpans(txt)) {
    if (covered.some(([a, b]) => a < e && s < b)) continue;
    const words = content.trim().split(/\s+/).length;
    if (words <= 3) warn(name, `unlabelled short quoted span (scare quote?) ${JSON.stringify(content)}`);
    else err(name, `unlabelled quoted span ${JSON.stringify(content.slice(0, 60))}`);
  }
  const words = txt.split(/\s+/).filter(Boolean).length;
  const kinds = {};
  for (const q of gold.quotes) kinds[q.kind] = (kinds[q.kind] ?? 0) + 1;
  rows.push({ name, genre: gold.genre, words, n: gold.quotes.length, kinds });
  total.quotes += gold.quotes.length;
  total.words += words;
}

if (process.argv.includes('--table')) {
  console.log('| File | Genre | Words | Quotes | direct | indirect | according-to |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(`| \`${r.name}.txt\` | ${r.genre} | ${r.words} | ${r.n} | ${r.kinds.direct ?? 0} | ${r.kinds.indirect ?? 0} | ${r.kinds['according-to'] ?? 0} |`);
  console.log(`| **Total** (${rows.length} files) | | ${total.words} | ${total.quotes} | ${total.kind.direct ?? 0} | ${total.kind.indirect ?? 0} | ${total.kind['according-to'] ?? 0} |`);
  console.log('');
  console.log('| cueClass | Quotes |');
  console.log('|---|---:|');
  for (const c of CLASSES) console.log(`| ${c} | ${total.cueClass[c] ?? 0} |`);
  console.log('');
  console.log('| Speaker | Quotes |');
  console.log('|---|---:|');
  for (const k of ['named', 'anonymous', 'null']) console.log(`| ${k} | ${total.speakerType[k] ?? 0} |`);
} else {
  for (const r of rows) console.log(`${r.name.padEnd(28)} ${r.genre.padEnd(26)} words ${String(r.words).padStart(4)} quotes ${r.n}`);
  console.log(`total: ${rows.length} files, ${total.quotes} quotes, ${total.words} words`);
  console.log('kind:', JSON.stringify(total.kind));
  console.log('cueClass:', JSON.stringify(total.cueClass));
  console.log('speaker:', JSON.stringify(total.speakerType));
}
console.error(`${errors} error(s), ${warnings} warning(s)`);
process.exit(errors ? 1 : 0);
