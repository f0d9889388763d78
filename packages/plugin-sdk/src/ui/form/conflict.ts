import type { HttpError } from '@refinedev/core';

/** What the form shows above its fields after a failed save. */
export interface SaveProblem {
  conflict: boolean;
  message: string;
}

/**
 * A failed save as the user should read it: 409 is the database's optimistic-concurrency answer
 * (its own sentence names the current version); field errors are shown on the fields by Refine's
 * useForm, so the banner only says to correct them.
 */
export function saveProblem(error: HttpError | undefined | null, invalidText: string): SaveProblem | null {
  if (!error) return null;
  if (error.statusCode === 409) return { conflict: true, message: error.message };
  const fieldErrors = error.errors && Object.keys(error.errors).length > 0;
  return { conflict: false, message: fieldErrors ? `${error.message || invalidText}` : error.message || invalidText };
}
