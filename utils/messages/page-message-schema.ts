// The extension pages' own requests, for RequestSchema (utils/messages/message-schema.ts); their
// answers are typed in utils/messages/page-messages.ts.
import { z } from 'zod';
import { Localized } from '../../rules/schema';

export const pageRequestSchemas = [
  /** `lang`: the language the asking page speaks (default: the reader's setting, then the browser's). */
  z.object({ type: z.literal('lookup'), query: z.string().max(200), lang: Localized.keyof().optional() }),
  z.object({ type: z.literal('chip-list') }),
  z.object({ type: z.literal('destinations') }),
] as const;
