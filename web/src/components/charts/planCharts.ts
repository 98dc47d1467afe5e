// The chart types the day plan needs on top of echarts.ts: custom series (the Gantt bars) and
// lines (routes on the map). Registering twice is harmless, so this module only adds.
import { use, type ComposeOption } from 'echarts/core'
import {
  CustomChart,
  LineChart,
  ScatterChart,
  type CustomSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { ChartOption } from './echarts'

use([CustomChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export type PlanChartOption = ComposeOption<
  CustomSeriesOption | LineSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>

/** EChart.vue takes the shared option type; these series are registered above. */
export function asChartOption(option: PlanChartOption): ChartOption {
  return option as unknown as ChartOption
}
