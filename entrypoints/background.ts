// Wiring only: holds the dataset (bundled, or a newer signed copy), answers the content scripts
// and the popup, keeps the per-tab mention counts and looks for a data update twice a day.
// The logic lives in rules/ and utils/.
import { browser } from 'wxt/browser';
import { handleRequest } from '../utils/background-requests';
import { createDatasetHolder } from '../utils/dataset-updates';
import { forgetTab, resetTab } from '../utils/tab-mentions';
import { CHECK_EVERY_MINUTES, updateSource } from '../utils/update-source';

const UPDATE_ALARM = 'dataset-update';

export default defineBackground(() => {
  const data = createDatasetHolder(updateSource);

  browser.runtime.onMessage.addListener((message: unknown, sender) => handleRequest(data, message, sender));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void resetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void data.check();
  });
  // The worker starts often; the alarm is made once (re-making it would push the check back).
  void browser.alarms.get(UPDATE_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
  });
});
