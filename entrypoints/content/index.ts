// PLACEHOLDER wiring; the engine work replaces it (scan → mark → watch → card).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {},
});
