import Link from "next/link";
import { pageClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { PERIODS, type InsightReport } from "@/lib/insights/report";
import { InsightsChart } from "./insights-chart";
import { StaffToolbar } from "./staff-toolbar";

const cell = "border-b border-line px-3 py-2 text-left align-top";
const number = "border-b border-line px-3 py-2 text-right align-top tabular-nums";

/* /staff/insights: counts only, per UTC day; the period is chosen by links, so it works without JavaScript. */
export function InsightsView({ report }: { report: InsightReport }) {
  const { days } = report;
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Insights</h1>
      <p className="mt-2 max-w-prose">
        How often each page was opened, which other sites visitors came from, and which page a
        consultation request was sent after. Counted without cookies; visitors who ask not to be
        tracked (Global Privacy Control, Do Not Track) and known bots are not counted. Days are UTC
        days.
      </p>
      <nav aria-label="Period" className="mt-4">
        <ul className="flex flex-wrap gap-3">
          {PERIODS.map((period) => (
            <li key={period}>
              <Link
                href={`/staff/insights?days=${period}`}
                aria-current={period === days ? "page" : undefined}
                className={`${secondaryButtonClass} ${period === days ? "border-2 border-ink" : ""}`}
              >
                Last {period} days
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="mt-8 text-2xl font-semibold">Views per day, last {days} days</h2>
      <InsightsChart perDay={report.perDay} />
      <CountTable
        caption="Views per page"
        head={["Page", "Views"]}
        rows={report.pages}
        empty="No views counted in this period."
      />
      <CountTable
        caption="Visits from other sites"
        head={["Site", "Visits"]}
        rows={report.referrers}
        empty="No visits from other sites in this period."
      />
      <CountTable
        caption="Requests sent after opening the form from a page"
        head={["Page", "Requests"]}
        rows={report.requestPages}
        empty="No consultation requests counted in this period."
      />
      <details className="mt-8">
        <summary className="cursor-pointer font-semibold">Views per day (table)</summary>
        <CountTable
          caption="Views per day"
          head={["Day", "Views"]}
          rows={report.perDay.map((d) => ({ key: d.day, count: d.views }))}
          empty=""
        />
        <CountTable
          caption="Views per page per day"
          head={["Day and page", "Views"]}
          rows={report.pageDays.map((d) => ({ key: `${d.day} ${d.key}`, count: d.count }))}
          empty="No views counted in this period."
        />
      </details>
      <p className="mt-8">
        <a
          href={`/staff/insights.csv?days=${days}`}
          download
          className={`${secondaryButtonClass} no-underline`}
        >
          Download the last {days} days as CSV
        </a>
      </p>
    </div>
  );
}

function CountTable(props: {
  caption: string;
  head: [string, string];
  rows: readonly { key: string; count: number }[];
  empty: string;
}) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-semibold">{props.caption}</h2>
      {props.rows.length === 0 ? (
        <p className="mt-2">{props.empty}</p>
      ) : (
        <div role="region" aria-label={props.caption} tabIndex={0} className="overflow-x-auto">
          <table className="mt-2 w-full max-w-2xl border-collapse">
            <caption className="sr-only">{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  {props.head[0]}
                </th>
                <th scope="col" className={number}>
                  {props.head[1]}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className={`${cell} font-normal wrap-anywhere`}>
                    {row.key}
                  </th>
                  <td className={number}>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
