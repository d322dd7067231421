// Wiring only: holds the dataset (bundled, or a newer signed copy), answers the content scripts
// and the popup, keeps the per-tab mention counts and looks for a data update twice a day.
// The logic lives in rules/ and utils/.
import { browser } from 'wxt/browser';
import { handleRequest } from '../utils/background/background-requests';
import { defineBackground } from 'wxt/utils/define-background';
import { healStorage } from '../utils/storage/checked-storage';
import { createDatasetHolder } from '../utils/updates/dataset-updates';
import { forgetTab, resetTab } from '../utils/background/tab-mentions';
import { updateSource } from '../utils/updates/update-source';
import { scheduleUpdateChecks } from '../utils/updates/update-schedule';

export default defineBackground(() => {
  void healStorage(); // a record of the wrong shape (an older version, a bug) is replaced, not tripped over
  const data = createDatasetHolder(updateSource);

  browser.runtime.onMessage.addListener((message: unknown, sender) => handleRequest(data, message, sender));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void resetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A first install opens the first-run page (entrypoints/welcome/): what ChipLens does, the keys.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // The reader's shortcuts (manifest `commands`): the active tab's top frame steps to a mark.
  browser.commands?.onCommand.addListener(async (command) => {
    const step = command === 'next-mark' ? 1 : command === 'previous-mark' ? -1 : 0;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (step && tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'step-mark', step }, { frameId: 0 }).catch(() => undefined);
  });

  void scheduleUpdateChecks(() => data.check());
});
