import { composeConsole, type ConsoleComposition } from '@fazhi/plugin-sdk/host';
import * as configured from 'virtual:fazhi-config';

/**
 * The console's plugins and model, composed once at start-up from `fazhi.config.ts` (the build's
 * `virtual:fazhi-config`) by the SDK's host composition, as any third-party console would: a
 * duplicate id, a malformed declaration, an indicator the composed catalog does not compute or a
 * kind the runtime cannot serve stops the console with one Chinese message naming the plugin,
 * instead of a page that breaks later.
 */
export function consoleComposition(): ConsoleComposition {
  try {
    return composeConsole(configured.plugins, configured.template ? { template: configured.template } : {});
  } catch (e) {
    if (e instanceof Error) e.message = `${e.message}\n（插件在 ${configured.configFile} 中配置）`;
    throw e;
  }
}
