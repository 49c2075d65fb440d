import { codeRule } from './code-rule.ts';

const isPython = (_: string, path: string): boolean => /\.pyw?$/i.test(path);

/** Deserialisers that can run code chosen by whoever wrote the bytes. */
export const DESERIALIZE_RULES = [
  codeRule({
    id: 'SL-DESERIALIZE',
    severity: 'high',
    title: 'unsafe deserialisation',
    description:
      'pickle, marshal, yaml.load without SafeLoader, torch.load without weights_only, Java ObjectInputStream and PHP/node unserialize can execute code embedded in the data. Use JSON, yaml.safe_load, or weights_only=True.',
    patterns: [
      {
        re: /\b(?:c?[pP]ickle|dill|marshal|Marshal|shelve|jsonpickle)\.(?:loads?|decode|open)\s{0,5}\(/,
        label: 'pickle.load',
      },
      {
        re: /\byaml\.(?:load|load_all)\s{0,5}\(/,
        label: 'yaml.load without SafeLoader',
        // js-yaml 4's load() is safe; PyYAML's is not unless given a safe loader.
        when: (t, p) => isPython(t, p) && !/\b(?:C?SafeLoader|BaseLoader)\b/.test(t),
      },
      { re: /\byaml\.unsafe_load(?:_all)?\s{0,5}\(/, label: 'yaml.unsafe_load' },
      {
        re: /\btorch\.load\s{0,5}\(/,
        label: 'torch.load',
        when: (t) => !/\bweights_only\s{0,5}=\s{0,5}True\b/.test(t),
      },
      { re: /\bnew\s{1,5}ObjectInputStream\s{0,5}\(/, label: 'ObjectInputStream' },
      { re: /(?<![\w$])unserialize\s{0,5}\(/, label: 'unserialize', dynamic: 'first' },
    ],
  }),
];
