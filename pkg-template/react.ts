// `guestpass/react`: hooks for React projects. `useDirectory` and `useSession` own a
// directory and a session for as long as a component is mounted, StrictMode or not
// (react-owned.ts says how); `usePeoplePicker` is a headless people picker for teams that
// render their own list (react-picker.ts). React is a peer dependency, never bundled; this
// entry imports no engine code either, so it works with every loading entry ("guestpass",
// "guestpass/lazy", "guestpass/web"): the hooks call what they are given.
import { useEffect, useMemo, useReducer, type DependencyList } from "react";
import type { Directory } from "./directory.js";
import type { Session } from "./session.js";
import type { SignInRequest } from "./types.js";
import { Owned, type Freeable } from "./react-owned.js";

export { usePeoplePicker } from "./react-picker.js";
export type {
  PeoplePicker,
  PeoplePickerChange,
  PeoplePickerInputProps,
  PeoplePickerListboxProps,
  PeoplePickerOptionProps,
  PeoplePickerOptions,
  PeoplePickerStatusProps,
} from "./react-picker.js";
export type { Freeable } from "./react-owned.js";

/**
 * The object `create` makes, owned by the calling component: made on first render, made
 * again when a dependency changes (the old one freed), freed when the component unmounts
 * for good. StrictMode's rehearsal unmount never frees it. `create` may answer `null`.
 *
 * @example
 * ```tsx
 * const index = useOwned(() => new PeopleIndex(records), [records]);
 * ```
 */
export function useOwned<T extends Freeable | null>(create: () => T, deps: DependencyList = []): T {
  // The caller's deps say when to remake it (a lint rule cannot see through `create`).
  const owned = useMemo(() => new Owned(create), deps);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (owned.hold()) rerender();
    return () => owned.letGo();
  }, [owned]);
  return owned.current();
}

/**
 * A directory owned by the calling component (see `useOwned`): `create` runs on first
 * render and again when `deps` change; the directory is freed on unmount.
 *
 * @example
 * ```tsx
 * const dir = useDirectory(() => Directory.sample({ users: 300 }));
 * ```
 */
export function useDirectory(create: () => Directory, deps: DependencyList = []): Directory {
  return useOwned(create, deps);
}

/**
 * The session of `request.user` in `request.tenantId`, signed in on `directory` and owned by
 * the calling component: signed in again when the directory or the request changes (the
 * old session freed), freed on unmount; `null` while either is missing. `signIn`'s errors
 * (`USER_NOT_FOUND`, …) are thrown during render, for an error boundary.
 *
 * @example
 * ```tsx
 * const session = useSession(dir, { tenantId: "contoso", user: "bob" });
 * ```
 */
export function useSession(directory: Directory | null | undefined, request: SignInRequest | null | undefined): Session | null {
  const key = request == null ? null : JSON.stringify([request.tenantId, request.user, request.homeFacts ?? null]);
  return useOwned(() => (directory != null && request != null ? directory.signIn(request) : null), [directory, key]);
}
