// The background's check on every message it receives: a content script runs beside hostile
// pages, so nothing it sends is trusted until it parses. This schema is also the one statement of
// what a request is: utils/messages/messages.ts infers its `Request` type from it (a type-only
// import, so zod stays out of the content script).
import { z } from 'zod';
import { pageRequestSchemas } from './page-message-schema';
import { CLUE_LIMITS as L, type DateClues } from '../../rules/article-day';

z.config({ jitless: true });

const chipId = z.string().max(80).regex(/^[a-z0-9-]+$/);

/** The page's publication-date clues (rules/article-day.ts), held to the limits the content script keeps. */
const clues = z.object({
  meta: z.array(z.tuple([z.string().max(L.key), z.string().max(L.value)])).max(L.meta),
  ld: z.array(z.string().max(L.json)).max(L.ld),
  micro: z.string().max(L.value).nullable(),
  time: z.string().max(L.value).nullable(),
}) satisfies z.ZodType<DateClues>;

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('matcher') }),
  /** The chips whose status moved since the reader last opened their card (marked differently). */
  z.object({ type: z.literal('changed-chips') }),
  /** pageLang: the frame's declared <html lang>, used when the browser cannot say the tab's language in time. */
  z.object({ type: z.literal('card'), chipId, clues: clues.optional(), pageLang: z.string().max(35).optional() }),
  /** Put the card's UI (card-ui.js) into the asking frame. */
  z.object({ type: z.literal('card-ui') }),
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
