// Test harness for plugins: `renderPlugin` boots one plugin in a mini console over a real
// embedded database. Node + jsdom only; never imported by the console bundle.
export { renderPlugin, sqlIndicatorSource, type RenderedPlugin, type RenderPluginOptions } from './render-plugin.js';
export { createPluginDatabase, defaultSeedDir, demoAccount, loadConsoleUser, type DemoUserRef, type PluginDatabase } from './plugin-database.js';
export { memoryAttachmentStore } from './memory-attachment-store.js';
export { installDomShims } from './dom-shims.js';
export { chooseOption, clickButton, field, setDate, setText, uploadFile } from './form-helpers.js';
export { expectIndicatorCard, findIndicatorCard } from './dashboard-helpers.js';
export { todoCounts } from './todo-helpers.js';
