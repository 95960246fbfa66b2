// @vitest-environment jsdom
import { act } from "react";
import { describe, expect, it, vi } from "vitest";

import type { SearchPages } from "../../lib/useSearchPages";
import { SearchCombobox } from "../SearchCombobox";
import { mountElement, typeInto } from "./mountElement";

interface Item {
  id: string;
  name: string;
}

const ITEMS: Item[] = [
  { id: "a", name: "Lab ashes 2026" },
  { id: "b", name: "US ashes" },
  { id: "c", name: "Shanxi fly ash" },
];

function loadedSearch(nodes: Item[], hasNextPage: boolean): SearchPages<Item> {
  return {
    text: "",
    setText: vi.fn(),
    nodes,
    totalCount: hasNextPage ? 40 : nodes.length,
    hasNextPage,
    loading: false,
    error: null,
    loadMore: vi.fn(),
  };
}

async function mountCombobox(search: SearchPages<Item>) {
  const onChoose = vi.fn<(item: Item) => void>();
  const container = await mountElement(
    <SearchCombobox<Item>
      id="picker"
      label="Data set"
      noun="data sets"
      search={search}
      chosenText="US ashes"
      optionName={(item) => item.name}
      optionDetail={(item) => `id ${item.id}`}
      onChoose={onChoose}
    />,
  );
  const input = container.querySelector<HTMLInputElement>('[role="combobox"]');
  if (input === null) {
    throw new Error("no combobox rendered");
  }

  const press = (key: string) =>
    act(async () => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    });

  return { container, input, onChoose, press };
}

describe("SearchCombobox", () => {
  it("shows the chosen name until the list opens", async () => {
    const { container, input } = await mountCombobox(loadedSearch(ITEMS, false));

    expect(input.value).toBe("US ashes");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(container.querySelector<HTMLElement>('[role="listbox"]')?.hidden).toBe(true);
  });

  it("sends typed text to the search and opens the list", async () => {
    const search = loadedSearch(ITEMS, false);
    const { input } = await mountCombobox(search);
    await typeInto(input, "ash");

    expect(search.setText).toHaveBeenCalledWith("ash");
    expect(input.getAttribute("aria-expanded")).toBe("true");
  });

  it("moves with the arrow keys and chooses with Enter", async () => {
    const { input, onChoose, press } = await mountCombobox(loadedSearch(ITEMS, false));
    await press("ArrowDown");
    await press("ArrowDown");
    await press("ArrowUp");
    await press("ArrowDown");

    expect(input.getAttribute("aria-activedescendant")).toBe("picker-option-1");
    expect(document.getElementById("picker-option-1")?.getAttribute("aria-selected")).toBe("true");
    await press("Enter");
    expect(onChoose).toHaveBeenCalledWith(ITEMS[1]);
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes with Escape without choosing", async () => {
    const { input, onChoose, press } = await mountCombobox(loadedSearch(ITEMS, false));
    await press("ArrowDown");
    await press("Escape");

    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("US ashes");
    expect(onChoose).not.toHaveBeenCalled();
  });

  it("loads the next page on reaching the last match", async () => {
    const search = loadedSearch(ITEMS, true);
    const { container, press } = await mountCombobox(search);
    await press("ArrowDown");
    await press("ArrowDown");
    expect(search.loadMore).not.toHaveBeenCalled();
    await press("ArrowDown");

    expect(search.loadMore).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain("Matches: 40; the newest 3 are listed");
  });
});
