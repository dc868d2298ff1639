import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as live } from '../../app/api/live/route';
import { readComposeFile, oneShotServices } from './compose-file';
import { composeValidator } from './compose-schema';
import { args, command, copies, environment, lineage, parseDockerfile, runs, workdir } from './dockerfile';
import { dockerIgnores } from './dockerignore';

// No Docker engine runs where this project is developed: these checks are what stands between a
// change to the Dockerfile or compose file and a `docker compose up` that cannot build or start.
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const stages = parseDockerfile(read('Dockerfile'));
const stageNamed = (name: string) => stages.find((stage) => stage.name === name);
const ignored = dockerIgnores(read('.dockerignore'));
const { document, services } = readComposeFile(path.join(ROOT, 'docker-compose.yml'));

/** Paths a stage makes itself rather than taking from the build context, and the command that makes each. */
const BUILT = { node_modules: 'npm ci', '.next': 'next build' } as const;

describe('Dockerfile', () => {
  it('copies only files that exist in the repository and reach the build context', () => {
    const problems = stages.flatMap((stage) =>
      copies(stage)
        .filter((copy) => copy.from === null)
        .flatMap((copy) => copy.sources)
        .filter((source) => !existsSync(path.join(ROOT, source)) || (source !== '.' && ignored(source))),
    );
    expect(problems).toEqual([]);
  });

  it('copies from earlier stages only what they have: the build context, or what their own npm ci / next build made', () => {
    const problems = stages.flatMap((stage) =>
      copies(stage)
        .filter((copy) => copy.from !== null)
        .flatMap((copy) => {
          const source = stages.slice(0, stages.indexOf(stage)).find((candidate) => candidate.name === copy.from);
          if (!source) return [`line ${copy.line}: no earlier stage "${copy.from}"`];
          const commands = lineage(stages, source).flatMap(runs).join('\n');
          return copy.sources
            .map((from) => path.posix.relative(workdir(stages, source), from))
            .filter((relative) => {
              const top = relative.split('/')[0] as keyof typeof BUILT;
              return top in BUILT ? !commands.includes(BUILT[top]) : !existsSync(path.join(ROOT, relative)) || ignored(relative);
            })
            .map((relative) => `line ${copy.line}: ${copy.from} has no ${relative}`);
        }),
    );
    expect(problems).toEqual([]);
  });

  it('builds every image on Node 24 LTS', () => {
    const images = stages.map((stage) => stage.base).filter((base) => !stageNamed(base));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:24[.-]/);
  });

  it('runs the web through server/index.ts (rate limits, CSP nonces, security headers), with the Next.js build beside it', () => {
    const web = stageNamed('web');
    if (!web) throw new Error('no web stage');
    expect(command(stages, web)).toEqual(['node', '--import', 'tsx', 'server/index.ts']);
    const built = lineage(stages, web).some((stage) => runs(stage).some((run) => run.includes('next build')));
    const copiedBuild = copies(web).some((copy) => copy.sources.some((source) => source.endsWith('/.next')));
    expect(built || copiedBuild).toBe(true);
    expect(environment(stages, web)).toMatchObject({ WEB_HOST: '0.0.0.0', PORT: '3000', NODE_ENV: 'production' });
  });

  it('keeps local .env files out of the build context, and the source in', () => {
    for (const secret of ['.env', '.env.local', '.env.production', '.env.development.local']) expect(ignored(secret)).toBe(true);
    for (const source of ['app/page.tsx', 'public/manifest.webmanifest', 'server/index.ts', 'package-lock.json']) expect(ignored(source)).toBe(false);
  });
});

describe('docker-compose.yml', () => {
  it('is valid under the Compose Specification JSON Schema, which catches a misspelt key', () => {
    const validate = composeValidator();
    expect(validate(document)).toEqual([]);
    const misspelt = structuredClone(document) as { services: { web: { healthcheck: Record<string, unknown> } } };
    misspelt.services.web.healthcheck.start_perod = '60s';
    expect(validate(misspelt).map((error) => error.params)).toContainEqual({ additionalProperty: 'start_perod' });
  });

  it('builds only targets the Dockerfile has', () => {
    const targets = Object.values(services).flatMap((service) => (service.build ? [service.build.target] : []));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(stageNamed(target), target).toBeDefined();
  });

  it('gives every long-running service a health check with a start-up grace period', () => {
    const oneShot = oneShotServices(services);
    const missing = Object.entries(services)
      .filter(([name, service]) => !oneShot.has(name) && service.healthcheck?.start_period === undefined)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('checks the web through the liveness route, which answers without the feed, the database or Kafka', async () => {
    expect(services.web?.healthcheck?.test.join(' ') ?? 'no health check').toContain('/api/live');
    expect(read('app/api/live/route.ts')).not.toMatch(/^import /m);
    const response = live();
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ status: 'live' });
  });

  it('keeps Kafka data on the volume, where the broker writes it', () => {
    const kafka = services.kafka;
    const mount = kafka?.volumes?.map((volume) => volume.split(':')).find(([source]) => source === 'kafka-data');
    expect(mount?.[1]).toBeDefined();
    expect(kafka?.environment?.KAFKA_LOG_DIRS).toBe(mount?.[1]);
  });

  it('advertises a listener that programs on the host reach through a published port', () => {
    const kafka = services.kafka;
    const advertised = String(kafka?.environment?.KAFKA_ADVERTISED_LISTENERS).split(',');
    const host = advertised.map((listener) => /^(\w+):\/\/(127\.0\.0\.1|localhost):(\d+)$/.exec(listener)).find(Boolean);
    if (!host) throw new Error(`no listener for the host among ${advertised.join(', ')}`);
    const [, name, , port] = host;
    expect(kafka?.ports?.some((mapping) => mapping.endsWith(`:${port}:${port}`))).toBe(true);
    expect(String(kafka?.environment?.KAFKA_LISTENERS)).toContain(`${name}://:${port}`);
    expect(String(kafka?.environment?.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP)).toContain(`${name}:PLAINTEXT`);
  });

  it('passes the topic replication setting to the workers that create topics', () => {
    for (const name of ['producer', 'consumer']) expect(services[name]?.environment, name).toHaveProperty('KAFKA_TOPIC_REPLICATION');
  });

  it('passes every tile setting the map reads to the web build as a build argument', () => {
    const settings = [...read('components/map/tile-config.ts').matchAll(/process\.env\.(NEXT_PUBLIC_\w+)/g)].map((match) => match[1]);
    expect(settings.length).toBeGreaterThan(0);
    const build = stageNamed('build');
    for (const setting of settings) {
      expect(Object.keys(services.web?.build?.args ?? {}), setting).toContain(setting);
      expect(build && args(build), setting).toContain(setting);
    }
  });
});

describe('public/', () => {
  it('serves every icon the web manifest names', () => {
    const manifest = z.object({ icons: z.array(z.object({ src: z.string() })).min(1) }).parse(JSON.parse(read('public/manifest.webmanifest')));
    // Next.js serves public/ at the root, and app/icon.svg as /icon.svg.
    for (const { src } of manifest.icons) expect(existsSync(path.join(ROOT, 'public', src)) || existsSync(path.join(ROOT, 'app', src)), src).toBe(true);
  });
});
