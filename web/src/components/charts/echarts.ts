// ECharts with only what Lifeline's charts use (tree-shaken): scatter on a cartesian grid with
// tooltip and legend, canvas renderer. Add a chart type here when a screen needs it.
import { use, init, type ComposeOption } from 'echarts/core'
import { ScatterChart, type ScatterSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([ScatterChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export type ChartOption = ComposeOption<ScatterSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>
export { init }
