// The tree as it is, whatever the page's elements say. A <form> exposes its fields as properties
// named after them, in every world (the content script's too): `<input name="parentNode">` makes
// form.parentNode that input, whose parent is the form again, so a climb or a walk through those
// properties would go round for ever, and `<input name="localName">` makes a tag name an element.
// Walks and climbs read the real properties through these.

function nativeGetter<T>(proto: object, name: string): (node: Node) => T {
  const get = Object.getOwnPropertyDescriptor(proto, name)!.get!;
  return (node) => get.call(node) as T;
}

export const parentOf = nativeGetter<ParentNode | null>(Node.prototype, 'parentNode');
export const parentElementOf = nativeGetter<Element | null>(Node.prototype, 'parentElement');
export const nextSiblingOf = nativeGetter<ChildNode | null>(Node.prototype, 'nextSibling');
export const firstChildOf = nativeGetter<ChildNode | null>(Node.prototype, 'firstChild');
const nativeLocalName = nativeGetter<string>(Element.prototype, 'localName');
const nativeContains = Node.prototype.contains;

/** Whether `node` is `root` or inside it. */
export const isWithin = (root: Node, node: Node): boolean => nativeContains.call(root, node);

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
