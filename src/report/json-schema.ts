// The published form of the report contract: docs/report.schema.json is generated from the zod
// schema, and a test fails when the two drift apart.
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION, reportSchema } from './schema.js';

export const REPORT_SCHEMA_ID = `https://shipshape.dev/schema/report-v${REPORT_SCHEMA_VERSION}.json`;

export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportSchema, { target: 'draft-2020-12', io: 'output' }),
    $id: REPORT_SCHEMA_ID,
    title: `shipshape report, schema version ${REPORT_SCHEMA_VERSION}`,
  };
}
