// The page's DOM as plain data, read back after the browser parsed the generated HTML (so
// parser fix-ups such as a <p> closed by a <div> or an <a> inside an <a> are what the
// expectation sees too). Only what the engine's rules look at is kept: tags, the `hidden` and
// `contenteditable` attributes, and text.

export type SnapNode = SnapText | SnapElement;
export interface SnapText {
  text: string;
}
export interface SnapElement {
  tag: string;
  hidden: boolean;
  /** The contenteditable attribute's value, or null when absent. */
  editable: string | null;
  kids: SnapNode[];
}

/** Runs in the page (passed to page.evaluate): snapshots document.body. Self-contained on purpose. */
export function snapshotBody(): SnapElement {
  const snap = (el: Element): SnapElement => ({
    tag: el.localName,
    hidden: el.hasAttribute('hidden'),
    editable: el.getAttribute('contenteditable'),
    // Comments are left out, as the engine's TreeWalker (elements and text only) leaves them.
    kids: [...el.childNodes].flatMap((n): SnapNode[] =>
      n.nodeType === Node.TEXT_NODE ? [{ text: (n as Text).data }] : n.nodeType === Node.ELEMENT_NODE ? [snap(n as Element)] : [],
    ),
  });
  return snap(document.body);
}
