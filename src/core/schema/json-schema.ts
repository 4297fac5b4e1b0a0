import { z } from 'zod';
import { SCHEMAS, type SchemaName } from './index.js';

const TITLES: Record<SchemaName, string> = {
  question: 'mlsd question',
  rubric: 'mlsd rubric pack',
  'practice-set': 'mlsd practice set',
};

/** The JSON Schema editors use for each file kind, generated from the schema the code uses. */
export function toJsonSchemas(): Record<SchemaName, object> {
  const entries = (Object.keys(SCHEMAS) as SchemaName[]).map((name) => {
    const schema = z.toJSONSchema(SCHEMAS[name], { io: 'input', target: 'draft-7' });
    return [name, { ...schema, title: TITLES[name] }] as const;
  });
  return Object.fromEntries(entries) as Record<SchemaName, object>;
}

export function jsonSchemaFileName(name: SchemaName): string {
  return `${name}.schema.json`;
}
