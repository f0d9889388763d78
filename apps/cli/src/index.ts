export { main, usage, type MainOptions } from './main.js';
export { CliError } from './cli-error.js';
export type { Output } from './io.js';
