import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFileName, toJsonSchemas } from '../../src/core/schema/json-schema.js';
import type { SchemaName } from '../../src/core/schema/index.js';

const ROOT = new URL('../../', import.meta.url);

describe('JSON Schemas for editors', () => {
  it.each(Object.entries(toJsonSchemas()))('schema/%s is up to date (npm run schema)', (name, schema) => {
    const onDisk = JSON.parse(readFileSync(new URL(`schema/${jsonSchemaFileName(name as SchemaName)}`, ROOT), 'utf8')) as unknown;
    expect(onDisk).toEqual(schema);
  });
});

describe('bank files', () => {
  const files = ['questions', 'rubrics'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, ROOT))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ folder, name, text: readFileSync(new URL(`${folder}/${name}`, ROOT), 'utf8') })),
  );

  it.each(files)('$folder/$name points editors at its schema and carries the format version', ({ folder, text }) => {
    const schema = folder === 'questions' ? 'question' : 'rubric';
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../schema/${schema}.schema.json`);
    expect(text).toMatch(/^version: 1$/m);
  });
});
