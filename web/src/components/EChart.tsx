// The one thin ECharts wrapper: creates the chart once per element, applies each new option with
// setOption, resizes with its container and disposes on unmount. All data wrangling happens in
// the pure option builders; this component only draws. The chart is hidden from assistive
// technology's tab order and described by ECharts' ARIA label; the table beside it has the data.
// Printing: ECharts draws in pixels for the screen's width, which an A4 page cuts off, and the
// browser lays the page out for paper only after `beforeprint`. So on `beforeprint` the chart is
// redrawn at the printable width (its axis labels laid out for that width, not shrunk) and given
// a viewBox, so the print stylesheet can scale it down further if the page is narrower still;
// `afterprint` redraws it for the screen.
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../lib/chart-types';
import { echarts } from '../lib/echarts';
import { A4_PRINTABLE_WIDTH_PX } from '../lib/print';

type Chart = ReturnType<typeof echarts.init>;

/** Redraws the chart no wider than the printable width, keeping its height, and lets CSS scale it from there. */
export function fitForPrint(instance: Chart, element: HTMLElement) {
  const width = Math.min(element.clientWidth || A4_PRINTABLE_WIDTH_PX, A4_PRINTABLE_WIDTH_PX);
  const height = element.clientHeight || instance.getHeight();
  instance.resize({ width, height });
  element.querySelector('svg')?.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

export function EChart({ option, className = 'app-chart', height }: { option: ChartOption; className?: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    const element = ref.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg', locale: 'EN' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    const beforePrint = () => fitForPrint(instance, element);
    // 'auto' lets go of the width and height fitForPrint set, which ECharts otherwise keeps.
    const afterPrint = () => instance.resize({ width: 'auto', height: 'auto' });
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      observer?.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    if (height !== undefined) {
      ref.current!.style.height = `${height}px`;
      chart.current?.resize();
    }
  }, [height]);

  return <div ref={ref} className={className} />;
}
