import type { z } from 'zod';

/** A feed file that cannot be used at all (bad JSON, wrong envelope); polling goes on. */
export class FeedError extends Error {
  constructor(
    readonly feed: string,
    message: string,
    /** Internal material (a body excerpt, a refused URL) for dead letters and logs; never for public fields. */
    readonly detail?: string,
  ) {
    super(`${feed}: ${message}`);
  }
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
