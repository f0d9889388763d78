// The author-facing plugin contract: what a plugin declaration needs (`definePlugin`, the types,
// the services its pages may use). No React, antd or Refine runtime code, so importing a plugin
// (or this entry) stays cheap. Pages live in `@fazhi/plugin-sdk/ui`; the host's composition,
// checks, routes and access control in `@fazhi/plugin-sdk/host`.
export * from './plugin.js';
export * from './define-plugin.js';
export { catalogEnglishGaps, englishGaps, kindEnglishGaps, unitsEn } from './english.js';
export * from './services.js';
export * from './attachment-path.js';
export { documentTitle } from './document-title.js';
