import { describe, expect, it } from 'vitest';
import { parseAlertsFile } from './alerts-file';

const good = { id: 'jbt-empty', system: 'oslobysykkel', stations: ['551'], when: 'empty', url: 'https://hooks.example.com/bike', secret: 'a-long-enough-secret' };
const parse = (value: unknown) => parseAlertsFile('alerts.json', JSON.stringify(value));

describe('ALERTS_FILE', () => {
  it('reads the issue\'s example and a threshold alert', () => {
    const result = parse([good, { ...good, id: 'low', when: 'bikes_below', threshold: 2 }]);
    expect(result).toEqual({ ok: true, alerts: [good, { ...good, id: 'low', when: 'bikes_below', threshold: 2 }] });
  });

  it('names the file, the alert and the field in one line', () => {
    expect(parse([good, { ...good, id: 'low', when: 'bikes_below' }])).toEqual({ ok: false, reason: 'alerts.json alert "low" (#2) field threshold: is required when "when" is bikes_below' });
    expect(parse([{ ...good, when: 'sometimes' }])).toEqual({ ok: false, reason: 'alerts.json alert "jbt-empty" (#1) field when: must be one of empty, full, bikes_below, docks_below, not_reporting' });
    expect(parse([{ ...good, url: 'ftp://x.example/' }])).toMatchObject({ ok: false, reason: 'alerts.json alert "jbt-empty" (#1) field url: must be an http(s) URL' });
    expect(parse([{ ...good, url: 'https://user:pw@x.example/' }])).toMatchObject({ ok: false, reason: expect.stringMatching(/field url: must not carry a user name/) });
    expect(parse([{ ...good, secret: 'short' }])).toMatchObject({ ok: false, reason: expect.stringMatching(/field secret: must be at least 16/) });
    expect(parse([{ ...good, stations: ['a\nb'] }])).toMatchObject({ ok: false, reason: expect.stringMatching(/field stations\.0: 1 to 200/) });
    expect(parse([good, good])).toMatchObject({ ok: false, reason: 'alerts.json alert "jbt-empty" (#2) field id: "jbt-empty" is used by an earlier alert' });
    expect(parse([{ ...good, extra: 1 }])).toMatchObject({ ok: false, reason: expect.stringMatching(/alert "jbt-empty" \(#1\).*extra/) });
    expect(parse({ alerts: [] })).toEqual({ ok: false, reason: 'alerts.json: must be a JSON list of alerts' });
    expect(parseAlertsFile('alerts.json', '[{')).toMatchObject({ ok: false, reason: expect.stringMatching(/^alerts\.json is not JSON/) });
  });
});
