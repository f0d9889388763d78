// The host's side of the plugin contract: what a console (ours, or the plugin test harness) uses
// to compose plugins into the model and serve them. Plugin authors need none of it; their API is
// the package's main entry.
export { composeConsole, ConsoleCompositionError, isConsolePlugin, type ComposeConsoleOptions, type ConsoleComposition } from './compose-console.js';
export * from './access-control.js';
export * from './resource-routes.js';
export * from './console-user.js';
