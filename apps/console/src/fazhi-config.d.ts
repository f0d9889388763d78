// The build's view of fazhi.config.ts (scripts/fazhi-config-plugin.ts): string entries already
// imported, so `plugins` holds the configured values themselves, checked by `composeConsole`.
declare module 'virtual:fazhi-config' {
  import type { FazhiConfig } from '@fazhi/model';
  export const plugins: readonly unknown[];
  export const template: Exclude<FazhiConfig['template'], string> | undefined;
  /** The config file, relative to where the console was built. */
  export const configFile: string;
}
