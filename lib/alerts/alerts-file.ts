import { z } from 'zod';
import { parseJsonConfig, readJsonConfig } from '../runtime/json-config';

export const ALERT_CONDITIONS = ['empty', 'full', 'bikes_below', 'docks_below', 'not_reporting'] as const;
export type AlertCondition = (typeof ALERT_CONDITIONS)[number];

const id = z.string().regex(/^[\p{L}\p{N}_.:@~-]{1,200}$/u, '1 to 200 letters, digits or _ . : @ ~ -');

const alertSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/i, 'must be 1 to 100 letters, digits or _ . - (it names the alert in every webhook)'),
    system: id,
    stations: z.array(id).min(1, 'must list at least one station').max(1000, 'at most 1000 stations'),
    when: z.enum(ALERT_CONDITIONS, { error: `must be one of ${ALERT_CONDITIONS.join(', ')}` }),
    threshold: z.number().int().min(1).max(1000).optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
    secret: z.string().min(16, 'must be at least 16 characters (it signs every webhook)').max(500),
  })
  .superRefine((alert, ctx) => {
    const needsThreshold = alert.when === 'bikes_below' || alert.when === 'docks_below';
    if (needsThreshold && alert.threshold === undefined) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `is required when "when" is ${alert.when}` });
    if (!needsThreshold && alert.threshold !== undefined) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `means nothing when "when" is ${alert.when}` });
    const url = URL.canParse(alert.url) ? new URL(alert.url) : null;
    if (url && (url.username || url.password)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'must not carry a user name or password (sign with "secret" instead)' });
  });

const fileSchema = z
  .array(alertSchema, { error: 'must be a JSON list of alerts' })
  .max(1000, 'at most 1000 alerts')
  .superRefine((alerts, ctx) => {
    const seen = new Set<string>();
    alerts.forEach((alert, index) => {
      if (seen.has(alert.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${alert.id}" is used by an earlier alert` });
      seen.add(alert.id);
    });
  });

export type Alert = z.infer<typeof alertSchema>;

export type AlertsFileResult = { ok: true; alerts: Alert[] } | { ok: false; reason: string };

/** Names where a problem is: `alert "jbt-empty" (#1) field threshold`, so an operator finds it in a long file. */
function where(path: readonly PropertyKey[], json: unknown): string {
  const [index, field, ...rest] = path;
  if (typeof index !== 'number') return '';
  const entry = Array.isArray(json) ? (json[index] as { id?: unknown } | undefined) : undefined;
  const name = typeof entry?.id === 'string' && entry.id.length <= 100 ? `alert "${entry.id}" (#${index + 1})` : `alert #${index + 1}`;
  const fieldPath = [field, ...rest].filter((part) => part !== undefined).map(String).join('.');
  return fieldPath ? ` ${name} field ${fieldPath}` : ` ${name}`;
}

/** Parses an ALERTS_FILE's text; the reason is one line naming the file, the alert and the field. */
export function parseAlertsFile(file: string, text: string): AlertsFileResult {
  const result = parseJsonConfig(file, text, fileSchema, where);
  return result.ok ? { ok: true, alerts: result.data } : result;
}

export function readAlertsFile(file: string): AlertsFileResult {
  const result = readJsonConfig(file, fileSchema, where);
  return result.ok ? { ok: true, alerts: result.data } : result;
}
