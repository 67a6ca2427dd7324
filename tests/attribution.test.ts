import { describe, expect, it } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import type { Report, ReportQuote } from '../src/report/types.js';
import { loadRuleSet } from '../src/rules/load.js';

const rules = loadRuleSet();
const run = (text: string): Report => analyze(text, { rules });
const quotes = (text: string) => run(text).quotes.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker, cue: q.cue, cueClass: q.cueClass }));
const find = (text: string, inner: string): ReportQuote | undefined => run(text).quotes.find((q) => q.text.includes(inner));

describe('direct quotations', () => {
  it('finds straight and curly quotations with the cue after or before them', () => {
    const text = 'Harbour talks stall\n\n“We will not move,” said Ana Ruiz, a union leader.\n\nTom Berg said: "The offer stands."';
    expect(quotes(text)).toEqual([
      { kind: 'direct', text: 'We will not move,', speaker: 'Ana Ruiz', cue: 'said', cueClass: 'neutral' },
      { kind: 'direct', text: 'The offer stands.', speaker: 'Tom Berg', cue: 'said', cueClass: 'neutral' },
    ]);
  });

  it('keeps a nested quotation inside its speaker’s quotation', () => {
    const text = 'Farm row\n\n“They told us, ‘Nothing will change,’ and then it did,” said Maria Ortez, who farms near the river.';
    const q = quotes(text);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ speaker: 'Maria Ortez', cue: 'said' });
    expect(q[0].text).toContain('‘Nothing will change,’');
  });

  it('takes a partial quotation after "as" as the speaker’s words', () => {
    const q = find('Budget row\n\nCouncillor Jane Pike described the plan as “reckless”.', 'reckless');
    expect(q).toMatchObject({ kind: 'direct', speaker: 'Jane Pike', cue: 'described' });
  });

  it('treats a quotation that runs over two paragraphs as one, with the speaker of its cue', () => {
    const text = 'Fishing ban\n\nPeter Lund, a fisherman, spoke first. “We lost the season. Nobody came to help.\n\n“Now we start again,” he said.';
    const top = run(text).quotes.filter((q) => q.kind === 'direct');
    expect(top).toHaveLength(1);
    expect(top[0].speaker).toBe('Peter Lund');
    expect(top[0].text).toContain('Now we start again');
  });

  it('gives a following quotation with no cue the speaker of the one before it', () => {
    const q = quotes('Ferry cuts\n\n“The ferry is our road,” said Lena Holm. “Without it we are cut off.”');
    expect(q.map((x) => x.speaker)).toEqual(['Lena Holm', 'Lena Holm']);
  });

  it('reads headline quotations: "Minister: “...”" and "“...” – Spokesman"', () => {
    const a = run('Minister: “The dam will feed the nation”\n\nEnergy Minister Petra Novak opened the site on Monday.');
    expect(a.quotes[0]).toMatchObject({ kind: 'direct', speaker: 'Petra Novak', cue: null, cueClass: 'none' });
    const b = run('“We were robbed” – Harlow manager\n\nHarlow manager Steve Cardew was angry after the match.');
    expect(b.quotes[0]).toMatchObject({ kind: 'direct', speaker: 'Steve Cardew', cue: null });
  });
});

