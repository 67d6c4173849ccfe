// The reports' inline style (the script is page-script.ts): the file must open from disk with no server and no network.

export const REPORT_CSS = `
:root { --bg:#fbfbfa; --fg:#1d1f23; --muted:#666b73; --line:#e3e4e6; --card:#fff; --code:#f4f4f2;
  --ui:#0b7285; --ui-bg:#e3f6f9; --form:#8a3ffc; --form-bg:#f1e9ff; --shared:#b35c00; --shared-bg:#fff1e0;
  --client:#2b8a3e; --client-bg:#e6f6ea; --server:#b35c00; --server-bg:#fff1e0; --split:#8a3ffc; --split-bg:#f1e9ff;
  --bad:#c92a2a; --bad-bg:#ffe9e9; --warn:#a86b00; --warn-bg:#fff6d6; }
@media (prefers-color-scheme: dark) { :root { --bg:#17181b; --fg:#e6e6e6; --muted:#9a9ea6; --line:#2d3036; --card:#1f2125; --code:#26282d;
  --ui-bg:#0e3339; --ui:#66d9e8; --form-bg:#2c2140; --form:#c0a4ff; --shared-bg:#3a2a14; --shared:#ffb057;
  --client-bg:#16331d; --client:#69db7c; --server-bg:#3a2a14; --server:#ffb057; --split-bg:#2c2140; --split:#c0a4ff;
  --bad-bg:#3b1a1a; --bad:#ff8787; --warn-bg:#3a3115; --warn:#ffd43b; } }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg); font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
header.top { padding:20px 28px 12px; border-bottom:1px solid var(--line); background:var(--card); position:sticky; top:0; z-index:2; }
header.top h1 { margin:0 0 4px; font-size:20px; }
header.top .meta { color:var(--muted); font-size:12px; }
main { padding:16px 28px 60px; max-width:1400px; }
.cards { display:flex; flex-wrap:wrap; gap:10px; margin:12px 0; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 14px; min-width:110px; }
.card .n { font-size:22px; font-weight:600; } .card .l { color:var(--muted); font-size:12px; }
.toolbar { display:flex; flex-wrap:wrap; gap:8px; align-items:center; margin-top:10px; }
.toolbar input[type=search] { padding:6px 10px; border:1px solid var(--line); border-radius:6px; background:var(--bg); color:var(--fg); min-width:280px; }
.toolbar label { font-size:12px; color:var(--muted); user-select:none; }
.toolbar button { padding:5px 10px; border:1px solid var(--line); border-radius:6px; background:var(--bg); color:var(--fg); cursor:pointer; }
h2 { font-size:17px; margin:26px 0 8px; }
table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line); border-radius:8px; overflow:hidden; }
th, td { text-align:left; vertical-align:top; padding:6px 10px; border-top:1px solid var(--line); }
th { background:var(--code); font-weight:600; font-size:12px; color:var(--muted); border-top:none; }
td.num { text-align:right; font-variant-numeric:tabular-nums; } td.zero { color:var(--muted); opacity:.5; }
.badge { display:inline-block; padding:1px 7px; border-radius:10px; font-size:12px; font-weight:600; white-space:nowrap; }
.c-ui { color:var(--ui); background:var(--ui-bg); } .c-form { color:var(--form); background:var(--form-bg); } .c-shared { color:var(--shared); background:var(--shared-bg); }
.p-client { color:var(--client); background:var(--client-bg); } .p-server { color:var(--server); background:var(--server-bg); } .p-split { color:var(--split); background:var(--split-bg); }
.conf-high { color:var(--muted); } .conf-medium { color:var(--warn); } .conf-low { color:var(--bad); font-weight:600; }
.code { font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.reason { margin:2px 0 6px; } .reason .rc { font:11px ui-monospace,monospace; color:var(--muted); text-decoration:none; }
.ev { margin:3px 0; } .ev a, .loc { font:11px ui-monospace,monospace; color:var(--muted); }
pre.line { margin:2px 0 0; padding:3px 8px; background:var(--code); border-radius:4px; overflow-x:auto; font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; white-space:pre; }
section.view, section.extra, #errors, #views { scroll-margin-top:130px; }
section.view { background:var(--card); border:1px solid var(--line); border-radius:10px; margin:18px 0; padding:4px 16px 14px; }
section.view > h3 { margin:12px 0 4px; font-size:16px; } section.view > h3 .kind { margin-left:6px; color:var(--muted); background:var(--code); font-weight:500; }
td .code, .ev .code { white-space:nowrap; }
section.view .sub { color:var(--muted); font-size:12px; margin-bottom:8px; }
section.view h4 { margin:14px 0 6px; font-size:13px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
details > summary { cursor:pointer; color:var(--muted); font-size:12px; }
.marker { border-left:3px solid var(--warn); background:var(--warn-bg); padding:6px 10px; margin:4px 0; border-radius:4px; }
.errors td.code-col { color:var(--bad); font-weight:600; white-space:nowrap; } .errors td.code-col.gap { color:var(--warn); }
.ok { color:var(--client); } .bad { color:var(--bad); } .warn { color:var(--warn); }
.hidden { display:none !important; }
nav.toc a { color:inherit; }
.extra { margin-top:26px; }
.toolbar select { padding:5px 6px; border:1px solid var(--line); border-radius:6px; background:var(--bg); color:var(--fg); max-width:190px; }
.toolbar input[type=search] { min-width:240px; }
.count { color:var(--muted); font-size:12px; }
.note, .hint { color:var(--muted); font-size:12px; margin:4px 0; }
.banner { background:var(--ui-bg); border:1px solid var(--line); padding:8px 12px; border-radius:6px; } .banner.bad { background:var(--bad-bg); }
/* fixed layout: a redraw of the index does not measure every cell again */
table.index { table-layout:fixed; font-size:13px; } table.index > thead > tr > th:nth-child(n+3) { width:62px; text-align:right; }
table.index > thead > tr > th:nth-child(2) { width:96px; } table.index > thead > tr > th:last-child { width:190px; text-align:left; }
table.index > tbody > tr > td { padding:4px 10px; }
table.inner th:not(:last-child) { width:1%; white-space:nowrap; } table.index td.id { font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; overflow-wrap:anywhere; }
table.index .route { color:var(--muted); }
tr.view-row, tr.group { cursor:pointer; } tr.view-row:hover, tr.group:hover { background:var(--code); }
tr.view-row:focus-visible, tr.group:focus-visible { outline:2px solid var(--ui); outline-offset:-2px; }
.tw::before { content:"▸"; display:inline-block; width:1.1em; color:var(--muted); }
tr[aria-expanded=true] .tw::before { content:"▾"; }
tr.view-row[aria-expanded=true] { background:var(--code); font-weight:600; }
table.index > tbody > tr.detail > td { padding:6px 16px 16px 28px; background:var(--card); border-top:none; }
tr.group td { background:var(--bg); } tr.group .why { color:var(--muted); } tr.group .n { color:var(--muted); font-size:12px; margin-left:6px; }
tr.group-more td, td.empty { color:var(--muted); }
table.inner { margin:4px 0 8px; } table.inner th, table.inner td { padding:4px 8px; }
.becomes { font-size:12px; white-space:nowrap; } .becomes + .becomes { color:var(--muted); }
button.rc { font:11px ui-monospace,monospace; color:var(--muted); background:none; border:1px dotted var(--line); border-radius:4px; padding:0 4px; cursor:pointer; }
button.rc:hover { color:var(--fg); border-color:var(--muted); }
button.link { background:none; border:none; padding:0; cursor:pointer; }
#more { margin:10px 0; padding:6px 14px; border:1px solid var(--line); border-radius:6px; background:var(--card); color:var(--fg); cursor:pointer; }
details.progress { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:8px 14px; margin:16px 0; }
details.progress > summary { font-size:14px; color:var(--fg); } details.progress .line { color:var(--muted); font-weight:400; }
.progress-bar { display:flex; width:100%; height:14px; background:var(--code); border-radius:4px; overflow:hidden; margin:10px 0 6px; }
.st-bar { display:inline-block; height:14px; }
ul.statuses { list-style:none; padding:0; display:flex; gap:18px; flex-wrap:wrap; margin:6px 0; }
.st { font-size:12px; font-weight:600; } .st-migrated { color:var(--client); } .st-pending { color:var(--muted); } .st-blocked { color:var(--bad); } .st-ignored { color:var(--muted); opacity:.7; } .st-already-migrated { color:var(--ui); }
.st-bar.st-migrated { background:#2e7d32; } .st-bar.st-pending { background:#90a4ae; } .st-bar.st-blocked { background:#c62828; } .st-bar.st-ignored { background:#bdbdbd; } .st-bar.st-already-migrated { background:#0b7285; }
#legend { margin-top:26px; } #legend > summary { font-size:15px; font-weight:600; color:var(--fg); }
ul.notes, ul.bad { margin:4px 0; padding-left:20px; } ul.bad { color:var(--bad); }
.diff { margin:8px 0 14px; min-width:0; } .file-head { font:12px ui-monospace,monospace; padding:4px 8px; background:var(--code); border:1px solid var(--line); border-bottom:none; border-radius:6px 6px 0 0; }
.add { color:var(--client); } .del { color:var(--bad); }
pre.patch { margin:0; padding:6px 8px; border:1px solid var(--line); overflow-x:auto; font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.d2h-wrapper { margin:0; } .d2h-file-wrapper { margin-bottom:10px; }
`;

