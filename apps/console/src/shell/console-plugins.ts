import { checkPlugins, type WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { builtInCatalog } from '@fazhi/metrics';
import * as installed from '../plugins.js';

/**
 * The installed plugins, checked as the console starts: a duplicate id, a malformed declaration or
 * an unknown indicator stops the console with a message naming the plugin, instead of a page that
 * breaks later.
 */
export function consolePlugins(list: readonly WorkAreaPlugin[] = Object.values(installed)): readonly WorkAreaPlugin[] {
  checkPlugins(list, { indicators: builtInCatalog.indicators.map((i) => i.id) });
  return [...list].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}
