// The layers of the tree are enforced by lint (eslint.config.js, `@typescript-eslint/no-restricted-
// imports` per folder): this lints small snippets as if they stood in each folder, to prove each
// rule bites where it should and lets through what the layer may import.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './source-files';

const RULE = '@typescript-eslint/no-restricted-imports';
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layer messages for `code` as the file `filePath` (relative to the repo). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

// [file, import, why it is refused]
const REFUSED: [string, string][] = [
  ['matching/x.ts', "import { browser } from 'wxt/browser';"],
  ['matching/x.ts', "import { z } from 'zod';"],
  ['matching/x.ts', "import { Dataset } from '../rules/schema';"],
  ['matching/x.ts', "import type { CardModel } from '../rules/card-model';"],
  ['matching/x.ts', "import { blockOf } from '../engine/reading/skip-rules';"],
  ['matching/x.ts', "import type { Settings } from '../utils/storage/settings';"],
  ['rules/x.ts', "import { settings } from '../utils/storage/storage';"],
  ['rules/x.ts', "import { browser } from 'wxt/browser';"],
  ['rules/cli/commands/x.ts', "import { UPDATE_SOURCE } from '../../../utils/updates/update-source';"],
  ['engine/reading/x.ts', "import { ChipCard } from '../../components/ChipCard';"],
  ['engine/session/x.ts', "import { cardUi } from '../../card/card-ui';"],
  ['engine/reading/x.ts', "import { readerLang } from '../../utils/reader-lang';"],
  ['engine/reading/x.ts', "import { dayFromClues } from '../../rules/article-day';"],
  ['engine/reading/x.ts', "import { z } from 'zod';"],
  ['card/x.ts', "import { z } from 'zod';"],
  ['card/x.ts', "import { main } from '../entrypoints/content/index';"],
  ['components/X.tsx', "import { settings } from '../utils/storage/storage';"],
  ['components/X.tsx', "import { browser } from 'wxt/browser';"],
  ['components/X.tsx', "import { placeCard } from '../card/card';"],
  ['components/X.tsx', "import { sweep } from '../engine/reading/sweep';"],
  ['utils/storage/x.ts', "import { ChipCard } from '../../components/ChipCard';"],
  ['utils/messages/x.ts', "import { registry } from '../../engine/marks/marks';"],
  ['utils/background/x.ts', "import { ChipCard } from '../../components/ChipCard';"],
  ['utils/background/x.ts', "import { cardUi } from '../../card/card-ui';"],
  ['scripts/x.ts', "import background from '../entrypoints/background';"],
];

const ALLOWED: [string, string][] = [
  ['matching/x.ts', "import { nameKey } from './name-key';"],
  ['matching/x.ts', "import type { Dataset } from '../rules/schema';"],
  ['rules/x.ts', "import { nameKey } from '../matching/name-key';"],
  ['rules/cli/commands/x.ts', "import { findChip } from '../../../matching/lookup';"],
  ['engine/reading/x.ts', "import { isWordUnit } from '../../matching/word-chars';"],
  ['engine/session/x.ts', "import { settings } from '../../utils/storage/storage';"],
  ['engine/session/x.ts', "import { sendToBackground } from '../../utils/messages/messages';"],
  ['engine/session/x.ts', "import type { CardUi } from '../../card/card-ui-slot';"],
  ['engine/reading/x.ts', "import type { z } from 'zod';"],
  ['card/x.ts', "import { ChipCard } from '../components/ChipCard';"],
  ['components/X.tsx', "import { DEFAULT_SETTINGS } from '../utils/storage/settings';"],
  ['components/X.tsx', "import type { Settings } from '../utils/storage/storage';"],
  ['components/X.tsx', "import { labelFor } from '../rules/labels';"],
  ['utils/background/x.ts', "import css from '../../components/chip-card.css?inline';"],
  ['utils/background/x.ts', "import { buildCardModel } from '../../rules/card-model-builder';"],
  ['entrypoints/popup/x.tsx', "import { ChipCard } from '../../components/ChipCard';"],
];

describe('the layer lint refuses an import that runs up a layer', () => {
  test.each(REFUSED)('in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });
});

describe('and lets through what the layer may import', () => {
  test.each(ALLOWED)('in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
