// Puts the card's UI (the built entrypoints/card-ui.ts) into the frame whose content script asks
// for it, on the first card it opens there. Injected by the background rather than listed as a
// web-accessible resource, so no page can fetch it (card/card-ui-slot.ts says why). Needs the
// `scripting` permission; the host access is the content script's own match patterns.
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';

const CARD_UI_FILE = '/card-ui.js';

/** True once the UI ran in the sender's frame; false for a sender that is not a tab's frame, or a failed injection. */
export async function injectCardUi(sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) return false;
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_FILE] });
    return true;
  } catch {
    return false; // the frame went away or navigated; the content script asks again with the next card
  }
}
