/**
 * The options that decide the run's model and where relative paths start: `--config`,
 * `--template` and the working directory.
 */
import type { FazhiModel } from '@fazhi/model';
import { ConfigError, loadConfig, type BundledConfig } from '@fazhi/model/node';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './cli-error.js';

/** The commands that build a report from a template, and so take `--template`. */
export const templateCommands = ['report', 'narrative'];

/** The composed model of this run: built-ins plus what `fazhi.config.*` (or `--config`) adds, and `--template`. */
export async function modelFor(command: string, values: { config?: string | undefined; template?: string | undefined }, cwd: string, bundled?: BundledConfig): Promise<FazhiModel> {
  if (values.template !== undefined && !templateCommands.includes(command)) throw new CliError(`--template 只能用于 ${templateCommands.join('、')} 命令`, 2);
  try {
    return (await loadConfig({ cwd, file: values.config, template: values.template, bundled })).model;
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message);
    throw e;
  }
}

/** Options that name a file or folder. */
const pathOptions = ['dataset', 'out', 'narrative', 'dir', 'file'] as const;

/**
 * Relative paths in the options are relative to `cwd`. With the process's own directory they are
 * left as typed, so messages quote them as the user wrote them.
 */
export function pathsIn<V extends { [K in (typeof pathOptions)[number]]?: string | undefined } & { db?: string | undefined }>(values: V, cwd: string): V {
  if (resolve(cwd) === process.cwd()) return values;
  const at = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const out: V = { ...values };
  for (const key of pathOptions) if (typeof values[key] === 'string') out[key] = at(values[key]) as V[typeof key];
  // `pglite:DIR` names a folder too (`pglite:memory` does not).
  if (values.db !== undefined) out.db = values.db.replace(/^pglite:(?:\/\/)?(?!memory$|:memory:$)(.+)$/i, (_, dir: string) => `pglite:${at(dir)}`);
  return out;
}
