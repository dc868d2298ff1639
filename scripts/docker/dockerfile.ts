import path from 'node:path';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string | null;
  /** An image reference, or the name of an earlier stage. */
  base: string;
  line: number;
  instructions: Instruction[];
}

export interface Copy {
  /** The stage (or image) given with --from=, else null: a copy from the build context. */
  from: string | null;
  sources: string[];
  destination: string;
  line: number;
}

/** Splits a Dockerfile into stages of instructions, joining `\` continuations and dropping comments. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const start = index + 1;
    let logical = lines[index]!.trim();
    if (logical === '' || logical.startsWith('#')) continue;
    while (logical.endsWith('\\') && index + 1 < lines.length) {
      logical = logical.slice(0, -1);
      const next = lines[++index]!.trim();
      if (!next.startsWith('#')) logical += ` ${next}`;
    }
    const [keyword = '', ...rest] = logical.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' '), line: start };
    if (instruction.keyword === 'FROM') {
      const words = rest.filter((word) => !word.startsWith('--'));
      const as = words.findIndex((word) => word.toLowerCase() === 'as');
      stages.push({ name: as === -1 ? null : (words[as + 1] ?? null), base: words[0] ?? '', line: start, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`line ${start}: ${instruction.keyword} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/** Exec form (a JSON array) or shell form, as Docker reads COPY, CMD and RUN arguments. */
function words(args: string): string[] {
  if (args.startsWith('[')) return (JSON.parse(args) as unknown[]).map(String);
  return args.split(/\s+/).filter(Boolean);
}

export function copies(stage: Stage): Copy[] {
  return stage.instructions
    .filter((instruction) => instruction.keyword === 'COPY' || instruction.keyword === 'ADD')
    .map((instruction) => {
      const flags = instruction.args.match(/^(--\S+\s+)*/)![0];
      const from = /--from=(\S+)/.exec(flags)?.[1] ?? null;
      const paths = words(instruction.args.slice(flags.length));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '', line: instruction.line };
    });
}

/** The stage, then the stage it is built FROM, and so on up to an image. */
export function lineage(stages: Stage[], stage: Stage): Stage[] {
  const parent = stages.find((candidate) => candidate.name !== null && candidate.name === stage.base);
  return parent ? [stage, ...lineage(stages, parent)] : [stage];
}

/** The working directory a stage's instructions run in, inheriting its ancestors' WORKDIR. */
export function workdir(stages: Stage[], stage: Stage): string {
  const dirs = lineage(stages, stage)
    .reverse()
    .flatMap((ancestor) => ancestor.instructions.filter((instruction) => instruction.keyword === 'WORKDIR'))
    .map((instruction) => instruction.args);
  return dirs.reduce((current, dir) => path.posix.resolve(current, dir), '/');
}

/** The ENV a container of this stage starts with (only the `KEY=value` form this repository uses). */
export function environment(stages: Stage[], stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ancestor of lineage(stages, stage).reverse()) {
    for (const instruction of ancestor.instructions.filter((candidate) => candidate.keyword === 'ENV')) {
      for (const pair of words(instruction.args)) {
        const [key, ...value] = pair.split('=');
        if (key) env[key] = value.join('=');
      }
    }
  }
  return env;
}

/** The stage's own or inherited CMD, in exec form. */
export function command(stages: Stage[], stage: Stage): string[] {
  for (const ancestor of lineage(stages, stage)) {
    const cmd = ancestor.instructions.findLast((instruction) => instruction.keyword === 'CMD');
    if (cmd) return cmd.args.startsWith('[') ? words(cmd.args) : ['/bin/sh', '-c', cmd.args];
  }
  return [];
}

export function args(stage: Stage): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === 'ARG').map((instruction) => instruction.args.split('=')[0]!);
}

export function runs(stage: Stage): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args);
}
