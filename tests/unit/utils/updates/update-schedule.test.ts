// The twice-daily look for an update: one alarm, made once however often the worker starts, and
// each time it fires, a check.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scheduleUpdateChecks, UPDATE_ALARM } from '../../../../utils/updates/update-schedule';

beforeEach(() => fakeBrowser.reset());

test('a worker start makes the alarm if it is missing, and keeps it as it is otherwise', async () => {
  await scheduleUpdateChecks(async () => {});
  const made = await fakeBrowser.alarms.get(UPDATE_ALARM);
  expect(made).toMatchObject({ name: UPDATE_ALARM, periodInMinutes: 720 });
  const create = vi.spyOn(fakeBrowser.alarms, 'create');
  await scheduleUpdateChecks(async () => {});
  expect(create).not.toHaveBeenCalled();
  expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toEqual(made);
});

test('the alarm runs a check; other alarms do not', async () => {
  const check = vi.fn(async () => {});
  await scheduleUpdateChecks(check);
  await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now(), persistAcrossSessions: true });
  expect(check).not.toHaveBeenCalled();
  await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now(), periodInMinutes: 720, persistAcrossSessions: true });
  expect(check).toHaveBeenCalledOnce();
});
