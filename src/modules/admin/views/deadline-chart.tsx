import { formatDay } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { WeekFigures } from '../dashboard.service';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 44;
const BOTTOM = 36;
const TOP = 12;

/** A share as people read it: « 75 % » in French, « 75% » in English; « — » when nothing was due. */
export function percent(ctx: ViewContext, value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100);
  return ctx.locale === 'fr' ? `${rounded} %` : `${rounded}%`;
}

/**
 * The two deadline shares per week as bars, drawn on the server (no charting script). The SVG
 * has a title and a description; the table that follows it carries the same numbers.
 */
export function DeadlineChart({ ctx, weeks }: { ctx: ViewContext; weeks: WeekFigures[] }) {
  const { t } = ctx;
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / weeks.length;
  const bar = Math.min(40, slot / 3);
  const y = (value: number) => TOP + plotHeight * (1 - value);
  const summary = weeks.map((week) => t('admin.dash.chartWeek', { week: formatDay(week.start, ctx.locale), first: percent(ctx, week.first.share), again: percent(ctx, week.reproposals.share) })).join(' ');
  return (
    <svg class="app-admin-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-title chart-desc" width={WIDTH} height={HEIGHT}>
      <title id="chart-title">{t('admin.dash.chartTitle')}</title>
      <desc id="chart-desc">{summary}</desc>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} stroke="#8a8a8a" stroke-width="1" />
          <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill="#222">
            {percent(ctx, tick)}
          </text>
        </g>
      ))}
      {weeks.map((week, index) => {
        const x = LEFT + index * slot + (slot - 2 * bar) / 2;
        return (
          <g key={week.start}>
            {week.first.share !== null && <rect x={x} y={y(week.first.share)} width={bar} height={plotHeight * week.first.share} fill="#095797" />}
            {week.reproposals.share !== null && <rect x={x + bar} y={y(week.reproposals.share)} width={bar} height={plotHeight * week.reproposals.share} fill="#4a7c28" />}
            <text x={x + bar} y={HEIGHT - BOTTOM + 16} text-anchor="middle" font-size="11" fill="#222">
              {week.start.slice(5)}
            </text>
          </g>
        );
      })}
      <rect x={LEFT} y={HEIGHT - 14} width="10" height="10" fill="#095797" />
      <text x={LEFT + 14} y={HEIGHT - 5} font-size="11" fill="#222">
        {t('admin.dash.first')}
      </text>
      <rect x={LEFT + 300} y={HEIGHT - 14} width="10" height="10" fill="#4a7c28" />
      <text x={LEFT + 314} y={HEIGHT - 5} font-size="11" fill="#222">
        {t('admin.dash.reproposals')}
      </text>
    </svg>
  );
}
