/** A problem the user can fix (missing Java or Maven, a broker that will not start); the message says how. */
export class LocalKafkaError extends Error {}
