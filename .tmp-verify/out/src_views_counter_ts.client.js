(() => {
  var __defProp = Object.defineProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };

  // src/runtime/contract.ts
  function defineComponent(definition) {
    return definition;
  }
  var PROTOCOL = {
    /** Prefix of every runtime endpoint. */
    base: "/_lvm",
    /** POST {base}/command/<component>/<command>, JSON body { params }, header below. */
    commandPath: "/command",
    /** GET {base}/sync?topics=a,b (Server-Sent Events; resume with Last-Event-ID). */
    syncPath: "/sync",
    /** GET {base}/client/<hash>.js */
    clientPath: "/client",
    csrfHeader: "x-csrf-token",
    /** <script type="application/json" data-lvm-state="<component>"> holds { state, csrfToken, offsets }. */
    stateAttr: "data-lvm-state",
    /** Root element of a mounted component: data-lvm-root="<component>". */
    rootAttr: "data-lvm-root",
    /** Retries of an idempotent command after a network failure, and the first backoff (doubles each time). */
    commandRetries: 4,
    commandBackoffMs: 250
  };
  var CLIENT_ERROR = {
    /** fetch failed (offline, connection refused) and the command was not retried or retries ran out. */
    network: "NETWORK_ERROR",
    /** The response body was not a CommandResponse (e.g. a proxy's HTML error page). */
    badResponse: "BAD_RESPONSE"
  };
  var SYNC_PROTOCOL = {
    topicsParam: "topics",
    // comma-separated; topic names must not contain ","
    /** First connection only: `?offsets=` + encodeURIComponent(JSON.stringify(SyncOffsets)); Last-Event-ID wins when present. */
    offsetsParam: "offsets",
    messageEvent: "message",
    resetEvent: "reset",
    /** Sent first on every stream: `data: { offsets }` (all topics, heads filled in), `id:` the same offsets. */
    readyEvent: "ready",
    /** Session cookie (signed); sync and commands require it, first paint creates it. */
    sessionCookie: "lvm_session"
  };

  // src/runtime/template/html.ts
  var ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "/": "&#x2F;",
    "`": "&#x60;",
    "=": "&#x3D;"
  };
  var ENTITY_CHARS = /[&<>"'/`=]/g;
  var HtmlSafeString = class {
    statics;
    dynamics;
    isLiveComponent;
    constructor(statics, dynamics, isLiveComponent = false) {
      this.statics = statics;
      this.dynamics = dynamics;
      this.isLiveComponent = isLiveComponent;
    }
    toString() {
      let out = this.statics[0];
      for (let i = 1; i < this.statics.length; i++) out += escapehtml(this.dynamics[i - 1]) + this.statics[i];
      return out;
    }
  };
  function escapehtml(unsafe) {
    if (unsafe instanceof HtmlSafeString) return unsafe.toString();
    if (Array.isArray(unsafe)) return join(unsafe).toString();
    return String(unsafe).replace(ENTITY_CHARS, (c) => ENTITIES[c]);
  }
  function html(statics, ...dynamics) {
    return new HtmlSafeString(statics, dynamics);
  }
  function join(array, separator = "") {
    if (array.length <= 0) return new HtmlSafeString([""], []);
    return new HtmlSafeString(["", ...Array(array.length - 1).fill(separator), ""], array);
  }

  // src/runtime/client/event-payload.ts
  function elementValues(el, meta = {}, extra) {
    for (const { name, value } of el.attributes) if (name.startsWith("phx-value-")) meta[name.slice(10)] = value;
    const input = el;
    if (input.value !== void 0) {
      meta.value = input.value;
      if (input.tagName === "INPUT" && /^(checkbox|radio)$/.test(input.type) && !input.checked) delete meta.value;
    }
    return Object.assign(meta, extra);
  }
  function formValues(form, options = {}) {
    const params = new URLSearchParams();
    const data = new FormData(form ?? void 0);
    const submitter = options.submitter;
    if (submitter && submitter.hasAttribute("name") && submitter.form === form) data.append(submitter.name, submitter.value);
    data.forEach((value, key) => {
      if (typeof value === "string" && (options.only === void 0 || options.only === key)) params.append(key, value);
    });
    if (options.target !== void 0) params.append("_target", options.target);
    return Object.fromEntries(new URLSearchParams(params.toString()));
  }
  function toEvent(event, value) {
    return Object.fromEntries([["type", event], ...Object.entries(value).filter((entry) => entry[1] !== void 0)]);
  }

  // node_modules/morphdom/dist/morphdom-esm.js
  var DOCUMENT_FRAGMENT_NODE = 11;
  function morphAttrs(fromNode, toNode) {
    var toNodeAttrs = toNode.attributes;
    var attr;
    var attrName;
    var attrNamespaceURI;
    var attrValue;
    var fromValue;
    if (toNode.nodeType === DOCUMENT_FRAGMENT_NODE || fromNode.nodeType === DOCUMENT_FRAGMENT_NODE) {
      return;
    }
    for (var i = toNodeAttrs.length - 1; i >= 0; i--) {
      attr = toNodeAttrs[i];
      attrName = attr.name;
      attrNamespaceURI = attr.namespaceURI;
      attrValue = attr.value;
      if (attrNamespaceURI) {
        attrName = attr.localName || attrName;
        fromValue = fromNode.getAttributeNS(attrNamespaceURI, attrName);
        if (fromValue !== attrValue) {
          if (attr.prefix === "xmlns") {
            attrName = attr.name;
          }
          fromNode.setAttributeNS(attrNamespaceURI, attrName, attrValue);
        }
      } else {
        fromValue = fromNode.getAttribute(attrName);
        if (fromValue !== attrValue) {
          fromNode.setAttribute(attrName, attrValue);
        }
      }
    }
    var fromNodeAttrs = fromNode.attributes;
    for (var d = fromNodeAttrs.length - 1; d >= 0; d--) {
      attr = fromNodeAttrs[d];
      attrName = attr.name;
      attrNamespaceURI = attr.namespaceURI;
      if (attrNamespaceURI) {
        attrName = attr.localName || attrName;
        if (!toNode.hasAttributeNS(attrNamespaceURI, attrName)) {
          fromNode.removeAttributeNS(attrNamespaceURI, attrName);
        }
      } else {
        if (!toNode.hasAttribute(attrName)) {
          fromNode.removeAttribute(attrName);
        }
      }
    }
  }
  var range;
  var NS_XHTML = "http://www.w3.org/1999/xhtml";
  var doc = typeof document === "undefined" ? void 0 : document;
  var HAS_TEMPLATE_SUPPORT = !!doc && "content" in doc.createElement("template");
  var HAS_RANGE_SUPPORT = !!doc && doc.createRange && "createContextualFragment" in doc.createRange();
  function createFragmentFromTemplate(str) {
    var template = doc.createElement("template");
    template.innerHTML = str;
    return template.content.childNodes[0];
  }
  function createFragmentFromRange(str) {
    if (!range) {
      range = doc.createRange();
      range.selectNode(doc.body);
    }
    var fragment = range.createContextualFragment(str);
    return fragment.childNodes[0];
  }
  function createFragmentFromWrap(str) {
    var fragment = doc.createElement("body");
    fragment.innerHTML = str;
    return fragment.childNodes[0];
  }
  function toElement(str) {
    str = str.trim();
    if (HAS_TEMPLATE_SUPPORT) {
      return createFragmentFromTemplate(str);
    } else if (HAS_RANGE_SUPPORT) {
      return createFragmentFromRange(str);
    }
    return createFragmentFromWrap(str);
  }
  function compareNodeNames(fromEl, toEl) {
    var fromNodeName = fromEl.nodeName;
    var toNodeName = toEl.nodeName;
    var fromCodeStart, toCodeStart;
    if (fromNodeName === toNodeName) {
      return true;
    }
    fromCodeStart = fromNodeName.charCodeAt(0);
    toCodeStart = toNodeName.charCodeAt(0);
    if (fromCodeStart <= 90 && toCodeStart >= 97) {
      return fromNodeName === toNodeName.toUpperCase();
    } else if (toCodeStart <= 90 && fromCodeStart >= 97) {
      return toNodeName === fromNodeName.toUpperCase();
    } else {
      return false;
    }
  }
  function createElementNS(name, namespaceURI) {
    return !namespaceURI || namespaceURI === NS_XHTML ? doc.createElement(name) : doc.createElementNS(namespaceURI, name);
  }
  function moveChildren(fromEl, toEl) {
    var curChild = fromEl.firstChild;
    while (curChild) {
      var nextChild = curChild.nextSibling;
      toEl.appendChild(curChild);
      curChild = nextChild;
    }
    return toEl;
  }
  function syncBooleanAttrProp(fromEl, toEl, name) {
    if (fromEl[name] !== toEl[name]) {
      fromEl[name] = toEl[name];
      if (fromEl[name]) {
        fromEl.setAttribute(name, "");
      } else {
        fromEl.removeAttribute(name);
      }
    }
  }
  var specialElHandlers = {
    OPTION: function(fromEl, toEl) {
      var parentNode = fromEl.parentNode;
      if (parentNode) {
        var parentName = parentNode.nodeName.toUpperCase();
        if (parentName === "OPTGROUP") {
          parentNode = parentNode.parentNode;
          parentName = parentNode && parentNode.nodeName.toUpperCase();
        }
        if (parentName === "SELECT" && !parentNode.hasAttribute("multiple")) {
          if (fromEl.hasAttribute("selected") && !toEl.selected) {
            fromEl.setAttribute("selected", "selected");
            fromEl.removeAttribute("selected");
          }
          parentNode.selectedIndex = -1;
        }
      }
      syncBooleanAttrProp(fromEl, toEl, "selected");
    },
    /**
     * The "value" attribute is special for the <input> element since it sets
     * the initial value. Changing the "value" attribute without changing the
     * "value" property will have no effect since it is only used to the set the
     * initial value.  Similar for the "checked" attribute, and "disabled".
     */
    INPUT: function(fromEl, toEl) {
      syncBooleanAttrProp(fromEl, toEl, "checked");
      syncBooleanAttrProp(fromEl, toEl, "disabled");
      if (fromEl.value !== toEl.value) {
        fromEl.value = toEl.value;
      }
      if (!toEl.hasAttribute("value")) {
        fromEl.removeAttribute("value");
      }
    },
    TEXTAREA: function(fromEl, toEl) {
      var newValue = toEl.value;
      if (fromEl.value !== newValue) {
        fromEl.value = newValue;
      }
      var firstChild = fromEl.firstChild;
      if (firstChild) {
        var oldValue = firstChild.nodeValue;
        if (oldValue == newValue || !newValue && oldValue == fromEl.placeholder) {
          return;
        }
        firstChild.nodeValue = newValue;
      }
    },
    SELECT: function(fromEl, toEl) {
      if (!toEl.hasAttribute("multiple")) {
        var selectedIndex = -1;
        var i = 0;
        var curChild = fromEl.firstChild;
        var optgroup;
        var nodeName;
        while (curChild) {
          nodeName = curChild.nodeName && curChild.nodeName.toUpperCase();
          if (nodeName === "OPTGROUP") {
            optgroup = curChild;
            curChild = optgroup.firstChild;
            if (!curChild) {
              curChild = optgroup.nextSibling;
              optgroup = null;
            }
          } else {
            if (nodeName === "OPTION") {
              if (curChild.hasAttribute("selected")) {
                selectedIndex = i;
                break;
              }
              i++;
            }
            curChild = curChild.nextSibling;
            if (!curChild && optgroup) {
              curChild = optgroup.nextSibling;
              optgroup = null;
            }
          }
        }
        fromEl.selectedIndex = selectedIndex;
      }
    }
  };
  var ELEMENT_NODE = 1;
  var DOCUMENT_FRAGMENT_NODE$1 = 11;
  var TEXT_NODE = 3;
  var COMMENT_NODE = 8;
  function noop() {
  }
  function defaultGetNodeKey(node) {
    if (node) {
      return node.getAttribute && node.getAttribute("id") || node.id;
    }
  }
  function morphdomFactory(morphAttrs2) {
    return function morphdom2(fromNode, toNode, options) {
      if (!options) {
        options = {};
      }
      if (typeof toNode === "string") {
        if (fromNode.nodeName === "#document" || fromNode.nodeName === "HTML") {
          var toNodeHtml = toNode;
          toNode = doc.createElement("html");
          toNode.innerHTML = toNodeHtml;
        } else if (fromNode.nodeName === "BODY") {
          var toNodeBody = toNode;
          toNode = doc.createElement("html");
          toNode.innerHTML = toNodeBody;
          var bodyElement = toNode.querySelector("body");
          if (bodyElement) {
            toNode = bodyElement;
          }
        } else {
          toNode = toElement(toNode);
        }
      } else if (toNode.nodeType === DOCUMENT_FRAGMENT_NODE$1) {
        toNode = toNode.firstElementChild;
      }
      var getNodeKey = options.getNodeKey || defaultGetNodeKey;
      var onBeforeNodeAdded = options.onBeforeNodeAdded || noop;
      var onNodeAdded = options.onNodeAdded || noop;
      var onBeforeElUpdated = options.onBeforeElUpdated || noop;
      var onElUpdated = options.onElUpdated || noop;
      var onBeforeNodeDiscarded = options.onBeforeNodeDiscarded || noop;
      var onNodeDiscarded = options.onNodeDiscarded || noop;
      var onBeforeElChildrenUpdated = options.onBeforeElChildrenUpdated || noop;
      var skipFromChildren = options.skipFromChildren || noop;
      var addChild = options.addChild || function(parent, child) {
        return parent.appendChild(child);
      };
      var childrenOnly = options.childrenOnly === true;
      var fromNodesLookup = /* @__PURE__ */ Object.create(null);
      var keyedRemovalList = [];
      function addKeyedRemoval(key) {
        keyedRemovalList.push(key);
      }
      function walkDiscardedChildNodes(node, skipKeyedNodes) {
        if (node.nodeType === ELEMENT_NODE) {
          var curChild = node.firstChild;
          while (curChild) {
            var key = void 0;
            if (skipKeyedNodes && (key = getNodeKey(curChild))) {
              addKeyedRemoval(key);
            } else {
              onNodeDiscarded(curChild);
              if (curChild.firstChild) {
                walkDiscardedChildNodes(curChild, skipKeyedNodes);
              }
            }
            curChild = curChild.nextSibling;
          }
        }
      }
      function removeNode(node, parentNode, skipKeyedNodes) {
        if (onBeforeNodeDiscarded(node) === false) {
          return;
        }
        if (parentNode) {
          parentNode.removeChild(node);
        }
        onNodeDiscarded(node);
        walkDiscardedChildNodes(node, skipKeyedNodes);
      }
      function indexTree(node) {
        if (node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE$1) {
          var curChild = node.firstChild;
          while (curChild) {
            var key = getNodeKey(curChild);
            if (key) {
              fromNodesLookup[key] = curChild;
            }
            indexTree(curChild);
            curChild = curChild.nextSibling;
          }
        }
      }
      indexTree(fromNode);
      function handleNodeAdded(el) {
        onNodeAdded(el);
        var curChild = el.firstChild;
        while (curChild) {
          var nextSibling = curChild.nextSibling;
          var key = getNodeKey(curChild);
          if (key) {
            var unmatchedFromEl = fromNodesLookup[key];
            if (unmatchedFromEl && compareNodeNames(curChild, unmatchedFromEl)) {
              curChild.parentNode.replaceChild(unmatchedFromEl, curChild);
              morphEl(unmatchedFromEl, curChild);
            } else {
              handleNodeAdded(curChild);
            }
          } else {
            handleNodeAdded(curChild);
          }
          curChild = nextSibling;
        }
      }
      function cleanupFromEl(fromEl, curFromNodeChild, curFromNodeKey) {
        while (curFromNodeChild) {
          var fromNextSibling = curFromNodeChild.nextSibling;
          if (curFromNodeKey = getNodeKey(curFromNodeChild)) {
            addKeyedRemoval(curFromNodeKey);
          } else {
            removeNode(
              curFromNodeChild,
              fromEl,
              true
              /* skip keyed nodes */
            );
          }
          curFromNodeChild = fromNextSibling;
        }
      }
      function morphEl(fromEl, toEl, childrenOnly2) {
        var toElKey = getNodeKey(toEl);
        if (toElKey) {
          delete fromNodesLookup[toElKey];
        }
        if (!childrenOnly2) {
          var beforeUpdateResult = onBeforeElUpdated(fromEl, toEl);
          if (beforeUpdateResult === false) {
            return;
          } else if (beforeUpdateResult instanceof HTMLElement) {
            fromEl = beforeUpdateResult;
            indexTree(fromEl);
          }
          morphAttrs2(fromEl, toEl);
          onElUpdated(fromEl);
          if (onBeforeElChildrenUpdated(fromEl, toEl) === false) {
            return;
          }
        }
        if (fromEl.nodeName !== "TEXTAREA") {
          morphChildren(fromEl, toEl);
        } else {
          specialElHandlers.TEXTAREA(fromEl, toEl);
        }
      }
      function morphChildren(fromEl, toEl) {
        var skipFrom = skipFromChildren(fromEl, toEl);
        var curToNodeChild = toEl.firstChild;
        var curFromNodeChild = fromEl.firstChild;
        var curToNodeKey;
        var curFromNodeKey;
        var fromNextSibling;
        var toNextSibling;
        var matchingFromEl;
        outer: while (curToNodeChild) {
          toNextSibling = curToNodeChild.nextSibling;
          curToNodeKey = getNodeKey(curToNodeChild);
          while (!skipFrom && curFromNodeChild) {
            fromNextSibling = curFromNodeChild.nextSibling;
            if (curToNodeChild.isSameNode && curToNodeChild.isSameNode(curFromNodeChild)) {
              curToNodeChild = toNextSibling;
              curFromNodeChild = fromNextSibling;
              continue outer;
            }
            curFromNodeKey = getNodeKey(curFromNodeChild);
            var curFromNodeType = curFromNodeChild.nodeType;
            var isCompatible = void 0;
            if (curFromNodeType === curToNodeChild.nodeType) {
              if (curFromNodeType === ELEMENT_NODE) {
                if (curToNodeKey) {
                  if (curToNodeKey !== curFromNodeKey) {
                    if (matchingFromEl = fromNodesLookup[curToNodeKey]) {
                      if (fromNextSibling === matchingFromEl) {
                        isCompatible = false;
                      } else {
                        fromEl.insertBefore(matchingFromEl, curFromNodeChild);
                        if (curFromNodeKey) {
                          addKeyedRemoval(curFromNodeKey);
                        } else {
                          removeNode(
                            curFromNodeChild,
                            fromEl,
                            true
                            /* skip keyed nodes */
                          );
                        }
                        curFromNodeChild = matchingFromEl;
                        curFromNodeKey = getNodeKey(curFromNodeChild);
                      }
                    } else {
                      isCompatible = false;
                    }
                  }
                } else if (curFromNodeKey) {
                  isCompatible = false;
                }
                isCompatible = isCompatible !== false && compareNodeNames(curFromNodeChild, curToNodeChild);
                if (isCompatible) {
                  morphEl(curFromNodeChild, curToNodeChild);
                }
              } else if (curFromNodeType === TEXT_NODE || curFromNodeType == COMMENT_NODE) {
                isCompatible = true;
                if (curFromNodeChild.nodeValue !== curToNodeChild.nodeValue) {
                  curFromNodeChild.nodeValue = curToNodeChild.nodeValue;
                }
              }
            }
            if (isCompatible) {
              curToNodeChild = toNextSibling;
              curFromNodeChild = fromNextSibling;
              continue outer;
            }
            if (curFromNodeKey) {
              addKeyedRemoval(curFromNodeKey);
            } else {
              removeNode(
                curFromNodeChild,
                fromEl,
                true
                /* skip keyed nodes */
              );
            }
            curFromNodeChild = fromNextSibling;
          }
          if (curToNodeKey && (matchingFromEl = fromNodesLookup[curToNodeKey]) && compareNodeNames(matchingFromEl, curToNodeChild)) {
            if (!skipFrom) {
              addChild(fromEl, matchingFromEl);
            }
            morphEl(matchingFromEl, curToNodeChild);
          } else {
            var onBeforeNodeAddedResult = onBeforeNodeAdded(curToNodeChild);
            if (onBeforeNodeAddedResult !== false) {
              if (onBeforeNodeAddedResult) {
                curToNodeChild = onBeforeNodeAddedResult;
              }
              if (curToNodeChild.actualize) {
                curToNodeChild = curToNodeChild.actualize(fromEl.ownerDocument || doc);
              }
              addChild(fromEl, curToNodeChild);
              handleNodeAdded(curToNodeChild);
            }
          }
          curToNodeChild = toNextSibling;
          curFromNodeChild = fromNextSibling;
        }
        cleanupFromEl(fromEl, curFromNodeChild, curFromNodeKey);
        var specialElHandler = specialElHandlers[fromEl.nodeName];
        if (specialElHandler) {
          specialElHandler(fromEl, toEl);
        }
      }
      var morphedNode = fromNode;
      var morphedNodeType = morphedNode.nodeType;
      var toNodeType = toNode.nodeType;
      if (!childrenOnly) {
        if (morphedNodeType === ELEMENT_NODE) {
          if (toNodeType === ELEMENT_NODE) {
            if (!compareNodeNames(fromNode, toNode)) {
              onNodeDiscarded(fromNode);
              morphedNode = moveChildren(fromNode, createElementNS(toNode.nodeName, toNode.namespaceURI));
            }
          } else {
            morphedNode = toNode;
          }
        } else if (morphedNodeType === TEXT_NODE || morphedNodeType === COMMENT_NODE) {
          if (toNodeType === morphedNodeType) {
            if (morphedNode.nodeValue !== toNode.nodeValue) {
              morphedNode.nodeValue = toNode.nodeValue;
            }
            return morphedNode;
          } else {
            morphedNode = toNode;
          }
        }
      }
      if (morphedNode === toNode) {
        onNodeDiscarded(fromNode);
      } else {
        if (toNode.isSameNode && toNode.isSameNode(morphedNode)) {
          return;
        }
        morphEl(morphedNode, toNode, childrenOnly);
        if (keyedRemovalList) {
          for (var i = 0, len = keyedRemovalList.length; i < len; i++) {
            var elToRemove = fromNodesLookup[keyedRemovalList[i]];
            if (elToRemove) {
              removeNode(elToRemove, elToRemove.parentNode, false);
            }
          }
        }
      }
      if (!childrenOnly && morphedNode !== fromNode && fromNode.parentNode) {
        if (morphedNode.actualize) {
          morphedNode = morphedNode.actualize(fromNode.ownerDocument || doc);
        }
        fromNode.parentNode.replaceChild(morphedNode, fromNode);
      }
      return morphedNode;
    };
  }
  var morphdom = morphdomFactory(morphAttrs);
  var morphdom_esm_default = morphdom;

  // src/runtime/client/render-html.ts
  var SAME = "data-lvm-same";
  var KEYED_ROOT = /^\s*<([a-zA-Z][\w-]*)\s[^>]*?\bid="([^"]+)"/;
  function renderHtml(value, cache, inList = false) {
    if (value instanceof HtmlSafeString) {
      const { statics, dynamics } = value;
      let out = statics[0];
      for (let i = 1; i < statics.length; i++) out += renderHtml(dynamics[i - 1], cache) + statics[i];
      if (!inList) return out;
      const match = KEYED_ROOT.exec(out);
      if (!match) return out;
      const [, tag, key] = match;
      const unchanged = cache.last.get(key) === out && !cache.next.has(key);
      cache.next.set(key, out);
      return unchanged ? `<${tag} id="${key}" ${SAME}>${/^br$/i.test(tag) ? "" : `</${tag}>`}` : out;
    }
    if (Array.isArray(value)) {
      let out = "";
      for (const item of value) out += renderHtml(item, cache, true);
      return out;
    }
    return escapehtml(value);
  }

  // src/runtime/client/patch.ts
  var sticky = /* @__PURE__ */ new WeakMap();
  var locked = /* @__PURE__ */ new WeakSet();
  function putSticky(el, key, op) {
    const ops = sticky.get(el) ?? {};
    delete ops[key];
    ops[key] = op;
    sticky.set(el, ops);
    op(el);
  }
  var isFormInput = (el) => /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && el.type !== "button";
  function mergeAttrs(from, to, skipValue) {
    for (const { name, value } of to.attributes) if (!(skipValue && name === "value") && from.getAttribute(name) !== value) from.setAttribute(name, value);
    for (const { name } of Array.from(from.attributes)) if (!to.hasAttribute(name) && !(skipValue && name === "value")) from.removeAttribute(name);
  }
  function patch(root, markup) {
    let complete = true;
    const doc2 = root.ownerDocument;
    const focused = doc2.activeElement;
    let start = null;
    let end = null;
    try {
      start = focused?.selectionStart ?? null;
      end = focused?.selectionEnd ?? null;
    } catch {
    }
    const next = root.cloneNode(false);
    next.innerHTML = markup;
    const added = (node) => {
      if (node.outerHTML?.includes(SAME)) complete = false;
      return node;
    };
    morphdom_esm_default(root, next, {
      childrenOnly: true,
      onBeforeNodeAdded: added,
      onBeforeElUpdated(from, to) {
        if (locked.has(from) || to.hasAttribute(SAME)) return false;
        const ops = sticky.get(from);
        if (ops) for (const key in ops) ops[key](to);
        const mode = from.getAttribute("phx-update") ?? from.getAttribute("data-phx-update");
        if (mode === "ignore") {
          for (const { name, value } of to.attributes) from.setAttribute(name, value);
          return false;
        }
        if (mode === "append" || mode === "prepend") {
          const ids = new Set(Array.from(to.children, (c) => c.id));
          const kept = Array.from(from.children).filter((c) => !ids.has(c.id)).map((c) => {
            const standIn = c.cloneNode();
            standIn.setAttribute(SAME, "");
            return standIn;
          });
          if (mode === "append") to.prepend(...kept);
          else to.append(...kept);
        }
        if (from === focused && isFormInput(from)) {
          mergeAttrs(from, to, true);
          return false;
        }
        return true;
      }
    });
    if (focused && focused !== doc2.activeElement && focused.isConnected && root.contains(focused)) {
      focused.focus();
      try {
        if (start !== null && end !== null) focused.setSelectionRange(start, end);
      } catch {
      }
    }
    return complete;
  }

  // src/runtime/client/js-exec.ts
  var raf = (fn) => requestAnimationFrame(fn);
  var visible = (el) => getComputedStyle(el).display !== "none";
  var defaultDisplay = (el) => ({ TR: "table-row", TD: "table-cell" })[el.tagName] || "block";
  function classes(el, adds, removes) {
    putSticky(el, "c:" + adds + "/" + removes, (e) => {
      e.classList.remove(...removes.filter(Boolean));
      e.classList.add(...adds.filter(Boolean));
    });
  }
  function transition(el, [run2, start, end], time, done) {
    if (!run2.length) return done();
    classes(el, [...start, ...run2], end);
    raf(() => classes(el, end, start));
    setTimeout(() => {
      classes(el, [], [...run2, ...end]);
      done();
    }, time);
  }
  function toggle(el, show, display, t, time) {
    const setDisplay = () => putSticky(el, "display", (e) => e.style.display = show ? display || defaultDisplay(e) : "none");
    const notify = (phase) => el.dispatchEvent(new Event(`phx:${show ? "show" : "hide"}-${phase}`));
    if (show) setDisplay();
    notify("start");
    transition(el, t, time, () => {
      if (!show) setDisplay();
      notify("end");
    });
  }
  function execJS(source, encoded, push, defaults) {
    const commands = JSON.parse(encoded);
    for (const [kind, args] of commands) {
      if (kind === "push") {
        push({ ...defaults, ...args });
        continue;
      }
      const targets = args.to ? document.querySelectorAll(args.to) : [source];
      for (const el of targets) {
        const time = args.time;
        if (kind === "show" || kind === "hide" || kind === "toggle") {
          const isVisible = visible(el);
          if (kind === "show" && isVisible) continue;
          if (kind === "hide" && !isVisible) continue;
          const show = !isVisible;
          toggle(el, show, args.display, (kind === "toggle" ? show ? args.ins : args.outs : args.transition) ?? [[], [], []], time);
        } else if (kind.endsWith("class") || kind === "transition") {
          const names = args.names ?? [];
          const add = kind === "add_class";
          transition(el, args.transition, time, () => classes(el, add ? names : [], add ? [] : names));
        } else if (kind.endsWith("attr")) {
          const [name, value] = kind === "set_attr" ? args.attr : [args.attr];
          putSticky(el, "a:" + name, (e) => value == null ? e.removeAttribute(name) : e.setAttribute(name, value));
        } else if (kind === "dispatch") {
          const event = args.event === "click" ? new MouseEvent("click", { bubbles: true }) : new CustomEvent(args.event, { bubbles: args.bubbles ?? true, detail: { ...args.detail, dispatcher: source } });
          el.dispatchEvent(event);
        }
      }
    }
  }

  // src/runtime/client/bindings.ts
  var views = /* @__PURE__ */ new Map();
  var ROOT = "[data-lvm-root]";
  var viewOf = (el) => el && views.get(el.closest(ROOT)) || void 0;
  var allIn = (selector) => Array.from(document.querySelectorAll(selector)).filter((el) => viewOf(el));
  var limiters = /* @__PURE__ */ new WeakMap();
  function limit(el, e, fire) {
    const debounce = el.getAttribute("phx-debounce");
    const throttle = el.getAttribute("phx-throttle");
    const value = (debounce === "" ? "300" : debounce) || (throttle === "" ? "300" : throttle);
    if (value == null || e.type == "focusout" || e.type == "blur") return fire();
    let s = limiters.get(el);
    if (!s) limiters.set(el, s = {});
    const state = s;
    if (!state.blur) {
      state.blur = true;
      el.addEventListener("blur", () => {
        const pending = state.pending;
        state.pending = void 0;
        clearTimeout(state.timer);
        state.throttled = false;
        pending?.();
      });
    }
    if (value === "blur") {
      state.pending = fire;
      return;
    }
    const ms = parseInt(value);
    if (isNaN(ms)) return;
    if (throttle != null) {
      const prevKey = state.key;
      if (e.type === "keydown") state.key = e.key;
      const newKey = e.type === "keydown" && prevKey !== state.key;
      if (!newKey && state.throttled) return;
      fire();
      state.throttled = true;
      clearTimeout(state.timer);
      state.timer = setTimeout(() => state.throttled = false, ms);
    } else {
      state.pending = fire;
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.pending = void 0;
        fire();
      }, ms);
    }
  }
  function cancelPending(form) {
    for (const input of form.elements) {
      const s = limiters.get(input);
      if (s && s.pending && !(input.getAttribute("phx-debounce") === "blur")) {
        clearTimeout(s.timer);
        s.pending = void 0;
      }
    }
  }
  function lock(els, kind, view) {
    const restore = [];
    for (const el of els) {
      const text = el.getAttribute("phx-disable-with");
      if (text === null) continue;
      const h = el;
      const before = h.innerText;
      const wasDisabled = h.hasAttribute("disabled");
      h.classList.add(`phx-${kind}-loading`);
      if (text !== "") h.innerText = text;
      h.setAttribute("disabled", "");
      locked.add(h);
      restore.push(() => {
        locked.delete(h);
        h.classList.remove(`phx-${kind}-loading`);
        h.innerText = before;
        if (!wasDisabled) h.removeAttribute("disabled");
      });
    }
    return () => {
      if (!restore.length) return;
      restore.forEach((r) => r());
      view.schedule();
    };
  }
  function run(view, kind, el, phxEvent, targetEl, build, lockEls = [el]) {
    const push = (args) => {
      const unlock = lock(lockEls, kind, view);
      view.run(view.targetFor(args.target ?? targetEl), build(args.event ?? phxEvent, args.value)).then(unlock);
    };
    if (phxEvent.charAt(0) === "[") execJS(el, phxEvent, push, {});
    else push({});
  }
  var valuesOf = (el, base) => (name, extra) => toEvent(name, elementValues(el, base ? base() : {}, extra));
  var iteration = 0;
  var lastIteration = /* @__PURE__ */ new WeakMap();
  function onClick(e) {
    const start = e.target;
    if (!start.closest) return;
    for (const el2 of allIn("[phx-click-away]")) {
      if (el2 === start || el2.contains(start) || getComputedStyle(el2).display === "none") continue;
      const view2 = viewOf(el2);
      run(view2, "click", el2, el2.getAttribute("phx-click-away"), el2, valuesOf(el2));
    }
    const link = start.closest("a[data-phx-link=patch]");
    const linkView = viewOf(link);
    if (link && linkView && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
      e.preventDefault();
      linkView.navigate(new URL(link.href, location.href), link.getAttribute("data-phx-link-state") === "replace");
      return;
    }
    const el = start.closest("[phx-click]");
    const view = viewOf(el);
    if (!el || !view) return;
    if (el.getAttribute("href") === "#") e.preventDefault();
    limit(el, e, () => run(view, "click", el, el.getAttribute("phx-click"), el, valuesOf(el)));
  }
  function onKeyOrFocus(e) {
    const kind = e.type == "focusin" ? "focus" : e.type == "focusout" ? "blur" : e.type;
    const isKey = kind[0] == "k";
    const fire = (el, phxEvent) => {
      const match = el.getAttribute("phx-key");
      const view = viewOf(el);
      if (view && !(isKey && match && match.toLowerCase() !== e.key?.toLowerCase()))
        limit(el, e, () => run(view, kind, el, phxEvent, el, valuesOf(el, () => isKey ? { key: e.key } : {})));
    };
    const target = e.target;
    const own = target.getAttribute?.(`phx-${kind}`);
    if (own) fire(target, own);
    else if (isKey || !target.getAttribute) for (const el of allIn(`[phx-window-${kind}]`)) fire(el, el.getAttribute(`phx-window-${kind}`));
  }
  function onInput(e) {
    const input = e.target;
    if (!input.getAttribute) return;
    const own = input.getAttribute("phx-change");
    const form = input.form;
    const phxEvent = own || form?.getAttribute("phx-change");
    const view = viewOf(input);
    if (!phxEvent || !view) return;
    if (input.type === "number" && input.validity?.badInput) return;
    const current = iteration++;
    const last = lastIteration.get(input);
    if (last && last.at === current - 1 && last.type !== e.type) return;
    lastIteration.set(input, { at: current, type: e.type });
    const dispatcher = own ? input : form;
    limit(input, e, () => {
      view.touch(input);
      run(view, "change", input, phxEvent, dispatcher, (name, extra) => toEvent(name, { ...formValues(form, { only: own ? input.name : void 0, target: input.name || "undefined" }), ...extra }), []);
    });
  }
  function onSubmit(e) {
    const form = e.target;
    const phxEvent = form.getAttribute?.("phx-submit");
    const view = viewOf(form);
    if (!phxEvent || !view) return;
    e.preventDefault();
    cancelPending(form);
    view.touch(form);
    const lockEls = form.querySelectorAll("[phx-disable-with]");
    run(view, "submit", form, phxEvent, form, (name, extra) => toEvent(name, { ...formValues(form, { submitter: e.submitter }), ...extra }), lockEls);
  }
  function onPopState() {
    for (const view of views.values()) view.navigate(new URL(location.href), false, true);
  }
  var installed = false;
  function installBindings() {
    if (installed) return;
    installed = true;
    const on = (type, fn) => window.addEventListener(type, fn);
    on("click", onClick);
    for (const type of ["keydown", "keyup", "focusin", "focusout", "focus", "blur"]) on(type, onKeyOrFocus);
    on("input", onInput);
    on("change", onInput);
    on("submit", onSubmit);
    on("popstate", onPopState);
  }

  // src/runtime/client/command-call.ts
  async function callCommand(component, name, params, csrfToken, idempotent, fetchImpl) {
    const url = `${PROTOCOL.base}${PROTOCOL.commandPath}/${encodeURIComponent(component)}/${encodeURIComponent(name)}`;
    for (let attempt = 0; ; attempt++) {
      let response;
      let failure;
      try {
        response = await fetchImpl(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json", [PROTOCOL.csrfHeader]: csrfToken },
          body: JSON.stringify({ params, url: location.href })
        });
      } catch (error) {
        failure = error;
      }
      const status = response?.status ?? 0;
      if (idempotent && attempt < PROTOCOL.commandRetries && (!response || status > 501 && status < 505)) {
        await new Promise((r) => setTimeout(r, PROTOCOL.commandBackoffMs * 2 ** attempt));
        continue;
      }
      if (!response) return { ok: false, error: { code: CLIENT_ERROR.network, message: String(failure) } };
      try {
        const body = await response.json();
        if (body.ok === true || body.error) return body;
      } catch {
      }
      return { ok: false, error: { code: CLIENT_ERROR.badResponse, message: `HTTP ${status}` } };
    }
  }

  // src/runtime/client/sync-stream.ts
  function followSync(topics, initialOffsets, handlers, EventSourceImpl = EventSource) {
    const offsets = { ...initialOffsets };
    let source;
    let closed = false;
    let retry = 500;
    const data = (e) => JSON.parse(e.data);
    const connect = () => {
      const url = `${PROTOCOL.base}${PROTOCOL.syncPath}?${SYNC_PROTOCOL.topicsParam}=${topics.map(encodeURIComponent).join(",")}&${SYNC_PROTOCOL.offsetsParam}=${encodeURIComponent(JSON.stringify(offsets))}`;
      const es = source = new EventSourceImpl(url);
      es.addEventListener(SYNC_PROTOCOL.readyEvent, (e) => {
        retry = 500;
        const ready = data(e).offsets;
        for (const topic in ready) offsets[topic] ??= ready[topic];
      });
      es.addEventListener(SYNC_PROTOCOL.messageEvent, (e) => {
        const { topic, offset, message } = data(e);
        if (offsets[topic] === offset) return;
        offsets[topic] = offset;
        handlers.message(topic, message);
      });
      es.addEventListener(SYNC_PROTOCOL.resetEvent, (e) => {
        const { topic, offset } = data(e);
        offsets[topic] = offset;
        handlers.reset(topic);
      });
      es.addEventListener("error", () => {
        if (closed || es.readyState !== 2) return;
        setTimeout(() => !closed && source === es && connect(), retry);
        retry = Math.min(retry * 2, 1e4);
      });
    };
    connect();
    return {
      offsets,
      close() {
        closed = true;
        source?.close();
      }
    };
  }

  // src/runtime/client/view.ts
  var report = (error) => console.error(error);
  function createView(def, el, script, env) {
    const name = def.name;
    const storageKey = `lvm:${name}:${location.pathname}`;
    const flash = { ...script.flash };
    const children = /* @__PURE__ */ new Map();
    const byCid = /* @__PURE__ */ new Map();
    const hooks = /* @__PURE__ */ new Map();
    const listeners = /* @__PURE__ */ new Map();
    const touched = /* @__PURE__ */ new WeakSet();
    let cidCounter = 0;
    let keyed = { last: /* @__PURE__ */ new Map(), next: /* @__PURE__ */ new Map() };
    let scheduled = false;
    let rendering = false;
    let again = false;
    let settled = Promise.resolve();
    let collecting = null;
    let destroyed = false;
    const own = (state) => Object.fromEntries(Object.entries(state).filter(([key]) => !def.shared?.[key]));
    function makeCtx(target) {
      const later = (ms, action, params) => {
        const timer = setTimeout(() => run2(target, toEvent(action, params ?? {})), ms);
        return () => clearTimeout(timer);
      };
      return {
        get state() {
          return target.state;
        },
        assign(changes) {
          target.state = { ...target.state, ...changes };
          if (!target.quiet) schedule();
        },
        command(command, params = {}, options = {}) {
          const p = runCommand(target, command, params, options);
          collecting?.push(p);
          return p;
        },
        after: later,
        send(action, params) {
          later(0, action, params);
        },
        pushPatch(path, params, replace) {
          navigate(buildUrl(path, params), replace);
        },
        pushRedirect(path, params, replace) {
          location[replace ? "replace" : "assign"](buildUrl(path, params));
        },
        pushEvent(event, payload = {}) {
          for (const cb of listeners.get(event) ?? []) cb(payload);
          window.dispatchEvent(new CustomEvent(`phx:${event}`, { detail: payload }));
        },
        putFlash(kind, message) {
          flash[kind] = message;
          schedule();
        },
        pageTitle(title) {
          const { prefix = "", suffix = "" } = document.querySelector("title")?.dataset ?? {};
          document.title = prefix + title + suffix;
        },
        get url() {
          return new URL(location.href);
        },
        connected: true
      };
    }
    const root = { def, state: script.state, ctx: null };
    root.ctx = makeCtx(root);
    if (def.persist) {
      try {
        Object.assign(root.state, own(JSON.parse(env.storage?.getItem(storageKey) ?? "{}")));
      } catch {
      }
    }
    function buildUrl(path, params) {
      const url = new URL(path, location.href);
      const query = new URLSearchParams(params).toString();
      if (query) url.search = query;
      return url;
    }
    async function runCommand(target, command, params, options) {
      const pending = options.pendingKey;
      if (pending) target.ctx.assign({ [pending]: true });
      const retry = options.idempotent ?? !!script.idempotent?.includes(command);
      const outcome = await callCommand(target.def.name, command, params, script.csrfToken, retry, env.fetch);
      if (pending) target.ctx.assign({ [pending]: false });
      if (outcome.ok) {
        const { result } = outcome;
        if (options.onResult) await run2(target, { type: options.onResult, result });
        else if (result && typeof result == "object" && !Array.isArray(result)) target.ctx.assign(result);
        return result;
      }
      if (options.onError) return void await run2(target, { type: options.onError, error: outcome.error });
      const error = Object.assign(new Error(), outcome.error);
      report(error);
      throw error;
    }
    function run2(target, event) {
      const action = target.def.actions?.[event.type] ?? target.def.handleEvent;
      if (event.type == "lv:clear-flash") {
        delete flash[event.key];
        schedule();
      } else if (!destroyed && action) {
        const outer = collecting;
        const started = collecting = [];
        try {
          const result = action(event, target.ctx);
          started.push(Promise.resolve(result).catch(report));
        } catch (error) {
          report(error);
        } finally {
          collecting = outer;
        }
        return Promise.allSettled(started);
      } else if (!action) console.warn("no action", event.type);
      return Promise.resolve();
    }
    function schedule() {
      if (rendering) again = true;
      else if (!scheduled) {
        scheduled = true;
        queueMicrotask(render);
      }
    }
    function render() {
      scheduled = false;
      if (destroyed) return;
      const seen = /* @__PURE__ */ new Set();
      rendering = true;
      again = false;
      const apply = (markup) => {
        for (const [key, child] of children) if (!seen.has(key)) {
          byCid.delete(child.cid);
          children.delete(key);
        }
        keyed = { last: keyed.next, next: /* @__PURE__ */ new Map() };
        if (!patch(el, renderHtml(markup, keyed))) {
          keyed = { last: /* @__PURE__ */ new Map(), next: /* @__PURE__ */ new Map() };
          patch(el, renderHtml(markup, keyed));
        }
        afterPatch();
      };
      const done = () => {
        rendering = false;
        if (again) schedule();
      };
      try {
        const out = def.render(root.state, meta(seen));
        if (out instanceof Promise) return void (settled = out.then(apply, report).finally(done));
        apply(out);
      } catch (error) {
        report(error);
      }
      done();
    }
    function meta(seen, myself) {
      return {
        csrfToken: script.csrfToken,
        url: new URL(location.href),
        flash,
        myself,
        async live_component(child, props) {
          const { id, ...rest } = props;
          const key = `${child.name}:${id}`;
          let target = id === void 0 ? void 0 : children.get(key);
          if (!target) {
            target = { def: child, state: rest, ctx: null, quiet: true };
            target.ctx = makeCtx(target);
            await child.mount?.(target.ctx, {});
            if (id !== void 0) {
              children.set(key, target);
              byCid.set(target.cid = ++cidCounter, target);
            }
          }
          seen.add(key);
          target.quiet = true;
          try {
            await child.update?.(rest, target.ctx);
          } finally {
            target.quiet = false;
          }
          return child.render(target.state, meta(seen, target.cid));
        }
      };
    }
    function afterPatch() {
      for (const hookEl of el.querySelectorAll("[phx-hook]")) {
        const markup = hookEl.outerHTML;
        const known = hooks.get(hookEl);
        const definition = env.hooks[hookEl.getAttribute("phx-hook")];
        if (known) {
          if (known[1] != markup) known[0].updated?.();
          known[1] = markup;
        } else if (definition) {
          const hook = Object.assign(Object.create(definition), {
            el: hookEl,
            pushEvent: (event, payload = {}) => run2(root, toEvent(event, payload)),
            pushEventTo: (to, event, payload = {}) => run2(targetFor(to), toEvent(event, payload)),
            handleEvent(event, cb) {
              const set = listeners.get(event) ?? /* @__PURE__ */ new Set();
              listeners.set(event, set.add(cb));
              return () => set.delete(cb);
            },
            removeHandleEvent: (ref) => ref()
          });
          hooks.set(hookEl, [hook, markup]);
          hook.mounted?.();
        }
      }
      for (const [hookEl, [hook]] of hooks) if (!el.contains(hookEl)) {
        hooks.delete(hookEl);
        hook.destroyed?.();
      }
      applyFeedback();
      if (def.persist) {
        try {
          env.storage?.setItem(storageKey, JSON.stringify(own(root.state)));
        } catch {
        }
      }
    }
    function applyFeedback() {
      for (const fb of el.querySelectorAll("[phx-feedback-for]")) {
        const field = fb.getAttribute("phx-feedback-for");
        const input = Array.from(el.querySelectorAll("[id],[name]")).find(
          (i) => i.id == field || i.name == field || i.name == field + "[]"
        );
        if (input) fb.classList.toggle("phx-no-feedback", !(touched.has(input) || touched.has(input.form)));
      }
    }
    function targetFor(to) {
      const value = to instanceof Element ? to.getAttribute("phx-target") : to;
      return value != null && byCid.get(Number(value)) || root;
    }
    function navigate(url, replace = false, fromHistory = false) {
      if (!fromHistory) history[replace ? "replaceState" : "pushState"](null, "", url);
      const outer = collecting;
      collecting = null;
      Promise.resolve(def.handleParams?.(url, root.ctx)).catch(report);
      collecting = outer;
    }
    const topics = Object.keys(def.sync ?? {});
    const sync = topics.length > 0 && followSync(
      topics,
      script.offsets ?? {},
      {
        message: (topic, message) => run2(root, toEvent(def.sync[topic], message)),
        // Reload every shared key through its loader command.
        reset: () => {
          for (const [key, loader] of Object.entries(def.shared ?? {}))
            root.ctx.command(loader, {}).then((result) => root.ctx.assign({ [key]: result }), report);
        }
      },
      env.EventSource
    );
    render();
    return {
      name,
      el,
      run: run2,
      targetFor,
      navigate,
      schedule,
      /** phx-feedback-for: an input changed or a form submitted. */
      touch(input) {
        touched.add(input);
        applyFeedback();
      },
      get state() {
        return root.state;
      },
      /** Runs an action as if a binding had fired it. */
      dispatch: (type, event = {}) => run2(root, toEvent(type, event)),
      /** Resolves once pending renders are in the DOM. */
      async flushed() {
        do
          await settled;
        while (scheduled || rendering);
      },
      destroy() {
        destroyed = true;
        views.delete(el);
        if (sync) sync.close();
        for (const [hook] of hooks.values()) hook.destroyed?.();
        hooks.clear();
      }
    };
  }

  // src/runtime/client/mount.ts
  function mount(components, options = {}) {
    const list = Array.isArray(components) ? components : components.render ? [components] : Object.values(components);
    const mounted = [];
    installBindings();
    for (const el of (options.root ?? document).querySelectorAll(`[${PROTOCOL.rootAttr}]`)) {
      const name = el.getAttribute(PROTOCOL.rootAttr);
      const def = list.find((c) => c.name == name);
      if (!def || views.has(el)) continue;
      const scriptEl = document.querySelector(`script[type="application/json"][${PROTOCOL.stateAttr}="${name}"]`);
      const script = JSON.parse(scriptEl?.textContent || `{"state":{}}`);
      let storage = options.storage;
      try {
        if (def.persist) storage ??= sessionStorage;
      } catch {
      }
      const view = createView(def, el, script, {
        hooks: options.hooks ?? {},
        fetch: options.fetch ?? ((...args) => fetch(...args)),
        storage,
        EventSource: options.EventSource
      });
      views.set(el, view);
      mounted.push(view);
    }
    return mounted;
  }

  // ../../tmp/vfy-app/src/views/counter.component.ts
  var counter_component_exports = {};
  __export(counter_component_exports, {
    counterLiveView: () => counterLiveView
  });
  function parityOf(n) {
    return Math.abs(n) % 2 === 0 ? "even" : "odd";
  }
  var counterLiveView = defineComponent({
    name: "counter",
    mount(ctx, _params) {
      ctx.assign({ count: 0, step: 1, parity: "even" });
    },
    actions: {
      increment(_event, ctx) {
        const { count, step } = ctx.state;
        const next = count + step;
        ctx.assign({ count: next, parity: parityOf(next) });
      },
      decrement(_event, ctx) {
        const { count, step } = ctx.state;
        const next = count - step;
        ctx.assign({ count: next, parity: parityOf(next) });
      },
      reset(_event, ctx) {
        const { count, step } = ctx.state;
        ctx.assign({ count: 0, parity: "even" });
      },
      "set-step"(rawEvent, ctx) {
        const event = rawEvent;
        const { count, step } = ctx.state;
        ctx.assign({ step: Number(event.step) || 1 });
      }
    },
    render: ({ count, step, parity }) => html`
    <h1>Counter</h1>
    <p class="count" data-parity="${parity}">Count: <strong id="count">${count}</strong> (${parity})</p>
    <button phx-click="decrement">-${step}</button>
    <button phx-click="increment">+${step}</button>
    <button phx-click="reset">Reset</button>
    <p>
      Step:
      ${[1, 5, 10].map(
      (n) => html`<button phx-click="set-step" phx-value-step="${n}" class="${n === step ? "active" : ""}">${n}</button>`
    )}
    </p>
  `
  });

  // lvm-verify:lvm-verify:entry
  globalThis.__lvmVerify = { mount, module: counter_component_exports };
})();
