export * from './extension.js';
export * from './compose.js';
export * from './config.js';
export { mergeReportSections } from './report-sections.js';
export { templateProblems } from './template-checks.js';
export { templateForUnit } from './unit-template.js';
