// The card's UI, built as /card-ui.js and put into a frame by the background on the first card
// opened there (utils/background/card-ui-injection.ts); it hands its entry point to the content
// script in the same isolated world (card/card-ui-slot.ts). Not web-accessible.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardUi } from '../card/card-ui';
import { registerCardUi } from '../card/card-ui-slot';

export default defineUnlistedScript(() => registerCardUi(cardUi));
