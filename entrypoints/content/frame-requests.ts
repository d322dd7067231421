// What the extension asks every frame of a tab: the popup's "read the whole page now" (a long
// page's far part is otherwise left until the reader comes near) and the shortcut's "step to the
// next mark". Listened for before anything is awaited, since the popup may ask while this frame is
// still starting; the handlers arrive once the page's pieces exist, and a request that came
// earlier is answered then.
import { browser } from 'wxt/browser';
import { stepOf } from '../../card/keyboard';
import type { Session } from '../../engine/session/session';
import { isReadAllRequest } from '../../utils/messages/messages';

interface Handlers {
  readAll(): void;
  step(dir: 1 | -1): void;
}

export function listenForFrameRequests(session: Session): { ready(handlers: Handlers): void } {
  let handlers: Handlers | null = null;
  let readAllAsked = false;
  const onMessage = (message: unknown) => {
    const dir = stepOf(message);
    if (dir) return void handlers?.step(dir);
    if (!isReadAllRequest(message)) return;
    readAllAsked = true;
    handlers?.readAll();
  };
  browser.runtime.onMessage.addListener(onMessage);
  session.onEnd(() => browser.runtime.onMessage.removeListener(onMessage));
  return {
    ready(next) {
      handlers = next;
      if (readAllAsked) next.readAll();
    },
  };
}
