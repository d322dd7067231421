import { defineBackground } from 'wxt/utils/define-background';

// Nothing to do: the bench drives storage and messages through this worker.
export default defineBackground(() => undefined);
