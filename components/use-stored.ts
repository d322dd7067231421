// The one hook the extension's pages read stored items with (settings, switched-off sites, what
// the reader last saw): the value now, kept current as it changes anywhere (another window, the
// background). null until the first read answers.
import { useEffect, useState } from 'preact/hooks';

/** What the hook needs of an item: utils/storage/storage.ts's items have it. */
export interface Watchable<T> {
  getValue(): Promise<T>;
  watch(listener: (value: T) => void): () => void;
}

export function useStored<T>(item: Watchable<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(() => v));
    const unwatch = item.watch((v) => setValue(() => v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
