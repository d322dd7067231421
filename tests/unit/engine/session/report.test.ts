import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const sent: unknown[] = [];
vi.mock('../../../../utils/messages/messages', () => ({
  sendToBackground: async (request: unknown) => {
    sent.push(request);
    return null;
  },
}));
const { createCountsReporter } = await import('../../../../engine/session/report');

const ctx = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number } as unknown as ContentScriptContext;

describe('createCountsReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  test('coalesces changes and sends at most once per 500 ms, always the latest counts', async () => {
    let counts: Record<string, number> = { 'nvidia-h20': 1 };
    const report = createCountsReporter(ctx, 'example.com', () => counts, false);
    report.changed();
    counts = { 'nvidia-h20': 2 };
    report.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ type: 'page-mentions', host: 'example.com', counts: { 'nvidia-h20': 2 } }]);

    counts = { 'nvidia-h20': 3 };
    report.changed();
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.at(-1)).toMatchObject({ counts: { 'nvidia-h20': 3 } });
  });

  test('a subframe with nothing marked sends nothing', async () => {
    const report = createCountsReporter(ctx, 'example.com', () => ({}), false);
    report.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toEqual([]);
  });

  test('the top frame reports its host once even with nothing marked, so the popup can offer the switch', async () => {
    const report = createCountsReporter(ctx, 'example.com', () => ({}), true);
    report.empty();
    report.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(1);
  });

  test('unchanged counts are not sent again; empty() reports nothing marked at once', async () => {
    const report = createCountsReporter(ctx, 'example.com', () => ({ 'amd-mi308': 1 }), false);
    report.changed();
    await vi.advanceTimersByTimeAsync(600);
    report.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(1);
    report.empty();
    expect(sent.at(-1)).toMatchObject({ counts: {} });
    report.changed(); // e.g. pageshow after the back/forward cache
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.at(-1)).toMatchObject({ counts: { 'amd-mi308': 1 } });
  });
});
