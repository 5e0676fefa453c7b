import { useCallback, useEffect, useState } from 'react';
import { gql, onRestored } from './graphql.js';

/** Runs a query on mount, when its variables change, and after the live connection comes back. */
export function useQuery(query, variables, { skip = false, real = false } = {}) {
  const [state, setState] = useState({ data: null, error: null, loading: !skip });
  const key = JSON.stringify(variables ?? {});
  const run = useCallback(() => {
    if (skip) return;
    setState((s) => ({ ...s, loading: true }));
    gql(query, variables, { real }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error) => setState((s) => ({ data: s.data, error, loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key, skip]);
  useEffect(run, [run]);
  useEffect(() => onRestored(run), [run]);
  return { ...state, refetch: run };
}

/**
 * Calls a mutation and returns its payload; errors: { field → message } for UserErrors that name a field,
 * and general: messages for the others and for top-level errors.
 */
export function useMutation(query, name, { real = false } = {}) {
  const [state, setState] = useState({ busy: false, errors: {}, general: [] });
  const mutate = useCallback(async (input) => {
    setState({ busy: true, errors: {}, general: [] });
    try {
      const payload = (await gql(query, { input }, { real }))[name];
      const errors = {};
      const general = [];
      for (const e of payload.errors ?? []) {
        if (e.field) errors[e.field.replace(/^input\./, '')] = e.message;
        else general.push(e.message);
      }
      setState({ busy: false, errors, general });
      return payload.errors?.length ? null : payload;
    } catch (error) {
      setState({ busy: false, errors: {}, general: [error.message] });
      return null;
    }
  }, [query, name]);
  return [mutate, state];
}
