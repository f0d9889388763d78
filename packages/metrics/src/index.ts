export * from './comparability.js';
export * from './definitions.js';
export * from './check-catalog.js';
export * from './compile.js';
export { generateMeasure } from './codegen.js';
export * from './evaluate.js';
export * from './format.js';
export * from './catalog/index.js';
