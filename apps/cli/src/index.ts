export { main, usage } from './main.js';
export { CliError } from './cli-error.js';
export type { Output } from './io.js';
