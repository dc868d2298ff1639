/**
 * Which configured feed speaks for which system id. A feed names its own system_id, so without this
 * a hostile feed could claim another configured system's id and overwrite its stations, name and
 * licence link; and a feed could move its stations to another id between polls.
 */
export function createSystemOwners() {
  const owners = new Map<string, string>();

  /** True when `feedUrl` may publish as `systemId`: the first configured feed to claim an id keeps it. */
  return function claim(feedUrl: string, systemId: string): boolean {
    const owner = owners.get(systemId);
    if (owner !== undefined) return owner === feedUrl;
    owners.set(systemId, feedUrl);
    return true;
  };
}

export type ClaimSystem = ReturnType<typeof createSystemOwners>;
