// The per-site switch: annotation is off on hosts listed in storage's disabledHosts. Watching
// storage (not a message) turns every open tab and frame of the site on or off at once.
import type { Session } from './session';
import { disabledHosts } from '../../utils/storage/storage';

/**
 * The site a frame belongs to, for the switch: the top page's host, so a site's embedded frames
 * follow it. about:srcdoc and about:blank frames inherit their parent's origin.
 */
export function siteHost(): string {
  try {
    if (window.top?.location.hostname) return window.top.location.hostname;
  } catch {
    // A cross-origin top frame: fall through.
  }
  const ancestors = location.ancestorOrigins;
  if (ancestors?.length) return new URL(ancestors[ancestors.length - 1]!).hostname;
  return location.hostname || new URL(self.origin).hostname;
}

/** Calls `apply` with the current state, then again whenever it changes for `host`. */
export function watchSiteSwitch(session: Session, host: string, apply: (enabled: boolean) => void): void {
  let enabled: boolean | null = null;
  const update = (hosts: string[]) => {
    const next = !hosts.includes(host);
    if (next === enabled) return;
    enabled = next;
    apply(next);
  };
  session.onEnd(disabledHosts.watch(update));
  void disabledHosts.getValue().then((hosts) => {
    if (enabled === null) update(hosts);
  });
}
