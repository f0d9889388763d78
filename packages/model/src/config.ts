import type { ReportTemplate } from '@fazhi/report';
import type { FazhiExtension } from './extension.js';

/**
 * `fazhi.config.ts` (or `.js`, `.json`): the one place a street names its plugins and extensions
 * and its report template. The CLI and the console's build both read it, so a plugin is registered
 * once. Strings are module specifiers (a package name, or a path relative to the config file) whose
 * default export is the extension; a template string is a path to a template file.
 */
export interface FazhiConfig {
  plugins?: readonly (FazhiExtension | string)[];
  template?: ReportTemplate | string;
}

export function defineConfig<const C extends FazhiConfig>(config: C): C {
  return config;
}
