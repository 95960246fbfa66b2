import { describe, expect, it } from "vitest";

import { DEFAULT_API_URL, readApiUrl } from "../readApiUrl";

describe("readApiUrl", () => {
  it("defaults to the local API", () => {
    expect(readApiUrl({})).toBe(DEFAULT_API_URL);
    expect(readApiUrl({ REE_API_URL: "  " })).toBe(DEFAULT_API_URL);
  });

  it("uses REE_API_URL when set", () => {
    expect(readApiUrl({ REE_API_URL: "http://127.0.0.1:4100/graphql" })).toBe(
      "http://127.0.0.1:4100/graphql",
    );
  });

  it("rejects a relative URL", () => {
    expect(() => readApiUrl({ REE_API_URL: "/graphql" })).toThrow(
      /REE_API_URL must be an absolute URL .*got "\/graphql"/,
    );
  });
});
