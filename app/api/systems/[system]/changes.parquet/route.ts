import { systemChangesExportRoute } from '@/lib/http/export-routes';

export const dynamic = 'force-dynamic';

export const GET = systemChangesExportRoute('parquet');
