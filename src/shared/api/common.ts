/** Shared pieces of the HTTP API schemas: localized text, errors, health. */
import { z } from 'zod';
export const localizedText = z.object({ zh: z.string(), en: z.string() });

export const errorResponse = z.object({ error: z.string(), details: z.array(z.string()).optional() });

export const healthResponse = z.object({
  status: z.literal('ok'),
  driver: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

