// The tree as it is, whatever the page's elements say. A <form> exposes its fields as properties
// named after them, in every world (the content script's too): `<input name="parentNode">` makes
// form.parentNode that input, whose parent is the form again, so a climb or a walk through those
// properties would go round for ever, and `<input name="localName">` makes a tag name an element.
// Walks and climbs read the real properties through these; every climb up the tree is `climb`.

function nativeGetter<T>(proto: object, name: string): (node: Node) => T {
  const get = Object.getOwnPropertyDescriptor(proto, name)!.get!;
  return (node) => get.call(node) as T;
}

const nativeParent = nativeGetter<ParentNode | null>(Node.prototype, 'parentNode');
const nativeParentElement = nativeGetter<Element | null>(Node.prototype, 'parentElement');
const nativeNextSibling = nativeGetter<ChildNode | null>(Node.prototype, 'nextSibling');
const nativeFirstChild = nativeGetter<ChildNode | null>(Node.prototype, 'firstChild');
const nativeLocalName = nativeGetter<string>(Element.prototype, 'localName');
const nativeContains = Node.prototype.contains;

/**
 * The nodes whose properties named children can shadow: a form (its fields) and a document (its
 * named images, forms, frames). Every other node is read directly: the engine walks thousands of
 * nodes, and a plain property read is several times cheaper than a call to the native getter.
 */
const shadowable = (node: Node): boolean => node instanceof HTMLFormElement || node instanceof Document;

export const parentOf = (node: Node): ParentNode | null => (shadowable(node) ? nativeParent(node) : node.parentNode);
export const parentElementOf = (node: Node): Element | null => (shadowable(node) ? nativeParentElement(node) : node.parentElement);
export const nextSiblingOf = (node: Node): ChildNode | null => (shadowable(node) ? nativeNextSibling(node) : node.nextSibling);
export const firstChildOf = (node: Node): ChildNode | null => (shadowable(node) ? nativeFirstChild(node) : node.firstChild);

/** Whether `node` is `root` or inside it. */
export const isWithin = (root: Node, node: Node): boolean => (shadowable(root) ? nativeContains.call(root, node) : root.contains(node));

/** An element's tag name (read directly when the element has not replaced it, nearly always). */
export function tagOf(el: Element): string {
  const tag = el.localName;
  return typeof tag === 'string' ? tag : nativeLocalName(el);
}

/** The parent, or the host of a shadow root: the climb from a node to its page. */
export function upOf(node: Node): Node | null {
  const parent = parentOf(node);
  return parent === null && node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : parent;
}

/**
 * The first node from `node` up (itself, then each step up) that `found` picks, or null past the
 * top. `step` is the way up: `upOf` (the default) crosses from a shadow root to its host,
 * `parentOf` stays in the node's tree, `parentElementOf` climbs elements only. The engine's
 * climbs all go through here, so none can be sent round for ever by a form's fields.
 */
export function climb(node: Node | null, found: (n: Node) => boolean, step: (n: Node) => Node | null = upOf): Node | null {
  for (let n = node; n; n = step(n)) if (found(n)) return n;
  return null;
}
