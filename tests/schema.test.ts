import { describe, expect, it, jest } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { analyze } from '../src/analyze.js';
import { CATEGORIES, SEVERITIES } from '../src/rules/types.js';
import { SCHEMA_ID, type Report } from '../src/report/types.js';
import { ROOT, runCli } from './helpers/cli.js';
import { SCHEMA_PATH, validateReport } from './helpers/schema.js';

// Tests here start the CLI, some several times: allow for a loaded machine.
jest.setTimeout(60_000);

type Schema = Record<string, any>;
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Schema;
const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => `samples/${f}`);

const EDGE_INPUTS: Record<string, string> = {
  empty: '',
  'white space only': ' \n\n\t\n',
  'one word': 'Thugs',
  emoji: '🙂 Headline 🇺🇦 here\n\n👍🏽 Thugs 🙂 stormed the 🏛️ building, experts say. “Glorious 🎉 victory,” the minister claimed.',
  cjk: '北京 — 记者报道\n\nThe so-called reform, critics say, is a sham. 中文 thugs',
  quotes: 'Minister rejects claims\n\n"They are thugs," the minister said. ‘Traitors,’ he added. According to officials, the regime is "stable".\n\n"An open quotation that never ends',
  'control characters': 'Head\u0007line\n\nThe \u001b[31mthugs\u001b[0m \u202eclaimed\u202c victory.',
  'no byline, many paragraphs': Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says experts believe the radical plan failed.`).join('\n\n'),
};

function sampleReports(): Report[] {
  const r = runCli([...samples, '--format', 'jsonl']);
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Report);
}

describe('schema/report.schema.json', () => {
  it('names the schema version the reports carry', () => {
    expect(schema.properties.schema.const).toBe(SCHEMA_ID);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs.finding.additionalProperties).toBe(false);
  });

  it('validates the report of every sample (through the CLI, as a pipeline sees it)', () => {
    const reports = sampleReports();
    expect(reports).toHaveLength(samples.length);
    for (const report of reports) expect(() => validateReport(report)).not.toThrow();
  });

  it.each(Object.keys(EDGE_INPUTS))('validates the report of an edge input: %s', (name) => {
    const report = analyze(EDGE_INPUTS[name], { name });
    expect(() => validateReport(report)).not.toThrow();
    // And after a round trip through JSON, as consumers read it.
    expect(() => validateReport(JSON.parse(JSON.stringify(report)))).not.toThrow();
  });

  it('validates an array of reports element by element (--format json with several inputs)', () => {
    const r = runCli([samples[0], samples[1], '--format', 'json']);
    const reports = JSON.parse(r.stdout) as unknown[];
    expect(reports).toHaveLength(2);
    for (const report of reports) validateReport(report);
  });

  it('is what `slant schema` prints, byte for byte', () => {
    const r = runCli(['schema']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(schema);
    expect(r.stdout.trimEnd()).toBe(readFileSync(SCHEMA_PATH, 'utf8').trimEnd());
  });
});

describe('the schema catches drift', () => {
  const base = analyze(EDGE_INPUTS.quotes, { name: 'quotes' });
  const clone = () => JSON.parse(JSON.stringify(base)) as Report & Record<string, unknown>;

  it('has something to check: the base report has findings and quotes', () => {
    expect(base.findings.length).toBeGreaterThan(0);
    expect(base.quotes.length).toBeGreaterThan(0);
    validateReport(base);
  });

  it('fails on a top-level field the schema does not know', () => {
    const r = clone();
    r.newField = 1;
    expect(() => validateReport(r)).toThrow(/must NOT have additional properties[\s\S]*newField|newField/);
  });

  it('fails on a finding field the schema does not know', () => {
    const r = clone();
    (r.findings[0] as unknown as Record<string, unknown>).confidence = 0.5;
    expect(() => validateReport(r)).toThrow(/additional properties/);
  });

  it('fails on an unknown field in quotes, voices, provenance and summary', () => {
    const mutate: Array<(r: Report) => void> = [
      (r) => Object.assign(r.quotes[0], { extra: true }),
      (r) => Object.assign(r.provenance, { extra: true }),
      (r) => Object.assign(r.summary, { extra: true }),
      (r) => Object.assign(r.source, { extra: true }),
      (r) => r.voices.push({ name: 'x', kind: 'named', quotes: 0, paraphrases: 0, cues: [], extra: 1 } as never),
    ];
    for (const m of mutate) {
      const r = clone();
      m(r);
      expect(() => validateReport(r)).toThrow(/additional properties/);
    }
  });

  it('lets `data` stay open', () => {
    const r = clone();
    r.findings[0].data = { anything: 'goes', n: 1, ok: true, none: null };
    expect(() => validateReport(r)).not.toThrow();
  });

  it('rejects a value outside an enum, a negative or fractional offset, and a missing required field', () => {
    const cases: Array<(r: Report) => void> = [
      (r) => { (r.findings[0] as { category: string }).category = 'opinion'; },
      (r) => { (r.findings[0] as { severity: string }).severity = 'fatal'; },
      (r) => { (r.findings[0] as { voice: string }).voice = 'narrator'; },
      (r) => { (r.quotes[0] as { cueClass: string }).cueClass = 'sarcastic'; },
      (r) => { (r.quotes[0] as { kind: string }).kind = 'scare'; },
      (r) => { r.quotes[0].start = -1; },
      (r) => { r.quotes[0].end = 1.5; },
      (r) => { delete (r.findings[0] as Partial<Report['findings'][0]>).speaker; },
      (r) => { (r as { schema: string }).schema = 'slant.report/2'; },
      (r) => { delete (r.summary.byCategory as Partial<Record<string, number>>).provenance; },
    ];
    for (const c of cases) {
      const r = clone();
      c(r);
      expect(() => validateReport(r)).toThrow(/does not match/);
    }
  });

  it('has the same enums as the code for category and severity', () => {
    expect(schema.$defs.category.enum).toEqual([...CATEGORIES]);
    expect(schema.$defs.severity.enum).toEqual([...SEVERITIES]);
  });
});

/**
 * Compare src/report/types.ts with the schema: every interface property (and every property of an
 * inline object type) must be in the schema, required exactly when it is not optional, with the
 * same string-literal enums; and the schema must have nothing the types do not.
 */
describe('src/report/types.ts and the schema agree', () => {
  const file = join(ROOT, 'src/report/types.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const ROOTS: Record<string, string> = {
    Report: '#', ReportFinding: '#/$defs/finding', ReportQuote: '#/$defs/quote', ReportVoice: '#/$defs/voice',
    ReportOutlet: '#/$defs/outlet', ReportProvenance: '#/$defs/provenance', ReportSummary: '#/$defs/summary',
  };

  const deref = (node: Schema): Schema => {
    let n = node;
    while (n.$ref) n = pointer(n.$ref);
    return n;
  };
  const pointer = (ref: string): Schema =>
    ref.replace(/^#\/?/, '').split('/').filter(Boolean).reduce((n: Schema, key) => n?.[key], schema);
  /** The object schema inside a node: through $ref, anyOf/oneOf (the object branch) and array items. */
  const objectOf = (node: Schema): Schema | null => {
    const n = deref(node);
    if (n.type === 'object' || n.properties) return n;
    for (const branch of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) {
      const o = objectOf(branch);
      if (o) return o;
    }
    if (n.items) return objectOf(n.items);
    return null;
  };
  const literalUnion = (type: ts.TypeNode): string[] | null => {
    if (!ts.isUnionTypeNode(type)) return null;
    const out: string[] = [];
    for (const t of type.types) {
      if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.push(t.literal.text);
      else return null;
    }
    return out;
  };
  /** An inline object type inside a property type: `{...}`, `{...} | null`, `Array<{...}>`, `{...}[]`. */
  const typeLiteralOf = (type: ts.TypeNode): ts.TypeLiteralNode | null => {
    if (ts.isTypeLiteralNode(type)) return type;
    if (ts.isUnionTypeNode(type)) for (const t of type.types) { const l = typeLiteralOf(t); if (l) return l; }
    if (ts.isArrayTypeNode(type)) return typeLiteralOf(type.elementType);
    if (ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Array' && type.typeArguments?.length === 1) return typeLiteralOf(type.typeArguments[0]);
    return null;
  };

  function compare(members: ts.NodeArray<ts.TypeElement>, node: Schema, where: string, problems: string[]): void {
    const obj = objectOf(node);
    if (!obj) {
      problems.push(`${where}: no object schema`);
      return;
    }
    const props = new Map<string, ts.PropertySignature>();
    for (const m of members) if (ts.isPropertySignature(m)) props.set(m.name.getText(), m);
    const schemaProps = Object.keys(obj.properties ?? {});
    const required = new Set<string>(obj.required ?? []);
    for (const [name, m] of props) {
      if (!schemaProps.includes(name)) {
        problems.push(`${where}.${name} is in src/report/types.ts but not in the schema`);
        continue;
      }
      if (!m.questionToken && !required.has(name)) problems.push(`${where}.${name} is required in the types but not in the schema`);
      if (m.questionToken && required.has(name)) problems.push(`${where}.${name} is optional in the types but required in the schema`);
      const sub = deref(obj.properties[name]);
      const literals = m.type ? literalUnion(m.type) : null;
      if (literals) {
        const schemaEnum = sub.enum ?? (sub.items ? deref(sub.items).enum : undefined);
        if (JSON.stringify([...(schemaEnum ?? [])].sort()) !== JSON.stringify([...literals].sort())) {
          problems.push(`${where}.${name}: the types say ${literals.join(' | ')}, the schema ${JSON.stringify(schemaEnum)}`);
        }
      }
      const inline = m.type ? typeLiteralOf(m.type) : null;
      if (inline) compare(inline.members, obj.properties[name], `${where}.${name}`, problems);
    }
    for (const name of schemaProps) if (!props.has(name)) problems.push(`${where}.${name} is in the schema but not in src/report/types.ts`);
    if (obj.additionalProperties !== false && where !== 'ReportFinding.data') problems.push(`${where}: additionalProperties is not false`);
  }

  it('maps every exported interface of types.ts to the schema', () => {
    expect([...interfaces.keys()].filter((name) => !(name in ROOTS))).toEqual([]);
  });

  it('has the same fields, required-ness and string enums', () => {
    const problems: string[] = [];
    for (const [name, decl] of interfaces) {
      if (name in ROOTS) compare(decl.members, pointer(ROOTS[name]), name, problems);
    }
    expect(problems).toEqual([]);
  });
});
