/** The part of autocannon 9 that loadApi.ts uses; the package ships no types. */
declare module "autocannon" {
  interface Options {
    url: string;
    method?: string;
    /** Concurrent connections. */
    connections?: number;
    /** Seconds to run. */
    duration?: number;
    headers?: Record<string, string>;
    body?: string;
  }

  /** Statistics of one measure over the run (hdr-histogram-percentiles-obj). */
  interface Histogram {
    min: number;
    max: number;
    average: number;
    stddev: number;
    p50: number;
    p90: number;
    p99: number;
  }

  interface Result {
    /** Requests per second; `total` is the number of requests. */
    requests: Histogram & { total: number };
    /** Response time in ms. */
    latency: Histogram;
    /** Connection errors, timeouts included. */
    errors: number;
    timeouts: number;
    /** Responses with a status outside 200 to 299. */
    non2xx: number;
  }

  /** Runs the load and resolves with its statistics when no callback is given. */
  function autocannon(options: Options): Promise<Result>;

  export default autocannon;
}
