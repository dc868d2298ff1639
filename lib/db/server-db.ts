// A client component that imports this (and with it the pool and its credentials) fails the build.
import 'server-only';

export { getDb } from './web-db';
