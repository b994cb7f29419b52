// The lifetime of one WebAssembly-backed object (a `Directory`, a `Session`) owned by a React
// component, made so that React's StrictMode cannot free it under the component.
//
// The natural pattern (`useMemo` to make it, a `useEffect` cleanup to `free()` it) breaks in
// development: StrictMode mounts, unmounts and mounts again with the same memoized object,
// so the cleanup frees the object the component goes on using and its next call throws
// `OBJECT_FREED`. Here a component *holds* the object while its effect is mounted, and
// letting go frees it only if no one holds it again by the next task: StrictMode's unmount
// and remount run in one go, so the object lives on; a real unmount frees it a task later.
// An object freed while a component was hidden (React's `<Activity>`) is made again by
// the render that follows when the component shows (`hold` asks for it). No React here: hooks.ts binds it.

/** What the hooks own: anything with `free()` (`Directory`, `Session`, `PeopleIndex`). */
export interface Freeable {
  free(): void;
}

/**
 * One object made by `create` on first use, freed when the last holder lets go (a task
 * later). `create` may answer `null` (nothing to own yet). Internal.
 */
export class Owned<T extends Freeable | null> {
  readonly #create: () => T;
  #made = false;
  #value: T | undefined;
  #holders = 0;

  constructor(create: () => T) {
    this.#create = create;
  }

  /** The object, made now if it was not (or was freed since). */
  current(): T {
    if (!this.#made) {
      this.#value = this.#create();
      this.#made = true;
    }
    return this.#value as T;
  }

  /**
   * A mounted component holds it. `true` when it was freed meanwhile: the component must
   * render again, and that render makes it again (with what the render knows now: a
   * session's directory may be new too).
   */
  hold(): boolean {
    this.#holders++;
    return !this.#made;
  }

  /** A component lets go: the object is freed a task later unless it is held again by then. */
  letGo(): void {
    this.#holders--;
    if (this.#holders > 0) return;
    setTimeout(() => this.#freeIfUnheld(), 0);
  }

  /** Is the object freed (or not made yet)? For tests and dev tools. */
  get freed(): boolean {
    return !this.#made;
  }

  #freeIfUnheld(): void {
    if (this.#holders > 0 || !this.#made) return;
    const value = this.#value;
    this.#made = false;
    this.#value = undefined;
    value?.free();
  }
}
