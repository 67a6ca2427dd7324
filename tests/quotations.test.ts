import { describe, expect, it } from '@jest/globals';
import { buildDocument } from '../src/document/build.js';
import { QuotationLookup } from '../src/document/quotations.js';

const quotes = (text: string) =>
  buildDocument(text).quotations.map((q) => ({ text: q.parts.map((p) => text.slice(p.start, p.end)).join(' | '), depth: q.depth, role: q.role }));

describe('quotations', () => {
  it('finds curly and straight double quotations', () => {
    expect(quotes('She said: “We will not back down.” He said "We never will, ever."')).toEqual([
      { text: 'We will not back down.', depth: 1, role: 'speech' },
      { text: 'We never will, ever.', depth: 1, role: 'speech' },
    ]);
  });

  it('finds single quotes nested inside double quotes', () => {
    const found = quotes('“They called it ‘a total disgrace’ on air,” she said.');
    expect(found).toContainEqual({ text: 'a total disgrace', depth: 2, role: 'term' });
    expect(found[0]).toMatchObject({ depth: 1, role: 'speech' });
  });

  it('does not take apostrophes for quotation marks', () => {
    const found = quotes('“The players’ union won’t accept it,” he said.');
    expect(found).toEqual([{ text: 'The players’ union won’t accept it,', depth: 1, role: 'speech' }]);
  });

  it('joins a quotation that continues into the next paragraph by the newspaper convention', () => {
    const text = 'Intro\n\n“We lost the harvest. Nobody came to help.\n\n“Now we start again,” the farmer said.';
    const doc = buildDocument(text);
    const top = doc.quotations.filter((q) => q.depth === 1);
    expect(top).toHaveLength(1);
    expect(top[0].parts.map((p) => text.slice(p.start, p.end))).toEqual(['We lost the harvest. Nobody came to help.', 'Now we start again,']);
    expect(top[0].unclosed).toBe(false);
  });

  it('closes an unclosed quotation at its paragraph end when the next paragraph does not continue it', () => {
    const text = 'Intro\n\nShe said “this never ends\n\nThe next paragraph is narration.';
    const top = buildDocument(text).quotations;
    expect(top).toHaveLength(1);
    expect(top[0].unclosed).toBe(true);
    expect(text.slice(top[0].start, top[0].end)).toBe('this never ends');
  });

  it('marks one- to three-word quotations without a sentence as terms', () => {
    expect(quotes('The so-called “experts” disagreed.')).toEqual([{ text: 'experts', depth: 1, role: 'term' }]);
  });

  it('looks up the speech quotation around a span', () => {
    const text = 'He said “the regime is brutal and corrupt” and left.';
    const doc = buildDocument(text);
    const lookup = new QuotationLookup(doc.quotations);
    const at = text.indexOf('regime');
    expect(lookup.at(at, at + 6)).toBeDefined();
    expect(lookup.at(0, 2)).toBeUndefined();
    expect(lookup.at(text.indexOf('left'), text.indexOf('left') + 4)).toBeUndefined();
  });
});
