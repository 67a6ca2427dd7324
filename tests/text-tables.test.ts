import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { KeyFilter } from '../src/rules/key-filter.js';
import { SortedLines } from '../src/rules/sorted-lines.js';
import { foldForUnicodeCase } from '../src/text/fold-case.js';

describe('SortedLines', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'é', '’', '=', '*', "'", '-'), minLength: 1, maxLength: 5 });

  it('finds every key it was packed with, and nothing else, like a Map', () => {
    fc.assert(fc.property(fc.dictionary(word, fc.string({ maxLength: 6 }).map((v) => v.replace(/[\n\r]/g, ''))), fc.array(word), fc.constantFrom(' ', '\t'), (entries, probes, separator) => {
      const map = new Map(Object.entries(entries));
      const text = SortedLines.pack(map, separator);
      const plain = new SortedLines(text, separator);
      const filtered = new SortedLines(text, separator, KeyFilter.parse(plain.keyFilter()));
      for (const table of [plain, filtered]) {
        for (const [key, value] of map) expect(table.get(key)).toBe(value);
        for (const probe of probes) expect(table.get(probe)).toBe(map.get(probe));
      }
      expect(new Map(plain.entries())).toEqual(map);
    }));
  });

  it('refuses a key with the separator or a line break', () => {
    expect(() => SortedLines.pack([['a b', 'x']], ' ')).toThrow();
    expect(() => SortedLines.pack([['a\nb', 'x']], '\t')).toThrow();
  });
});

describe('KeyFilter', () => {
  it('never says no to a key it holds, and says no to most others', () => {
    const keys = Array.from({ length: 5000 }, (_, k) => `word${k}`);
    const filter = KeyFilter.parse(KeyFilter.of(keys).toString())!;
    expect(keys.every((k) => filter.mayHave(k))).toBe(true);
    const others = Array.from({ length: 5000 }, (_, k) => `other${k}`).filter((k) => filter.mayHave(k));
    expect(others.length).toBeLessThan(250);
  });
});

describe('foldForUnicodeCase', () => {
  it('keeps every offset: one code unit for one', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    expect(foldForUnicodeCase(all).length).toBe(all.length);
  });

  it('makes a lower-case ASCII pattern with flag u test as it does with flags iu', () => {
    const patterns = [String.raw`(?:said to|speaking to)\s+(?:[\p{L}'’-]+\s+){0,3}$`, String.raw`^(?:['’]s?\s+[\p{L}-]+)?\s*(?:news\s+agency|kiosk)\b`];
    const unit = fc.constantFrom('s', 'S', 'ſ', 'k', 'K', 'K', 'a', 'A', '\u0345', 'ı', 'İ', 'é', 'É', '’', "'", '-', ' ', '\n', 'ß', 'ẞ', 'Σ', 'ς');
    const text = fc.array(fc.oneof(fc.constantFrom('said to ', 'SAID TO ', 'ſaid to ', 'speaking to ', 'news agency', 'KIOSK', 'kioſk', "’s "), fc.string({ unit, maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => {
      for (const p of patterns) expect(new RegExp(p, 'u').test(foldForUnicodeCase(s))).toBe(new RegExp(p, 'iu').test(s));
    }), { numRuns: 3000 });
  });
});
