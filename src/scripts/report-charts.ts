/**
 * Report charts with Apache ECharts, importing only the bar and pie charts and the SVG renderer so
 * the page ships a fraction of the library. Data comes from the JSON the server put in the page.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

interface ChartData {
  units: Array<{ name: string; metRate: number; average: number }>;
  bands: Array<{ name: string; value: number }>;
}

const RED = '#a8161b';
const BAND_COLORS = ['#7d0f13', '#d9822b', '#e6c14b', '#1d6b2f'];

export function drawReportCharts() {
  const source = document.querySelector<HTMLScriptElement>('[data-chart-data]');
  if (!source) return;
  const data = JSON.parse(source.textContent ?? '{}') as ChartData;
  const charts: echarts.ECharts[] = [];
  const unitsBox = document.querySelector<HTMLElement>('[data-chart="units"]');
  if (unitsBox) {
    const chart = echarts.init(unitsBox, null, { renderer: 'svg' });
    chart.setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: data.units.map((u) => u.name) },
      series: [{ type: 'bar', data: data.units.map((u) => u.metRate), itemStyle: { color: RED }, label: { show: true, position: 'right', formatter: '{c}%' } }],
    });
    charts.push(chart);
  }
  const bandsBox = document.querySelector<HTMLElement>('[data-chart="bands"]');
  if (bandsBox) {
    const chart = echarts.init(bandsBox, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
      series: [{ type: 'pie', radius: ['32%', '55%'], avoidLabelOverlap: true, data: data.bands.map((b, i) => ({ ...b, itemStyle: { color: BAND_COLORS[i] } })), label: { formatter: '{b}\n{c} 人' } }],
    });
    charts.push(chart);
  }
  addEventListener('resize', () => charts.forEach((c) => c.resize()));
  // Print at the paper's width, not the phone's.
  addEventListener('beforeprint', () => charts.forEach((c) => c.resize()));
}
