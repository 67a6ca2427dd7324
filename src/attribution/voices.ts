import type { ReportVoice } from '../report/types.js';
import type { Entity } from './entities.js';
import type { QuoteRecord } from './types.js';

export interface VoiceSummary {
  voices: ReportVoice[];
  /** Entities behind each voice, same order (for the document checks). */
  entities: Entity[];
  /** One-line readings of who is heard, computed here so renderers only print them. */
  readings: string[];
  named: number;
  anonymous: number;
  organisations: number;
  directQuotes: number;
  /** Direct quotations whose speaker is known. */
  attributedDirect: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Group the quotations by who stands behind them, and read the balance of voices. */
export function summarizeVoices(quotes: readonly QuoteRecord[]): VoiceSummary {
  const byEntity = new Map<number, { voice: ReportVoice; entity: Entity; cues: Set<string>; classes: Map<string, Set<string>> }>();
  let directQuotes = 0;
  let attributedDirect = 0;
  for (const q of quotes) {
    if (q.kind === 'direct') directQuotes++;
    const e = q.entity;
    if (!e) continue;
    if (q.kind === 'direct') attributedDirect++;
    let v = byEntity.get(e.id);
    if (!v) {
      v = { voice: { name: e.name, kind: e.kind, quotes: 0, paraphrases: 0, cues: [] }, entity: e, cues: new Set(), classes: new Map() };
      byEntity.set(e.id, v);
    }
    if (q.kind === 'direct') v.voice.quotes++;
    else v.voice.paraphrases++;
    if (q.cue) {
      const cue = q.cue.toLowerCase();
      v.cues.add(cue);
      if (q.cueClass !== 'none' && q.cueClass !== 'neutral') {
        const set = v.classes.get(q.cueClass) ?? new Set();
        set.add(cue);
        v.classes.set(q.cueClass, set);
      }
    }
  }
  const list = [...byEntity.values()].sort((a, b) => b.voice.quotes + b.voice.paraphrases - (a.voice.quotes + a.voice.paraphrases) || a.entity.first - b.entity.first);
  for (const v of list) v.voice.cues = [...v.cues];
  const voices = list.map((v) => v.voice);
  const named = voices.filter((v) => v.kind === 'named').length;
  const anonymous = voices.filter((v) => v.kind === 'anonymous').length;
  const organisations = voices.filter((v) => v.kind === 'organisation').length;

  const readings: string[] = [];
  const reported = quotes.length - directQuotes;
  if (quotes.length === 0) readings.push('Nobody is quoted or cited: every claim rests on the outlet alone.');
  else {
    const quoters = voices.filter((v) => v.quotes > 0);
    if (directQuotes >= 2 && quoters.length === 1 && attributedDirect === directQuotes) {
      readings.push(`All ${directQuotes} quotations come from one speaker (${quoters[0].name}).`);
    } else {
      readings.push(`${plural(directQuotes, 'quotation')} and ${plural(reported, 'reported statement')} from ${plural(voices.length, 'voice')}: ` +
        `${named} named, ${plural(anonymous, 'anonymous source')}, ${plural(organisations, 'organisation')}.`);
    }
    if (anonymous > 0 && anonymous * 2 >= voices.length && voices.length >= 2) {
      readings.push(`${anonymous} of ${voices.length} voices are unnamed: the reader cannot check them.`);
    }
    if (quoters.length === 0 && directQuotes > 0) readings.push('No quotation could be linked to a speaker.');
    // Verbs that vouch for one voice and doubt another tilt the story.
    const vouched = list.filter((v) => v.classes.has('endorsing'));
    const doubted = list.filter((v) => v.classes.has('doubting') || v.classes.has('culpability'));
    if (vouched.length > 0 && doubted.length > 0 && !vouched.some((v) => doubted.includes(v))) {
      const words = (vs: typeof list, classes: string[]) => [...new Set(vs.flatMap((v) => classes.flatMap((c) => [...(v.classes.get(c) ?? [])])))].join(', ');
      readings.push(`Verbs that vouch (${words(vouched, ['endorsing'])}) go to ${vouched.map((v) => v.voice.name).join(', ')}; ` +
        `verbs that cast doubt (${words(doubted, ['doubting', 'culpability'])}) go to ${doubted.map((v) => v.voice.name).join(', ')}.`);
    }
  }
  return { voices, entities: list.map((v) => v.entity), readings, named, anonymous, organisations, directQuotes, attributedDirect };
}
