export function SimulatedBanner() {
  return (
    <p role="status" data-testid="simulated-banner" className="bg-amber-100 px-4 py-2 text-sm text-amber-900 dark:bg-amber-900 dark:text-amber-100">
      Simulated data: this dashboard is fed by the built-in GBFS simulator, not a live bike-share system.
    </p>
  );
}
