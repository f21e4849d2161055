/** First run: whether an administrator exists, and the command that creates the first one. */
import { z } from 'zod';

export const firstRunResponse = z.object({
  adminExists: z.boolean(),
  command: z.string().describe('the console command that creates the first administrator'),
});
export type FirstRunDto = z.infer<typeof firstRunResponse>;
