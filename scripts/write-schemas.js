// Writes schema/*.schema.json from the schemas in src/core/schema (run after a build).
import { writeFileSync } from 'node:fs';
import { toJsonSchemas, jsonSchemaFileName } from '../dist/core/schema/json-schema.js';

for (const [name, schema] of Object.entries(toJsonSchemas())) {
  const path = new URL(`../schema/${jsonSchemaFileName(name)}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${jsonSchemaFileName(name)}`);
}
