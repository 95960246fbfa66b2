import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** Renders an element on the server, as Next does, into a detached element for DOM queries. */
export function renderMarkup(element: ReactElement): HTMLElement {
  const container = document.createElement("div");
  container.innerHTML = renderToStaticMarkup(element);

  return container;
}

/** Returns the trimmed text of each cell in the table row. */
export function cellTexts(row: Element): string[] {
  return [...row.querySelectorAll("th, td")].map((cell) => cell.textContent.trim());
}
