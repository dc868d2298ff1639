import Link from 'next/link';
import { useI18n } from '@/components/i18n/locale-provider';
import type { SchemaProblem } from '@/lib/feed-health/problem-schema';
import { stationHref } from '@/lib/http/routes';

/** A feed's schema problems, one row per kind, with how often it occurs and a station that shows it. */
export function FeedProblemTable({ systemId, problems }: { systemId: string; problems: SchemaProblem[] }) {
  const { t } = useI18n();
  const columns = t.systems.columns;
  return (
    <div className="overflow-x-auto">
      <table data-testid="feed-problems" className="w-full border-collapse text-sm">
        <caption className="sr-only">{t.systems.problemsCaption}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="px-2 py-1 font-semibold">{columns.file}</th>
            <th scope="col" className="px-2 py-1 font-semibold">{columns.where}</th>
            <th scope="col" className="px-2 py-1 font-semibold">{columns.problem}</th>
            <th scope="col" className="px-2 py-1 text-right font-semibold">{columns.count}</th>
            <th scope="col" className="px-2 py-1 font-semibold">{columns.example}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem) => (
            <tr key={`${problem.feed} ${problem.pointer} ${problem.message}`} data-testid="feed-problem" className="border-t border-slate-200 align-top dark:border-slate-800">
              <td className="px-2 py-1 whitespace-nowrap">{problem.feed}</td>
              <td className="px-2 py-1 font-mono text-xs break-all">{problem.pointer || t.systems.wholeFile}</td>
              <td className="px-2 py-1">{problem.message}</td>
              <td data-testid="feed-problem-count" className="px-2 py-1 text-right tabular-nums">{problem.count}</td>
              <td className="px-2 py-1">
                {problem.exampleStationId === null ? '–' : (
                  <Link href={stationHref(systemId, problem.exampleStationId)} prefetch={false} className="underline underline-offset-2">
                    {problem.exampleStationId}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
