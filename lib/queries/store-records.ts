import type { FeedProblem } from '../feed-health/problem-schema';

// What the store writes, in its own terms: whatever carried a record here (Kafka today, see
// lib/kafka/messages.ts) must be mapped to these, so the database layer never depends on a wire format.

export interface SystemRecord {
  systemId: string;
  name: string;
  timezone: string;
  language: string | null;
  operator: string | null;
  licenseUrl: string | null;
  feedUrl: string;
  ttlSeconds: number;
  simulated: boolean;
  statusUpdatedAt: Date | null;
  polledAt: Date;
  gbfsVersion?: string | null;
  feedProblems?: FeedProblem[];
}

export interface StationRecord {
  systemId: string;
  stationId: string;
  name: string;
  address: string | null;
  lat: number;
  lon: number;
  capacity: number | null;
  seenAt: Date;
}

export interface StatusReport {
  systemId: string;
  stationId: string;
  reportedAt: Date;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
}
