/** The package name of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(specifier: string): string;
/** The npm packages an entry loads when it runs (sorted; Node built-ins and `@fazhi/*` left out). */
export function runtimePackages(entryFile: string): Promise<string[]>;
