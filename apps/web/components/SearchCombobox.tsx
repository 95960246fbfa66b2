"use client";

import { type KeyboardEvent, type ReactNode, useState } from "react";

import type { SearchPages } from "../lib/useSearchPages";
import { QueryError } from "./QueryError";

export interface SearchComboboxProps<Node extends { id: string }> {
  /** Id of the input, the target of the label and of links from an error summary. */
  id: string;
  label: ReactNode;
  /** Help text under the label. */
  hint?: ReactNode;
  /** Plural name of the choices, e.g. "data sets". */
  noun: string;
  search: SearchPages<Node>;
  /** Text of the chosen node in the closed input; null when nothing is chosen. */
  chosenText: string | null;
  /** Name of a choice, the text typed to find it. */
  optionName(node: Node): string;
  /** Details that distinguish a choice from others of the same name: size, kind or date. */
  optionDetail(node: Node): string;
  onChoose(node: Node): void;
  /** Message of a failed check, which also marks the input invalid. */
  error?: string;
}

/**
 * Search-as-you-type picker in the ARIA combobox pattern: typing filters the choices by name,
 * the arrow keys move through them (the next page loads on reaching the last), Enter chooses
 * and Escape closes the list, restoring the chosen name.
 */
export function SearchCombobox<Node extends { id: string }>({
  id,
  label,
  hint,
  noun,
  search,
  chosenText,
  optionName,
  optionDetail,
  onChoose,
  error,
}: SearchComboboxProps<Node>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const describedBy = [hint === undefined ? null : `${id}-hint`, statusId]
    .concat(error === undefined ? [] : [`${id}-error`])
    .filter((part) => part !== null)
    .join(" ");

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (node: Node) => {
    onChoose(node);
    search.setText("");
    close();
  };

  const move = (step: number) => {
    const last = search.nodes.length - 1;
    const next = Math.min(Math.max(active + step, 0), last);
    setOpen(true);
    setActive(next);
    if (next === last) {
      search.loadMore();
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      move(open ? step : 0);
    } else if (event.key === "Enter" && open) {
      // Enter chooses inside the list and must not submit the surrounding form.
      event.preventDefault();
      const node = search.nodes[active];
      if (node !== undefined) {
        choose(node);
      }
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      search.setText("");
      close();
    }
  };

  const status = search.loading
    ? `Searching ${noun}…`
    : search.totalCount === null
      ? ""
      : `Matches: ${search.totalCount}` +
        (search.hasNextPage ? `; the newest ${search.nodes.length} are listed` : "");

  return (
    <div className="field wide-field combobox">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={error === undefined ? undefined : true}
        placeholder={`Type to search ${noun}`}
        value={open ? search.text : (chosenText ?? "")}
        onChange={(event) => {
          search.setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={(event) => event.target.select()}
        onKeyDown={handleKeyDown}
        onBlur={close}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`Matching ${noun}`}
        className="combobox-list"
        hidden={!open}
        onScroll={(event) => {
          const list = event.currentTarget;
          if (list.scrollTop + list.clientHeight >= list.scrollHeight - 40) {
            search.loadMore();
          }
        }}
      >
        {search.nodes.map((node, index) => (
          <li
            key={node.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            data-id={node.id}
            // Choosing on mouse down comes before the input's blur, which closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(node);
            }}
          >
            <span className="combobox-name">{optionName(node)}</span>{" "}
            <span className="muted">{optionDetail(node)}</span>
          </li>
        ))}
      </ul>
      <p id={statusId} className="field-hint" aria-live="polite">
        {open ? status : ""}
      </p>
      {search.error ? <QueryError error={search.error} subject={`the ${noun}`} /> : null}
      {error === undefined ? null : (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
