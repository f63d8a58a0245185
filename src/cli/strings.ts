/**
 * The CLI's strings catalogue: every command's usage, summary and options (one table entry per
 * command: the argument layer in args.ts parses, validates and prints help from it), and the
 * messages of the argument layer and the commands. English; a zh-CN catalogue will sit beside it.
 */
import { catalogue, type Translation } from '../i18n/index.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help (string options): `N`, `DIR`, `FILE`. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  /** What follows `synack CMD` in the usage line: `NAME|FILE|-`, `[DIR]`. */
  args: string;
  /** One line for the command list. */
  summary: string;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  options: Record<string, OptionSpec>;
  /** More lines for `synack help CMD`. */
  more?: string;
}

/** Documented bounds of numeric options. */
export const LIMITS = {
  width: { min: 40, max: 300 },
  count: { min: 1, max: 200 },
  time: { min: 0, max: 86400 },
  u32: { min: 0, max: 4294967295 },
  height: { min: 6, max: 100 },
  /** A LESSON-ID argument (an id is on one front-matter line, and a line has at most 4,000 characters). */
  lessonId: { max: 4000 },
} as const;

const LESSONS: OptionSpec = { type: 'string', value: 'DIR', help: 'use the lessons in DIR (or set SYNACK_LESSONS)' };
const ASCII: OptionSpec = { type: 'boolean', help: 'ASCII only, no box drawing' };
const MODEL: Record<string, OptionSpec> = {
  profile: { type: 'string', value: 'rfc|linux', help: 'timer profile of the model (default rfc)' },
  seed: { type: 'string', value: 'N', help: `seed for ISNs and ports (${LIMITS.u32.min}-${LIMITS.u32.max})` },
  'isn-client': { type: 'string', value: 'N', help: `the client's initial sequence number (${LIMITS.u32.min}-${LIMITS.u32.max})` },
  'isn-server': { type: 'string', value: 'N', help: `the server's initial sequence number (${LIMITS.u32.min}-${LIMITS.u32.max})` },
};
const WIDTH: OptionSpec = { type: 'string', value: 'N', help: `width in columns (${LIMITS.width.min}-${LIMITS.width.max}; default: the terminal's, or 80)` };

