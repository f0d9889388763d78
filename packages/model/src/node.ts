/**
 * `@fazhi/model/node`: reading `fazhi.config.*` and the files it names. Node only (it imports
 * modules from disk), so the main entry stays safe for the browser.
 */
export * from './load-config.js';
