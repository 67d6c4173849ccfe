// A component with an upload config, for the upload endpoint tests: two PNGs of at most 1,000 bytes.
import { defineComponent, html, live_file_input } from "../../../../src/runtime/client/index.ts";

export const album = defineComponent<{ caption: string }>({
  name: "album",
  uploads: { photos: { accept: [".png"], max_entries: 2, max_file_size: 1000 } },
  mount(ctx) {
    ctx.assign({ caption: "" });
  },
  actions: {},
  render: (_state, { uploads }) => html`<form phx-submit="save">${live_file_input(uploads.photos)}<p>${uploads.photos.entries.length} files</p></form>`,
});
