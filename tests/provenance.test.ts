import { describe, expect, it } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import { buildDocument } from '../src/document/build.js';
import { findDateline } from '../src/detectors/dateline.js';
import { defaultOutletLookup } from '../src/provenance/outlets.js';
import { readProvenance } from '../src/provenance/read.js';
import { classifyLine } from '../src/provenance/residue.js';

/** Texts written for these tests (not the gold set), so the rules meet forms they were not written from. */
const lookup = defaultOutletLookup();
const read = (text: string) => readProvenance(buildDocument(text), { outlets: lookup });
const roles = (text: string) => Object.fromEntries(read(text).report.outlets.map((o) => [o.name, o.role]));

describe('datelines and wire credits', () => {
  it.each([
    ['KABUL (Reuters) – Officials said on Sunday that the pass had reopened.', 'KABUL', 'Reuters', null],
    ['NAIROBI (AP) — Rain fell for a third day.', 'NAIROBI', 'AP', null],
    ['HANOI, June 9 (Xinhua) -- A new bridge opened.', 'HANOI', 'Xinhua', 'June 9'],
    ['BERLIN (dpa) - The coalition agreed a budget.', 'BERLIN', 'dpa', null],
    ['SAO PAULO, Brazil (AP) - Floods closed roads.', 'SAO PAULO, Brazil', 'AP', null],
    ['TBILISI — Crowds gathered again on Monday.', 'TBILISI', null, null],
  ])('%s', (line, place, credit, date) => {
    const text = `A headline about the news\n\n${line}\n\nMore text follows here.`;
    const d = findDateline(text, buildDocument(text).paragraphs);
    expect(d).not.toBeNull();
    expect(d!.place).toBe(place);
    expect(d!.credit).toBe(credit);
    expect(d!.date).toBe(date);
  });

  it('does not read an ordinary sentence as a dateline', () => {
    const text = 'A headline\n\nUS - China talks resumed on Monday.\n\nMoscow said it would reply.';
    expect(findDateline(text, buildDocument(text).paragraphs)).toBeNull();
  });

  it('gives the wire the origin role, resolving AP to the registry entry', () => {
    const r = roles('Dam opens\n\nNAIROBI (AP) — The dam opened on Monday, officials said.');
    expect(r['The Associated Press']).toBe('origin');
  });
});

describe('bylines and dates', () => {
  it('reads "By NAME, Outlet" and keeps the outlet out of the byline', () => {
    const p = read('Port reopens\n\nBy Maria Santos and Joao Pereira, Associated Press\n\nMarch 3, 2025\n\nThe port reopened.');
    expect(p.report.byline).toBe('Maria Santos and Joao Pereira');
    expect(p.report.date).toBe('2025-03-03');
    expect(p.report.outlets.find((o) => o.name === 'The Associated Press')?.role).toBe('origin');
  });

  it('uses the names of a "(Reporting by ...)" trailer when there is no By-line, never the editors', () => {
    const p = read('Rates rise\n\nLONDON (Reuters) - Rates rose.\n\n(Reporting by Anna Berg in Oslo; Editing by Tom Hale)');
    expect(p.report.byline).toBe('Anna Berg');
    const q = read('Rates rise\n\nLONDON (Reuters) - Rates rose.\n\n(Additional reporting by Anna Berg; Editing by Tom Hale)');
    expect(q.report.byline).toBeNull();
  });

  it('prefers a Published line over an Updated line', () => {
    const p = read('Bridge closes\n\nUpdated 9 May 2024\n\nPublished: 2 May 2024\n\nThe bridge closed.');
    expect(p.report.date).toBe('2024-05-02');
  });

  it('does not read a sentence that starts with "By" as a byline', () => {
    expect(read('River rises\n\nBy Monday, the river had risen two metres.').report.byline).toBeNull();
    expect(read('River rises\n\nBy Tuesday Evening Officials, the river rose.').report.byline).toBeNull();
  });

  it('reads "Name | Date" bylines', () => {
    const p = read('Bridge closes\n\nBy Lea Novak | 14 February 2025\n\nThe bridge closed.');
    expect(p.report.byline).toBe('Lea Novak');
    expect(p.report.date).toBe('2025-02-14');
  });

  it('reports no-byline and no-date as findings about the whole document', () => {
    const report = analyze('Bridge closes\n\nThe bridge closed on Monday for repairs.');
    const kinds = report.findings.filter((f) => f.start === null).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['no-byline', 'no-date']));
    const withBoth = analyze('Bridge closes\n\nBy Lea Novak\n\nMay 2, 2024\n\nThe bridge closed on Monday.');
    expect(withBoth.findings.map((f) => f.kind)).not.toContain('no-byline');
    expect(withBoth.findings.map((f) => f.kind)).not.toContain('no-date');
  });

  it('says so when a disclaimer speaks of "the author" but nobody is named', () => {
    const report = analyze('Why taxes work\n\nTaxes work.\n\nThe opinions in this column are the author\'s own.');
    const f = report.findings.find((x) => x.kind === 'no-byline');
    expect(f?.message).toMatch(/the author/);
    expect(report.provenance.byline).toBeNull();
  });
});

