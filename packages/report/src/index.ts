export * from "./model.js";
export * from './template.js';
export * from './street-annual-template.js';
export * from './narrative.js';
export * from './build-report.js';
export * from './report-data.js';
export { changeCell, changeClause } from './comparison-wording.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml } from './render-html.js';
export * from './template-schema.js';
// renderDocx and docxText are in ./docx.ts (@fazhi/report/docx), so that importing this entry never loads docx or jszip.
export { hedgedFigure, type FigureWording } from './hedged-wording.js';
export { figureText, asPrinted, type FigureStyle } from './figure-text.js';
export * from './community-annual-template.js';
