import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Report } from '../../src/report/types.js';
import { cpSlice, ROOT } from './cli.js';

export const SCHEMA_PATH = join(ROOT, 'schema', 'report.schema.json');

let validate: ValidateFunction | undefined;

/** The compiled report schema (draft 2020-12, strict mode: a mistake in the schema itself throws). */
export function reportValidator(): ValidateFunction {
  if (!validate) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
    validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
  }
  return validate;
}

/** Throw with ajv's errors text when `report` does not match schema/report.schema.json. */
export function validateReport(report: unknown): void {
  const check = reportValidator();
  if (check(report)) return;
  const problems = (check.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    return `report${e.instancePath} ${e.message}${extra ? ` ("${extra}")` : ''}${allowed ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})` : ''}`;
  });
  throw new Error(
    `report does not match schema/report.schema.json:\n  ${problems.join('\n  ')}\n` +
    '(a field added to src/report/types.ts must be added to the schema too; see docs/schema-changes.md)',
  );
}

/** The report holds to the JSON contract: it matches the schema, and every span slices (in code points) to its text. */
export function expectOffsetsSlice(report: Report): void {
  validateReport(report);
  for (const f of report.findings) {
    if (f.start === null) {
      expect(f.end).toBeNull();
      continue;
    }
    expect(cpSlice(report.text, f.start, f.end!)).toBe(f.text);
  }
  for (const q of report.quotes) expect(cpSlice(report.text, q.start, q.end)).toBe(q.text);
}
