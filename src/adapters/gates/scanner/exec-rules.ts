import { codeRule } from './code-rule.ts';

const isPython = (_: string, path: string): boolean => /\.pyw?$/i.test(path);
const notPython = (_: string, path: string): boolean => !isPython(_, path);

/** Code or shell commands built from something other than a literal. */
export const EXEC_RULES = [
  codeRule({
    id: 'SL-EXEC-EVAL',
    severity: 'high',
    title: 'code evaluated from a non-literal',
    description:
      'eval, new Function, vm.runIn*Context and Python eval/exec run whatever string they get; if any part comes from input, that is remote code execution. Parse the data instead.',
    patterns: [
      { re: /(?<![.\w$])eval\s{0,5}\(/, label: 'eval', dynamic: 'first' },
      { re: /\b(?:window|globalThis|global)\.eval\s{0,5}\(/, label: 'eval', dynamic: 'first' },
      { re: /\bnew\s{1,5}Function\s{0,5}\(/, label: 'new Function', dynamic: 'all' },
      {
        re: /\bvm\.(?:runInNewContext|runInThisContext|runInContext|compileFunction)\s{0,5}\(|\bnew\s{1,5}vm\.Script\s{0,5}\(/,
        label: 'node:vm',
        dynamic: 'first',
      },
      { re: /(?<![.\w$])exec\s{0,5}\(/, label: 'Python exec', dynamic: 'first', when: isPython },
    ],
  }),
  codeRule({
    id: 'SL-EXEC-SHELL',
    severity: 'high',
    title: 'shell command built from a non-literal',
    description:
      'Passing a built string to a shell (child_process.exec, os.system, subprocess with shell=True) allows command injection. Use execFile/spawn or subprocess.run with an argument list and no shell.',
    patterns: [
      {
        re: /\b(?:child_process|childProcess|cp)\.exec(?:Sync)?\s{0,5}\(/,
        label: 'child_process.exec',
        dynamic: 'first',
      },
      { re: /(?<![.\w$])exec(?:Sync)?\s{0,5}\(/, label: 'exec', dynamic: 'first', when: notPython },
      { re: /\bos\.(?:system|popen)\s{0,5}\(/, label: 'os.system', dynamic: 'first' },
      { re: /\bsubprocess\.(?:getoutput|getstatusoutput)\s{0,5}\(/, label: 'subprocess.getoutput', dynamic: 'first' },
      {
        re: /\bsubprocess\.(?:run|call|Popen|check_output|check_call)\s{0,5}\(/,
        label: 'subprocess with shell=True',
        dynamic: 'first',
        when: (t) => /\bshell\s{0,5}=\s{0,5}True\b/.test(t),
      },
      {
        re: /\b(?:spawn|spawnSync|execFile|execFileSync)\s{0,5}\([^\n]{0,300}?\bshell\s{0,5}:\s{0,5}true\b/,
        label: 'spawn with shell: true',
      },
    ],
  }),
];
