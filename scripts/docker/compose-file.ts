import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The parts of a compose service the repository's checks read; the JSON Schema checks the rest. */
const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), target: z.string(), args: z.record(z.string(), z.string()).optional() }).optional(),
  environment: z.record(z.string(), scalar).optional(),
  healthcheck: z.object({ test: z.array(z.string()), start_period: z.string().optional() }).optional(),
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  depends_on: z.union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))]).optional(),
});

export type ComposeService = z.infer<typeof serviceSchema>;

export function readComposeFile(file: string | URL): { document: unknown; services: Record<string, ComposeService> } {
  // `merge: true` resolves the `<<: *app-env` merge keys as Compose does.
  const document: unknown = parse(readFileSync(file, 'utf8'), { merge: true });
  const services = z.object({ services: z.record(z.string(), serviceSchema) }).parse(document).services;
  return { document, services };
}

/** Services others wait for with `service_completed_successfully`: they run once and exit. */
export function oneShotServices(services: Record<string, ComposeService>): Set<string> {
  return new Set(
    Object.values(services).flatMap(({ depends_on }) =>
      depends_on && !Array.isArray(depends_on)
        ? Object.entries(depends_on).filter(([, { condition }]) => condition === 'service_completed_successfully').map(([name]) => name)
        : [],
    ),
  );
}
