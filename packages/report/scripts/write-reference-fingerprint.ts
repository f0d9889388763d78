// Writes test-fixtures/reference-fingerprint.json from the reference report given as the argument
// (tsx scripts/write-reference-fingerprint.ts ../../../shared/domain/seed-report-2024.txt).
// Only hashes of its 20-character runs are stored: the reference text is not part of fazhi.
import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprint, RUN } from '../src/own-words.test-helper.js';

const source = process.argv[2];
if (!source) throw new Error('用法：tsx scripts/write-reference-fingerprint.ts <参考报告.txt>');
const runs = fingerprint(readFileSync(source, 'utf8'));
writeFileSync(new URL('../test-fixtures/reference-fingerprint.json', import.meta.url), `${JSON.stringify({ run: RUN, hashes: runs })}\n`);
console.log(`${runs.length} runs of ${RUN} characters`);
