// The background's check on every message it receives: a content script runs beside hostile
// pages, so nothing it sends is trusted until it parses.
import { z } from 'zod';
import { pageRequestSchemas } from './page-message-schema';

z.config({ jitless: true });

const chipId = z.string().max(80).regex(/^[a-z0-9-]+$/);

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('matcher') }),
  z.object({ type: z.literal('card'), chipId }),
  ...pageRequestSchemas,
  z.object({
    type: z.literal('page-mentions'),
    host: z.string().max(253),
    counts: z
      .record(chipId, z.number().int().nonnegative().max(1_000_000))
      .refine((counts) => Object.keys(counts).length <= 500, 'too many chips in one report'),
  }),
  z.object({ type: z.literal('tab-info'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('dataset-status') }),
  z.object({ type: z.literal('check-dataset') }),
]);
