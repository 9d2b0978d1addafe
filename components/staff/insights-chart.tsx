interface Props {
  perDay: readonly { day: string; views: number }[];
}

const WIDTH = 600;
const HEIGHT = 160;

/*
 * Views per day as bars, drawn on the server: no script, no chart library.
 * The picture is named and summarised for a screen reader (title and desc),
 * and the same numbers are in the table beside it.
 */
export function InsightsChart({ perDay }: Props) {
  const top = Math.max(0, ...perDay.map((d) => d.views));
  const most = Math.max(1, top);
  const total = perDay.reduce((sum, d) => sum + d.views, 0);
  const slot = WIDTH / Math.max(1, perDay.length);
  const first = perDay[0]?.day ?? "";
  const last = perDay.at(-1)?.day ?? "";
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
      role="img"
      aria-labelledby="insights-chart-title insights-chart-desc"
      className="h-auto w-full max-w-2xl text-brand"
    >
      <title id="insights-chart-title">Page views per day</title>
      <desc id="insights-chart-desc">
        {`${total} views from ${first} to ${last}; the most on one day: ${top}. The table "Views per day" below holds each day's number.`}
      </desc>
      <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" strokeWidth="1" />
      {perDay.map((d, i) => {
        const height = (d.views / most) * (HEIGHT - 10);
        return (
          <rect
            key={d.day}
            x={i * slot + slot * 0.15}
            y={HEIGHT - height}
            width={slot * 0.7}
            height={height}
            fill="currentColor"
          />
        );
      })}
      <text x="0" y={HEIGHT + 16} fontSize="12" fill="currentColor">
        {first}
      </text>
      <text x={WIDTH} y={HEIGHT + 16} fontSize="12" textAnchor="end" fill="currentColor">
        {last}
      </text>
    </svg>
  );
}
