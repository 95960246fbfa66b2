import { type DependencyList, type RefObject, useEffect, useRef } from "react";

/**
 * Mounts the SVG that `render` builds into the returned container after each render whose `deps`
 * changed, and removes it on unmount. D3 builds the SVG in the DOM, so the chart appears after
 * mount. `deps` must list every value that `render` reads, as for useEffect.
 */
export function useChartSvg(
  render: () => SVGSVGElement,
  deps: DependencyList,
): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) {
      return undefined;
    }

    const svg = render();
    container.replaceChildren(svg);

    return () => svg.remove();
    // `render` is a new function on every render, so the caller's list of what it reads decides.
  }, deps);

  return containerRef;
}
