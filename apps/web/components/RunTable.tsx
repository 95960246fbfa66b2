"use client";

import type { RunListItem, RunSortField, RunStatus, RunTask } from "@ree/schema/documents";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useDeferredValue, useEffect, useRef, useState } from "react";

import { formatDateTime } from "../lib/format";
import { RUN_STATUS_LABELS, RUN_TASK_LABELS } from "../lib/labels";
import { useRunPages } from "../lib/useRunPages";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";
import { RunDatasetLink } from "./RunDatasetLink";
import { RunStatusBadge } from "./RunStatusBadge";

/** Estimated height of a row in px; rows are measured once they render. */
const ROW_HEIGHT = 41;
/** Rows rendered beyond each edge of the visible ones, so that fast scrolling shows no gap. */
const OVERSCAN = 8;
/** The next page is requested when the last rendered row is this close to the end. */
const PREFETCH_ROWS = 30;
/** Runs that one comparison shows side by side; more would not fit on a page. */
export const MAX_COMPARED_RUNS = 8;

const STATUSES: readonly RunStatus[] = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
const TASKS: readonly RunTask[] = ["EVALUATION", "FEATURE_ELIMINATION", "GRID_SEARCH"];
const COLUMNS: readonly { label: string; field: RunSortField | null; className?: string }[] = [
  { label: "Name", field: "NAME" },
  { label: "Status", field: "STATUS" },
  { label: "Task", field: null },
  { label: "Data set", field: "DATASET" },
  { label: "Test R², total REE", field: "TEST_R2_TOTAL", className: "number" },
  { label: "Created", field: "CREATED_AT" },
];

interface Sort {
  field: RunSortField;
  descending: boolean;
}

export interface RunTableProps {
  /** Data set whose runs are listed, from the page's URL; null for every data set. */
  datasetId: string | null;
}

/**
 * Lists every run in a scrolling table that renders only the rows in view, so that it stays fast at
 * thousands of runs. Headers sort on the server, filters narrow the list, and checked runs open
 * side by side in a comparison. Arrow keys, Page Up/Down, Home and End move between rows.
 */