describe('reported speech', () => {
  it('finds "X said (that) ..." and "X told reporters ..."', () => {
    const text = 'Strike goes on\n\nUnion leader Ana Ruiz said that the strike would continue. Ruiz told reporters the members had voted to stay out.';
    expect(quotes(text)).toEqual([
      { kind: 'indirect', text: 'the strike would continue', speaker: 'Ana Ruiz', cue: 'said', cueClass: 'neutral' },
      { kind: 'indirect', text: 'the members had voted to stay out', speaker: 'Ana Ruiz', cue: 'told reporters', cueClass: 'neutral' },
    ]);
  });

  it('finds trailing attribution: "CLAUSE, the ministry said."', () => {
    const q = find('Ferry cuts\n\nThree routes will close in May, the Transport Ministry said on Tuesday.', 'routes');
    expect(q).toMatchObject({ kind: 'indirect', text: 'Three routes will close in May', speaker: 'the Transport Ministry' });
  });

  it('finds "according to X" at the start and at the end of a sentence', () => {
    const text = 'Harvest report\n\nAccording to the Farmers Union, the harvest fell by a third. Prices doubled in a month, according to figures published by the Central Bank.';
    const q = quotes(text);
    expect(q[0]).toMatchObject({ kind: 'according-to', text: 'the harvest fell by a third', speaker: 'the Farmers Union', cue: 'according to' });
    expect(q[1]).toMatchObject({ kind: 'according-to', text: 'Prices doubled in a month', speaker: 'the Central Bank' });
  });

  it('finds attribution nouns: "X’s claim that ..." and "a claim by X that ..."', () => {
    const a = find('Water row\n\nThe council rejected Green Valley’s claim that the river was polluted.', 'river');
    expect(a).toMatchObject({ kind: 'indirect', speaker: 'Green Valley', cueClass: 'doubting' });
    const b = find('Water row\n\nThe council rejected a claim by Green Valley that the river was polluted.', 'river');
    expect(b).toMatchObject({ kind: 'indirect', speaker: 'Green Valley', cueClass: 'doubting' });
  });
});

describe('speakers', () => {
  it('links a surname, a title and a pronoun back to the full name', () => {
    const text = 'Port deal\n\nDutch Economy Minister Lotte Verhagen visited the port on Monday.\n\n' +
      'Verhagen said both sides should talk. The minister added that the state would not step in. “This has gone on too long,” she said.';
    expect(run(text).quotes.map((q) => q.speaker)).toEqual(['Lotte Verhagen', 'Lotte Verhagen', 'Lotte Verhagen']);
  });

  it('takes the named person from an appositive ("a spokeswoman for the ministry, Anouk Visser,")', () => {
    const q = find('Port deal\n\nA spokeswoman for the Port Authority, Anouk Visser, said the harbour was full.', 'harbour');
    expect(q?.speaker).toBe('Anouk Visser');
  });

  it('resolves "the company" to the organisation the story is about', () => {
    const text = 'Plant plan\n\nNorvale Energy will build a plant in the north. Norvale Energy said jobs would follow. The company said it had chosen the site for its port.';
    expect(run(text).quotes.map((q) => q.speaker)).toEqual(['Norvale Energy', 'Norvale Energy']);
  });

  it('keeps unnamed sources anonymous, and links "the official" back to them', () => {
    const text = 'Talks collapse\n\nA senior official, who asked not to be named, said the talks had failed. “It was over by noon,” the official said.';
    const report = run(text);
    expect(report.quotes.map((q) => q.speaker)).toEqual(['a senior official', 'a senior official']);
    expect(report.voices).toEqual([{ name: 'a senior official', kind: 'anonymous', quotes: 1, paraphrases: 1, cues: ['said'] }]);
  });

  it('treats a bare plural ("Critics argue") as unnamed', () => {
    const report = run('School phones\n\nCritics argue that a ban would be impossible to enforce.');
    expect(report.voices[0]).toMatchObject({ kind: 'anonymous' });
  });

  it('names the speaker on findings inside their quotation (speakers resolved before detectors)', () => {
    const text = 'Dam opens\n\n“So-called experts and their lies will not stop us,” said Energy Minister Petra Novak.';
    const quoted = run(text).findings.filter((f) => f.voice === 'quoted');
    expect(quoted.length).toBeGreaterThan(0);
    for (const f of quoted) expect(f.speaker).toBe('Petra Novak');
  });
});

