// When the background looks for a data update: an alarm every CHECK_EVERY_MINUTES, first a
// minute after it is made. Made once: the worker starts often, and making it again at each
// start would push the next check back every time.
import { browser } from 'wxt/browser';
import { CHECK_EVERY_MINUTES } from './update-source';

export const UPDATE_ALARM = 'dataset-update';

export function scheduleUpdateChecks(check: () => Promise<unknown>): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void check();
  });
  return browser.alarms.get(UPDATE_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
  });
}
