import { runCommand } from './run-command';
import { LocalKafkaError } from './errors';

const MINIMUM_JAVA = 17;

/** Reads the major version from `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8, `"21"` → 21. */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export async function assertJavaAvailable(): Promise<void> {
  const problem = await findJavaProblem();
  if (problem) {
    throw new LocalKafkaError(
      `Java ${MINIMUM_JAVA}+ is needed to run the local Kafka broker (${problem}). ` +
        'Install a JDK, or point KAFKA_BROKERS at an existing cluster, or use `docker compose up kafka`.',
    );
  }
}

async function findJavaProblem(): Promise<string | undefined> {
  const result = await runCommand('java', ['-version']);
  if (result.missing) return 'java not found on PATH';
  const version = parseJavaMajorVersion(result.output);
  if (version === undefined) return 'could not read the version from `java -version`';
  return version < MINIMUM_JAVA ? `found Java ${version}` : undefined;
}
