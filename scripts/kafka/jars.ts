import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportProgress } from '../../lib/runtime/progress';
import { LocalKafkaError } from './errors';
import { lastLines, runCommand } from './run-command';

const POM = fileURLToPath(new URL('./pom.xml', import.meta.url));
/** Written last into a fetched cache: the hash of the pom it was fetched with, minus comments. */
const STAMP = '.pom-sha256';

/**
 * Makes sure `libDir` holds the Kafka jars listed in pom.xml, fetching them with Maven when it does
 * not. A folder of jars without a stamp was put there by hand and is used as it is.
 */
export async function ensureKafkaJars(libDir: string, log: (line: string) => void): Promise<void> {
  const pomHash = hashDependencies(await readFile(POM, 'utf8'));
  const files = await readdir(libDir).catch(() => [] as string[]);
  const stamp = files.includes(STAMP) ? (await readFile(join(libDir, STAMP), 'utf8')).trim() : undefined;
  const hasKafka = files.some((file) => /^kafka_2\.13-.*\.jar$/.test(file));
  if (hasKafka && (stamp === undefined || stamp === pomHash)) return;

  log('Fetching Apache Kafka jars from Maven Central (first run only)…');
  const started = Date.now();
  const parent = dirname(libDir);
  const prefix = `${basename(libDir)}.partial-`;
  await mkdir(parent, { recursive: true });
  for (const leftover of (await readdir(parent)).filter((name) => name.startsWith(prefix))) {
    await rm(join(parent, leftover), { recursive: true, force: true });
  }
  const partial = await mkdtemp(join(parent, prefix));
  // Maven prints nothing with -q and copies every jar only at the end: time is the only progress to show.
  const stopProgress = reportProgress((seconds) => log(`still fetching the Kafka jars… ${seconds} s`));
  try {
    const result = await runCommand('mvn', [
      '-q',
      '-B',
      '-Dstyle.color=never',
      'dependency:copy-dependencies',
      `-DoutputDirectory=${partial}`,
      '-DincludeScope=runtime',
      '-f',
      POM,
    ]);
    if (result.missing) {
      throw new LocalKafkaError(
        'Maven (mvn) is needed once to fetch the Kafka jars (mvn not found on PATH). ' +
          'Install Maven, or use `docker compose up kafka`, or point KAFKA_BROKERS at an existing cluster.',
      );
    }
    if (result.code !== 0) {
      throw new LocalKafkaError(
        `Maven could not fetch the Kafka jars (exit code ${result.code}):\n${lastLines(result.output, 15)}`,
      );
    }
    await writeFile(join(partial, STAMP), `${pomHash}\n`);
    await rm(libDir, { recursive: true, force: true });
    await rename(partial, libDir);
  } finally {
    stopProgress();
    await rm(partial, { recursive: true, force: true });
  }
  log(`Fetched the Kafka jars into ${libDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function hashDependencies(pom: string): string {
  const content = pom.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ');
  return createHash('sha256').update(content).digest('hex');
}
