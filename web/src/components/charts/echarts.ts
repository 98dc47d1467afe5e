// ECharts with only what Lifeline's charts use (tree-shaken): scatter, bar and line (reports,
// the dispatch map's routes) and custom series (the day plan's Gantt bars) on a cartesian grid
// with tooltip and legend, canvas renderer. Add a chart type here when a screen needs it.
import { use, init, type ComposeOption } from 'echarts/core'
import {
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
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

use([ScatterChart, BarChart, LineChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export type ChartOption = ComposeOption<
  | ScatterSeriesOption
  | BarSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>
export { init }
