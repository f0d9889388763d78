import type { HttpError } from '@refinedev/core';

/** What the form shows above its fields after a failed save. */
export interface SaveProblem {
  conflict: boolean;
  message: string;
}

/**
 * A failed save as the user should read it: 409 without field errors is the database's
 * optimistic-concurrency answer (its own sentence names the current version); field errors are shown on the fields by Refine's
 * useForm, so the banner only says to correct them.
 */
export function saveProblem(error: HttpError | undefined | null, invalidText: string): SaveProblem | null {
  if (!error) return null;
  const fieldErrors = error.errors && Object.keys(error.errors).length > 0;
  // A 409 about a field (a business key already used in the street) is for the user to correct,
  // not a stale version to reload.
  if (error.statusCode === 409 && !fieldErrors) return { conflict: true, message: error.message };
  return { conflict: false, message: fieldErrors ? `${error.message || invalidText}` : error.message || invalidText };
}
