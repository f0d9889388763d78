// Writes report-template.schema.json from the zod schema (a test checks the shipped file matches).
import { writeFileSync } from 'node:fs';
import { reportTemplateJsonSchema } from '../src/template-schema.js';

writeFileSync(new URL('../report-template.schema.json', import.meta.url), `${JSON.stringify(reportTemplateJsonSchema(), null, 2)}\n`);
