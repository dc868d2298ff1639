import { spawn } from 'node:child_process';

export interface CommandResult {
  /** True when the executable is not on PATH. */
  missing: boolean;
  code: number | null;
  stdout: string;
  /** stdout and stderr interleaved, as a person would have seen them. */
  output: string;
}

/** Runs a command to completion and collects its output; never rejects. */
export function runCommand(command: string, args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ missing: error.code === 'ENOENT', code: null, stdout, output: output + error.message });
    });
    child.once('close', (code) => resolve({ missing: false, code, stdout, output }));
  });
}

/** The last lines of some output, for error messages. */
export function lastLines(output: string, count: number): string {
  return output.trimEnd().split('\n').slice(-count).join('\n');
}