/** Every command. The order is the order of `synack --help`. */
const COMMANDS_EN = {
  learn: {
    args: '[LESSON-ID]',
    summary: 'the lesson list, or one lesson at your saved position',
    positionals: { min: 0, max: 1 },
    options: {
      plain: { type: 'boolean', help: 'print the rendered lesson to stdout (for authors and snapshot tests)' },
      width: WIDTH,
      watch: { type: 'boolean', help: 'reload the open lesson whenever a lesson file changes (with --plain: print it again)' },
      lessons: LESSONS,
      ascii: ASCII,
    },
  },
  diagram: {
    args: 'NAME|FILE|-',
    summary: 'play a TCP scenario live (--plain prints it; --format mermaid|json)',
    positionals: { min: 1, max: 1 },
    options: {
      plain: { type: 'boolean', help: 'print the whole diagram instead of playing it (the default when piped)' },
      format: { type: 'string', value: 'text|mermaid|json', help: 'output format (default text)' },
      width: WIDTH,
      ascii: ASCII,
      relative: { type: 'boolean', help: 'relative sequence numbers (from 0)' },
      compact: { type: 'boolean', help: 'one line per event' },
      ...MODEL,
    },
    more: "NAME is a built-in scenario (see 'synack scenarios'), FILE a .tcp script, - reads the script from stdin.",
  },
  playground: {
    args: '',
    summary: 'drive a client and server yourself, watch the diagram grow',
    positionals: { min: 0, max: 0 },
    options: { lessons: LESSONS, ascii: ASCII },
  },
  trace: {
    args: 'NAME|FILE|-',
    summary: "print the model's trace of a scenario (--json)",
    positionals: { min: 1, max: 1 },
    options: { json: { type: 'boolean', help: 'the trace as JSON' }, ...MODEL },
    more: "NAME is a built-in scenario (see 'synack scenarios'), FILE a .tcp script, - reads the script from stdin.",
  },
  plot: {
    args: 'NAME|FILE|-',
    summary: 'chart cwnd, ssthresh, FlightSize and rwnd of a scenario (--format csv|json)',
    positionals: { min: 1, max: 1 },
    options: {
      metric: { type: 'string', value: 'a,b', help: 'the series: cwnd, ssthresh, flight, rwnd, or all (default all)' },
      format: { type: 'string', value: 'text|csv|json', help: 'a terminal chart (default), or one row per event' },
      host: { type: 'string', value: 'H', help: "whose windows (default: the host that sends the most data)" },
      unit: { type: 'string', value: 'bytes|mss', help: 'the y axis of the chart (default bytes; mss when the MSS is known)' },
      width: WIDTH,
      height: { type: 'string', value: 'N', help: `height of the chart in rows (${LIMITS.height.min}-${LIMITS.height.max}; default 20)` },
      ascii: ASCII,
      ...MODEL,
    },
    more:
      "NAME is a built-in scenario (see 'synack scenarios'), FILE a .tcp script, - reads the script from stdin.\n" +
      'csv and json have one row per event from the first with congestion state: event, t (ms), the series in bytes ' +
      '(ssthresh empty / null while it is still infinite), dup_acks and phase.',
  },
  scenarios: {
    args: '',
    summary: 'list the built-in TCP scenarios',
    positionals: { min: 0, max: 0 },
    options: {},
  },
  quiz: {
    args: '',
    summary: 'interview prep (--print writes a worksheet with an answer key)',
    positionals: { min: 0, max: 0 },
    options: {
      mode: { type: 'string', value: 'mock|drill|review|mistakes', help: 'the kind of session (default drill)' },
      topic: { type: 'string', value: 'a,b', help: 'only these topics' },
      topics: { type: 'string', value: 'a,b', help: 'the same as --topic' },
      count: { type: 'string', value: 'N', help: `how many questions (${LIMITS.count.min}-${LIMITS.count.max}; at most the questions that match)` },
      time: { type: 'string', value: 'SECONDS', help: `time limit (${LIMITS.time.min}-${LIMITS.time.max}; 0: none)` },
      seed: { type: 'string', value: 'N', help: `seed for the question order and generated questions (${LIMITS.u32.min}-${LIMITS.u32.max})` },
      print: { type: 'boolean', help: 'print a worksheet with an answer key instead of the interactive quiz' },
      lessons: LESSONS,
      ascii: ASCII,
    },
  },
  stats: {
    args: '',
    summary: 'your accuracy per topic and the reviews due',
    positionals: { min: 0, max: 0 },
    options: {
      streak: { type: 'string', value: 'on|off', help: 'turn the daily streak on or off (it is opt-in)' },
      ascii: ASCII,
    },
  },
  check: {
    args: '[DIR]',
    summary: 'validate lesson files (file:line:col: message)',
    positionals: { min: 0, max: 1 },
    options: {
      watch: { type: 'boolean', help: 'check again whenever a lesson file changes (Ctrl+C stops)' },
      lessons: { type: 'string', value: 'DIR', help: 'the same as giving DIR' },
    },
    more: 'Exit 0 when no file has an error, 1 otherwise. DIR defaults to --lessons, SYNACK_LESSONS, then the built-in lessons.',
  },
  progress: {
    args: '',
    summary: 'show saved progress (--export FILE, --import FILE, --reset)',
    positionals: { min: 0, max: 0 },
    options: {
      export: { type: 'string', value: 'FILE', help: 'write your progress as JSON to FILE (- for stdout)' },
      import: { type: 'string', value: 'FILE', help: 'merge progress exported on another machine into this one' },
      reset: { type: 'boolean', help: 'start over (asks first; the old file is kept aside)' },
      yes: { type: 'boolean', short: 'y', help: 'with --reset: do not ask' },
    },
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** `synack` with no command (the home screen). */
const HOME_EN: CommandSpec = {
  args: '',
  summary: 'open the tutor (home screen)',
  positionals: { min: 0, max: 0 },
  options: { lessons: LESSONS, ascii: ASCII },
};

const HELP_OPTION_EN: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

const CLI_EN = {
  title: 'synack - a terminal tutor for network protocols',
  usageHeader: 'Usage:',
  /** A command's help opens with its usage line. */
  usageOf: (line: string) => `Usage: ${line}`,
  optionsHeader: 'Options:',
  commandsHeader: 'Commands:',
  usageLine: (cmd: string, args: string, hasOptions: boolean) =>
    `synack ${cmd}${args ? ` ${args}` : ''}${hasOptions ? ' [options]' : ''}`,
  /** The home screen's row of the command list (its options are the list's Options). */
  homeLine: 'synack [options]',
  /** The last row of the command list. */
  helpLine: ['synack help [CMD]', "the command list, or one command's options (the same as synack CMD --help)"] as const,
  globalOptions: [
    ['--lang en|zh-CN', 'language (or SYNACK_LANG; default: the setting saved on the home screen, else the locale)'],
    ['--lessons DIR', 'use lessons from DIR (or set SYNACK_LESSONS)'],
    ['--ascii', 'ASCII only, no box drawing'],
    ['-h, --help', 'this help (synack help CMD: one command)'],
    ['-v, --version', 'the version'],
  ] as const,
  footer:
    'Progress is saved in your data directory (set SYNACK_HOME to move it). NO_COLOR=1 turns colour off.\n' +
    'Exit codes: 0 ok, 1 error, 2 usage error or no terminal, 70 a bug in synack (please report it).',
  helpMore: "Run 'synack help CMD' (or 'synack CMD --help') for a command's options.",
  /** Ends a command's summary as a sentence in `synack help CMD`. */
  /** A command's summary as the sentence that opens its help. */
  sentence: (s: string) => `${s}.`,
  /** A usage error followed by where to read more. */
  withHint: (message: string, hint: string) => `${message} ${hint}`,

  // The argument layer (usage errors, exit 2).
  unknownCommand: (cmd: string, suggestion: string | null) =>
    `unknown command '${cmd}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
  seeGeneralHelp: "Run 'synack --help' for the list.",
  unknownOption: (opt: string, suggestion: string | null) =>
    `unknown option '${opt}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
  missingValue: (opt: string, value: string) => `${opt} needs a value (${opt} ${value}).`,
  noValue: (opt: string) => `${opt} takes no value.`,
  missingArgs: (args: string) => `missing argument: ${args}.`,
  extraArgs: (extra: string[]) => `unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.map((a) => `'${a}'`).join(' ')}.`,
  badInteger: (opt: string, v: string, min: number, max: number) =>
    `${opt} must be a whole number from ${min} to ${max}, not '${v}'.`,
  badChoice: (opt: string, v: string, choices: readonly string[]) =>
    `${opt} must be ${choices.slice(0, -1).join(', ')}${choices.length > 1 ? ' or ' : ''}${choices[choices.length - 1]}, not '${v}'.`,
  conflict: (a: string, b: string) => `${a} and ${b} cannot be used together.`,
  /** Follows a bad value's message when one choice is close to it. */
  didYouMean: (s: string) => ` Did you mean '${s}'?`,
  tooLong: (what: string, length: number, max: number) => `${what} has ${length} characters; it may have at most ${max}.`,
  seeHelp: (cmd: string) => `Run 'synack help ${cmd}'.`,
  prefix: (cmd: string | null) => (cmd ? `synack ${cmd}: ` : 'synack: '),
  internal: (msg: string) => `internal error: ${msg}`,
  /** Writing the output failed (not a closed pipe: a full disk, an I/O error). */
  outputFailed: (why: string) => `cannot write the output: ${why}`,
  debugHint: '(set SYNACK_DEBUG=1 for details)',

  // Commands' runtime messages (exit 1).
  cannotRead: (file: string, why: string) => `cannot read ${file}: ${why}`,
  unknownScenario: (name: string, guess: string | null) =>
    `unknown scenario '${name}'.${guess ? ` Did you mean '${guess}'?` : ''} Built-in scenarios:`,
  stdinName: '<stdin>',
  noSuchFile: 'no such file',
  scenariosHeader: 'Built-in TCP scenarios (run one with `synack trace NAME`):',
  traceEnd: (t: string) => `end of run at ${t}`,
  traceTruncated: ' (stopped at the simulation limit; the trace is cut short)',
  /** `synack trace`'s lines (the event's explanation follows after `  | `; ids, flags and states stay tokens). */
  trace: {
    header: (scenario: string, profile: string, hosts: readonly string[]) => `scenario ${scenario} (profile ${profile}): ${hosts.join(', ')}`,
    host: (name: string, addr: string, isn: number | null) => `${name} ${addr}${isn !== null ? ` ISN ${isn}` : ''}`,
    dropped: (reason: string | undefined) => `DROPPED (${reason ?? 'lost'})`,
    arrives: (t: string) => `arrives ${t}`,
    retransmission: ' [retransmission]',
    state: (host: string, from: string, to: string, cause: string) => `${host}: ${from} -> ${to} (${cause})`,
    timer: (host: string, timer: string, action: string, expires: string | null) => `${host}: timer ${timer} ${action}${expires !== null ? ` (expires ${expires})` : ''}`,
    app: (host: string, call: string, bytes: number | undefined, error: string | undefined) =>
      `${host}: app ${call}${bytes !== undefined ? ` ${bytes}` : ''}${error ? ` -> error: ${error}` : ''}`,
    flood: (count: number, to: string, until: string, queued: number, cookies: number, dropped: number) =>
      `flood: ${count} spoofed SYN -> ${to} until ${until} (queued ${queued}, cookies ${cookies}, dropped ${dropped})`,
    queue: (host: string, syn: number, synMax: number, acc: number, accMax: number) => `${host}: SYN queue ${syn}/${synMax}, accept queue ${acc}/${accMax}`,
    arrival: (segment: number, host: string, dropReason: string | undefined) => `#${segment} at ${host}${dropReason !== undefined ? `: DROPPED (${dropReason})` : ''}`,
  },
  quizNeedsTty: "interactive mode needs a terminal; use --print for a worksheet.",
  countCapped: (asked: number, got: number) =>
    `--count ${asked}: only ${got} question${got === 1 ? '' : 's'} match these options; the worksheet has ${got}.`,
  /** The start of check's summary line: how many files it read. */
  checkedFiles: (n: number) => `${n} file${n === 1 ? '' : 's'} checked: `,
  watching: (what: string) => `Watching ${what} (Ctrl+C stops).`,
  watchChanged: (file: string) => `\n${file} changed: checking again.`,
  watchPrintAgain: (id: string) => `\n${id} changed: printing it again.`,
  watchLessonGone: (id: string) => `The lesson '${id}' is gone or broken; waiting for the next change.`,
  watchNeedsLesson: '--watch needs a lesson: synack learn LESSON-ID --watch (the lesson reloads on every save).',
  lessonNotFound: (id: string, known: string[]) =>
    `no lesson '${id}'.` + (known.length ? ` Lessons: ${known.join(', ')}.` : ' No lessons were found.'),
  badMetric: (name: string, suggestion: string | null, choices: readonly string[]) =>
    `--metric: unknown series '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Series: ${choices.join(', ')}, or all.`,
  unknownHost: (name: string, suggestion: string | null, hosts: readonly string[]) =>
    `--host: no host '${name}' in this run.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Hosts: ${hosts.join(', ')}.`,
  plotNoCc: (label: string) =>
    `${label}: no congestion-control state in this run (it appears once a connection is established and sends).`,
  plotNoCcHost: (label: string, host: string) => `${label}: ${host} has no congestion-control state in this run.`,
} as const;

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
const LESSONS_ZH: OptionSpec = { type: 'string', value: 'DIR', help: '使用 DIR 中的课程（也可设置 SYNACK_LESSONS）' };
const ASCII_ZH: OptionSpec = { type: 'boolean', help: '只用 ASCII 字符，不画框线' };
const MODEL_ZH: Record<string, OptionSpec> = {
  profile: { type: 'string', value: 'rfc|linux', help: '模型的计时器配置（默认 rfc）' },
  seed: { type: 'string', value: 'N', help: `ISN 和端口的随机种子（${LIMITS.u32.min}-${LIMITS.u32.max}）` },
  'isn-client': { type: 'string', value: 'N', help: `客户端的初始序号（${LIMITS.u32.min}-${LIMITS.u32.max}）` },
  'isn-server': { type: 'string', value: 'N', help: `服务器的初始序号（${LIMITS.u32.min}-${LIMITS.u32.max}）` },
};
const WIDTH_ZH: OptionSpec = { type: 'string', value: 'N', help: `宽度（列数，${LIMITS.width.min}-${LIMITS.width.max}；默认取终端宽度，否则为 80）` };
const FROM_FILE_ZH = "NAME 是内置场景（见 'synack scenarios'），FILE 是 .tcp 脚本，- 表示从 stdin 读取脚本。";

const COMMANDS_ZH: Translation<typeof COMMANDS_EN> = {
  learn: {
    args: '[LESSON-ID]',
    summary: '课程列表，或在上次保存的位置打开某一课',
    positionals: { min: 0, max: 1 },
    options: {
      plain: { type: 'boolean', help: '把排好版的课程打印到 stdout（供作者和快照测试使用）' },
      width: WIDTH_ZH,
      watch: { type: 'boolean', help: '课程文件一有改动就重新加载打开的课程（与 --plain 同用：重新打印）' },
      lessons: LESSONS_ZH,
      ascii: ASCII_ZH,
    },
  },
  diagram: {
    args: 'NAME|FILE|-',
    summary: '实时播放一个 TCP 场景（--plain 打印出来；--format mermaid|json）',
    positionals: { min: 1, max: 1 },
    options: {
      plain: { type: 'boolean', help: '打印整张时序图，而不是播放（输出到管道时默认如此）' },
      format: { type: 'string', value: 'text|mermaid|json', help: '输出格式（默认 text）' },
      width: WIDTH_ZH,
      ascii: ASCII_ZH,
      relative: { type: 'boolean', help: '使用相对序号（从 0 开始）' },
      compact: { type: 'boolean', help: '每个事件占一行' },
      ...MODEL_ZH,
    },
    more: FROM_FILE_ZH,
  },
  playground: {
    args: '',
    summary: '亲自操作客户端和服务器，看着时序图一步步生成',
    positionals: { min: 0, max: 0 },
    options: { lessons: LESSONS_ZH, ascii: ASCII_ZH },
  },
  trace: {
    args: 'NAME|FILE|-',
    summary: '打印模型对某个场景的跟踪记录（--json）',
    positionals: { min: 1, max: 1 },
    options: { json: { type: 'boolean', help: '以 JSON 格式输出跟踪记录' }, ...MODEL_ZH },
    more: FROM_FILE_ZH,
  },
  plot: {
    args: 'NAME|FILE|-',
    summary: '画出某个场景的 cwnd、ssthresh、FlightSize 和 rwnd（--format csv|json）',
    positionals: { min: 1, max: 1 },
    options: {
      metric: { type: 'string', value: 'a,b', help: '要画的曲线：cwnd、ssthresh、flight、rwnd，或 all（默认 all）' },
      format: { type: 'string', value: 'text|csv|json', help: '终端图表（默认），或每个事件一行' },
      host: { type: 'string', value: 'H', help: '画哪台主机的窗口（默认：发送数据最多的主机）' },
      unit: { type: 'string', value: 'bytes|mss', help: '图表纵轴的单位（默认 bytes；知道 MSS 时可用 mss）' },
      width: WIDTH_ZH,
      height: { type: 'string', value: 'N', help: `图表高度（行数，${LIMITS.height.min}-${LIMITS.height.max}；默认 20）` },
      ascii: ASCII_ZH,
      ...MODEL_ZH,
    },
    more:
      FROM_FILE_ZH +
      '\ncsv 和 json 从第一个有拥塞状态的事件起每个事件一行：event、t（毫秒）、各条曲线的字节数' +
      '（ssthresh 仍为无穷大时为空 / null）、dup_acks 和 phase。',
  },
  scenarios: {
    args: '',
    summary: '列出内置的 TCP 场景',
    positionals: { min: 0, max: 0 },
    options: {},
  },
  quiz: {
    args: '',
    summary: '面试准备（--print 输出带答案的练习卷）',
    positionals: { min: 0, max: 0 },
    options: {
      mode: { type: 'string', value: 'mock|drill|review|mistakes', help: '练习方式（默认 drill）' },
      topic: { type: 'string', value: 'a,b', help: '只出这些主题的题' },
      topics: { type: 'string', value: 'a,b', help: '同 --topic' },
      count: { type: 'string', value: 'N', help: `题数（${LIMITS.count.min}-${LIMITS.count.max}；最多为符合条件的题数）` },
      time: { type: 'string', value: 'SECONDS', help: `每题限时（${LIMITS.time.min}-${LIMITS.time.max}；0 表示不限时）` },
      seed: { type: 'string', value: 'N', help: `题目顺序和生成题的随机种子（${LIMITS.u32.min}-${LIMITS.u32.max}）` },
      print: { type: 'boolean', help: '打印带答案的练习卷，而不是进入交互式测验' },
      lessons: LESSONS_ZH,
      ascii: ASCII_ZH,
    },
  },
  stats: {
    args: '',
    summary: '各主题的正确率和待复习的卡片',
    positionals: { min: 0, max: 0 },
    options: {
      streak: { type: 'string', value: 'on|off', help: '开启或关闭每日连续学习记录（默认关闭）' },
      ascii: ASCII_ZH,
    },
  },
  check: {
    args: '[DIR]',
    summary: '检查课程文件（文件:行:列: 信息）',
    positionals: { min: 0, max: 1 },
    options: {
      watch: { type: 'boolean', help: '课程文件一有改动就重新检查（Ctrl+C 停止）' },
      lessons: { type: 'string', value: 'DIR', help: '同给出 DIR' },
    },
    more: '没有文件出错时退出码为 0，否则为 1。DIR 默认依次取 --lessons、SYNACK_LESSONS，最后是内置课程。',
  },
  progress: {
    args: '',
    summary: '查看保存的进度（--export FILE、--import FILE、--reset）',
    positionals: { min: 0, max: 0 },
    options: {
      export: { type: 'string', value: 'FILE', help: '把进度以 JSON 格式写入 FILE（- 表示 stdout）' },
      import: { type: 'string', value: 'FILE', help: '把在另一台机器上导出的进度合并到这里' },
      reset: { type: 'boolean', help: '从头开始（会先询问；旧文件会保留在一旁）' },
      yes: { type: 'boolean', short: 'y', help: '与 --reset 同用：不再询问' },
    },
  },
};

const HOME_ZH: Translation<typeof HOME_EN> = {
  args: '',
  summary: '打开教程（主页）',
  positionals: { min: 0, max: 0 },
  options: { lessons: LESSONS_ZH, ascii: ASCII_ZH },
};

const HELP_OPTION_ZH: Translation<typeof HELP_OPTION_EN> = { type: 'boolean', short: 'h', help: '显示本帮助' };

const CLI_ZH: Translation<typeof CLI_EN> = {
  title: 'synack - 终端里的网络协议教程',
  usageHeader: '用法：',
  usageOf: (line) => `用法：${line}`,
  optionsHeader: '选项：',
  commandsHeader: '命令：',
  usageLine: (cmd, args, hasOptions) => `synack ${cmd}${args ? ` ${args}` : ''}${hasOptions ? ' [选项]' : ''}`,
  homeLine: 'synack [选项]',
  helpLine: ['synack help [CMD]', '命令列表，或某个命令的选项（同 synack CMD --help）'],
  globalOptions: [
    ['--lang en|zh-CN', '界面语言（也可设置 SYNACK_LANG；默认用主页上保存的设置，其次是系统区域设置）'],
    ['--lessons DIR', '使用 DIR 中的课程（也可设置 SYNACK_LESSONS）'],
    ['--ascii', '只用 ASCII 字符，不画框线'],
    ['-h, --help', '本帮助（synack help CMD：某个命令的帮助）'],
    ['-v, --version', '版本号'],
  ],
  footer:
    '进度保存在你的数据目录中（设置 SYNACK_HOME 可以改变位置）。NO_COLOR=1 关闭颜色。\n' +
    '退出码：0 正常，1 出错，2 用法错误或没有终端，70 synack 的 bug（请报告）。',
  helpMore: "运行 'synack help CMD'（或 'synack CMD --help'）查看某个命令的选项。",
  sentence: (s) => `${s}。`,
  withHint: (message, hint) => `${message}${hint}`,

  unknownCommand: (cmd, suggestion) => `未知命令 '${cmd}'。${suggestion ? `你是不是想输入 '${suggestion}'？` : ''}`,
  seeGeneralHelp: "运行 'synack --help' 查看命令列表。",
  unknownOption: (opt, suggestion) => `未知选项 '${opt}'。${suggestion ? `你是不是想输入 '${suggestion}'？` : ''}`,
  missingValue: (opt, value) => `${opt} 需要一个值（${opt} ${value}）。`,
  noValue: (opt) => `${opt} 不接受值。`,
  missingArgs: (args) => `缺少参数：${args}。`,
  extraArgs: (extra) => `多余的参数：${extra.map((a) => `'${a}'`).join(' ')}。`,
  badInteger: (opt, v, min, max) => `${opt} 必须是 ${min} 到 ${max} 之间的整数，而不是 '${v}'。`,
  badChoice: (opt, v, choices) => `${opt} 必须是 ${choices.join('、')} 之一，而不是 '${v}'。`,
  conflict: (a, b) => `${a} 和 ${b} 不能同时使用。`,
  didYouMean: (s) => `你是不是想输入 '${s}'？`,
  tooLong: (what, length, max) => `${what} 有 ${length} 个字符；最多只能有 ${max} 个。`,
  seeHelp: (cmd) => `运行 'synack help ${cmd}' 查看帮助。`,
  prefix: (cmd) => (cmd ? `synack ${cmd}：` : 'synack：'),
  internal: (msg) => `内部错误：${msg}`,
  outputFailed: (why) => `无法写出输出：${why}`,
  debugHint: '（设置 SYNACK_DEBUG=1 可查看详情）',

  cannotRead: (file, why) => `无法读取 ${file}：${why}`,
  unknownScenario: (name, guess) => `未知场景 '${name}'。${guess ? `你是不是想输入 '${guess}'？` : ''}内置场景有：`,
  stdinName: '<stdin>',
  noSuchFile: '没有这个文件',
  scenariosHeader: '内置 TCP 场景（用 `synack trace NAME` 运行）：',
  traceEnd: (t) => `运行在 ${t} 结束`,
  traceTruncated: '（达到模拟上限而停止；跟踪记录被截断）',
  trace: {
    header: (scenario, profile, hosts) => `场景 ${scenario}（配置 ${profile}）：${hosts.join('，')}`,
    host: (name, addr, isn) => `${name} ${addr}${isn !== null ? ` ISN ${isn}` : ''}`,
    dropped: (reason) => `丢弃（${reason ?? '丢失'}）`,
    arrives: (t) => `${t} 到达`,
    retransmission: ' [重传]',
    state: (host, from, to, cause) => `${host}：${from} -> ${to}（${cause}）`,
    timer: (host, timer, action, expires) => `${host}：定时器 ${timer} ${action}${expires !== null ? `（${expires} 到期）` : ''}`,
    app: (host, call, bytes, error) => `${host}：应用 ${call}${bytes !== undefined ? ` ${bytes}` : ''}${error ? ` -> 错误：${error}` : ''}`,
    flood: (count, to, until, queued, cookies, dropped) =>
      `洪泛：${count} 个伪造 SYN -> ${to}，直到 ${until}（入队 ${queued}，Cookie ${cookies}，丢弃 ${dropped}）`,
    queue: (host, syn, synMax, acc, accMax) => `${host}：半连接队列 ${syn}/${synMax}，全连接队列 ${acc}/${accMax}`,
    arrival: (segment, host, dropReason) => `#${segment} 到达 ${host}${dropReason !== undefined ? `：丢弃（${dropReason}）` : ''}`,
  },
  quizNeedsTty: '交互模式需要终端；用 --print 输出练习卷。',
  countCapped: (asked, got) => `--count ${asked}：只有 ${got} 道题符合这些选项；练习卷共 ${got} 道题。`,
  checkedFiles: (n) => `检查了 ${n} 个文件：`,
  watching: (what) => `正在监视 ${what}（Ctrl+C 停止）。`,
  watchChanged: (file) => `\n${file} 有改动：重新检查。`,
  watchPrintAgain: (id) => `\n${id} 有改动：重新打印。`,
  watchLessonGone: (id) => `课程 '${id}' 不见了或已损坏；等待下一次改动。`,
  watchNeedsLesson: '--watch 需要指定课程：synack learn LESSON-ID --watch（每次保存后重新加载课程）。',
  lessonNotFound: (id, known) => `没有课程 '${id}'。` + (known.length ? `现有课程：${known.join(', ')}。` : '一个课程也没有找到。'),
  badMetric: (name, suggestion, choices) =>
    `--metric：未知的曲线 '${name}'。${suggestion ? `你是不是想输入 '${suggestion}'？` : ''}可用：${choices.join('、')}，或 all。`,
  unknownHost: (name, suggestion, hosts) =>
    `--host：这次运行中没有主机 '${name}'。${suggestion ? `你是不是想输入 '${suggestion}'？` : ''}主机有：${hosts.join('、')}。`,
  plotNoCc: (label) => `${label}：这次运行中没有拥塞控制状态（连接建立并发送数据之后才有）。`,
  plotNoCcHost: (label, host) => `${label}：这次运行中 ${host} 没有拥塞控制状态。`,
};

export const COMMANDS = catalogue('cli.COMMANDS', { en: COMMANDS_EN, 'zh-CN': COMMANDS_ZH });
export const HOME = catalogue('cli.HOME', { en: HOME_EN, 'zh-CN': HOME_ZH });
export const HELP_OPTION = catalogue('cli.HELP_OPTION', { en: HELP_OPTION_EN, 'zh-CN': HELP_OPTION_ZH });
export const CLI = catalogue('cli.CLI', { en: CLI_EN, 'zh-CN': CLI_ZH });

// `synack progress` (src/cli/progress.ts): its messages, en + zh-CN (issue 13).
const PROGRESS_CMD_EN = {
  where: (f: string) => `Progress file: ${f}`,
  summary: (lessons: number, done: number, cards: number, answers: number) =>
    `Lessons opened: ${lessons}, done: ${done}. Review cards: ${cards}. Answers recorded: ${answers}.`,
  none: 'No progress saved yet.',
  lessonDone: 'done',
  exported: (f: string) => `Exported progress to ${f}.`,
  badImport: (f: string, reason: string) => `${f}: cannot import: ${reason}`,
  cannotWrite: (f: string, reason: string) => `cannot write ${f}: ${reason}`,
  cannotKeepAside: (f: string, reason: string) => `cannot reset: cannot move ${f} aside: ${reason}`,
  confirm: 'Reset all progress? The current file is kept aside. Type "yes" to confirm: ',
  notConfirmed: 'Not reset.',
  needTty: 'Refusing to reset without confirmation: run it in a terminal, or add --yes.',
  reset: (aside: string) => `Progress reset. The old file was kept as ${aside}.`,
  nothingToReset: 'Nothing to reset: no progress saved yet.',
};


const PROGRESS_CMD_ZH: Translation<typeof PROGRESS_CMD_EN> = {
  where: (f) => `进度文件：${f}`,
  summary: (lessons, done, cards, answers) => `打开过 ${lessons} 门课程，完成 ${done} 门。复习卡片 ${cards} 张。已记录 ${answers} 条作答。`,
  none: '还没有保存任何进度。',
  lessonDone: '已完成',
  exported: (f) => `已把进度导出到 ${f}。`,
  badImport: (f, reason) => `${f}：无法导入：${reason}`,
  cannotWrite: (f, reason) => `无法写入 ${f}：${reason}`,
  cannotKeepAside: (f, reason) => `无法重置：无法把 ${f} 移到一旁：${reason}`,
  confirm: '重置全部进度？当前文件会被保留在一旁。输入 "yes" 确认：',
  notConfirmed: '没有重置。',
  needTty: '没有确认，拒绝重置：请在终端中运行，或者加上 --yes。',
  reset: (aside) => `进度已重置。旧文件已保留为 ${aside}。`,
  nothingToReset: '无需重置：还没有保存任何进度。',
};

export const PROGRESS_CMD = catalogue('cli.PROGRESS_CMD', { en: PROGRESS_CMD_EN, 'zh-CN': PROGRESS_CMD_ZH });

// `synack learn` usage errors (src/cli/app.ts) that name what is missing or in conflict (issue 13).
const LEARN_ARGS_EN = {
  lessonWithPlain: 'LESSON-ID (with --plain)',
  interactiveReader: 'the interactive reader (use it with --plain)',
};
const LEARN_ARGS_ZH: Translation<typeof LEARN_ARGS_EN> = {
  lessonWithPlain: 'LESSON-ID（与 --plain 一起使用时）',
  interactiveReader: '交互式阅读器（请与 --plain 一起使用）',
};
export const LEARN_ARGS = catalogue('cli.LEARN_ARGS', { en: LEARN_ARGS_EN, 'zh-CN': LEARN_ARGS_ZH });
