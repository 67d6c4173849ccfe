// Reads a report page's data back the way the page does: the index JSON and every view's record
// (unpacked from its gzip+base64 chunk). For tests that check what a report holds without a browser.
import { gunzipSync } from "node:zlib";
import type { ReportData, ViewData } from "../../src/reports/report-data.ts";

export function readReport(html: string): { data: ReportData; details: ViewData[] } {
  const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)![1]!) as ReportData;
  const details = [...html.matchAll(/<script type="application\/gzip\+base64" id="chunk-\d+">([A-Za-z0-9+/=]*)<\/script>/g)].flatMap(
    (m) => JSON.parse(gunzipSync(Buffer.from(m[1]!, "base64")).toString("utf8")) as ViewData[],
  );
  return { data, details };
}
