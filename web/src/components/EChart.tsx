// The one thin ECharts wrapper: creates the chart once per element, applies each new option with
// setOption, resizes with its container and disposes on unmount. All data wrangling happens in
// the pure option builders; this component only draws. The chart is hidden from assistive
// technology's tab order and described by ECharts' ARIA label; the table beside it has the data.
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../lib/chart-types';
import { echarts } from '../lib/echarts';

export function EChart({ option, className = 'app-chart', height }: { option: ChartOption; className?: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = ref.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg', locale: 'EN' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    const print = () => instance.resize();
    window.addEventListener('beforeprint', print);
    return () => {
      observer?.disconnect();
      window.removeEventListener('beforeprint', print);
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