describe('republication notices and publishers', () => {
  it('"originally published by X and republished by Y"', () => {
    const p = read('Wells run dry\n\nThe wells ran dry.\n\nThis story was originally published by Al Jazeera and is republished by The Lakeside Echo with permission.');
    expect(p.report.republishedBy).toBe('The Lakeside Echo');
    const r = Object.fromEntries(p.report.outlets.map((o) => [o.name, o.role]));
    expect(r['Al Jazeera']).toBe('origin');
    expect(r['The Lakeside Echo']).toBe('republisher');
  });

  it.each([
    ['This article first appeared in The Guardian.', 'The Guardian'],
    ['Republished from TASS.', 'TASS'],
    ['Source: Agence France-Presse', 'Agence France-Presse'],
    ['Via Reuters', 'Reuters'],
    ['Originally published at The Hilltop Times on May 2, 2024.', 'The Hilltop Times'],
  ])('%s → origin %s', (notice, name) => {
    expect(roles(`Wells run dry\n\nThe wells ran dry on Monday.\n\n${notice}`)[name]).toBe('origin');
  });

  it('"Published by X" and a site copyright name the publisher; a wire copyright does not', () => {
    expect(read('Fair opens\n\nThe fair opened.\n\nPublished by The Hilltop Times').report.publisher).toBe('The Hilltop Times');
    expect(read('Fair opens\n\nThe fair opened.\n\n© 2024 Hilltop Times').report.publisher).toBe('Hilltop Times');
    const wire = read('Fair opens\n\nThe fair opened.\n\nCopyright 2024 The Associated Press. All rights reserved.');
    expect(wire.report.publisher).toBeNull();
    expect(wire.report.outlets[0]?.role).toBe('origin');
  });
});

describe('outlets named in the text', () => {
  it('primary sources versus mentions', () => {
    const r = roles([
      'Ships wait at port',
      'A captain told the BBC that ships were waiting, according to Xinhua.',
      'The state news agency TASS, citing a port official, reported a delay.',
      'The harbour featured in an Al Jazeera film last year.',
    ].join('\n\n'));
    expect(r).toMatchObject({ BBC: 'primary-source', 'Xinhua News Agency': 'primary-source', TASS: 'primary-source', 'Al Jazeera': 'mentioned' });
  });

  it('an outlet named with a descriptor but not in the registry', () => {
    const r = roles('Ships wait\n\nThe minister wrote in an op-ed for the newspaper Novaya Strela that ships would wait.');
    expect(r['Novaya Strela']).toBe('primary-source');
  });

  it('gives typology only from the registry, with its label and source', () => {
    const o = read('Ships wait\n\nShips waited, according to TASS.').report.outlets[0]!;
    expect(o.typology).toBe('SC');
    expect(o.typologyLabel).toBe('state-controlled');
    expect(o.typologySource).toMatch(/State Media Monitor/);
    const unknown = read('Ships wait\n\nPublished by The Hilltop Times').report.outlets[0]!;
    expect([unknown.owner, unknown.typology, unknown.typologySource]).toEqual([null, null, null]);
  });
});

describe('page residue', () => {
  it.each([
    ['Share this:', 'share'],
    ['Share on WhatsApp', 'share'],
    ['Comments are closed.', 'comments'],
    ['Leave a reply', 'comments'],
    ['Sign up for our morning newsletter', 'newsletter'],
    ['📩 Subscribe to the weekly digest', 'newsletter'],
    ['This website uses cookies to improve your experience. Accept', 'cookie'],
    ['Advertisement', 'advertisement'],
    ['READ MORE: Ten years of the metro', 'related'],
    ['Also read | The bridge that never was', 'related'],
    ['Tags: metro, transport', 'tags'],
    ['Photo: Ana Lima / Agência Brasil', 'caption'],
    ['Firefighters at the scene on Tuesday. (AFP/Jean Dupont)', 'caption'],
    ['Click here to sign the petition', 'prompt'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it.each([
    'The council shared its plan with residents on Monday.',
    'More than 200 people attended the meeting.',
    'Related charges were dropped last year, the court said.',
    'The EU requires websites to ask before they set cookies, the regulator said.',
  ])('prose is not residue: %s', (line) => {
    expect(classifyLine(line)).toBeNull();
  });

  it('groups a share block into one span', () => {
    const text = 'Council meets again\n\nThe council met.\n\nShare this:\nFacebook\nX\nLike this:\nLike Loading...';
    const p = read(text);
    expect(p.residue.map((r) => r.text)).toEqual(['Share this:\nFacebook\nX\nLike this:\nLike Loading...']);
  });

  it('drops non-provenance findings inside residue and reports residue findings', () => {
    const text = 'Council meets\n\nThe council met on Monday.\n\nREAD MORE: Thugs storm the heroic town hall';
    const report = analyze(text);
    const inResidue = report.findings.filter((f) => f.start !== null && f.start >= text.indexOf('READ MORE'));
    expect(inResidue.map((f) => f.kind)).toEqual(['residue']);
    expect(report.summary.outletLoadedPer1000Words).toBe(0);
    expect(report.provenance.residue).toHaveLength(1);
  });
});
