const signed = (delta: number) => (delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`);

/** The words of changes drawn on the map, in English; map-changes-nb.ts has the same keys. */
export const mapChangesEn = {
  /** A change's mark: "Jernbanetorget: +2 bikes (riders)". */
  mark: (name: string, delta: number, cause: string | null) => `${name}: ${signed(delta)} ${Math.abs(delta) === 1 ? 'bike' : 'bikes'}${cause ? ` (${cause})` : ''}`,
  docksMark: (name: string, delta: number) => `${name}: ${signed(delta)} ${Math.abs(delta) === 1 ? 'dock' : 'docks'}`,
  layerToggle: (minutes: number) => `Changes, last ${minutes} min`,
  showOnMap: (name: string) => `Show ${name} on the map`,
};

export type MapChangeMessages = typeof mapChangesEn;
