// `guestpass/picker/react`: the picker for React 19 projects. Importing it defines the
// element (it re-exports `guestpass/picker`) and teaches TypeScript the JSX tag
// `<guestpass-people-picker>`: React 19 sets a prop that is a property of the element as
// that property (`session`, `selectedPeople`, `showMax`, …), and listens to `onX` props
// as the event `X`, so `onselectionChanged` receives `selectionChanged`. A separate entry
// because it names the `react` module, which only React projects have.
import type {} from "react";
import type { GuestpassPeoplePicker } from "./picker.js";
import type { PeoplePickerProperties, SelectionChangedEvent } from "./picker-types.js";

export * from "./picker.js";

/** The attributes in their HTML spelling (`show-max="5"`), for markup carried over from HTML. */
export interface PeoplePickerAttributes {
  "show-max"?: number | string;
  "user-type"?: PeoplePickerProperties["userType"];
  "selection-mode"?: PeoplePickerProperties["selectionMode"];
  "selected-people"?: string;
  "default-selected-user-ids"?: string;
  "exclude-user-ids"?: string;
  "group-id"?: string;
  "allow-any-email"?: boolean;
}

/** The props of `<guestpass-people-picker>` in React 19 JSX. */
export interface PeoplePickerJSXProps
  extends PeoplePickerProperties,
    PeoplePickerAttributes,
    Omit<import("react").HTMLAttributes<GuestpassPeoplePicker>, keyof PeoplePickerProperties> {
  ref?: import("react").Ref<GuestpassPeoplePicker>;
  /** `selectionChanged`: React 19 listens to an `on…` prop of a custom element as the event named by the rest. */
  onselectionChanged?: (event: SelectionChangedEvent) => void;
  key?: import("react").Key | null;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "guestpass-people-picker": PeoplePickerJSXProps;
    }
  }
}
