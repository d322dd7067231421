// Wiring only: loads the dataset once, answers the content scripts and the popup, and keeps the
// per-tab mention counts. The logic lives in rules/ and utils/.
import { browser } from 'wxt/browser';
import { loadActiveDataset } from '../utils/active-dataset';
import { handleRequest } from '../utils/background-requests';
import { forgetTab, resetTab } from '../utils/tab-mentions';

export default defineBackground(() => {
  const dataset = loadActiveDataset();

  browser.runtime.onMessage.addListener((message: unknown, sender) => handleRequest(dataset, message, sender));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void resetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
