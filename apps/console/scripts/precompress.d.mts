/** Writes `<file>.br` and `<file>.gz` where missing and worth it; returns what was written. */
export function precompressFile(file: string): Promise<string[]>;
export function precompressDir(root: string): Promise<{ files: number; before: number; after: number }>;
