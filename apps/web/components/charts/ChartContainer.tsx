"use client";

import { type RefObject, useState } from "react";

import { downloadPng, downloadSvg } from "../../lib/exportChart";

export interface ChartContainerProps {
  /** Container that the chart's SVG is mounted in, from useChartSvg. */
  containerRef: RefObject<HTMLDivElement | null>;
  /** Name of the chart in the buttons' labels and the file names, e.g. "Parity plot, La". */
  name: string;
}

/** Mounts a chart's SVG and offers buttons that download it as SVG and PNG. */
export function ChartContainer({ containerRef, name }: ChartContainerProps) {
  const [exportError, setExportError] = useState<string | null>(null);
  const chartSvg = () => containerRef.current?.querySelector("svg") ?? null;

  const exportPng = async () => {
    const svg = chartSvg();
    if (svg === null) {
      return;
    }

    try {
      setExportError(null);
      await downloadPng(svg, name);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="chart-container">
      <div ref={containerRef} className="chart" />
      <div className="chart-export screen-only">
        <button
          type="button"
          aria-label={`Download ${name} as SVG`}
          onClick={() => {
            const svg = chartSvg();
            if (svg !== null) {
              downloadSvg(svg, name);
            }
          }}
        >
          SVG
        </button>
        <button
          type="button"
          aria-label={`Download ${name} as PNG`}
          onClick={() => void exportPng()}
        >
          PNG
        </button>
        {exportError === null ? null : (
          <span role="alert" className="chart-export-error">
            PNG export failed: {exportError}
          </span>
        )}
      </div>
    </div>
  );
}
