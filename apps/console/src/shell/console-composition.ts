import type { ConsoleComposition } from '@fazhi/plugin-sdk/host';
import * as configured from 'virtual:fazhi-config';
import { composeConfigured } from './compose-configured.js';

/** The console's composition, from the fazhi.config.ts it was built from; throws what cannot be served. */
export function consoleComposition(): ConsoleComposition {
  return composeConfigured(configured);
}
