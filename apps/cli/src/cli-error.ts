/** An error meant for the person at the terminal: printed as is (Chinese), no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2 for wrong usage, 1 for bad data or failed work. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