describe('reporting verbs', () => {
  const cls = (sentence: string) => run(`Story\n\n${sentence}`).quotes[0]?.cueClass;
  it('classifies every cue', () => {
    expect(cls('The mayor said that the budget was balanced.')).toBe('neutral');
    expect(cls('The mayor noted that the budget was balanced.')).toBe('endorsing');
    expect(cls('The mayor pointed out that the budget was balanced.')).toBe('endorsing');
    expect(cls('The mayor claimed that the budget was balanced.')).toBe('doubting');
    expect(cls('The mayor admitted that the budget was short.')).toBe('culpability');
    expect(cls('“The budget is a joke,” the mayor fumed.')).toBe('emotive');
  });

  it('flags non-neutral cues with their class, and never neutral ones', () => {
    const report = run('Story\n\nThe mayor claimed that the budget was balanced. The treasurer said that it was not.');
    const flagged = report.findings.filter((f) => f.category === 'attribution' && f.kind.endsWith('-verb'));
    expect(flagged.map((f) => [f.text, f.data.class])).toEqual([['claimed', 'doubting']]);
    expect(flagged[0].question).toMatch(/\?/);
  });

  it('does not take nouns and adjectives for verbs', () => {
    const report = run('Story\n\nThe alleged attack happened on Friday. Doctors reported 40 confirmed cases. Two people were admitted to hospital.');
    expect(report.findings.filter((f) => f.kind.endsWith('-verb'))).toEqual([]);
  });
});

describe('unattributed claims', () => {
  const claims = (text: string) => run(text).findings.filter((f) => f.category === 'unattributed-claim' && f.rule.startsWith('unsourced-claim/'));
  it('asks for a source for figures, causes and predictions in the outlet’s voice', () => {
    const found = claims('Town news\n\nUnemployment in the town rose to 14 percent last year.\n\nThe new law will push small farms out of business.');
    expect(found.map((f) => f.data.cue)).toEqual(['statistic', 'prediction']);
    expect(found[0].question).toMatch(/Who says so/);
  });

  it('leaves sourced sentences alone, and the sentence after a sourced one in the same paragraph', () => {
    expect(claims('Town news\n\nThe statistics office said unemployment rose to 14 percent. It will rise again next year.')).toEqual([]);
    expect(claims('Town news\n\nAccording to the statistics office, unemployment rose to 14 percent last year.')).toEqual([]);
  });

  it('skips the headline', () => {
    expect(claims('Unemployment will rise to 14 percent next year\n\nThe town has one factory.')).toEqual([]);
  });
});

describe('voices and the whole article', () => {
  it('reports a single source, with counts in the data', () => {
    const text = 'Strike\n\n“We will not go back,” said Ana Ruiz, the union leader.\n\n“Nobody has talked to us,” Ruiz said.';
    const report = run(text);
    const single = report.findings.find((f) => f.rule === 'source-balance/single-source');
    expect(single).toMatchObject({ start: null, end: null, data: { named: 1, anonymous: 0, quotations: 2 } });
    expect(report.readings).toContain('All 2 quotations come from one speaker (Ana Ruiz).');
  });

  it('has the JSON shape of quotes and voices, with code point offsets', () => {
    const text = 'Storm 🌊 warning\n\n“The sea wall will hold,” said Mayor Jan Kral.';
    const report = run(text);
    const q = report.quotes[0];
    expect(Object.keys(q).sort()).toEqual(['cue', 'cueClass', 'cueEnd', 'cueStart', 'end', 'kind', 'speaker', 'speakerEnd', 'speakerStart', 'start', 'text'].sort());
    const chars = Array.from(text);
    expect(chars.slice(q.start, q.end).join('')).toBe('The sea wall will hold,');
    expect(chars.slice(q.cueStart!, q.cueEnd!).join('')).toBe('said');
    expect(chars.slice(q.speakerStart!, q.speakerEnd!).join('')).toBe('Mayor Jan Kral');
    expect(report.voices).toEqual([{ name: 'Jan Kral', kind: 'named', quotes: 1, paraphrases: 0, cues: ['said'] }]);
  });
});