export function RunTable({ datasetId }: RunTableProps) {
  const router = useRouter();
  const [sort, setSort] = useState<Sort>({ field: "CREATED_AT", descending: true });
  const [statuses, setStatuses] = useState<RunStatus[]>([]);
  const [task, setTask] = useState<RunTask | "">("");
  const [search, setSearch] = useState("");
  const nameContains = useDeferredValue(search.trim());
  const [selected, setSelected] = useState<string[]>([]);
  const pages = useRunPages({
    orderBy: sort,
    filter: {
      statuses,
      tasks: task === "" ? [] : [task],
      datasetIds: datasetId === null ? [] : [datasetId],
      nameContains: nameContains === "" ? null : nameContains,
    },
  });

  const toggleSort = (field: RunSortField) =>
    setSort((current) =>
      current.field === field
        ? { field, descending: !current.descending }
        : // Dates and R² start descending (newest, best first), names and states ascending.
          { field, descending: field === "CREATED_AT" || field === "TEST_R2_TOTAL" },
    );
  const toggleSelected = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((other) => other !== id) : [...current, id],
    );

  return (
    <div className="run-table">
      <form className="run-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Name contains
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <fieldset>
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <label key={status} className="inline">
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={() =>
                  setStatuses((current) =>
                    current.includes(status)
                      ? current.filter((other) => other !== status)
                      : [...current, status],
                  )
                }
              />
              {RUN_STATUS_LABELS[status]}
            </label>
          ))}
        </fieldset>
        <label>
          Task
          <select value={task} onChange={(event) => setTask(event.target.value as RunTask | "")}>
            <option value="">Any</option>
            {TASKS.map((value) => (
              <option key={value} value={value}>
                {RUN_TASK_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {datasetId === null ? null : (
          <p className="run-filter-dataset">
            Only runs on one data set. <Link href="/runs">Show every data set</Link>
          </p>
        )}
      </form>

      <div className="run-compare-bar">
        <span aria-live="polite">
          {pages.totalCount === null
            ? ""
            : pages.totalCount === 1
              ? "1 run matches"
              : `${pages.totalCount} runs match`}
          {selected.length > 0 ? ` · ${selected.length} selected` : ""}
        </span>
        <button
          type="button"
          disabled={selected.length < 2 || selected.length > MAX_COMPARED_RUNS}
          onClick={() =>
            router.push(`/runs/compare?ids=${selected.map(encodeURIComponent).join(",")}`)
          }
        >
          Compare selected runs
        </button>
        {selected.length > MAX_COMPARED_RUNS ? (
          <span className="muted">Select at most {MAX_COMPARED_RUNS} runs to compare.</span>
        ) : selected.length < 2 ? (
          <span className="muted">Check 2 to {MAX_COMPARED_RUNS} runs to compare them.</span>
        ) : null}
        {selected.length > 0 ? (
          <button type="button" className="secondary" onClick={() => setSelected([])}>
            Clear selection
          </button>
        ) : null}
      </div>

      {pages.error ? (
        <>
          <QueryError error={pages.error} subject="the runs" />
          <button type="button" onClick={pages.reload}>
            Try again
          </button>
        </>
      ) : null}
      {pages.loading && pages.runs.length === 0 && !pages.error ? (
        <LoadingMessage>Loading runs…</LoadingMessage>
      ) : null}
      {!pages.loading && !pages.error && pages.runs.length === 0 ? (
        <p className="muted">
          {pages.totalCount === 0 && statuses.length + task.length + nameContains.length === 0
            ? "No runs yet."
            : "No run matches these filters."}{" "}
          <Link href="/runs/new">Start a run</Link>.
        </p>
      ) : null}
      {pages.runs.length > 0 ? (
        <VirtualRunRows
          runs={pages.runs}
          totalCount={pages.totalCount ?? pages.runs.length}
          hasNextPage={pages.hasNextPage}
          loadMore={pages.loadMore}
          stale={pages.loading}
          sort={sort}
          onSort={toggleSort}
          selected={selected}
          onToggle={toggleSelected}
        />
      ) : null}
    </div>
  );
}

interface VirtualRunRowsProps {
  runs: readonly RunListItem[];
  totalCount: number;
  hasNextPage: boolean;
  loadMore(): void;
  /** True while rows for new filters load; the old rows stay, dimmed. */
  stale: boolean;
  sort: Sort;
  onSort(field: RunSortField): void;
  selected: readonly string[];
  onToggle(id: string): void;
}

function VirtualRunRows({
  runs,
  totalCount,
  hasNextPage,
  loadMore,
  stale,
  sort,
  onSort,
  selected,
  onToggle,
}: VirtualRunRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // One extra row at the end shows that more runs are loading.
  const rowCount = runs.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && lastRendered >= runs.length - PREFETCH_ROWS) {
      loadMore();
    }
  }, [hasNextPage, lastRendered, loadMore, runs.length]);

  // Moves the focus to the link of the row that keyboard navigation chose, once it renders, then
  // clears the choice, so that later renders leave the focus where the user puts it.
  useEffect(() => {
    if (focusIndex === null) {
      return;
    }

    const link = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusIndex}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      setFocusIndex(null);
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>("tr[data-index]");
    const current = row === null ? 0 : Number(row.dataset.index);
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT));
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: runs.length - 1,
    };
    const target = moves[event.key];
    // Home and End without Ctrl keep their meaning inside a row; the arrows with Ctrl too.
    const needsCtrl = event.key === "Home" || event.key === "End";
    if (target === undefined || needsCtrl !== event.ctrlKey) {
      return;
    }

    event.preventDefault();
    const next = Math.max(0, Math.min(runs.length - 1, target));
    virtualizer.scrollToIndex(next, { align: "auto" });
    setFocusIndex(next);
  };

  return (
    <div
      ref={scrollRef}
      className={stale ? "run-scroll stale" : "run-scroll"}
      aria-busy={stale}
      tabIndex={-1}
    >
      <table aria-rowcount={totalCount + 1} className="run-grid">
        <caption className="visually-hidden">
          Runs, sorted by {COLUMNS.find((column) => column.field === sort.field)?.label}{" "}
          {sort.descending ? "descending" : "ascending"}. Up and down arrows move between rows;
          Ctrl+Home and Ctrl+End go to the first and last run.
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={column.className}
                aria-sort={ariaSort(column.field, sort)}
              >
                {column.field === null ? (
                  column.label
                ) : (
                  <button type="button" className="sort" onClick={() => onSort(column.field!)}>
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sortMark(column.field, sort)}
                    </span>
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const run = runs[item.index];
            if (run === undefined) {
              return (
                <tr
                  key="loading"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <td colSpan={COLUMNS.length + 1} className="muted">
                    Loading more runs…
                  </td>
                </tr>
              );
            }

            return (
              <tr
                key={run.id}
                data-index={item.index}
                data-run-id={run.id}
                aria-rowindex={item.index + 2}
                ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${run.name} for comparison`}
                    checked={selected.includes(run.id)}
                    onChange={() => onToggle(run.id)}
                  />
                </td>
                <th scope="row">
                  <Link href={`/runs/${encodeURIComponent(run.id)}`}>{run.name}</Link>
                </th>
                <td>
                  <RunStatusBadge status={run.status} />
                </td>
                <td>{RUN_TASK_LABELS[run.config.task]}</td>
                <td>
                  <RunDatasetLink
                    dataset={run.dataset}
                    href={(id) => `/runs?dataset=${encodeURIComponent(id)}`}
                  />
                </td>
                <td className="number">
                  {run.testR2Total === null ? (
                    <span
                      className="muted"
                      title="No test R² yet: the run has not succeeded or is not an evaluation"
                    >
                      –
                    </span>
                  ) : (
                    run.testR2Total.toFixed(3)
                  )}
                </td>
                <td>{formatDateTime(run.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Returns the arrow of a sortable header: ↕ when the list is sorted by another column. */
function sortMark(field: RunSortField, sort: Sort): string {
  if (field !== sort.field) {
    return "↕";
  }

  return sort.descending ? "↓" : "↑";
}

function ariaSort(field: RunSortField | null, sort: Sort): "ascending" | "descending" | undefined {
  if (field !== sort.field) {
    return undefined;
  }

  return sort.descending ? "descending" : "ascending";
}
