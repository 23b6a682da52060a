// ECharts with only the parts the charts use (tree-shaken through echarts/core): line and bar
// series, the custom series that draws interval whiskers, grid, tooltip, legend, mark lines and
// areas, and ARIA (a generated description and decal patterns). SVG renders crisply when a
// board paper is printed. Only the indicator page imports this module, so ECharts is never in
// the entry chunk.
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, AriaComponent, SVGRenderer]);

export { echarts };
