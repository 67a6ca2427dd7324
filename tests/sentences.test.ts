import { describe, expect, it } from '@jest/globals';
import { buildDocument } from '../src/document/build.js';

const sentences = (text: string) => {
  const doc = buildDocument(text);
  return doc.sentences.map((s) => text.slice(s.start, s.end));
};

describe('sentence splitting', () => {
  it('splits ordinary sentences', () => {
    expect(sentences('The vote was held. It passed! Did it? Yes.')).toEqual(['The vote was held.', 'It passed!', 'Did it?', 'Yes.']);
  });

  it('keeps titles, initials and dotted abbreviations inside a sentence', () => {
    expect(sentences('Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5 in the U.S. capital. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5 in the U.S. capital.',
      'They talked.',
    ]);
    expect(sentences('J. R. Smith and Gen. Mark Lee spoke. Lee left.')).toEqual(['J. R. Smith and Gen. Mark Lee spoke.', 'Lee left.']);
  });

  it('ends a sentence after a maybe-final abbreviation when a sentence opener follows', () => {
    expect(sentences('Troops arrived in the U.S. The base was ready.')).toEqual(['Troops arrived in the U.S.', 'The base was ready.']);
    expect(sentences('He works for Acme Inc. She does not.')).toEqual(['He works for Acme Inc.', 'She does not.']);
  });

  it('treats "No." as an abbreviation only before a number', () => {
    expect(sentences('He was ranked No. 4 in the world. She said no. Then she left.')).toEqual([
      'He was ranked No. 4 in the world.', 'She said no.', 'Then she left.',
    ]);
  });

  it('keeps decimals and percentages', () => {
    expect(sentences('Growth was 3.5% and inflation 2.1 per cent. Rates held.')).toEqual([
      'Growth was 3.5% and inflation 2.1 per cent.', 'Rates held.',
    ]);
  });

  it('ends sentences inside a closing quote, and not before a lower-case attribution', () => {
    expect(sentences('“We will win.” The crowd cheered. "Is it over?" she asked. "No," he said.')).toEqual([
      '“We will win.”', 'The crowd cheered.', '"Is it over?" she asked.', '"No," he said.',
    ]);
  });

  it('handles ellipses', () => {
    expect(sentences('He paused... and went on. Then... Silence.')).toEqual(['He paused... and went on.', 'Then...', 'Silence.']);
  });

  it('never crosses a paragraph boundary', () => {
    const text = 'A headline without a stop\n\nFirst paragraph ends without a stop\n\nSecond one.';
    expect(sentences(text)).toEqual(['A headline without a stop', 'First paragraph ends without a stop', 'Second one.']);
  });
});

describe('paragraphs and title', () => {
  it('reads the first short line as the headline', () => {
    const text = 'Council approves new budget\n\nThe council voted on Monday.\n\nIt passed.';
    const doc = buildDocument(text);
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.title && text.slice(doc.title.start, doc.title.end)).toBe('Council approves new budget');
  });

  it('does not take a sentence for a headline', () => {
    const doc = buildDocument('The council voted on Monday.\n\nIt passed.');
    expect(doc.title).toBeNull();
  });

  it('splits at every line break when the text has no blank lines', () => {
    const doc = buildDocument('Headline here\nFirst paragraph.\nSecond paragraph.');
    expect(doc.paragraphs).toHaveLength(3);
  });
});
