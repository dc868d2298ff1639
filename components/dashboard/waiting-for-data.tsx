import { RefreshEvery } from './refresh-every';

/** Before any system has reported: say what is happening, and look again until data arrives. */
export function WaitingForData() {
  return (
    <main className="mx-auto max-w-xl p-6" data-testid="no-data">
      <h1 className="text-2xl font-semibold">Waiting for the first report</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        No bike-share system has reported yet. As soon as the feed&apos;s first station statuses reach the database, the live map appears here by
        itself.
      </p>
      <p className="mt-3 text-sm text-slate-500">Checking again every 10 seconds.</p>
      <RefreshEvery seconds={10} />
    </main>
  );
}
