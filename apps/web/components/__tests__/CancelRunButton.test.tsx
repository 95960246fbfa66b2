// @vitest-environment jsdom
import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it, vi } from "vitest";

import { CancelRunButton, type CancelRunButtonProps } from "../CancelRunButton";
import { click, mountElement } from "./mountElement";

async function mountButton(props: Partial<CancelRunButtonProps> = {}) {
  const onConfirm = vi.fn<() => void>();
  const container = await mountElement(
    <CancelRunButton
      runName="Evaluation of US demo"
      cancelling={false}
      error={undefined}
      onConfirm={onConfirm}
      {...props}
    />,
  );

  return { container, onConfirm };
}

function buttonByText(container: HTMLElement, text: string): HTMLButtonElement {
  const button = [...container.querySelectorAll("button")].find(
    (candidate) => candidate.textContent.trim() === text,
  );
  if (button === undefined) {
    throw new Error(`no button reads "${text}"`);
  }

  return button;
}

describe("CancelRunButton", () => {
  it("asks for confirmation before cancelling", async () => {
    const { container, onConfirm } = await mountButton();

    await click(buttonByText(container, "Cancel run"));

    expect(onConfirm).not.toHaveBeenCalled();
    expect(container.textContent).toContain("Cancel “Evaluation of US demo”?");
    await click(buttonByText(container, "Yes, cancel the run"));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("keeps the run on Keep running", async () => {
    const { container, onConfirm } = await mountButton();

    await click(buttonByText(container, "Cancel run"));
    await click(buttonByText(container, "Keep running"));

    expect(onConfirm).not.toHaveBeenCalled();
    expect(container.querySelectorAll("button")).toHaveLength(1);
    expect(buttonByText(container, "Cancel run").disabled).toBe(false);
  });

  it("disables both buttons while cancelling", async () => {
    const { container } = await mountButton({ cancelling: true });

    await click(buttonByText(container, "Cancel run"));

    expect(buttonByText(container, "Cancelling…").disabled).toBe(true);
    expect(buttonByText(container, "Keep running").disabled).toBe(true);
  });

  it("shows the API error message", async () => {
    const message = 'run "6f1c" is SUCCEEDED; only QUEUED or RUNNING runs can be cancelled';
    const error = new CombinedGraphQLErrors({ errors: [{ message }] });
    const { container } = await mountButton({ error });

    await click(buttonByText(container, "Cancel run"));

    expect(container.querySelector('[role="alert"] p')?.textContent).toBe(
      "The API did not cancel the run:",
    );
    expect(container.querySelector(".api-messages li")?.textContent).toBe(message);
    expect(buttonByText(container, "Yes, cancel the run").disabled).toBe(false);
  });
});
