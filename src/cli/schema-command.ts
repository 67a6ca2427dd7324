import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** The JSON Schema of the report, exactly as shipped in schema/report.schema.json. */
export function reportSchemaPath(): string {
  return join(packageRoot(), 'schema', 'report.schema.json');
}

export function renderSchema(): string {
  const text = readFileSync(reportSchemaPath(), 'utf8');
  return text.endsWith('\n') ? text : `${text}\n`;
}
