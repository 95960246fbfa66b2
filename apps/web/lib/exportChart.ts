/*
 * Exports a chart's SVG as a standalone .svg file or as a .png image, in the browser. The SVG
 * carries its own size, font and colours, so the file looks as the chart does on the page.
 */

/** PNG pixels per SVG px, so that an exported image stays sharp on a printed page. */
const PNG_SCALE = 3;

/** Returns the SVG as a standalone document, with its XML declaration. */
export function svgDocument(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // Text that inherits currentColor on the page would otherwise have no colour in a file.
  copy.setAttribute("color", "#1b1b1b");

  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Returns a file name of lowercase words joined by hyphens, e.g. "parity-plot-la". */
export function chartFileName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "chart"
  );
}

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob when the click is handled, so the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads the SVG as `<name>.svg`. */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
  const blob = new Blob([svgDocument(svg)], { type: "image/svg+xml" });
  downloadBlob(blob, `${chartFileName(name)}.svg`);
}

/**
 * Draws the SVG on a white canvas at {@link PNG_SCALE} times its size and downloads it as
 * `<name>.png`.
 * @throws Error when the browser cannot draw the SVG or encode the PNG.
 */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const width = Number(svg.getAttribute("width")) || svg.clientWidth;
  const height = Number(svg.getAttribute("height")) || svg.clientHeight;
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svgDocument(svg)], { type: "image/svg+xml" }));
  try {
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * PNG_SCALE);
    canvas.height = Math.round(height * PNG_SCALE);
    const context = canvas.getContext("2d");
    if (context === null) {
      throw new Error("this browser cannot draw on a canvas, so no PNG can be made");
    }

    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob === null) {
      throw new Error("the browser failed to encode the PNG");
    }

    downloadBlob(blob, `${chartFileName(name)}.png`);
  } finally {
    URL.revokeObjectURL(image.src);
  }
}
