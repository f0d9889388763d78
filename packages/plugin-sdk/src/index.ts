// The plugin contract and what a plugin declaration needs: no React, antd or Refine runtime code,
// so importing a plugin (or this entry) stays cheap. Pages live in `@fazhi/plugin-sdk/ui`.
export * from './plugin.js';
export * from './define-plugin.js';
export * from './services.js';
export * from './attachment-path.js';
export * from './access-control.js';
export * from './resource-routes.js';
export * from './console-user.js';
export { documentTitle } from './document-title.js';
