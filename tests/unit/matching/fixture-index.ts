// A MatcherIndex mirroring the real dataset's chips and names, so matcher tests do not change
// when the dataset grows.
import type { MatcherIndex } from '../../../matching/matcher-index';

const chip = (id: string, names: string[], needsContext: string[] = []) => ({ id, names, needsContext });

export const FIXTURE_INDEX: MatcherIndex = {
  version: 'test-1',
  chips: [
    chip('nvidia-h20', ['H20', 'HGX H20', '英伟达H20']),
    chip('nvidia-h200', ['H200', 'HGX H200']),
    chip('nvidia-b30a', ['B30A']),
    chip('nvidia-gb300', ['GB300', 'GB300 NVL72']),
    chip('nvidia-b300', ['B300']),
    chip('amd-mi308', ['MI308', 'MI308X', 'Instinct MI308X']),
    chip('nvidia-h100', ['H100']),
    chip('nvidia-a100', ['A100'], ['A100']),
    chip('nvidia-rtx-pro-6000d', ['RTX Pro 6000D', 'B40'], ['B40']),
    chip('huawei-ascend-910c', ['Ascend 910C', '昇腾910C', '910C'], ['910C']),
  ],
};
