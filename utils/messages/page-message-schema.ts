// The shapes of the extension pages' own requests (utils/messages/page-messages.ts), for RequestSchema.
import { z } from 'zod';

export const pageRequestSchemas = [
  z.object({ type: z.literal('lookup'), query: z.string().max(200), lang: z.enum(['en', 'zh']).optional() }),
  z.object({ type: z.literal('chip-list') }),
  z.object({ type: z.literal('destinations') }),
] as const;
