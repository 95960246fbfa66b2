import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach } from "vitest";

// Tells React that this environment wraps updates in act(), as testing libraries do.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { container: HTMLElement; root: Root }[] = [];

afterEach(() => {
  for (const { container, root } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
});

/** Renders an element into a container in the document, as the browser does, and runs effects. */
export async function mountElement(element: ReactElement): Promise<HTMLElement> {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ container, root });
  await act(async () => root.render(element));

  return container;
}

/** Types `value` into an input or text area the way React notices: through the native setter. */
export async function typeInto(
  field: HTMLInputElement | HTMLTextAreaElement,
  value: string,
): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set;
  await act(async () => {
    setter?.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Clicks an element inside act(), so that React's updates finish before the next check. */
export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) {
    throw new Error(`nothing to click: ${String(element)}`);
  }

  await act(async () => element.click());
}

/**
 * Returns the input or text area whose label reads exactly `text`, spaces trimmed. A radio
 * button's label is its name without the description under it.
 */
export function inputByLabel(container: HTMLElement, text: string): HTMLInputElement {
  const label = [...container.querySelectorAll("label")].find(
    (candidate) =>
      (candidate.querySelector(".choice-label") ?? candidate).textContent.trim() === text,
  );
  const input =
    label?.htmlFor === undefined || label.htmlFor === ""
      ? label?.querySelector("input")
      : document.getElementById(label.htmlFor);
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) {
    throw new Error(`no input labelled "${text}"`);
  }

  return input as HTMLInputElement;
}
