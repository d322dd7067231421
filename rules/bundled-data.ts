// The dataset as shipped inside the extension: the raw JSON files gathered into one object.
// Importing this pulls the data into a bundle; the content script never does (it gets a
// compact matcher index from the background instead).
import meta from './data/meta.json';
import sources from './data/sources.json';
import destinations from './data/destinations.json';
import chips from './data/chips.json';
import events from './data/events.json';

export const bundledRaw: unknown = { meta, sources, destinations, chips, events };
