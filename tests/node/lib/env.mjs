// Shared settings for the black-box tests.

/** The service's GraphQL endpoint, e.g. http://127.0.0.1:5181/graphql. */
export function musterUrl() {
  const url = process.env.MUSTER_URL;
  if (!url) throw new Error('MUSTER_URL is not set (e.g. http://127.0.0.1:5181/graphql)');
  return url;
}

/** Per-request time limit, so a stuck or missing server fails a test instead of hanging it. */
export const REQUEST_TIMEOUT_MS = Number(process.env.MUSTER_REQUEST_TIMEOUT_MS ?? 10_000);

// After one network-level failure (nothing listening, reset, time-out) every later request in
// this test file fails at once with the same message instead of waiting for its own time-out.
let unreachable = null;

/** fetch with a time limit; network failures become one clear "cannot reach" error. */
export async function timedFetch(input, init = {}) {
  if (unreachable) throw unreachable;
  try {
    return await fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    const cause = err?.cause?.code ?? err?.cause?.message ?? err?.name ?? '';
    unreachable = new Error(`cannot reach the service at ${String(input)}: ${err.message}${cause ? ` (${cause})` : ''}`, {
      cause: err,
    });
    throw unreachable;
  }
}
