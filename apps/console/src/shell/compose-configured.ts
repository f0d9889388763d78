import type { FazhiConfig } from '@fazhi/model';
import { composeConsole, type ConsoleComposition } from '@fazhi/plugin-sdk/host';

/** What the build provides from fazhi.config.ts (`virtual:fazhi-config`). */
export interface ConfiguredPlugins {
  plugins: readonly unknown[];
  template?: Exclude<FazhiConfig['template'], string> | undefined;
  /** The config file, relative to where the console was built. */
  configFile: string;
}

/**
 * The console's plugins and model from the configured entries, by the SDK's host composition, as
 * any third-party console would: a duplicate id, a malformed declaration, an indicator the composed
 * catalog does not compute or a kind the runtime cannot serve stops the console with one Chinese
 * message naming the plugin and the config file to fix, instead of a page that breaks later.
 */
export function composeConfigured({ plugins, template, configFile }: ConfiguredPlugins): ConsoleComposition {
  try {
    return composeConsole(plugins, template ? { template } : {});
  } catch (e) {
    if (e instanceof Error) e.message = `${e.message}\n（插件在 ${configFile} 中配置）`;
    throw e;
  }
}
