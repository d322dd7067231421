// The answers to the requests only the extension's own pages (popup, options) send. Types only:
// the requests themselves are written once, as utils/messages/page-message-schema.ts (part of
// RequestSchema, from which utils/messages/messages.ts infers `Request`).
import type { CardModel, Lang } from '../../rules/card-model';
import type { StatusCode } from '../../rules/schema';

/** A chip and its status toward the reader's destination of interest, today. */
export interface ChipStatus {
  chipId: string;
  name: string;
  vendor: string;
  status: StatusCode;
}

/** The popup's search: the card the query names, or names to offer instead ("did you mean"). */
export interface LookupAnswer {
  model: CardModel | null;
  /** Empty when a chip was found, or when nothing comes close. */
  suggestions: string[];
}

export interface DestinationName {
  id: string;
  name: Record<Lang, string>;
}

/** Every chip in the dataset with its status toward `focus` (a destination id), in dataset order. */
export interface ChipList {
  focus: DestinationName;
  chips: ChipStatus[];
}

/** The destinations a reader may choose as the destination of interest, in dataset order. */
export interface Destinations {
  destinations: DestinationName[];
}

export interface PageResponses {
  lookup: LookupAnswer;
  'chip-list': ChipList;
  destinations: Destinations;
}
