// The scripted sessions: the same 20 interactions per view against both apps. Steps are data, run in
// the page (see browser-session.ts), so the click-to-DOM timing never crosses the DevTools protocol.

export type Step =
  | { click: string; nth?: number }
  | { type: string; text: string } // one interaction per character (an `input` event each)
  | { clear: string }
  | { select: string; value: string }
  | { key: string } // keydown + keyup on the window
  | { submit: string }; // click the form's submit button

export interface ViewSession {
  path: string;
  id: string; // example-app view id
  steps: Step[];
}

/** Expands typing steps into one interaction per character. */
export function interactions(steps: Step[]): Step[] {
  return steps.flatMap((s): Step[] => ("type" in s ? [...s.text].map((ch) => ({ type: s.type, text: ch })) : [s]));
}

const inc = { click: 'button[phx-click="increment"]' };
const note = (n: number) => ({ click: "#notes article button", nth: n });
const tab = (n: number) => ({ click: '[phx-click="select-tab"]', nth: n });
const q = (n: number) => ({ click: '[phx-click="toggle-question"]', nth: n });
const goTo = (n: number) => ({ click: '[phx-click="go-to"]', nth: n });

export const SESSIONS: ViewSession[] = [
  {
    path: "/counter",
    id: "src/views/counter.ts#counterLiveView",
    steps: [inc, inc, inc, inc, inc, inc, { click: '[phx-click="set-step"]', nth: 1 }, inc, inc, inc, inc,
      { click: 'button[phx-click="decrement"]' }, { click: 'button[phx-click="decrement"]' }, { click: 'button[phx-click="decrement"]' },
      { click: '[phx-click="set-step"]', nth: 2 }, inc, inc, { click: 'button[phx-click="reset"]' }, { click: '[phx-click="set-step"]', nth: 0 }, inc],
  },
  {
    path: "/help",
    id: "src/views/faq.ts#faqView",
    steps: [q(0), q(1), q(1), tab(1), q(0), q(1), tab(2), q(0), { click: '[phx-click="open-contact"]' }, { key: "Escape" },
      tab(0), q(1), { click: '[phx-click="open-contact"]' }, { click: '.panel button[phx-click="close-contact"]' }, tab(1), q(1), q(0), tab(2), q(1), tab(0)],
  },
  {
    path: "/orientation",
    id: "src/views/slides.ts#slideDeckView",
    steps: [{ key: "ArrowRight" }, { key: "ArrowRight" }, { key: "ArrowRight" }, { key: "ArrowLeft" }, { key: "?" }, { key: "Escape" },
      goTo(0), { key: "ArrowRight" }, { key: "l" }, goTo(3), { key: "ArrowLeft" }, { key: "h" }, { key: "?" }, { key: "Escape" },
      goTo(1), { key: "ArrowRight" }, { key: "ArrowRight" }, { key: "ArrowLeft" }, goTo(0), { key: "l" }],
  },
  {
    path: "/signup",
    id: "src/views/volunteerSignup.ts#volunteerSignupView",
    // a valid volunteer, so the save reaches the server on both sides (the migrated form validates in the browser first)
    steps: [{ click: '[phx-click="toggle-tips"]' }, { type: "#input_name", text: "Ada" }, { type: "#input_email", text: "a@b.co" },
      { select: "#shift", value: "evening" }, { type: "#input_phone", text: "5550101" }, { submit: "form" }, { click: '[phx-click="toggle-tips"]' }],
  },
  {
    path: "/search",
    id: "src/views/productSearch.ts#productSearchView",
    steps: [{ type: 'input[name="query"]', text: "apples" }, { submit: "#product-search" }, { clear: 'input[name="query"]' },
      { type: 'input[name="query"]', text: "dai" }, { submit: "#product-search" }, { clear: 'input[name="query"]' },
      { type: 'input[name="query"]', text: "rice" }, { submit: "#product-search" }, { clear: 'input[name="query"]' }, { submit: "#product-search" }],
  },
  {
    path: "/delivery-area",
    id: "src/views/cityAutocomplete.ts#cityAutocompleteView",
    steps: [{ type: "#city", text: "Ber" }, { click: '[phx-click="pick"]' }, { clear: "#city" }, { type: "#city", text: "Ma" },
      { click: '[phx-click="pick"]', nth: 1 }, { clear: "#city" }, { type: "#city", text: "Bos" }, { click: '[phx-click="pick"]' },
      { clear: "#city" }, { type: "#city", text: "Pr" }, { click: '[phx-click="pick"]' }, { clear: "#city" }, { type: "#city", text: "Lo" }],
  },
  {
    path: "/release-notes",
    id: "src/views/releaseNotes.ts#releaseNotesView",
    steps: [note(0), note(1), note(2), { click: "h1 + p button", nth: 0 }, { click: "h1 + p button", nth: 1 }, note(0), note(0), { click: "h1 + p button", nth: 2 },
      note(1), note(1), note(2), note(2), { click: "h1 + p button", nth: 0 }, { click: "h1 + p button", nth: 1 }, note(0), note(1), note(2),
      { click: "h1 + p button", nth: 0 }, { click: "h1 + p button", nth: 1 }, note(0)],
  },
];
