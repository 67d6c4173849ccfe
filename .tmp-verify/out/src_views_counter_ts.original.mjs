import { createRequire as __lvmCreateRequire } from "node:module"; const require = __lvmCreateRequire("/work/main/package.json");
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// lvm-verify:lvm-verify:clock
var timers = /* @__PURE__ */ new Map();
var now = 0;
var nextId = 1;
var __verifyClock = {
  get now() {
    return now;
  },
  pending() {
    return timers.size;
  },
  /** Fires the earliest one-shot timeout (simulated latency), if any: settling a step does this. */
  fireNextTimeout() {
    let due;
    for (const t of timers.values()) if (!t.every && (!due || t.at < due.at)) due = t;
    if (!due) return false;
    timers.delete(due.id);
    if (due.at > now) now = due.at;
    due.fn(...due.args);
    return true;
  },
  async advance(ms, flush) {
    const end = now + ms;
    for (; ; ) {
      let due;
      for (const t of timers.values()) if (t.at <= end && (!due || t.at < due.at)) due = t;
      if (!due) break;
      now = due.at;
      if (due.every) due.at += due.every;
      else timers.delete(due.id);
      due.fn(...due.args);
      await flush();
    }
    now = end;
  },
  clear() {
    timers.clear();
  }
};
function add(fn, ms, args, every) {
  const id = nextId++;
  const delay2 = Math.max(0, Number(ms) || 0);
  timers.set(id, { id, fn, args, at: now + delay2, every: every ? Math.max(1, delay2) : 0 });
  return id;
}
function setTimeout(fn, ms, ...args) {
  return add(fn, ms, args, false);
}
function setInterval(fn, ms, ...args) {
  return add(fn, ms, args, true);
}
function clearInterval(id) {
  timers.delete(id);
}

// ../../tmp/vfy-app/src/views/counter.ts
var counter_exports = {};
__export(counter_exports, {
  counterLiveView: () => counterLiveView
});
import { createLiveView, html } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
function parityOf(n) {
  return Math.abs(n) % 2 === 0 ? "even" : "odd";
}
var counterLiveView = createLiveView({
  mount: (socket) => {
    socket.assign({ count: 0, step: 1, parity: "even" });
  },
  handleEvent: (event, socket) => {
    const { count, step } = socket.context;
    switch (event.type) {
      case "increment": {
        const next = count + step;
        socket.assign({ count: next, parity: parityOf(next) });
        break;
      }
      case "decrement": {
        const next = count - step;
        socket.assign({ count: next, parity: parityOf(next) });
        break;
      }
      case "reset":
        socket.assign({ count: 0, parity: "even" });
        break;
      case "set-step":
        socket.assign({ step: Number(event.step) || 1 });
        break;
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

// ../../tmp/vfy-app/src/views/faq.ts
import { createLiveView as createLiveView2, html as html2 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var QUESTIONS = {
  general: [
    { id: "hours", q: "When are you open?", a: "Tuesday to Saturday, 9am to 5pm." },
    { id: "where", q: "Where is the warehouse?", a: "12 Dock Road, behind the market hall." }
  ],
  volunteering: [
    { id: "age", q: "Is there a minimum age?", a: "Volunteers under 16 come with an adult." },
    { id: "shifts", q: "How long is a shift?", a: "Three hours; you can sign up for as many as you like." }
  ],
  donations: [
    { id: "what", q: "What can I donate?", a: "Sealed, non-perishable food within its date." },
    { id: "tax", q: "Do I get a receipt?", a: "Yes, ask at the front desk." }
  ]
};
var TAB_LABELS = { general: "General", volunteering: "Volunteering", donations: "Donations" };
var faqView = createLiveView2({
  mount(socket) {
    socket.assign({ activeTab: "general", openQuestion: null, contactOpen: false });
  },
  handleEvent(event, socket) {
    if (event.type === "select-tab") {
      socket.assign({ activeTab: event.tab, openQuestion: null });
    } else if (event.type === "toggle-question") {
      const open = socket.context.openQuestion === event.id ? null : event.id;
      socket.assign({ openQuestion: open });
    } else if (event.type === "open-contact") {
      socket.assign({ contactOpen: true });
    } else if (event.type === "close-contact") {
      socket.assign({ contactOpen: false });
    }
  },
  render({ activeTab, openQuestion, contactOpen }) {
    return html2`
      <h1>Help centre</h1>
      <nav class="tabs">
        ${Object.keys(TAB_LABELS).map(
      (tab) => html2`<button phx-click="select-tab" phx-value-tab="${tab}" class="${tab === activeTab ? "active" : ""}">${TAB_LABELS[tab]}</button>`
    )}
      </nav>
      <dl class="accordion">
        ${QUESTIONS[activeTab].map(
      ({ id, q, a }) => html2`
            <dt phx-click="toggle-question" phx-value-id="${id}" aria-expanded="${openQuestion === id ? "true" : "false"}">${q}</dt>
            ${openQuestion === id ? html2`<dd id="answer-${id}">${a}</dd>` : ""}
          `
    )}
      </dl>
      <button phx-click="open-contact">Contact us</button>
      ${contactOpen ? html2`<div class="modal" phx-window-keydown="close-contact" phx-key="Escape">
            <div class="panel" phx-click-away="close-contact">
              <h2>Contact</h2>
              <p>Email help@harbor.example or call (555) 010-1000.</p>
              <button phx-click="close-contact">Close</button>
            </div>
          </div>` : ""}
    `;
  }
});

// ../../tmp/vfy-app/src/views/slides.ts
import { createLiveView as createLiveView3, html as html3 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var SLIDES = [
  { title: "Welcome to Harbor", body: "Thank you for giving your time." },
  { title: "Safety first", body: "Closed shoes, gloves when sorting, lift with your knees." },
  { title: "Sorting", body: "Check dates, separate glass, label every crate." },
  { title: "The front desk", body: "Greet, sign in, hand out the day's list." }
];
function clampSlide(index) {
  return Math.min(Math.max(index, 0), SLIDES.length - 1);
}
var slideDeckView = createLiveView3({
  mount(socket) {
    socket.assign({ slideIndex: 0, helpVisible: false, lastKey: "" });
  },
  handleEvent(event, socket) {
    const { slideIndex, helpVisible } = socket.context;
    switch (event.type) {
      case "keydown":
        if (event.key === "ArrowRight" || event.key === "l") {
          socket.assign({ slideIndex: clampSlide(slideIndex + 1), lastKey: event.key });
        } else if (event.key === "ArrowLeft" || event.key === "h") {
          socket.assign({ slideIndex: clampSlide(slideIndex - 1), lastKey: event.key });
        } else if (event.key === "?") {
          socket.assign({ helpVisible: !helpVisible, lastKey: event.key });
        }
        break;
      case "close-help":
        socket.assign({ helpVisible: false });
        break;
      case "go-to":
        socket.assign({ slideIndex: clampSlide(Number(event.index)) });
        break;
    }
  },
  render({ slideIndex, helpVisible, lastKey }) {
    const slide = SLIDES[slideIndex];
    return html3`
      <div phx-window-keydown="keydown"></div>
      <div phx-window-keyup="close-help" phx-key="Escape"></div>
      <h1>Orientation</h1>
      <section class="slide" id="slide-${slideIndex}">
        <h2>${slide.title}</h2>
        <p>${slide.body}</p>
      </section>
      <p class="muted">Slide ${slideIndex + 1} of ${SLIDES.length}${lastKey ? html3` · last key: <kbd>${lastKey}</kbd>` : ""}</p>
      <nav>${SLIDES.map((_, i) => html3`<button phx-click="go-to" phx-value-index="${i}" class="${i === slideIndex ? "active" : ""}">${i + 1}</button>`)}</nav>
      ${helpVisible ? html3`<aside class="help"><h3>Keyboard shortcuts</h3><p>← / → or h / l to move, ? toggles this help, Esc closes it.</p></aside>` : html3`<p class="muted">Press ? for keyboard shortcuts.</p>`}
    `;
  }
});

// ../../tmp/vfy-app/src/views/volunteerSignup.ts
import {
  createLiveView as createLiveView4,
  error_tag,
  form_for,
  html as html4,
  newChangesetFactory,
  options_for_select,
  submit,
  telephone_input,
  text_input
} from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// node_modules/zod/v3/external.js
var external_exports = {};
__export(external_exports, {
  BRAND: () => BRAND,
  DIRTY: () => DIRTY,
  EMPTY_PATH: () => EMPTY_PATH,
  INVALID: () => INVALID,
  NEVER: () => NEVER,
  OK: () => OK,
  ParseStatus: () => ParseStatus,
  Schema: () => ZodType,
  ZodAny: () => ZodAny,
  ZodArray: () => ZodArray,
  ZodBigInt: () => ZodBigInt,
  ZodBoolean: () => ZodBoolean,
  ZodBranded: () => ZodBranded,
  ZodCatch: () => ZodCatch,
  ZodDate: () => ZodDate,
  ZodDefault: () => ZodDefault,
  ZodDiscriminatedUnion: () => ZodDiscriminatedUnion,
  ZodEffects: () => ZodEffects,
  ZodEnum: () => ZodEnum,
  ZodError: () => ZodError,
  ZodFirstPartyTypeKind: () => ZodFirstPartyTypeKind,
  ZodFunction: () => ZodFunction,
  ZodIntersection: () => ZodIntersection,
  ZodIssueCode: () => ZodIssueCode,
  ZodLazy: () => ZodLazy,
  ZodLiteral: () => ZodLiteral,
  ZodMap: () => ZodMap,
  ZodNaN: () => ZodNaN,
  ZodNativeEnum: () => ZodNativeEnum,
  ZodNever: () => ZodNever,
  ZodNull: () => ZodNull,
  ZodNullable: () => ZodNullable,
  ZodNumber: () => ZodNumber,
  ZodObject: () => ZodObject,
  ZodOptional: () => ZodOptional,
  ZodParsedType: () => ZodParsedType,
  ZodPipeline: () => ZodPipeline,
  ZodPromise: () => ZodPromise,
  ZodReadonly: () => ZodReadonly,
  ZodRecord: () => ZodRecord,
  ZodSchema: () => ZodType,
  ZodSet: () => ZodSet,
  ZodString: () => ZodString,
  ZodSymbol: () => ZodSymbol,
  ZodTransformer: () => ZodEffects,
  ZodTuple: () => ZodTuple,
  ZodType: () => ZodType,
  ZodUndefined: () => ZodUndefined,
  ZodUnion: () => ZodUnion,
  ZodUnknown: () => ZodUnknown,
  ZodVoid: () => ZodVoid,
  addIssueToContext: () => addIssueToContext,
  any: () => anyType,
  array: () => arrayType,
  bigint: () => bigIntType,
  boolean: () => booleanType,
  coerce: () => coerce,
  custom: () => custom,
  date: () => dateType,
  datetimeRegex: () => datetimeRegex,
  defaultErrorMap: () => en_default,
  discriminatedUnion: () => discriminatedUnionType,
  effect: () => effectsType,
  enum: () => enumType,
  function: () => functionType,
  getErrorMap: () => getErrorMap,
  getParsedType: () => getParsedType,
  instanceof: () => instanceOfType,
  intersection: () => intersectionType,
  isAborted: () => isAborted,
  isAsync: () => isAsync,
  isDirty: () => isDirty,
  isValid: () => isValid,
  late: () => late,
  lazy: () => lazyType,
  literal: () => literalType,
  makeIssue: () => makeIssue,
  map: () => mapType,
  nan: () => nanType,
  nativeEnum: () => nativeEnumType,
  never: () => neverType,
  null: () => nullType,
  nullable: () => nullableType,
  number: () => numberType,
  object: () => objectType,
  objectUtil: () => objectUtil,
  oboolean: () => oboolean,
  onumber: () => onumber,
  optional: () => optionalType,
  ostring: () => ostring,
  pipeline: () => pipelineType,
  preprocess: () => preprocessType,
  promise: () => promiseType,
  quotelessJson: () => quotelessJson,
  record: () => recordType,
  set: () => setType,
  setErrorMap: () => setErrorMap,
  strictObject: () => strictObjectType,
  string: () => stringType,
  symbol: () => symbolType,
  transformer: () => effectsType,
  tuple: () => tupleType,
  undefined: () => undefinedType,
  union: () => unionType,
  unknown: () => unknownType,
  util: () => util,
  void: () => voidType
});

// node_modules/zod/v3/helpers/util.js
var util;
(function(util2) {
  util2.assertEqual = (_) => {
  };
  function assertIs(_arg) {
  }
  util2.assertIs = assertIs;
  function assertNever(_x) {
    throw new Error();
  }
  util2.assertNever = assertNever;
  util2.arrayToEnum = (items2) => {
    const obj = {};
    for (const item of items2) {
      obj[item] = item;
    }
    return obj;
  };
  util2.getValidEnumValues = (obj) => {
    const validKeys = util2.objectKeys(obj).filter((k) => typeof obj[obj[k]] !== "number");
    const filtered = {};
    for (const k of validKeys) {
      filtered[k] = obj[k];
    }
    return util2.objectValues(filtered);
  };
  util2.objectValues = (obj) => {
    return util2.objectKeys(obj).map(function(e) {
      return obj[e];
    });
  };
  util2.objectKeys = typeof Object.keys === "function" ? (obj) => Object.keys(obj) : (object) => {
    const keys = [];
    for (const key in object) {
      if (Object.prototype.hasOwnProperty.call(object, key)) {
        keys.push(key);
      }
    }
    return keys;
  };
  util2.find = (arr, checker) => {
    for (const item of arr) {
      if (checker(item))
        return item;
    }
    return void 0;
  };
  util2.isInteger = typeof Number.isInteger === "function" ? (val) => Number.isInteger(val) : (val) => typeof val === "number" && Number.isFinite(val) && Math.floor(val) === val;
  function joinValues(array, separator = " | ") {
    return array.map((val) => typeof val === "string" ? `'${val}'` : val).join(separator);
  }
  util2.joinValues = joinValues;
  util2.jsonStringifyReplacer = (_, value) => {
    if (typeof value === "bigint") {
      return value.toString();
    }
    return value;
  };
})(util || (util = {}));
var objectUtil;
(function(objectUtil2) {
  objectUtil2.mergeShapes = (first, second) => {
    return {
      ...first,
      ...second
      // second overwrites first
    };
  };
})(objectUtil || (objectUtil = {}));
var ZodParsedType = util.arrayToEnum([
  "string",
  "nan",
  "number",
  "integer",
  "float",
  "boolean",
  "date",
  "bigint",
  "symbol",
  "function",
  "undefined",
  "null",
  "array",
  "object",
  "unknown",
  "promise",
  "void",
  "never",
  "map",
  "set"
]);
var getParsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case "undefined":
      return ZodParsedType.undefined;
    case "string":
      return ZodParsedType.string;
    case "number":
      return Number.isNaN(data) ? ZodParsedType.nan : ZodParsedType.number;
    case "boolean":
      return ZodParsedType.boolean;
    case "function":
      return ZodParsedType.function;
    case "bigint":
      return ZodParsedType.bigint;
    case "symbol":
      return ZodParsedType.symbol;
    case "object":
      if (Array.isArray(data)) {
        return ZodParsedType.array;
      }
      if (data === null) {
        return ZodParsedType.null;
      }
      if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
        return ZodParsedType.promise;
      }
      if (typeof Map !== "undefined" && data instanceof Map) {
        return ZodParsedType.map;
      }
      if (typeof Set !== "undefined" && data instanceof Set) {
        return ZodParsedType.set;
      }
      if (typeof Date !== "undefined" && data instanceof Date) {
        return ZodParsedType.date;
      }
      return ZodParsedType.object;
    default:
      return ZodParsedType.unknown;
  }
};

// node_modules/zod/v3/ZodError.js
var ZodIssueCode = util.arrayToEnum([
  "invalid_type",
  "invalid_literal",
  "custom",
  "invalid_union",
  "invalid_union_discriminator",
  "invalid_enum_value",
  "unrecognized_keys",
  "invalid_arguments",
  "invalid_return_type",
  "invalid_date",
  "invalid_string",
  "too_small",
  "too_big",
  "invalid_intersection_types",
  "not_multiple_of",
  "not_finite"
]);
var quotelessJson = (obj) => {
  const json = JSON.stringify(obj, null, 2);
  return json.replace(/"([^"]+)":/g, "$1:");
};
var ZodError = class _ZodError extends Error {
  get errors() {
    return this.issues;
  }
  constructor(issues) {
    super();
    this.issues = [];
    this.addIssue = (sub) => {
      this.issues = [...this.issues, sub];
    };
    this.addIssues = (subs = []) => {
      this.issues = [...this.issues, ...subs];
    };
    const actualProto = new.target.prototype;
    if (Object.setPrototypeOf) {
      Object.setPrototypeOf(this, actualProto);
    } else {
      this.__proto__ = actualProto;
    }
    this.name = "ZodError";
    this.issues = issues;
  }
  format(_mapper) {
    const mapper = _mapper || function(issue) {
      return issue.message;
    };
    const fieldErrors = { _errors: [] };
    const processError = (error) => {
      for (const issue of error.issues) {
        if (issue.code === "invalid_union") {
          issue.unionErrors.map(processError);
        } else if (issue.code === "invalid_return_type") {
          processError(issue.returnTypeError);
        } else if (issue.code === "invalid_arguments") {
          processError(issue.argumentsError);
        } else if (issue.path.length === 0) {
          fieldErrors._errors.push(mapper(issue));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < issue.path.length) {
            const el = issue.path[i];
            const terminal = i === issue.path.length - 1;
            if (!terminal) {
              curr[el] = curr[el] || { _errors: [] };
            } else {
              curr[el] = curr[el] || { _errors: [] };
              curr[el]._errors.push(mapper(issue));
            }
            curr = curr[el];
            i++;
          }
        }
      }
    };
    processError(this);
    return fieldErrors;
  }
  static assert(value) {
    if (!(value instanceof _ZodError)) {
      throw new Error(`Not a ZodError: ${value}`);
    }
  }
  toString() {
    return this.message;
  }
  get message() {
    return JSON.stringify(this.issues, util.jsonStringifyReplacer, 2);
  }
  get isEmpty() {
    return this.issues.length === 0;
  }
  flatten(mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of this.issues) {
      if (sub.path.length > 0) {
        const firstEl = sub.path[0];
        fieldErrors[firstEl] = fieldErrors[firstEl] || [];
        fieldErrors[firstEl].push(mapper(sub));
      } else {
        formErrors.push(mapper(sub));
      }
    }
    return { formErrors, fieldErrors };
  }
  get formErrors() {
    return this.flatten();
  }
};
ZodError.create = (issues) => {
  const error = new ZodError(issues);
  return error;
};

// node_modules/zod/v3/locales/en.js
var errorMap = (issue, _ctx) => {
  let message;
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      if (issue.received === ZodParsedType.undefined) {
        message = "Required";
      } else {
        message = `Expected ${issue.expected}, received ${issue.received}`;
      }
      break;
    case ZodIssueCode.invalid_literal:
      message = `Invalid literal value, expected ${JSON.stringify(issue.expected, util.jsonStringifyReplacer)}`;
      break;
    case ZodIssueCode.unrecognized_keys:
      message = `Unrecognized key(s) in object: ${util.joinValues(issue.keys, ", ")}`;
      break;
    case ZodIssueCode.invalid_union:
      message = `Invalid input`;
      break;
    case ZodIssueCode.invalid_union_discriminator:
      message = `Invalid discriminator value. Expected ${util.joinValues(issue.options)}`;
      break;
    case ZodIssueCode.invalid_enum_value:
      message = `Invalid enum value. Expected ${util.joinValues(issue.options)}, received '${issue.received}'`;
      break;
    case ZodIssueCode.invalid_arguments:
      message = `Invalid function arguments`;
      break;
    case ZodIssueCode.invalid_return_type:
      message = `Invalid function return type`;
      break;
    case ZodIssueCode.invalid_date:
      message = `Invalid date`;
      break;
    case ZodIssueCode.invalid_string:
      if (typeof issue.validation === "object") {
        if ("includes" in issue.validation) {
          message = `Invalid input: must include "${issue.validation.includes}"`;
          if (typeof issue.validation.position === "number") {
            message = `${message} at one or more positions greater than or equal to ${issue.validation.position}`;
          }
        } else if ("startsWith" in issue.validation) {
          message = `Invalid input: must start with "${issue.validation.startsWith}"`;
        } else if ("endsWith" in issue.validation) {
          message = `Invalid input: must end with "${issue.validation.endsWith}"`;
        } else {
          util.assertNever(issue.validation);
        }
      } else if (issue.validation !== "regex") {
        message = `Invalid ${issue.validation}`;
      } else {
        message = "Invalid";
      }
      break;
    case ZodIssueCode.too_small:
      if (issue.type === "array")
        message = `Array must contain ${issue.exact ? "exactly" : issue.inclusive ? `at least` : `more than`} ${issue.minimum} element(s)`;
      else if (issue.type === "string")
        message = `String must contain ${issue.exact ? "exactly" : issue.inclusive ? `at least` : `over`} ${issue.minimum} character(s)`;
      else if (issue.type === "number")
        message = `Number must be ${issue.exact ? `exactly equal to ` : issue.inclusive ? `greater than or equal to ` : `greater than `}${issue.minimum}`;
      else if (issue.type === "bigint")
        message = `Number must be ${issue.exact ? `exactly equal to ` : issue.inclusive ? `greater than or equal to ` : `greater than `}${issue.minimum}`;
      else if (issue.type === "date")
        message = `Date must be ${issue.exact ? `exactly equal to ` : issue.inclusive ? `greater than or equal to ` : `greater than `}${new Date(Number(issue.minimum))}`;
      else
        message = "Invalid input";
      break;
    case ZodIssueCode.too_big:
      if (issue.type === "array")
        message = `Array must contain ${issue.exact ? `exactly` : issue.inclusive ? `at most` : `less than`} ${issue.maximum} element(s)`;
      else if (issue.type === "string")
        message = `String must contain ${issue.exact ? `exactly` : issue.inclusive ? `at most` : `under`} ${issue.maximum} character(s)`;
      else if (issue.type === "number")
        message = `Number must be ${issue.exact ? `exactly` : issue.inclusive ? `less than or equal to` : `less than`} ${issue.maximum}`;
      else if (issue.type === "bigint")
        message = `BigInt must be ${issue.exact ? `exactly` : issue.inclusive ? `less than or equal to` : `less than`} ${issue.maximum}`;
      else if (issue.type === "date")
        message = `Date must be ${issue.exact ? `exactly` : issue.inclusive ? `smaller than or equal to` : `smaller than`} ${new Date(Number(issue.maximum))}`;
      else
        message = "Invalid input";
      break;
    case ZodIssueCode.custom:
      message = `Invalid input`;
      break;
    case ZodIssueCode.invalid_intersection_types:
      message = `Intersection results could not be merged`;
      break;
    case ZodIssueCode.not_multiple_of:
      message = `Number must be a multiple of ${issue.multipleOf}`;
      break;
    case ZodIssueCode.not_finite:
      message = "Number must be finite";
      break;
    default:
      message = _ctx.defaultError;
      util.assertNever(issue);
  }
  return { message };
};
var en_default = errorMap;

// node_modules/zod/v3/errors.js
var overrideErrorMap = en_default;
function setErrorMap(map) {
  overrideErrorMap = map;
}
function getErrorMap() {
  return overrideErrorMap;
}

// node_modules/zod/v3/helpers/parseUtil.js
var makeIssue = (params) => {
  const { data, path, errorMaps, issueData } = params;
  const fullPath = [...path, ...issueData.path || []];
  const fullIssue = {
    ...issueData,
    path: fullPath
  };
  if (issueData.message !== void 0) {
    return {
      ...issueData,
      path: fullPath,
      message: issueData.message
    };
  }
  let errorMessage = "";
  const maps = errorMaps.filter((m) => !!m).slice().reverse();
  for (const map of maps) {
    errorMessage = map(fullIssue, { data, defaultError: errorMessage }).message;
  }
  return {
    ...issueData,
    path: fullPath,
    message: errorMessage
  };
};
var EMPTY_PATH = [];
function addIssueToContext(ctx, issueData) {
  const overrideMap = getErrorMap();
  const issue = makeIssue({
    issueData,
    data: ctx.data,
    path: ctx.path,
    errorMaps: [
      ctx.common.contextualErrorMap,
      // contextual error map is first priority
      ctx.schemaErrorMap,
      // then schema-bound map if available
      overrideMap,
      // then global override map
      overrideMap === en_default ? void 0 : en_default
      // then global default map
    ].filter((x) => !!x)
  });
  ctx.common.issues.push(issue);
}
var ParseStatus = class _ParseStatus {
  constructor() {
    this.value = "valid";
  }
  dirty() {
    if (this.value === "valid")
      this.value = "dirty";
  }
  abort() {
    if (this.value !== "aborted")
      this.value = "aborted";
  }
  static mergeArray(status, results) {
    const arrayValue = [];
    for (const s of results) {
      if (s.status === "aborted")
        return INVALID;
      if (s.status === "dirty")
        status.dirty();
      arrayValue.push(s.value);
    }
    return { status: status.value, value: arrayValue };
  }
  static async mergeObjectAsync(status, pairs) {
    const syncPairs = [];
    for (const pair of pairs) {
      const key = await pair.key;
      const value = await pair.value;
      syncPairs.push({
        key,
        value
      });
    }
    return _ParseStatus.mergeObjectSync(status, syncPairs);
  }
  static mergeObjectSync(status, pairs) {
    const finalObject = {};
    for (const pair of pairs) {
      const { key, value } = pair;
      if (key.status === "aborted")
        return INVALID;
      if (value.status === "aborted")
        return INVALID;
      if (key.status === "dirty")
        status.dirty();
      if (value.status === "dirty")
        status.dirty();
      if (key.value !== "__proto__" && (typeof value.value !== "undefined" || pair.alwaysSet)) {
        finalObject[key.value] = value.value;
      }
    }
    return { status: status.value, value: finalObject };
  }
};
var INVALID = Object.freeze({
  status: "aborted"
});
var DIRTY = (value) => ({ status: "dirty", value });
var OK = (value) => ({ status: "valid", value });
var isAborted = (x) => x.status === "aborted";
var isDirty = (x) => x.status === "dirty";
var isValid = (x) => x.status === "valid";
var isAsync = (x) => typeof Promise !== "undefined" && x instanceof Promise;

// node_modules/zod/v3/helpers/errorUtil.js
var errorUtil;
(function(errorUtil2) {
  errorUtil2.errToObj = (message) => typeof message === "string" ? { message } : message || {};
  errorUtil2.toString = (message) => typeof message === "string" ? message : message?.message;
})(errorUtil || (errorUtil = {}));

// node_modules/zod/v3/types.js
var ParseInputLazyPath = class {
  constructor(parent, value, path, key) {
    this._cachedPath = [];
    this.parent = parent;
    this.data = value;
    this._path = path;
    this._key = key;
  }
  get path() {
    if (!this._cachedPath.length) {
      if (Array.isArray(this._key)) {
        this._cachedPath.push(...this._path, ...this._key);
      } else {
        this._cachedPath.push(...this._path, this._key);
      }
    }
    return this._cachedPath;
  }
};
var handleResult = (ctx, result) => {
  if (isValid(result)) {
    return { success: true, data: result.value };
  } else {
    if (!ctx.common.issues.length) {
      throw new Error("Validation failed but no issues detected.");
    }
    return {
      success: false,
      get error() {
        if (this._error)
          return this._error;
        const error = new ZodError(ctx.common.issues);
        this._error = error;
        return this._error;
      }
    };
  }
};
function processCreateParams(params) {
  if (!params)
    return {};
  const { errorMap: errorMap2, invalid_type_error, required_error, description } = params;
  if (errorMap2 && (invalid_type_error || required_error)) {
    throw new Error(`Can't use "invalid_type_error" or "required_error" in conjunction with custom error map.`);
  }
  if (errorMap2)
    return { errorMap: errorMap2, description };
  const customMap = (iss, ctx) => {
    const { message } = params;
    if (iss.code === "invalid_enum_value") {
      return { message: message ?? ctx.defaultError };
    }
    if (typeof ctx.data === "undefined") {
      return { message: message ?? required_error ?? ctx.defaultError };
    }
    if (iss.code !== "invalid_type")
      return { message: ctx.defaultError };
    return { message: message ?? invalid_type_error ?? ctx.defaultError };
  };
  return { errorMap: customMap, description };
}
var ZodType = class {
  get description() {
    return this._def.description;
  }
  _getType(input) {
    return getParsedType(input.data);
  }
  _getOrReturnCtx(input, ctx) {
    return ctx || {
      common: input.parent.common,
      data: input.data,
      parsedType: getParsedType(input.data),
      schemaErrorMap: this._def.errorMap,
      path: input.path,
      parent: input.parent
    };
  }
  _processInputParams(input) {
    return {
      status: new ParseStatus(),
      ctx: {
        common: input.parent.common,
        data: input.data,
        parsedType: getParsedType(input.data),
        schemaErrorMap: this._def.errorMap,
        path: input.path,
        parent: input.parent
      }
    };
  }
  _parseSync(input) {
    const result = this._parse(input);
    if (isAsync(result)) {
      throw new Error("Synchronous parse encountered promise.");
    }
    return result;
  }
  _parseAsync(input) {
    const result = this._parse(input);
    return Promise.resolve(result);
  }
  parse(data, params) {
    const result = this.safeParse(data, params);
    if (result.success)
      return result.data;
    throw result.error;
  }
  safeParse(data, params) {
    const ctx = {
      common: {
        issues: [],
        async: params?.async ?? false,
        contextualErrorMap: params?.errorMap
      },
      path: params?.path || [],
      schemaErrorMap: this._def.errorMap,
      parent: null,
      data,
      parsedType: getParsedType(data)
    };
    const result = this._parseSync({ data, path: ctx.path, parent: ctx });
    return handleResult(ctx, result);
  }
  "~validate"(data) {
    const ctx = {
      common: {
        issues: [],
        async: !!this["~standard"].async
      },
      path: [],
      schemaErrorMap: this._def.errorMap,
      parent: null,
      data,
      parsedType: getParsedType(data)
    };
    if (!this["~standard"].async) {
      try {
        const result = this._parseSync({ data, path: [], parent: ctx });
        return isValid(result) ? {
          value: result.value
        } : {
          issues: ctx.common.issues
        };
      } catch (err) {
        if (err?.message?.toLowerCase()?.includes("encountered")) {
          this["~standard"].async = true;
        }
        ctx.common = {
          issues: [],
          async: true
        };
      }
    }
    return this._parseAsync({ data, path: [], parent: ctx }).then((result) => isValid(result) ? {
      value: result.value
    } : {
      issues: ctx.common.issues
    });
  }
  async parseAsync(data, params) {
    const result = await this.safeParseAsync(data, params);
    if (result.success)
      return result.data;
    throw result.error;
  }
  async safeParseAsync(data, params) {
    const ctx = {
      common: {
        issues: [],
        contextualErrorMap: params?.errorMap,
        async: true
      },
      path: params?.path || [],
      schemaErrorMap: this._def.errorMap,
      parent: null,
      data,
      parsedType: getParsedType(data)
    };
    const maybeAsyncResult = this._parse({ data, path: ctx.path, parent: ctx });
    const result = await (isAsync(maybeAsyncResult) ? maybeAsyncResult : Promise.resolve(maybeAsyncResult));
    return handleResult(ctx, result);
  }
  refine(check, message) {
    const getIssueProperties = (val) => {
      if (typeof message === "string" || typeof message === "undefined") {
        return { message };
      } else if (typeof message === "function") {
        return message(val);
      } else {
        return message;
      }
    };
    return this._refinement((val, ctx) => {
      const result = check(val);
      const setError = () => ctx.addIssue({
        code: ZodIssueCode.custom,
        ...getIssueProperties(val)
      });
      if (typeof Promise !== "undefined" && result instanceof Promise) {
        return result.then((data) => {
          if (!data) {
            setError();
            return false;
          } else {
            return true;
          }
        });
      }
      if (!result) {
        setError();
        return false;
      } else {
        return true;
      }
    });
  }
  refinement(check, refinementData) {
    return this._refinement((val, ctx) => {
      if (!check(val)) {
        ctx.addIssue(typeof refinementData === "function" ? refinementData(val, ctx) : refinementData);
        return false;
      } else {
        return true;
      }
    });
  }
  _refinement(refinement) {
    return new ZodEffects({
      schema: this,
      typeName: ZodFirstPartyTypeKind.ZodEffects,
      effect: { type: "refinement", refinement }
    });
  }
  superRefine(refinement) {
    return this._refinement(refinement);
  }
  constructor(def) {
    this.spa = this.safeParseAsync;
    this._def = def;
    this.parse = this.parse.bind(this);
    this.safeParse = this.safeParse.bind(this);
    this.parseAsync = this.parseAsync.bind(this);
    this.safeParseAsync = this.safeParseAsync.bind(this);
    this.spa = this.spa.bind(this);
    this.refine = this.refine.bind(this);
    this.refinement = this.refinement.bind(this);
    this.superRefine = this.superRefine.bind(this);
    this.optional = this.optional.bind(this);
    this.nullable = this.nullable.bind(this);
    this.nullish = this.nullish.bind(this);
    this.array = this.array.bind(this);
    this.promise = this.promise.bind(this);
    this.or = this.or.bind(this);
    this.and = this.and.bind(this);
    this.transform = this.transform.bind(this);
    this.brand = this.brand.bind(this);
    this.default = this.default.bind(this);
    this.catch = this.catch.bind(this);
    this.describe = this.describe.bind(this);
    this.pipe = this.pipe.bind(this);
    this.readonly = this.readonly.bind(this);
    this.isNullable = this.isNullable.bind(this);
    this.isOptional = this.isOptional.bind(this);
    this["~standard"] = {
      version: 1,
      vendor: "zod",
      validate: (data) => this["~validate"](data)
    };
  }
  optional() {
    return ZodOptional.create(this, this._def);
  }
  nullable() {
    return ZodNullable.create(this, this._def);
  }
  nullish() {
    return this.nullable().optional();
  }
  array() {
    return ZodArray.create(this);
  }
  promise() {
    return ZodPromise.create(this, this._def);
  }
  or(option) {
    return ZodUnion.create([this, option], this._def);
  }
  and(incoming) {
    return ZodIntersection.create(this, incoming, this._def);
  }
  transform(transform) {
    return new ZodEffects({
      ...processCreateParams(this._def),
      schema: this,
      typeName: ZodFirstPartyTypeKind.ZodEffects,
      effect: { type: "transform", transform }
    });
  }
  default(def) {
    const defaultValueFunc = typeof def === "function" ? def : () => def;
    return new ZodDefault({
      ...processCreateParams(this._def),
      innerType: this,
      defaultValue: defaultValueFunc,
      typeName: ZodFirstPartyTypeKind.ZodDefault
    });
  }
  brand() {
    return new ZodBranded({
      typeName: ZodFirstPartyTypeKind.ZodBranded,
      type: this,
      ...processCreateParams(this._def)
    });
  }
  catch(def) {
    const catchValueFunc = typeof def === "function" ? def : () => def;
    return new ZodCatch({
      ...processCreateParams(this._def),
      innerType: this,
      catchValue: catchValueFunc,
      typeName: ZodFirstPartyTypeKind.ZodCatch
    });
  }
  describe(description) {
    const This = this.constructor;
    return new This({
      ...this._def,
      description
    });
  }
  pipe(target) {
    return ZodPipeline.create(this, target);
  }
  readonly() {
    return ZodReadonly.create(this);
  }
  isOptional() {
    return this.safeParse(void 0).success;
  }
  isNullable() {
    return this.safeParse(null).success;
  }
};
var cuidRegex = /^c[^\s-]{8,}$/i;
var cuid2Regex = /^[0-9a-z]+$/;
var ulidRegex = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
var uuidRegex = /^[0-9a-fA-F]{8}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{12}$/i;
var nanoidRegex = /^[a-z0-9_-]{21}$/i;
var jwtRegex = /^[A-Za-z0-9-_]+\.[A-Za-z0-9-_]+\.[A-Za-z0-9-_]*$/;
var durationRegex = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
var emailRegex = /^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\-]*\.)+[A-Z]{2,}$/i;
var _emojiRegex = `^(\\p{Extended_Pictographic}|\\p{Emoji_Component})+$`;
var emojiRegex;
var ipv4Regex = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
var ipv4CidrRegex = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/(3[0-2]|[12]?[0-9])$/;
var ipv6Regex = /^(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))$/;
var ipv6CidrRegex = /^(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
var base64Regex = /^([0-9a-zA-Z+/]{4})*(([0-9a-zA-Z+/]{2}==)|([0-9a-zA-Z+/]{3}=))?$/;
var base64urlRegex = /^([0-9a-zA-Z-_]{4})*(([0-9a-zA-Z-_]{2}(==)?)|([0-9a-zA-Z-_]{3}(=)?))?$/;
var dateRegexSource = `((\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])|(0[469]|11)-(0[1-9]|[12]\\d|30)|(02)-(0[1-9]|1\\d|2[0-8])))`;
var dateRegex = new RegExp(`^${dateRegexSource}$`);
function timeRegexSource(args) {
  let secondsRegexSource = `[0-5]\\d`;
  if (args.precision) {
    secondsRegexSource = `${secondsRegexSource}\\.\\d{${args.precision}}`;
  } else if (args.precision == null) {
    secondsRegexSource = `${secondsRegexSource}(\\.\\d+)?`;
  }
  const secondsQuantifier = args.precision ? "+" : "?";
  return `([01]\\d|2[0-3]):[0-5]\\d(:${secondsRegexSource})${secondsQuantifier}`;
}
function timeRegex(args) {
  return new RegExp(`^${timeRegexSource(args)}$`);
}
function datetimeRegex(args) {
  let regex = `${dateRegexSource}T${timeRegexSource(args)}`;
  const opts = [];
  opts.push(args.local ? `Z?` : `Z`);
  if (args.offset)
    opts.push(`([+-]\\d{2}:?\\d{2})`);
  regex = `${regex}(${opts.join("|")})`;
  return new RegExp(`^${regex}$`);
}
function isValidIP(ip, version) {
  if ((version === "v4" || !version) && ipv4Regex.test(ip)) {
    return true;
  }
  if ((version === "v6" || !version) && ipv6Regex.test(ip)) {
    return true;
  }
  return false;
}
function isValidJWT(jwt, alg) {
  if (!jwtRegex.test(jwt))
    return false;
  try {
    const [header] = jwt.split(".");
    if (!header)
      return false;
    const base64 = header.replace(/-/g, "+").replace(/_/g, "/").padEnd(header.length + (4 - header.length % 4) % 4, "=");
    const decoded = JSON.parse(atob(base64));
    if (typeof decoded !== "object" || decoded === null)
      return false;
    if ("typ" in decoded && decoded?.typ !== "JWT")
      return false;
    if (!decoded.alg)
      return false;
    if (alg && decoded.alg !== alg)
      return false;
    return true;
  } catch {
    return false;
  }
}
function isValidCidr(ip, version) {
  if ((version === "v4" || !version) && ipv4CidrRegex.test(ip)) {
    return true;
  }
  if ((version === "v6" || !version) && ipv6CidrRegex.test(ip)) {
    return true;
  }
  return false;
}
var ZodString = class _ZodString extends ZodType {
  _parse(input) {
    if (this._def.coerce) {
      input.data = String(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.string) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.string,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    const status = new ParseStatus();
    let ctx = void 0;
    for (const check of this._def.checks) {
      if (check.kind === "min") {
        if (input.data.length < check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            minimum: check.value,
            type: "string",
            inclusive: true,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        if (input.data.length > check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            maximum: check.value,
            type: "string",
            inclusive: true,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "length") {
        const tooBig = input.data.length > check.value;
        const tooSmall = input.data.length < check.value;
        if (tooBig || tooSmall) {
          ctx = this._getOrReturnCtx(input, ctx);
          if (tooBig) {
            addIssueToContext(ctx, {
              code: ZodIssueCode.too_big,
              maximum: check.value,
              type: "string",
              inclusive: true,
              exact: true,
              message: check.message
            });
          } else if (tooSmall) {
            addIssueToContext(ctx, {
              code: ZodIssueCode.too_small,
              minimum: check.value,
              type: "string",
              inclusive: true,
              exact: true,
              message: check.message
            });
          }
          status.dirty();
        }
      } else if (check.kind === "email") {
        if (!emailRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "email",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "emoji") {
        if (!emojiRegex) {
          emojiRegex = new RegExp(_emojiRegex, "u");
        }
        if (!emojiRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "emoji",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "uuid") {
        if (!uuidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "uuid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "nanoid") {
        if (!nanoidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "nanoid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "cuid") {
        if (!cuidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "cuid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "cuid2") {
        if (!cuid2Regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "cuid2",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "ulid") {
        if (!ulidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "ulid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "url") {
        try {
          new URL(input.data);
        } catch {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "url",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "regex") {
        check.regex.lastIndex = 0;
        const testResult = check.regex.test(input.data);
        if (!testResult) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "regex",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "trim") {
        input.data = input.data.trim();
      } else if (check.kind === "includes") {
        if (!input.data.includes(check.value, check.position)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: { includes: check.value, position: check.position },
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "toLowerCase") {
        input.data = input.data.toLowerCase();
      } else if (check.kind === "toUpperCase") {
        input.data = input.data.toUpperCase();
      } else if (check.kind === "startsWith") {
        if (!input.data.startsWith(check.value)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: { startsWith: check.value },
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "endsWith") {
        if (!input.data.endsWith(check.value)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: { endsWith: check.value },
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "datetime") {
        const regex = datetimeRegex(check);
        if (!regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: "datetime",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "date") {
        const regex = dateRegex;
        if (!regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: "date",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "time") {
        const regex = timeRegex(check);
        if (!regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: "time",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "duration") {
        if (!durationRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "duration",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "ip") {
        if (!isValidIP(input.data, check.version)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "ip",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "jwt") {
        if (!isValidJWT(input.data, check.alg)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "jwt",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "cidr") {
        if (!isValidCidr(input.data, check.version)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "cidr",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "base64") {
        if (!base64Regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "base64",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "base64url") {
        if (!base64urlRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "base64url",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return { status: status.value, value: input.data };
  }
  _regex(regex, validation, message) {
    return this.refinement((data) => regex.test(data), {
      validation,
      code: ZodIssueCode.invalid_string,
      ...errorUtil.errToObj(message)
    });
  }
  _addCheck(check) {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  email(message) {
    return this._addCheck({ kind: "email", ...errorUtil.errToObj(message) });
  }
  url(message) {
    return this._addCheck({ kind: "url", ...errorUtil.errToObj(message) });
  }
  emoji(message) {
    return this._addCheck({ kind: "emoji", ...errorUtil.errToObj(message) });
  }
  uuid(message) {
    return this._addCheck({ kind: "uuid", ...errorUtil.errToObj(message) });
  }
  nanoid(message) {
    return this._addCheck({ kind: "nanoid", ...errorUtil.errToObj(message) });
  }
  cuid(message) {
    return this._addCheck({ kind: "cuid", ...errorUtil.errToObj(message) });
  }
  cuid2(message) {
    return this._addCheck({ kind: "cuid2", ...errorUtil.errToObj(message) });
  }
  ulid(message) {
    return this._addCheck({ kind: "ulid", ...errorUtil.errToObj(message) });
  }
  base64(message) {
    return this._addCheck({ kind: "base64", ...errorUtil.errToObj(message) });
  }
  base64url(message) {
    return this._addCheck({
      kind: "base64url",
      ...errorUtil.errToObj(message)
    });
  }
  jwt(options) {
    return this._addCheck({ kind: "jwt", ...errorUtil.errToObj(options) });
  }
  ip(options) {
    return this._addCheck({ kind: "ip", ...errorUtil.errToObj(options) });
  }
  cidr(options) {
    return this._addCheck({ kind: "cidr", ...errorUtil.errToObj(options) });
  }
  datetime(options) {
    if (typeof options === "string") {
      return this._addCheck({
        kind: "datetime",
        precision: null,
        offset: false,
        local: false,
        message: options
      });
    }
    return this._addCheck({
      kind: "datetime",
      precision: typeof options?.precision === "undefined" ? null : options?.precision,
      offset: options?.offset ?? false,
      local: options?.local ?? false,
      ...errorUtil.errToObj(options?.message)
    });
  }
  date(message) {
    return this._addCheck({ kind: "date", message });
  }
  time(options) {
    if (typeof options === "string") {
      return this._addCheck({
        kind: "time",
        precision: null,
        message: options
      });
    }
    return this._addCheck({
      kind: "time",
      precision: typeof options?.precision === "undefined" ? null : options?.precision,
      ...errorUtil.errToObj(options?.message)
    });
  }
  duration(message) {
    return this._addCheck({ kind: "duration", ...errorUtil.errToObj(message) });
  }
  regex(regex, message) {
    return this._addCheck({
      kind: "regex",
      regex,
      ...errorUtil.errToObj(message)
    });
  }
  includes(value, options) {
    return this._addCheck({
      kind: "includes",
      value,
      position: options?.position,
      ...errorUtil.errToObj(options?.message)
    });
  }
  startsWith(value, message) {
    return this._addCheck({
      kind: "startsWith",
      value,
      ...errorUtil.errToObj(message)
    });
  }
  endsWith(value, message) {
    return this._addCheck({
      kind: "endsWith",
      value,
      ...errorUtil.errToObj(message)
    });
  }
  min(minLength, message) {
    return this._addCheck({
      kind: "min",
      value: minLength,
      ...errorUtil.errToObj(message)
    });
  }
  max(maxLength, message) {
    return this._addCheck({
      kind: "max",
      value: maxLength,
      ...errorUtil.errToObj(message)
    });
  }
  length(len, message) {
    return this._addCheck({
      kind: "length",
      value: len,
      ...errorUtil.errToObj(message)
    });
  }
  /**
   * Equivalent to `.min(1)`
   */
  nonempty(message) {
    return this.min(1, errorUtil.errToObj(message));
  }
  trim() {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, { kind: "trim" }]
    });
  }
  toLowerCase() {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, { kind: "toLowerCase" }]
    });
  }
  toUpperCase() {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, { kind: "toUpperCase" }]
    });
  }
  get isDatetime() {
    return !!this._def.checks.find((ch) => ch.kind === "datetime");
  }
  get isDate() {
    return !!this._def.checks.find((ch) => ch.kind === "date");
  }
  get isTime() {
    return !!this._def.checks.find((ch) => ch.kind === "time");
  }
  get isDuration() {
    return !!this._def.checks.find((ch) => ch.kind === "duration");
  }
  get isEmail() {
    return !!this._def.checks.find((ch) => ch.kind === "email");
  }
  get isURL() {
    return !!this._def.checks.find((ch) => ch.kind === "url");
  }
  get isEmoji() {
    return !!this._def.checks.find((ch) => ch.kind === "emoji");
  }
  get isUUID() {
    return !!this._def.checks.find((ch) => ch.kind === "uuid");
  }
  get isNANOID() {
    return !!this._def.checks.find((ch) => ch.kind === "nanoid");
  }
  get isCUID() {
    return !!this._def.checks.find((ch) => ch.kind === "cuid");
  }
  get isCUID2() {
    return !!this._def.checks.find((ch) => ch.kind === "cuid2");
  }
  get isULID() {
    return !!this._def.checks.find((ch) => ch.kind === "ulid");
  }
  get isIP() {
    return !!this._def.checks.find((ch) => ch.kind === "ip");
  }
  get isCIDR() {
    return !!this._def.checks.find((ch) => ch.kind === "cidr");
  }
  get isBase64() {
    return !!this._def.checks.find((ch) => ch.kind === "base64");
  }
  get isBase64url() {
    return !!this._def.checks.find((ch) => ch.kind === "base64url");
  }
  get minLength() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min;
  }
  get maxLength() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max;
  }
};
ZodString.create = (params) => {
  return new ZodString({
    checks: [],
    typeName: ZodFirstPartyTypeKind.ZodString,
    coerce: params?.coerce ?? false,
    ...processCreateParams(params)
  });
};
function floatSafeRemainder(val, step) {
  const valDecCount = (val.toString().split(".")[1] || "").length;
  const stepDecCount = (step.toString().split(".")[1] || "").length;
  const decCount = valDecCount > stepDecCount ? valDecCount : stepDecCount;
  const valInt = Number.parseInt(val.toFixed(decCount).replace(".", ""));
  const stepInt = Number.parseInt(step.toFixed(decCount).replace(".", ""));
  return valInt % stepInt / 10 ** decCount;
}
var ZodNumber = class _ZodNumber extends ZodType {
  constructor() {
    super(...arguments);
    this.min = this.gte;
    this.max = this.lte;
    this.step = this.multipleOf;
  }
  _parse(input) {
    if (this._def.coerce) {
      input.data = Number(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.number) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.number,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    let ctx = void 0;
    const status = new ParseStatus();
    for (const check of this._def.checks) {
      if (check.kind === "int") {
        if (!util.isInteger(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_type,
            expected: "integer",
            received: "float",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "min") {
        const tooSmall = check.inclusive ? input.data < check.value : input.data <= check.value;
        if (tooSmall) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            minimum: check.value,
            type: "number",
            inclusive: check.inclusive,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        const tooBig = check.inclusive ? input.data > check.value : input.data >= check.value;
        if (tooBig) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            maximum: check.value,
            type: "number",
            inclusive: check.inclusive,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "multipleOf") {
        if (floatSafeRemainder(input.data, check.value) !== 0) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.not_multiple_of,
            multipleOf: check.value,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "finite") {
        if (!Number.isFinite(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.not_finite,
            message: check.message
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return { status: status.value, value: input.data };
  }
  gte(value, message) {
    return this.setLimit("min", value, true, errorUtil.toString(message));
  }
  gt(value, message) {
    return this.setLimit("min", value, false, errorUtil.toString(message));
  }
  lte(value, message) {
    return this.setLimit("max", value, true, errorUtil.toString(message));
  }
  lt(value, message) {
    return this.setLimit("max", value, false, errorUtil.toString(message));
  }
  setLimit(kind, value, inclusive, message) {
    return new _ZodNumber({
      ...this._def,
      checks: [
        ...this._def.checks,
        {
          kind,
          value,
          inclusive,
          message: errorUtil.toString(message)
        }
      ]
    });
  }
  _addCheck(check) {
    return new _ZodNumber({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  int(message) {
    return this._addCheck({
      kind: "int",
      message: errorUtil.toString(message)
    });
  }
  positive(message) {
    return this._addCheck({
      kind: "min",
      value: 0,
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  negative(message) {
    return this._addCheck({
      kind: "max",
      value: 0,
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  nonpositive(message) {
    return this._addCheck({
      kind: "max",
      value: 0,
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  nonnegative(message) {
    return this._addCheck({
      kind: "min",
      value: 0,
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  multipleOf(value, message) {
    return this._addCheck({
      kind: "multipleOf",
      value,
      message: errorUtil.toString(message)
    });
  }
  finite(message) {
    return this._addCheck({
      kind: "finite",
      message: errorUtil.toString(message)
    });
  }
  safe(message) {
    return this._addCheck({
      kind: "min",
      inclusive: true,
      value: Number.MIN_SAFE_INTEGER,
      message: errorUtil.toString(message)
    })._addCheck({
      kind: "max",
      inclusive: true,
      value: Number.MAX_SAFE_INTEGER,
      message: errorUtil.toString(message)
    });
  }
  get minValue() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min;
  }
  get maxValue() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max;
  }
  get isInt() {
    return !!this._def.checks.find((ch) => ch.kind === "int" || ch.kind === "multipleOf" && util.isInteger(ch.value));
  }
  get isFinite() {
    let max = null;
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "finite" || ch.kind === "int" || ch.kind === "multipleOf") {
        return true;
      } else if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      } else if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return Number.isFinite(min) && Number.isFinite(max);
  }
};
ZodNumber.create = (params) => {
  return new ZodNumber({
    checks: [],
    typeName: ZodFirstPartyTypeKind.ZodNumber,
    coerce: params?.coerce || false,
    ...processCreateParams(params)
  });
};
var ZodBigInt = class _ZodBigInt extends ZodType {
  constructor() {
    super(...arguments);
    this.min = this.gte;
    this.max = this.lte;
  }
  _parse(input) {
    if (this._def.coerce) {
      try {
        input.data = BigInt(input.data);
      } catch {
        return this._getInvalidInput(input);
      }
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.bigint) {
      return this._getInvalidInput(input);
    }
    let ctx = void 0;
    const status = new ParseStatus();
    for (const check of this._def.checks) {
      if (check.kind === "min") {
        const tooSmall = check.inclusive ? input.data < check.value : input.data <= check.value;
        if (tooSmall) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            type: "bigint",
            minimum: check.value,
            inclusive: check.inclusive,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        const tooBig = check.inclusive ? input.data > check.value : input.data >= check.value;
        if (tooBig) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            type: "bigint",
            maximum: check.value,
            inclusive: check.inclusive,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "multipleOf") {
        if (input.data % check.value !== BigInt(0)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.not_multiple_of,
            multipleOf: check.value,
            message: check.message
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return { status: status.value, value: input.data };
  }
  _getInvalidInput(input) {
    const ctx = this._getOrReturnCtx(input);
    addIssueToContext(ctx, {
      code: ZodIssueCode.invalid_type,
      expected: ZodParsedType.bigint,
      received: ctx.parsedType
    });
    return INVALID;
  }
  gte(value, message) {
    return this.setLimit("min", value, true, errorUtil.toString(message));
  }
  gt(value, message) {
    return this.setLimit("min", value, false, errorUtil.toString(message));
  }
  lte(value, message) {
    return this.setLimit("max", value, true, errorUtil.toString(message));
  }
  lt(value, message) {
    return this.setLimit("max", value, false, errorUtil.toString(message));
  }
  setLimit(kind, value, inclusive, message) {
    return new _ZodBigInt({
      ...this._def,
      checks: [
        ...this._def.checks,
        {
          kind,
          value,
          inclusive,
          message: errorUtil.toString(message)
        }
      ]
    });
  }
  _addCheck(check) {
    return new _ZodBigInt({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  positive(message) {
    return this._addCheck({
      kind: "min",
      value: BigInt(0),
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  negative(message) {
    return this._addCheck({
      kind: "max",
      value: BigInt(0),
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  nonpositive(message) {
    return this._addCheck({
      kind: "max",
      value: BigInt(0),
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  nonnegative(message) {
    return this._addCheck({
      kind: "min",
      value: BigInt(0),
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  multipleOf(value, message) {
    return this._addCheck({
      kind: "multipleOf",
      value,
      message: errorUtil.toString(message)
    });
  }
  get minValue() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min;
  }
  get maxValue() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max;
  }
};
ZodBigInt.create = (params) => {
  return new ZodBigInt({
    checks: [],
    typeName: ZodFirstPartyTypeKind.ZodBigInt,
    coerce: params?.coerce ?? false,
    ...processCreateParams(params)
  });
};
var ZodBoolean = class extends ZodType {
  _parse(input) {
    if (this._def.coerce) {
      input.data = Boolean(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.boolean) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.boolean,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodBoolean.create = (params) => {
  return new ZodBoolean({
    typeName: ZodFirstPartyTypeKind.ZodBoolean,
    coerce: params?.coerce || false,
    ...processCreateParams(params)
  });
};
var ZodDate = class _ZodDate extends ZodType {
  _parse(input) {
    if (this._def.coerce) {
      input.data = new Date(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.date) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.date,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    if (Number.isNaN(input.data.getTime())) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_date
      });
      return INVALID;
    }
    const status = new ParseStatus();
    let ctx = void 0;
    for (const check of this._def.checks) {
      if (check.kind === "min") {
        if (input.data.getTime() < check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            message: check.message,
            inclusive: true,
            exact: false,
            minimum: check.value,
            type: "date"
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        if (input.data.getTime() > check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            message: check.message,
            inclusive: true,
            exact: false,
            maximum: check.value,
            type: "date"
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return {
      status: status.value,
      value: new Date(input.data.getTime())
    };
  }
  _addCheck(check) {
    return new _ZodDate({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  min(minDate, message) {
    return this._addCheck({
      kind: "min",
      value: minDate.getTime(),
      message: errorUtil.toString(message)
    });
  }
  max(maxDate, message) {
    return this._addCheck({
      kind: "max",
      value: maxDate.getTime(),
      message: errorUtil.toString(message)
    });
  }
  get minDate() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min != null ? new Date(min) : null;
  }
  get maxDate() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max != null ? new Date(max) : null;
  }
};
ZodDate.create = (params) => {
  return new ZodDate({
    checks: [],
    coerce: params?.coerce || false,
    typeName: ZodFirstPartyTypeKind.ZodDate,
    ...processCreateParams(params)
  });
};
var ZodSymbol = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.symbol) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.symbol,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodSymbol.create = (params) => {
  return new ZodSymbol({
    typeName: ZodFirstPartyTypeKind.ZodSymbol,
    ...processCreateParams(params)
  });
};
var ZodUndefined = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.undefined) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.undefined,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodUndefined.create = (params) => {
  return new ZodUndefined({
    typeName: ZodFirstPartyTypeKind.ZodUndefined,
    ...processCreateParams(params)
  });
};
var ZodNull = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.null) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.null,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodNull.create = (params) => {
  return new ZodNull({
    typeName: ZodFirstPartyTypeKind.ZodNull,
    ...processCreateParams(params)
  });
};
var ZodAny = class extends ZodType {
  constructor() {
    super(...arguments);
    this._any = true;
  }
  _parse(input) {
    return OK(input.data);
  }
};
ZodAny.create = (params) => {
  return new ZodAny({
    typeName: ZodFirstPartyTypeKind.ZodAny,
    ...processCreateParams(params)
  });
};
var ZodUnknown = class extends ZodType {
  constructor() {
    super(...arguments);
    this._unknown = true;
  }
  _parse(input) {
    return OK(input.data);
  }
};
ZodUnknown.create = (params) => {
  return new ZodUnknown({
    typeName: ZodFirstPartyTypeKind.ZodUnknown,
    ...processCreateParams(params)
  });
};
var ZodNever = class extends ZodType {
  _parse(input) {
    const ctx = this._getOrReturnCtx(input);
    addIssueToContext(ctx, {
      code: ZodIssueCode.invalid_type,
      expected: ZodParsedType.never,
      received: ctx.parsedType
    });
    return INVALID;
  }
};
ZodNever.create = (params) => {
  return new ZodNever({
    typeName: ZodFirstPartyTypeKind.ZodNever,
    ...processCreateParams(params)
  });
};
var ZodVoid = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.undefined) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.void,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodVoid.create = (params) => {
  return new ZodVoid({
    typeName: ZodFirstPartyTypeKind.ZodVoid,
    ...processCreateParams(params)
  });
};
var ZodArray = class _ZodArray extends ZodType {
  _parse(input) {
    const { ctx, status } = this._processInputParams(input);
    const def = this._def;
    if (ctx.parsedType !== ZodParsedType.array) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.array,
        received: ctx.parsedType
      });
      return INVALID;
    }
    if (def.exactLength !== null) {
      const tooBig = ctx.data.length > def.exactLength.value;
      const tooSmall = ctx.data.length < def.exactLength.value;
      if (tooBig || tooSmall) {
        addIssueToContext(ctx, {
          code: tooBig ? ZodIssueCode.too_big : ZodIssueCode.too_small,
          minimum: tooSmall ? def.exactLength.value : void 0,
          maximum: tooBig ? def.exactLength.value : void 0,
          type: "array",
          inclusive: true,
          exact: true,
          message: def.exactLength.message
        });
        status.dirty();
      }
    }
    if (def.minLength !== null) {
      if (ctx.data.length < def.minLength.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_small,
          minimum: def.minLength.value,
          type: "array",
          inclusive: true,
          exact: false,
          message: def.minLength.message
        });
        status.dirty();
      }
    }
    if (def.maxLength !== null) {
      if (ctx.data.length > def.maxLength.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_big,
          maximum: def.maxLength.value,
          type: "array",
          inclusive: true,
          exact: false,
          message: def.maxLength.message
        });
        status.dirty();
      }
    }
    if (ctx.common.async) {
      return Promise.all([...ctx.data].map((item, i) => {
        return def.type._parseAsync(new ParseInputLazyPath(ctx, item, ctx.path, i));
      })).then((result2) => {
        return ParseStatus.mergeArray(status, result2);
      });
    }
    const result = [...ctx.data].map((item, i) => {
      return def.type._parseSync(new ParseInputLazyPath(ctx, item, ctx.path, i));
    });
    return ParseStatus.mergeArray(status, result);
  }
  get element() {
    return this._def.type;
  }
  min(minLength, message) {
    return new _ZodArray({
      ...this._def,
      minLength: { value: minLength, message: errorUtil.toString(message) }
    });
  }
  max(maxLength, message) {
    return new _ZodArray({
      ...this._def,
      maxLength: { value: maxLength, message: errorUtil.toString(message) }
    });
  }
  length(len, message) {
    return new _ZodArray({
      ...this._def,
      exactLength: { value: len, message: errorUtil.toString(message) }
    });
  }
  nonempty(message) {
    return this.min(1, message);
  }
};
ZodArray.create = (schema, params) => {
  return new ZodArray({
    type: schema,
    minLength: null,
    maxLength: null,
    exactLength: null,
    typeName: ZodFirstPartyTypeKind.ZodArray,
    ...processCreateParams(params)
  });
};
function deepPartialify(schema) {
  if (schema instanceof ZodObject) {
    const newShape = {};
    for (const key in schema.shape) {
      const fieldSchema = schema.shape[key];
      newShape[key] = ZodOptional.create(deepPartialify(fieldSchema));
    }
    return new ZodObject({
      ...schema._def,
      shape: () => newShape
    });
  } else if (schema instanceof ZodArray) {
    return new ZodArray({
      ...schema._def,
      type: deepPartialify(schema.element)
    });
  } else if (schema instanceof ZodOptional) {
    return ZodOptional.create(deepPartialify(schema.unwrap()));
  } else if (schema instanceof ZodNullable) {
    return ZodNullable.create(deepPartialify(schema.unwrap()));
  } else if (schema instanceof ZodTuple) {
    return ZodTuple.create(schema.items.map((item) => deepPartialify(item)));
  } else {
    return schema;
  }
}
var ZodObject = class _ZodObject extends ZodType {
  constructor() {
    super(...arguments);
    this._cached = null;
    this.nonstrict = this.passthrough;
    this.augment = this.extend;
  }
  _getCached() {
    if (this._cached !== null)
      return this._cached;
    const shape = this._def.shape();
    const keys = util.objectKeys(shape);
    this._cached = { shape, keys };
    return this._cached;
  }
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.object) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.object,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    const { status, ctx } = this._processInputParams(input);
    const { shape, keys: shapeKeys } = this._getCached();
    const extraKeys = [];
    if (!(this._def.catchall instanceof ZodNever && this._def.unknownKeys === "strip")) {
      for (const key in ctx.data) {
        if (!shapeKeys.includes(key)) {
          extraKeys.push(key);
        }
      }
    }
    const pairs = [];
    for (const key of shapeKeys) {
      const keyValidator = shape[key];
      const value = ctx.data[key];
      pairs.push({
        key: { status: "valid", value: key },
        value: keyValidator._parse(new ParseInputLazyPath(ctx, value, ctx.path, key)),
        alwaysSet: key in ctx.data
      });
    }
    if (this._def.catchall instanceof ZodNever) {
      const unknownKeys = this._def.unknownKeys;
      if (unknownKeys === "passthrough") {
        for (const key of extraKeys) {
          pairs.push({
            key: { status: "valid", value: key },
            value: { status: "valid", value: ctx.data[key] }
          });
        }
      } else if (unknownKeys === "strict") {
        if (extraKeys.length > 0) {
          addIssueToContext(ctx, {
            code: ZodIssueCode.unrecognized_keys,
            keys: extraKeys
          });
          status.dirty();
        }
      } else if (unknownKeys === "strip") {
      } else {
        throw new Error(`Internal ZodObject error: invalid unknownKeys value.`);
      }
    } else {
      const catchall = this._def.catchall;
      for (const key of extraKeys) {
        const value = ctx.data[key];
        pairs.push({
          key: { status: "valid", value: key },
          value: catchall._parse(
            new ParseInputLazyPath(ctx, value, ctx.path, key)
            //, ctx.child(key), value, getParsedType(value)
          ),
          alwaysSet: key in ctx.data
        });
      }
    }
    if (ctx.common.async) {
      return Promise.resolve().then(async () => {
        const syncPairs = [];
        for (const pair of pairs) {
          const key = await pair.key;
          const value = await pair.value;
          syncPairs.push({
            key,
            value,
            alwaysSet: pair.alwaysSet
          });
        }
        return syncPairs;
      }).then((syncPairs) => {
        return ParseStatus.mergeObjectSync(status, syncPairs);
      });
    } else {
      return ParseStatus.mergeObjectSync(status, pairs);
    }
  }
  get shape() {
    return this._def.shape();
  }
  strict(message) {
    errorUtil.errToObj;
    return new _ZodObject({
      ...this._def,
      unknownKeys: "strict",
      ...message !== void 0 ? {
        errorMap: (issue, ctx) => {
          const defaultError = this._def.errorMap?.(issue, ctx).message ?? ctx.defaultError;
          if (issue.code === "unrecognized_keys")
            return {
              message: errorUtil.errToObj(message).message ?? defaultError
            };
          return {
            message: defaultError
          };
        }
      } : {}
    });
  }
  strip() {
    return new _ZodObject({
      ...this._def,
      unknownKeys: "strip"
    });
  }
  passthrough() {
    return new _ZodObject({
      ...this._def,
      unknownKeys: "passthrough"
    });
  }
  // const AugmentFactory =
  //   <Def extends ZodObjectDef>(def: Def) =>
  //   <Augmentation extends ZodRawShape>(
  //     augmentation: Augmentation
  //   ): ZodObject<
  //     extendShape<ReturnType<Def["shape"]>, Augmentation>,
  //     Def["unknownKeys"],
  //     Def["catchall"]
  //   > => {
  //     return new ZodObject({
  //       ...def,
  //       shape: () => ({
  //         ...def.shape(),
  //         ...augmentation,
  //       }),
  //     }) as any;
  //   };
  extend(augmentation) {
    return new _ZodObject({
      ...this._def,
      shape: () => ({
        ...this._def.shape(),
        ...augmentation
      })
    });
  }
  /**
   * Prior to zod@1.0.12 there was a bug in the
   * inferred type of merged objects. Please
   * upgrade if you are experiencing issues.
   */
  merge(merging) {
    const merged = new _ZodObject({
      unknownKeys: merging._def.unknownKeys,
      catchall: merging._def.catchall,
      shape: () => ({
        ...this._def.shape(),
        ...merging._def.shape()
      }),
      typeName: ZodFirstPartyTypeKind.ZodObject
    });
    return merged;
  }
  // merge<
  //   Incoming extends AnyZodObject,
  //   Augmentation extends Incoming["shape"],
  //   NewOutput extends {
  //     [k in keyof Augmentation | keyof Output]: k extends keyof Augmentation
  //       ? Augmentation[k]["_output"]
  //       : k extends keyof Output
  //       ? Output[k]
  //       : never;
  //   },
  //   NewInput extends {
  //     [k in keyof Augmentation | keyof Input]: k extends keyof Augmentation
  //       ? Augmentation[k]["_input"]
  //       : k extends keyof Input
  //       ? Input[k]
  //       : never;
  //   }
  // >(
  //   merging: Incoming
  // ): ZodObject<
  //   extendShape<T, ReturnType<Incoming["_def"]["shape"]>>,
  //   Incoming["_def"]["unknownKeys"],
  //   Incoming["_def"]["catchall"],
  //   NewOutput,
  //   NewInput
  // > {
  //   const merged: any = new ZodObject({
  //     unknownKeys: merging._def.unknownKeys,
  //     catchall: merging._def.catchall,
  //     shape: () =>
  //       objectUtil.mergeShapes(this._def.shape(), merging._def.shape()),
  //     typeName: ZodFirstPartyTypeKind.ZodObject,
  //   }) as any;
  //   return merged;
  // }
  setKey(key, schema) {
    return this.augment({ [key]: schema });
  }
  // merge<Incoming extends AnyZodObject>(
  //   merging: Incoming
  // ): //ZodObject<T & Incoming["_shape"], UnknownKeys, Catchall> = (merging) => {
  // ZodObject<
  //   extendShape<T, ReturnType<Incoming["_def"]["shape"]>>,
  //   Incoming["_def"]["unknownKeys"],
  //   Incoming["_def"]["catchall"]
  // > {
  //   // const mergedShape = objectUtil.mergeShapes(
  //   //   this._def.shape(),
  //   //   merging._def.shape()
  //   // );
  //   const merged: any = new ZodObject({
  //     unknownKeys: merging._def.unknownKeys,
  //     catchall: merging._def.catchall,
  //     shape: () =>
  //       objectUtil.mergeShapes(this._def.shape(), merging._def.shape()),
  //     typeName: ZodFirstPartyTypeKind.ZodObject,
  //   }) as any;
  //   return merged;
  // }
  catchall(index) {
    return new _ZodObject({
      ...this._def,
      catchall: index
    });
  }
  pick(mask) {
    const shape = {};
    for (const key of util.objectKeys(mask)) {
      if (mask[key] && this.shape[key]) {
        shape[key] = this.shape[key];
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => shape
    });
  }
  omit(mask) {
    const shape = {};
    for (const key of util.objectKeys(this.shape)) {
      if (!mask[key]) {
        shape[key] = this.shape[key];
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => shape
    });
  }
  /**
   * @deprecated
   */
  deepPartial() {
    return deepPartialify(this);
  }
  partial(mask) {
    const newShape = {};
    for (const key of util.objectKeys(this.shape)) {
      const fieldSchema = this.shape[key];
      if (mask && !mask[key]) {
        newShape[key] = fieldSchema;
      } else {
        newShape[key] = fieldSchema.optional();
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => newShape
    });
  }
  required(mask) {
    const newShape = {};
    for (const key of util.objectKeys(this.shape)) {
      if (mask && !mask[key]) {
        newShape[key] = this.shape[key];
      } else {
        const fieldSchema = this.shape[key];
        let newField = fieldSchema;
        while (newField instanceof ZodOptional) {
          newField = newField._def.innerType;
        }
        newShape[key] = newField;
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => newShape
    });
  }
  keyof() {
    return createZodEnum(util.objectKeys(this.shape));
  }
};
ZodObject.create = (shape, params) => {
  return new ZodObject({
    shape: () => shape,
    unknownKeys: "strip",
    catchall: ZodNever.create(),
    typeName: ZodFirstPartyTypeKind.ZodObject,
    ...processCreateParams(params)
  });
};
ZodObject.strictCreate = (shape, params) => {
  return new ZodObject({
    shape: () => shape,
    unknownKeys: "strict",
    catchall: ZodNever.create(),
    typeName: ZodFirstPartyTypeKind.ZodObject,
    ...processCreateParams(params)
  });
};
ZodObject.lazycreate = (shape, params) => {
  return new ZodObject({
    shape,
    unknownKeys: "strip",
    catchall: ZodNever.create(),
    typeName: ZodFirstPartyTypeKind.ZodObject,
    ...processCreateParams(params)
  });
};
var ZodUnion = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const options = this._def.options;
    function handleResults(results) {
      for (const result of results) {
        if (result.result.status === "valid") {
          return result.result;
        }
      }
      for (const result of results) {
        if (result.result.status === "dirty") {
          ctx.common.issues.push(...result.ctx.common.issues);
          return result.result;
        }
      }
      const unionErrors = results.map((result) => new ZodError(result.ctx.common.issues));
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_union,
        unionErrors
      });
      return INVALID;
    }
    if (ctx.common.async) {
      return Promise.all(options.map(async (option) => {
        const childCtx = {
          ...ctx,
          common: {
            ...ctx.common,
            issues: []
          },
          parent: null
        };
        return {
          result: await option._parseAsync({
            data: ctx.data,
            path: ctx.path,
            parent: childCtx
          }),
          ctx: childCtx
        };
      })).then(handleResults);
    } else {
      let dirty = void 0;
      const issues = [];
      for (const option of options) {
        const childCtx = {
          ...ctx,
          common: {
            ...ctx.common,
            issues: []
          },
          parent: null
        };
        const result = option._parseSync({
          data: ctx.data,
          path: ctx.path,
          parent: childCtx
        });
        if (result.status === "valid") {
          return result;
        } else if (result.status === "dirty" && !dirty) {
          dirty = { result, ctx: childCtx };
        }
        if (childCtx.common.issues.length) {
          issues.push(childCtx.common.issues);
        }
      }
      if (dirty) {
        ctx.common.issues.push(...dirty.ctx.common.issues);
        return dirty.result;
      }
      const unionErrors = issues.map((issues2) => new ZodError(issues2));
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_union,
        unionErrors
      });
      return INVALID;
    }
  }
  get options() {
    return this._def.options;
  }
};
ZodUnion.create = (types, params) => {
  return new ZodUnion({
    options: types,
    typeName: ZodFirstPartyTypeKind.ZodUnion,
    ...processCreateParams(params)
  });
};
var getDiscriminator = (type) => {
  if (type instanceof ZodLazy) {
    return getDiscriminator(type.schema);
  } else if (type instanceof ZodEffects) {
    return getDiscriminator(type.innerType());
  } else if (type instanceof ZodLiteral) {
    return [type.value];
  } else if (type instanceof ZodEnum) {
    return type.options;
  } else if (type instanceof ZodNativeEnum) {
    return util.objectValues(type.enum);
  } else if (type instanceof ZodDefault) {
    return getDiscriminator(type._def.innerType);
  } else if (type instanceof ZodUndefined) {
    return [void 0];
  } else if (type instanceof ZodNull) {
    return [null];
  } else if (type instanceof ZodOptional) {
    return [void 0, ...getDiscriminator(type.unwrap())];
  } else if (type instanceof ZodNullable) {
    return [null, ...getDiscriminator(type.unwrap())];
  } else if (type instanceof ZodBranded) {
    return getDiscriminator(type.unwrap());
  } else if (type instanceof ZodReadonly) {
    return getDiscriminator(type.unwrap());
  } else if (type instanceof ZodCatch) {
    return getDiscriminator(type._def.innerType);
  } else {
    return [];
  }
};
var ZodDiscriminatedUnion = class _ZodDiscriminatedUnion extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.object) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.object,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const discriminator = this.discriminator;
    const discriminatorValue = ctx.data[discriminator];
    const option = this.optionsMap.get(discriminatorValue);
    if (!option) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_union_discriminator,
        options: Array.from(this.optionsMap.keys()),
        path: [discriminator]
      });
      return INVALID;
    }
    if (ctx.common.async) {
      return option._parseAsync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      });
    } else {
      return option._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      });
    }
  }
  get discriminator() {
    return this._def.discriminator;
  }
  get options() {
    return this._def.options;
  }
  get optionsMap() {
    return this._def.optionsMap;
  }
  /**
   * The constructor of the discriminated union schema. Its behaviour is very similar to that of the normal z.union() constructor.
   * However, it only allows a union of objects, all of which need to share a discriminator property. This property must
   * have a different value for each object in the union.
   * @param discriminator the name of the discriminator property
   * @param types an array of object schemas
   * @param params
   */
  static create(discriminator, options, params) {
    const optionsMap = /* @__PURE__ */ new Map();
    for (const type of options) {
      const discriminatorValues = getDiscriminator(type.shape[discriminator]);
      if (!discriminatorValues.length) {
        throw new Error(`A discriminator value for key \`${discriminator}\` could not be extracted from all schema options`);
      }
      for (const value of discriminatorValues) {
        if (optionsMap.has(value)) {
          throw new Error(`Discriminator property ${String(discriminator)} has duplicate value ${String(value)}`);
        }
        optionsMap.set(value, type);
      }
    }
    return new _ZodDiscriminatedUnion({
      typeName: ZodFirstPartyTypeKind.ZodDiscriminatedUnion,
      discriminator,
      options,
      optionsMap,
      ...processCreateParams(params)
    });
  }
};
function mergeValues(a, b) {
  const aType = getParsedType(a);
  const bType = getParsedType(b);
  if (a === b) {
    return { valid: true, data: a };
  } else if (aType === ZodParsedType.object && bType === ZodParsedType.object) {
    const bKeys = util.objectKeys(b);
    const sharedKeys = util.objectKeys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    for (const key of sharedKeys) {
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return { valid: false };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  } else if (aType === ZodParsedType.array && bType === ZodParsedType.array) {
    if (a.length !== b.length) {
      return { valid: false };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return { valid: false };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  } else if (aType === ZodParsedType.date && bType === ZodParsedType.date && +a === +b) {
    return { valid: true, data: a };
  } else {
    return { valid: false };
  }
}
var ZodIntersection = class extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    const handleParsed = (parsedLeft, parsedRight) => {
      if (isAborted(parsedLeft) || isAborted(parsedRight)) {
        return INVALID;
      }
      const merged = mergeValues(parsedLeft.value, parsedRight.value);
      if (!merged.valid) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.invalid_intersection_types
        });
        return INVALID;
      }
      if (isDirty(parsedLeft) || isDirty(parsedRight)) {
        status.dirty();
      }
      return { status: status.value, value: merged.data };
    };
    if (ctx.common.async) {
      return Promise.all([
        this._def.left._parseAsync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        }),
        this._def.right._parseAsync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        })
      ]).then(([left, right]) => handleParsed(left, right));
    } else {
      return handleParsed(this._def.left._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      }), this._def.right._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      }));
    }
  }
};
ZodIntersection.create = (left, right, params) => {
  return new ZodIntersection({
    left,
    right,
    typeName: ZodFirstPartyTypeKind.ZodIntersection,
    ...processCreateParams(params)
  });
};
var ZodTuple = class _ZodTuple extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.array) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.array,
        received: ctx.parsedType
      });
      return INVALID;
    }
    if (ctx.data.length < this._def.items.length) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.too_small,
        minimum: this._def.items.length,
        inclusive: true,
        exact: false,
        type: "array"
      });
      return INVALID;
    }
    const rest = this._def.rest;
    if (!rest && ctx.data.length > this._def.items.length) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.too_big,
        maximum: this._def.items.length,
        inclusive: true,
        exact: false,
        type: "array"
      });
      status.dirty();
    }
    const items2 = [...ctx.data].map((item, itemIndex) => {
      const schema = this._def.items[itemIndex] || this._def.rest;
      if (!schema)
        return null;
      return schema._parse(new ParseInputLazyPath(ctx, item, ctx.path, itemIndex));
    }).filter((x) => !!x);
    if (ctx.common.async) {
      return Promise.all(items2).then((results) => {
        return ParseStatus.mergeArray(status, results);
      });
    } else {
      return ParseStatus.mergeArray(status, items2);
    }
  }
  get items() {
    return this._def.items;
  }
  rest(rest) {
    return new _ZodTuple({
      ...this._def,
      rest
    });
  }
};
ZodTuple.create = (schemas, params) => {
  if (!Array.isArray(schemas)) {
    throw new Error("You must pass an array of schemas to z.tuple([ ... ])");
  }
  return new ZodTuple({
    items: schemas,
    typeName: ZodFirstPartyTypeKind.ZodTuple,
    rest: null,
    ...processCreateParams(params)
  });
};
var ZodRecord = class _ZodRecord extends ZodType {
  get keySchema() {
    return this._def.keyType;
  }
  get valueSchema() {
    return this._def.valueType;
  }
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.object) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.object,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const pairs = [];
    const keyType = this._def.keyType;
    const valueType = this._def.valueType;
    for (const key in ctx.data) {
      pairs.push({
        key: keyType._parse(new ParseInputLazyPath(ctx, key, ctx.path, key)),
        value: valueType._parse(new ParseInputLazyPath(ctx, ctx.data[key], ctx.path, key)),
        alwaysSet: key in ctx.data
      });
    }
    if (ctx.common.async) {
      return ParseStatus.mergeObjectAsync(status, pairs);
    } else {
      return ParseStatus.mergeObjectSync(status, pairs);
    }
  }
  get element() {
    return this._def.valueType;
  }
  static create(first, second, third) {
    if (second instanceof ZodType) {
      return new _ZodRecord({
        keyType: first,
        valueType: second,
        typeName: ZodFirstPartyTypeKind.ZodRecord,
        ...processCreateParams(third)
      });
    }
    return new _ZodRecord({
      keyType: ZodString.create(),
      valueType: first,
      typeName: ZodFirstPartyTypeKind.ZodRecord,
      ...processCreateParams(second)
    });
  }
};
var ZodMap = class extends ZodType {
  get keySchema() {
    return this._def.keyType;
  }
  get valueSchema() {
    return this._def.valueType;
  }
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.map) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.map,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const keyType = this._def.keyType;
    const valueType = this._def.valueType;
    const pairs = [...ctx.data.entries()].map(([key, value], index) => {
      return {
        key: keyType._parse(new ParseInputLazyPath(ctx, key, ctx.path, [index, "key"])),
        value: valueType._parse(new ParseInputLazyPath(ctx, value, ctx.path, [index, "value"]))
      };
    });
    if (ctx.common.async) {
      const finalMap = /* @__PURE__ */ new Map();
      return Promise.resolve().then(async () => {
        for (const pair of pairs) {
          const key = await pair.key;
          const value = await pair.value;
          if (key.status === "aborted" || value.status === "aborted") {
            return INVALID;
          }
          if (key.status === "dirty" || value.status === "dirty") {
            status.dirty();
          }
          finalMap.set(key.value, value.value);
        }
        return { status: status.value, value: finalMap };
      });
    } else {
      const finalMap = /* @__PURE__ */ new Map();
      for (const pair of pairs) {
        const key = pair.key;
        const value = pair.value;
        if (key.status === "aborted" || value.status === "aborted") {
          return INVALID;
        }
        if (key.status === "dirty" || value.status === "dirty") {
          status.dirty();
        }
        finalMap.set(key.value, value.value);
      }
      return { status: status.value, value: finalMap };
    }
  }
};
ZodMap.create = (keyType, valueType, params) => {
  return new ZodMap({
    valueType,
    keyType,
    typeName: ZodFirstPartyTypeKind.ZodMap,
    ...processCreateParams(params)
  });
};
var ZodSet = class _ZodSet extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.set) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.set,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const def = this._def;
    if (def.minSize !== null) {
      if (ctx.data.size < def.minSize.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_small,
          minimum: def.minSize.value,
          type: "set",
          inclusive: true,
          exact: false,
          message: def.minSize.message
        });
        status.dirty();
      }
    }
    if (def.maxSize !== null) {
      if (ctx.data.size > def.maxSize.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_big,
          maximum: def.maxSize.value,
          type: "set",
          inclusive: true,
          exact: false,
          message: def.maxSize.message
        });
        status.dirty();
      }
    }
    const valueType = this._def.valueType;
    function finalizeSet(elements2) {
      const parsedSet = /* @__PURE__ */ new Set();
      for (const element of elements2) {
        if (element.status === "aborted")
          return INVALID;
        if (element.status === "dirty")
          status.dirty();
        parsedSet.add(element.value);
      }
      return { status: status.value, value: parsedSet };
    }
    const elements = [...ctx.data.values()].map((item, i) => valueType._parse(new ParseInputLazyPath(ctx, item, ctx.path, i)));
    if (ctx.common.async) {
      return Promise.all(elements).then((elements2) => finalizeSet(elements2));
    } else {
      return finalizeSet(elements);
    }
  }
  min(minSize, message) {
    return new _ZodSet({
      ...this._def,
      minSize: { value: minSize, message: errorUtil.toString(message) }
    });
  }
  max(maxSize, message) {
    return new _ZodSet({
      ...this._def,
      maxSize: { value: maxSize, message: errorUtil.toString(message) }
    });
  }
  size(size, message) {
    return this.min(size, message).max(size, message);
  }
  nonempty(message) {
    return this.min(1, message);
  }
};
ZodSet.create = (valueType, params) => {
  return new ZodSet({
    valueType,
    minSize: null,
    maxSize: null,
    typeName: ZodFirstPartyTypeKind.ZodSet,
    ...processCreateParams(params)
  });
};
var ZodFunction = class _ZodFunction extends ZodType {
  constructor() {
    super(...arguments);
    this.validate = this.implement;
  }
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.function) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.function,
        received: ctx.parsedType
      });
      return INVALID;
    }
    function makeArgsIssue(args, error) {
      return makeIssue({
        data: args,
        path: ctx.path,
        errorMaps: [ctx.common.contextualErrorMap, ctx.schemaErrorMap, getErrorMap(), en_default].filter((x) => !!x),
        issueData: {
          code: ZodIssueCode.invalid_arguments,
          argumentsError: error
        }
      });
    }
    function makeReturnsIssue(returns, error) {
      return makeIssue({
        data: returns,
        path: ctx.path,
        errorMaps: [ctx.common.contextualErrorMap, ctx.schemaErrorMap, getErrorMap(), en_default].filter((x) => !!x),
        issueData: {
          code: ZodIssueCode.invalid_return_type,
          returnTypeError: error
        }
      });
    }
    const params = { errorMap: ctx.common.contextualErrorMap };
    const fn = ctx.data;
    if (this._def.returns instanceof ZodPromise) {
      const me = this;
      return OK(async function(...args) {
        const error = new ZodError([]);
        const parsedArgs = await me._def.args.parseAsync(args, params).catch((e) => {
          error.addIssue(makeArgsIssue(args, e));
          throw error;
        });
        const result = await Reflect.apply(fn, this, parsedArgs);
        const parsedReturns = await me._def.returns._def.type.parseAsync(result, params).catch((e) => {
          error.addIssue(makeReturnsIssue(result, e));
          throw error;
        });
        return parsedReturns;
      });
    } else {
      const me = this;
      return OK(function(...args) {
        const parsedArgs = me._def.args.safeParse(args, params);
        if (!parsedArgs.success) {
          throw new ZodError([makeArgsIssue(args, parsedArgs.error)]);
        }
        const result = Reflect.apply(fn, this, parsedArgs.data);
        const parsedReturns = me._def.returns.safeParse(result, params);
        if (!parsedReturns.success) {
          throw new ZodError([makeReturnsIssue(result, parsedReturns.error)]);
        }
        return parsedReturns.data;
      });
    }
  }
  parameters() {
    return this._def.args;
  }
  returnType() {
    return this._def.returns;
  }
  args(...items2) {
    return new _ZodFunction({
      ...this._def,
      args: ZodTuple.create(items2).rest(ZodUnknown.create())
    });
  }
  returns(returnType) {
    return new _ZodFunction({
      ...this._def,
      returns: returnType
    });
  }
  implement(func) {
    const validatedFunc = this.parse(func);
    return validatedFunc;
  }
  strictImplement(func) {
    const validatedFunc = this.parse(func);
    return validatedFunc;
  }
  static create(args, returns, params) {
    return new _ZodFunction({
      args: args ? args : ZodTuple.create([]).rest(ZodUnknown.create()),
      returns: returns || ZodUnknown.create(),
      typeName: ZodFirstPartyTypeKind.ZodFunction,
      ...processCreateParams(params)
    });
  }
};
var ZodLazy = class extends ZodType {
  get schema() {
    return this._def.getter();
  }
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const lazySchema = this._def.getter();
    return lazySchema._parse({ data: ctx.data, path: ctx.path, parent: ctx });
  }
};
ZodLazy.create = (getter, params) => {
  return new ZodLazy({
    getter,
    typeName: ZodFirstPartyTypeKind.ZodLazy,
    ...processCreateParams(params)
  });
};
var ZodLiteral = class extends ZodType {
  _parse(input) {
    if (input.data !== this._def.value) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        received: ctx.data,
        code: ZodIssueCode.invalid_literal,
        expected: this._def.value
      });
      return INVALID;
    }
    return { status: "valid", value: input.data };
  }
  get value() {
    return this._def.value;
  }
};
ZodLiteral.create = (value, params) => {
  return new ZodLiteral({
    value,
    typeName: ZodFirstPartyTypeKind.ZodLiteral,
    ...processCreateParams(params)
  });
};
function createZodEnum(values, params) {
  return new ZodEnum({
    values,
    typeName: ZodFirstPartyTypeKind.ZodEnum,
    ...processCreateParams(params)
  });
}
var ZodEnum = class _ZodEnum extends ZodType {
  _parse(input) {
    if (typeof input.data !== "string") {
      const ctx = this._getOrReturnCtx(input);
      const expectedValues = this._def.values;
      addIssueToContext(ctx, {
        expected: util.joinValues(expectedValues),
        received: ctx.parsedType,
        code: ZodIssueCode.invalid_type
      });
      return INVALID;
    }
    if (!this._cache) {
      this._cache = new Set(this._def.values);
    }
    if (!this._cache.has(input.data)) {
      const ctx = this._getOrReturnCtx(input);
      const expectedValues = this._def.values;
      addIssueToContext(ctx, {
        received: ctx.data,
        code: ZodIssueCode.invalid_enum_value,
        options: expectedValues
      });
      return INVALID;
    }
    return OK(input.data);
  }
  get options() {
    return this._def.values;
  }
  get enum() {
    const enumValues = {};
    for (const val of this._def.values) {
      enumValues[val] = val;
    }
    return enumValues;
  }
  get Values() {
    const enumValues = {};
    for (const val of this._def.values) {
      enumValues[val] = val;
    }
    return enumValues;
  }
  get Enum() {
    const enumValues = {};
    for (const val of this._def.values) {
      enumValues[val] = val;
    }
    return enumValues;
  }
  extract(values, newDef = this._def) {
    return _ZodEnum.create(values, {
      ...this._def,
      ...newDef
    });
  }
  exclude(values, newDef = this._def) {
    return _ZodEnum.create(this.options.filter((opt) => !values.includes(opt)), {
      ...this._def,
      ...newDef
    });
  }
};
ZodEnum.create = createZodEnum;
var ZodNativeEnum = class extends ZodType {
  _parse(input) {
    const nativeEnumValues = util.getValidEnumValues(this._def.values);
    const ctx = this._getOrReturnCtx(input);
    if (ctx.parsedType !== ZodParsedType.string && ctx.parsedType !== ZodParsedType.number) {
      const expectedValues = util.objectValues(nativeEnumValues);
      addIssueToContext(ctx, {
        expected: util.joinValues(expectedValues),
        received: ctx.parsedType,
        code: ZodIssueCode.invalid_type
      });
      return INVALID;
    }
    if (!this._cache) {
      this._cache = new Set(util.getValidEnumValues(this._def.values));
    }
    if (!this._cache.has(input.data)) {
      const expectedValues = util.objectValues(nativeEnumValues);
      addIssueToContext(ctx, {
        received: ctx.data,
        code: ZodIssueCode.invalid_enum_value,
        options: expectedValues
      });
      return INVALID;
    }
    return OK(input.data);
  }
  get enum() {
    return this._def.values;
  }
};
ZodNativeEnum.create = (values, params) => {
  return new ZodNativeEnum({
    values,
    typeName: ZodFirstPartyTypeKind.ZodNativeEnum,
    ...processCreateParams(params)
  });
};
var ZodPromise = class extends ZodType {
  unwrap() {
    return this._def.type;
  }
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.promise && ctx.common.async === false) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.promise,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const promisified = ctx.parsedType === ZodParsedType.promise ? ctx.data : Promise.resolve(ctx.data);
    return OK(promisified.then((data) => {
      return this._def.type.parseAsync(data, {
        path: ctx.path,
        errorMap: ctx.common.contextualErrorMap
      });
    }));
  }
};
ZodPromise.create = (schema, params) => {
  return new ZodPromise({
    type: schema,
    typeName: ZodFirstPartyTypeKind.ZodPromise,
    ...processCreateParams(params)
  });
};
var ZodEffects = class extends ZodType {
  innerType() {
    return this._def.schema;
  }
  sourceType() {
    return this._def.schema._def.typeName === ZodFirstPartyTypeKind.ZodEffects ? this._def.schema.sourceType() : this._def.schema;
  }
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    const effect = this._def.effect || null;
    const checkCtx = {
      addIssue: (arg) => {
        addIssueToContext(ctx, arg);
        if (arg.fatal) {
          status.abort();
        } else {
          status.dirty();
        }
      },
      get path() {
        return ctx.path;
      }
    };
    checkCtx.addIssue = checkCtx.addIssue.bind(checkCtx);
    if (effect.type === "preprocess") {
      const processed = effect.transform(ctx.data, checkCtx);
      if (ctx.common.async) {
        return Promise.resolve(processed).then(async (processed2) => {
          if (status.value === "aborted")
            return INVALID;
          const result = await this._def.schema._parseAsync({
            data: processed2,
            path: ctx.path,
            parent: ctx
          });
          if (result.status === "aborted")
            return INVALID;
          if (result.status === "dirty")
            return DIRTY(result.value);
          if (status.value === "dirty")
            return DIRTY(result.value);
          return result;
        });
      } else {
        if (status.value === "aborted")
          return INVALID;
        const result = this._def.schema._parseSync({
          data: processed,
          path: ctx.path,
          parent: ctx
        });
        if (result.status === "aborted")
          return INVALID;
        if (result.status === "dirty")
          return DIRTY(result.value);
        if (status.value === "dirty")
          return DIRTY(result.value);
        return result;
      }
    }
    if (effect.type === "refinement") {
      const executeRefinement = (acc) => {
        const result = effect.refinement(acc, checkCtx);
        if (ctx.common.async) {
          return Promise.resolve(result);
        }
        if (result instanceof Promise) {
          throw new Error("Async refinement encountered during synchronous parse operation. Use .parseAsync instead.");
        }
        return acc;
      };
      if (ctx.common.async === false) {
        const inner = this._def.schema._parseSync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        });
        if (inner.status === "aborted")
          return INVALID;
        if (inner.status === "dirty")
          status.dirty();
        executeRefinement(inner.value);
        return { status: status.value, value: inner.value };
      } else {
        return this._def.schema._parseAsync({ data: ctx.data, path: ctx.path, parent: ctx }).then((inner) => {
          if (inner.status === "aborted")
            return INVALID;
          if (inner.status === "dirty")
            status.dirty();
          return executeRefinement(inner.value).then(() => {
            return { status: status.value, value: inner.value };
          });
        });
      }
    }
    if (effect.type === "transform") {
      if (ctx.common.async === false) {
        const base = this._def.schema._parseSync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        });
        if (!isValid(base))
          return INVALID;
        const result = effect.transform(base.value, checkCtx);
        if (result instanceof Promise) {
          throw new Error(`Asynchronous transform encountered during synchronous parse operation. Use .parseAsync instead.`);
        }
        return { status: status.value, value: result };
      } else {
        return this._def.schema._parseAsync({ data: ctx.data, path: ctx.path, parent: ctx }).then((base) => {
          if (!isValid(base))
            return INVALID;
          return Promise.resolve(effect.transform(base.value, checkCtx)).then((result) => ({
            status: status.value,
            value: result
          }));
        });
      }
    }
    util.assertNever(effect);
  }
};
ZodEffects.create = (schema, effect, params) => {
  return new ZodEffects({
    schema,
    typeName: ZodFirstPartyTypeKind.ZodEffects,
    effect,
    ...processCreateParams(params)
  });
};
ZodEffects.createWithPreprocess = (preprocess, schema, params) => {
  return new ZodEffects({
    schema,
    effect: { type: "preprocess", transform: preprocess },
    typeName: ZodFirstPartyTypeKind.ZodEffects,
    ...processCreateParams(params)
  });
};
var ZodOptional = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType === ZodParsedType.undefined) {
      return OK(void 0);
    }
    return this._def.innerType._parse(input);
  }
  unwrap() {
    return this._def.innerType;
  }
};
ZodOptional.create = (type, params) => {
  return new ZodOptional({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodOptional,
    ...processCreateParams(params)
  });
};
var ZodNullable = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType === ZodParsedType.null) {
      return OK(null);
    }
    return this._def.innerType._parse(input);
  }
  unwrap() {
    return this._def.innerType;
  }
};
ZodNullable.create = (type, params) => {
  return new ZodNullable({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodNullable,
    ...processCreateParams(params)
  });
};
var ZodDefault = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    let data = ctx.data;
    if (ctx.parsedType === ZodParsedType.undefined) {
      data = this._def.defaultValue();
    }
    return this._def.innerType._parse({
      data,
      path: ctx.path,
      parent: ctx
    });
  }
  removeDefault() {
    return this._def.innerType;
  }
};
ZodDefault.create = (type, params) => {
  return new ZodDefault({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodDefault,
    defaultValue: typeof params.default === "function" ? params.default : () => params.default,
    ...processCreateParams(params)
  });
};
var ZodCatch = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const newCtx = {
      ...ctx,
      common: {
        ...ctx.common,
        issues: []
      }
    };
    const result = this._def.innerType._parse({
      data: newCtx.data,
      path: newCtx.path,
      parent: {
        ...newCtx
      }
    });
    if (isAsync(result)) {
      return result.then((result2) => {
        return {
          status: "valid",
          value: result2.status === "valid" ? result2.value : this._def.catchValue({
            get error() {
              return new ZodError(newCtx.common.issues);
            },
            input: newCtx.data
          })
        };
      });
    } else {
      return {
        status: "valid",
        value: result.status === "valid" ? result.value : this._def.catchValue({
          get error() {
            return new ZodError(newCtx.common.issues);
          },
          input: newCtx.data
        })
      };
    }
  }
  removeCatch() {
    return this._def.innerType;
  }
};
ZodCatch.create = (type, params) => {
  return new ZodCatch({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodCatch,
    catchValue: typeof params.catch === "function" ? params.catch : () => params.catch,
    ...processCreateParams(params)
  });
};
var ZodNaN = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.nan) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.nan,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return { status: "valid", value: input.data };
  }
};
ZodNaN.create = (params) => {
  return new ZodNaN({
    typeName: ZodFirstPartyTypeKind.ZodNaN,
    ...processCreateParams(params)
  });
};
var BRAND = Symbol("zod_brand");
var ZodBranded = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const data = ctx.data;
    return this._def.type._parse({
      data,
      path: ctx.path,
      parent: ctx
    });
  }
  unwrap() {
    return this._def.type;
  }
};
var ZodPipeline = class _ZodPipeline extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.common.async) {
      const handleAsync = async () => {
        const inResult = await this._def.in._parseAsync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        });
        if (inResult.status === "aborted")
          return INVALID;
        if (inResult.status === "dirty") {
          status.dirty();
          return DIRTY(inResult.value);
        } else {
          return this._def.out._parseAsync({
            data: inResult.value,
            path: ctx.path,
            parent: ctx
          });
        }
      };
      return handleAsync();
    } else {
      const inResult = this._def.in._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      });
      if (inResult.status === "aborted")
        return INVALID;
      if (inResult.status === "dirty") {
        status.dirty();
        return {
          status: "dirty",
          value: inResult.value
        };
      } else {
        return this._def.out._parseSync({
          data: inResult.value,
          path: ctx.path,
          parent: ctx
        });
      }
    }
  }
  static create(a, b) {
    return new _ZodPipeline({
      in: a,
      out: b,
      typeName: ZodFirstPartyTypeKind.ZodPipeline
    });
  }
};
var ZodReadonly = class extends ZodType {
  _parse(input) {
    const result = this._def.innerType._parse(input);
    const freeze = (data) => {
      if (isValid(data)) {
        data.value = Object.freeze(data.value);
      }
      return data;
    };
    return isAsync(result) ? result.then((data) => freeze(data)) : freeze(result);
  }
  unwrap() {
    return this._def.innerType;
  }
};
ZodReadonly.create = (type, params) => {
  return new ZodReadonly({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodReadonly,
    ...processCreateParams(params)
  });
};
function cleanParams(params, data) {
  const p = typeof params === "function" ? params(data) : typeof params === "string" ? { message: params } : params;
  const p2 = typeof p === "string" ? { message: p } : p;
  return p2;
}
function custom(check, _params = {}, fatal) {
  if (check)
    return ZodAny.create().superRefine((data, ctx) => {
      const r = check(data);
      if (r instanceof Promise) {
        return r.then((r2) => {
          if (!r2) {
            const params = cleanParams(_params, data);
            const _fatal = params.fatal ?? fatal ?? true;
            ctx.addIssue({ code: "custom", ...params, fatal: _fatal });
          }
        });
      }
      if (!r) {
        const params = cleanParams(_params, data);
        const _fatal = params.fatal ?? fatal ?? true;
        ctx.addIssue({ code: "custom", ...params, fatal: _fatal });
      }
      return;
    });
  return ZodAny.create();
}
var late = {
  object: ZodObject.lazycreate
};
var ZodFirstPartyTypeKind;
(function(ZodFirstPartyTypeKind2) {
  ZodFirstPartyTypeKind2["ZodString"] = "ZodString";
  ZodFirstPartyTypeKind2["ZodNumber"] = "ZodNumber";
  ZodFirstPartyTypeKind2["ZodNaN"] = "ZodNaN";
  ZodFirstPartyTypeKind2["ZodBigInt"] = "ZodBigInt";
  ZodFirstPartyTypeKind2["ZodBoolean"] = "ZodBoolean";
  ZodFirstPartyTypeKind2["ZodDate"] = "ZodDate";
  ZodFirstPartyTypeKind2["ZodSymbol"] = "ZodSymbol";
  ZodFirstPartyTypeKind2["ZodUndefined"] = "ZodUndefined";
  ZodFirstPartyTypeKind2["ZodNull"] = "ZodNull";
  ZodFirstPartyTypeKind2["ZodAny"] = "ZodAny";
  ZodFirstPartyTypeKind2["ZodUnknown"] = "ZodUnknown";
  ZodFirstPartyTypeKind2["ZodNever"] = "ZodNever";
  ZodFirstPartyTypeKind2["ZodVoid"] = "ZodVoid";
  ZodFirstPartyTypeKind2["ZodArray"] = "ZodArray";
  ZodFirstPartyTypeKind2["ZodObject"] = "ZodObject";
  ZodFirstPartyTypeKind2["ZodUnion"] = "ZodUnion";
  ZodFirstPartyTypeKind2["ZodDiscriminatedUnion"] = "ZodDiscriminatedUnion";
  ZodFirstPartyTypeKind2["ZodIntersection"] = "ZodIntersection";
  ZodFirstPartyTypeKind2["ZodTuple"] = "ZodTuple";
  ZodFirstPartyTypeKind2["ZodRecord"] = "ZodRecord";
  ZodFirstPartyTypeKind2["ZodMap"] = "ZodMap";
  ZodFirstPartyTypeKind2["ZodSet"] = "ZodSet";
  ZodFirstPartyTypeKind2["ZodFunction"] = "ZodFunction";
  ZodFirstPartyTypeKind2["ZodLazy"] = "ZodLazy";
  ZodFirstPartyTypeKind2["ZodLiteral"] = "ZodLiteral";
  ZodFirstPartyTypeKind2["ZodEnum"] = "ZodEnum";
  ZodFirstPartyTypeKind2["ZodEffects"] = "ZodEffects";
  ZodFirstPartyTypeKind2["ZodNativeEnum"] = "ZodNativeEnum";
  ZodFirstPartyTypeKind2["ZodOptional"] = "ZodOptional";
  ZodFirstPartyTypeKind2["ZodNullable"] = "ZodNullable";
  ZodFirstPartyTypeKind2["ZodDefault"] = "ZodDefault";
  ZodFirstPartyTypeKind2["ZodCatch"] = "ZodCatch";
  ZodFirstPartyTypeKind2["ZodPromise"] = "ZodPromise";
  ZodFirstPartyTypeKind2["ZodBranded"] = "ZodBranded";
  ZodFirstPartyTypeKind2["ZodPipeline"] = "ZodPipeline";
  ZodFirstPartyTypeKind2["ZodReadonly"] = "ZodReadonly";
})(ZodFirstPartyTypeKind || (ZodFirstPartyTypeKind = {}));
var instanceOfType = (cls, params = {
  message: `Input not instance of ${cls.name}`
}) => custom((data) => data instanceof cls, params);
var stringType = ZodString.create;
var numberType = ZodNumber.create;
var nanType = ZodNaN.create;
var bigIntType = ZodBigInt.create;
var booleanType = ZodBoolean.create;
var dateType = ZodDate.create;
var symbolType = ZodSymbol.create;
var undefinedType = ZodUndefined.create;
var nullType = ZodNull.create;
var anyType = ZodAny.create;
var unknownType = ZodUnknown.create;
var neverType = ZodNever.create;
var voidType = ZodVoid.create;
var arrayType = ZodArray.create;
var objectType = ZodObject.create;
var strictObjectType = ZodObject.strictCreate;
var unionType = ZodUnion.create;
var discriminatedUnionType = ZodDiscriminatedUnion.create;
var intersectionType = ZodIntersection.create;
var tupleType = ZodTuple.create;
var recordType = ZodRecord.create;
var mapType = ZodMap.create;
var setType = ZodSet.create;
var functionType = ZodFunction.create;
var lazyType = ZodLazy.create;
var literalType = ZodLiteral.create;
var enumType = ZodEnum.create;
var nativeEnumType = ZodNativeEnum.create;
var promiseType = ZodPromise.create;
var effectsType = ZodEffects.create;
var optionalType = ZodOptional.create;
var nullableType = ZodNullable.create;
var preprocessType = ZodEffects.createWithPreprocess;
var pipelineType = ZodPipeline.create;
var ostring = () => stringType().optional();
var onumber = () => numberType().optional();
var oboolean = () => booleanType().optional();
var coerce = {
  string: ((arg) => ZodString.create({ ...arg, coerce: true })),
  number: ((arg) => ZodNumber.create({ ...arg, coerce: true })),
  boolean: ((arg) => ZodBoolean.create({
    ...arg,
    coerce: true
  })),
  bigint: ((arg) => ZodBigInt.create({ ...arg, coerce: true })),
  date: ((arg) => ZodDate.create({ ...arg, coerce: true }))
};
var NEVER = INVALID;

// ../../tmp/vfy-app/src/data/volunteerSchema.ts
var volunteerSchema = external_exports.object({
  id: external_exports.string().default(""),
  name: external_exports.string().trim().min(2, "Name must be at least 2 characters").max(60),
  email: external_exports.string().email("Must be a valid email address"),
  phone: external_exports.string().regex(/^\+?[0-9][0-9 ()-]{6,}$/, "Phone must be at least 7 digits"),
  shift: external_exports.enum(["morning", "afternoon", "evening"]).default("morning"),
  checkedIn: external_exports.coerce.boolean().default(false)
});
var SHIFTS = ["morning", "afternoon", "evening"];
function formatPhone(raw) {
  const digits = raw.replace(/\D/g, "");
  if (digits.length !== 10) return raw.trim();
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}
function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0].toUpperCase()).join("");
}

// ../../tmp/vfy-app/src/data/volunteers.ts
import { randomUUID } from "node:crypto";

// ../../tmp/vfy-app/src/data/pubsub.ts
import { SingleProcessPubSub } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var pubSub = new SingleProcessPubSub();
async function publish(topic, event) {
  await pubSub.broadcast(topic, event);
}

// ../../tmp/vfy-app/src/data/volunteers.ts
var roster = /* @__PURE__ */ new Map();
function seed(id, name, email, phone, shift) {
  roster.set(id, { id, name, email, phone, shift, checkedIn: false });
}
seed("1", "Ada Brooks", "ada@example.org", "5550101001", "morning");
seed("2", "Ben Ortiz", "ben@example.org", "5550101002", "afternoon");
seed("3", "Chloe Park", "chloe@example.org", "5550101003", "evening");
seed("4", "Dev Raman", "dev@example.org", "5550101004", "morning");
async function listVolunteers() {
  return [...roster.values()].sort((a, b) => a.name.localeCompare(b.name));
}
async function getVolunteer(id) {
  return roster.get(id);
}
async function countVolunteers() {
  return roster.size;
}
async function createVolunteer(input) {
  const parsed = volunteerSchema.safeParse({ ...input, id: randomUUID().slice(0, 8) });
  if (!parsed.success) {
    const errors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] = issue.message;
    return { ok: false, errors };
  }
  roster.set(parsed.data.id, parsed.data);
  await publish("volunteers", { type: "volunteer_created", volunteer: parsed.data });
  return { ok: true, volunteer: parsed.data };
}
async function toggleCheckIn(id) {
  const current = roster.get(id);
  if (!current) return void 0;
  const updated = { ...current, checkedIn: !current.checkedIn };
  roster.set(id, updated);
  await publish("volunteers", { type: "volunteer_updated", volunteer: updated });
  return updated;
}
async function updateShift(id, shift) {
  const current = roster.get(id);
  if (!current) return void 0;
  const updated = { ...current, shift };
  roster.set(id, updated);
  await publish("volunteers", { type: "volunteer_updated", volunteer: updated });
  return updated;
}

// ../../tmp/vfy-app/src/views/volunteerSignup.ts
var volunteerChangeset = newChangesetFactory(volunteerSchema);
var volunteerSignupView = createLiveView4({
  mount: (socket) => {
    socket.pageTitle("Volunteer sign-up");
    socket.assign({ changeset: volunteerChangeset({}, {}), showTips: false, lastSaved: null });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "validate":
        socket.assign({ changeset: volunteerChangeset({}, event, "validate") });
        break;
      case "save": {
        const changeset = volunteerChangeset({}, event, "save");
        if (!changeset.valid) {
          socket.assign({ changeset });
          return;
        }
        const result = await createVolunteer(changeset.data);
        if (result.ok) {
          socket.assign({ changeset: volunteerChangeset({}, {}), lastSaved: result.volunteer });
          await socket.putFlash("info", `Thanks, ${result.volunteer.name}! See you on the ${result.volunteer.shift} shift.`);
        } else {
          await socket.putFlash("error", "Sorry, that sign-up could not be saved.");
        }
        break;
      }
      case "toggle-tips":
        socket.assign({ showTips: !socket.context.showTips });
        break;
    }
  },
  render: ({ changeset, showTips, lastSaved }, { csrfToken }) => html4`
    <h1>Volunteer sign-up</h1>
    ${lastSaved ? html4`<p class="muted" id="last-saved">Last sign-up: ${lastSaved.name}</p>` : ""}
    ${form_for("#", csrfToken, { id: "signup-form", phx_change: "validate", phx_submit: "save" })}
      <label for="input_name">Name</label>
      ${text_input(changeset, "name", { placeholder: "Your name", autocomplete: "off", phx_debounce: 300 })}
      ${error_tag(changeset, "name")}

      <label for="input_email">Email</label>
      ${text_input(changeset, "email", { placeholder: "you@example.org", phx_debounce: "blur" })}
      ${error_tag(changeset, "email")}

      <label for="input_phone">Phone</label>
      ${telephone_input(changeset, "phone", { placeholder: "555 010 1234", phx_debounce: "blur" })}
      ${error_tag(changeset, "phone")}

      <label for="shift">Shift</label>
      <select id="shift" name="shift">
        ${options_for_select([...SHIFTS], String(changeset.data.shift ?? "morning"))}
      </select>

      ${submit("Sign up", { phx_disable_with: "Saving\u2026" })}
    </form>
    <button type="button" phx-click="toggle-tips">${showTips ? "Hide" : "Show"} tips</button>
    ${showTips ? html4`<ul class="tips"><li>Use the phone you carry on shift.</li><li>You can change your shift later.</li></ul>` : ""}
  `
});

// ../../tmp/vfy-app/src/views/volunteers.ts
import { createLiveView as createLiveView5, html as html6 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/components/statusBadge.ts
import { createLiveComponent, html as html5 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var statusBadge = createLiveComponent({
  render: ({ label, tone }) => html5`<span class="badge ${tone}">${label}</span>`
});

// ../../tmp/vfy-app/src/views/volunteers.ts
function visibleVolunteers(volunteers, filter) {
  return filter === "all" ? volunteers : volunteers.filter((v) => v.shift === filter);
}
async function renderRow(v, selectedId, meta) {
  const badge = await meta.live_component(statusBadge, {
    label: v.checkedIn ? "on site" : "away",
    tone: v.checkedIn ? "ok" : "neutral"
  });
  return html6`
    <tr id="volunteer-${v.id}" class="${v.id === selectedId ? "active" : ""}">
      <td><a href="/volunteers/${v.id}">${v.name}</a></td>
      <td>${v.shift}</td>
      <td>${badge}</td>
      <td>
        <button phx-click="select" phx-value-id="${v.id}">Details</button>
        <button phx-click="check-in" phx-value-id="${v.id}">${v.checkedIn ? "Check out" : "Check in"}</button>
      </td>
    </tr>
    ${v.id === selectedId ? html6`<tr class="details"><td colspan="4">${v.email} · ${formatPhone(v.phone)}</td></tr>` : ""}
  `;
}
var volunteersLiveView = createLiveView5({
  mount: async (socket) => {
    if (socket.connected) {
      await socket.subscribe("volunteers");
    }
    socket.assign({ volunteers: await listVolunteers(), selectedId: null, shiftFilter: "all" });
  },
  handleEvent: async (event, socket) => {
    if (event.type === "select") {
      socket.assign({ selectedId: socket.context.selectedId === event.id ? null : event.id });
    } else if (event.type === "filter") {
      socket.assign({ shiftFilter: event.shift });
    } else if (event.type === "check-in") {
      await toggleCheckIn(event.id);
    }
  },
  handleInfo: async (info, socket) => {
    switch (info.type) {
      case "volunteer_created":
      case "volunteer_updated":
        socket.assign({ volunteers: await listVolunteers() });
        break;
    }
  },
  // @migrate-todo(LIVE_COMPONENT): renders a LiveViewJS live component: migrate the component to defineComponent first, then rerun apply
  render: async ({ volunteers, selectedId, shiftFilter }, meta) => {
    const rows = await Promise.all(visibleVolunteers(volunteers, shiftFilter).map((v) => renderRow(v, selectedId, meta)));
    return html6`
      <h1>Volunteers</h1>
      <p><a href="/signup">Sign up a volunteer</a></p>
      <nav class="filters">
        ${["all", "morning", "afternoon", "evening"].map(
      (shift) => html6`<button phx-click="filter" phx-value-shift="${shift}" class="${shift === shiftFilter ? "active" : ""}">${shift}</button>`
    )}
      </nav>
      <table id="roster">
        <tbody>${rows}</tbody>
      </table>
    `;
  }
});

// ../../tmp/vfy-app/src/views/volunteerDetail.ts
import { createLiveView as createLiveView6, html as html8 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/components/shiftPicker.ts
import { createLiveComponent as createLiveComponent2, html as html7 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
function isShift(value) {
  return SHIFTS.includes(value);
}
var shiftPicker = createLiveComponent2({
  mount: (socket) => {
    socket.assign({ open: false, choice: null });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "toggle":
        socket.assign({ open: !socket.context.open, choice: null });
        break;
      case "choose":
        if (isShift(event.shift)) socket.assign({ choice: event.shift });
        break;
      case "confirm": {
        const { volunteerId, choice } = socket.context;
        if (choice) await updateShift(volunteerId, choice);
        socket.assign({ open: false, choice: null });
        break;
      }
    }
  },
  render: ({ open, choice }, { myself }) => html7`
    <div class="shift-picker">
      <button phx-click="toggle" phx-target="${myself}">${open ? "Cancel" : "Change shift"}</button>
      ${open ? html7`<div class="choices">
            ${SHIFTS.map(
    (shift) => html7`<button phx-click="choose" phx-value-shift="${shift}" phx-target="${myself}" class="${shift === choice ? "active" : ""}">${shift}</button>`
  )}
            <button phx-click="confirm" phx-target="${myself}" ${choice ? "" : "disabled"}>Save shift</button>
          </div>` : ""}
    </div>
  `
});

// ../../tmp/vfy-app/src/views/volunteerDetail.ts
var volunteerDetailView = createLiveView6({
  mount: async (socket, _session, params) => {
    const volunteerId = String(params.id);
    const volunteer = await getVolunteer(volunteerId);
    if (socket.connected) {
      await socket.subscribe("volunteers");
    }
    socket.assign({ volunteerId, volunteer: volunteer ?? null, showContact: false });
    socket.pageTitle(volunteer ? volunteer.name : "Volunteer not found");
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "toggle-contact":
        socket.assign({ showContact: !socket.context.showContact });
        break;
      case "check-in":
        await toggleCheckIn(socket.context.volunteerId);
        break;
    }
  },
  // @migrate-todo(INFO_DISPATCH): no `switch (info.type)` or `if (info.type === …)` dispatch found: split the handler into one action per type by hand
  handleInfo: (info, socket) => {
    if (info.type === "volunteer_updated" && info.volunteer.id === socket.context.volunteerId) {
      socket.assign({ volunteer: info.volunteer });
    }
  },
  // @migrate-todo(LIVE_COMPONENT): renders a LiveViewJS live component: migrate the component to defineComponent first, then rerun apply
  render: async ({ volunteerId, volunteer, showContact }, meta) => {
    if (!volunteer) {
      return html8`<h1>Volunteer not found</h1><p>No volunteer with id ${volunteerId}. <a href="/volunteers">Back to the roster</a></p>`;
    }
    return html8`
      <h1><span class="avatar">${initials(volunteer.name)}</span> ${volunteer.name}</h1>
      <p>
        ${await meta.live_component(statusBadge, { label: volunteer.checkedIn ? "on site" : "away", tone: volunteer.checkedIn ? "ok" : "neutral" })}
        <button phx-click="check-in">${volunteer.checkedIn ? "Check out" : "Check in"}</button>
      </p>
      <button phx-click="toggle-contact">${showContact ? "Hide" : "Show"} contact</button>
      ${showContact ? html8`<p id="contact">${volunteer.email} · ${formatPhone(volunteer.phone)}</p>` : ""}
      <h2>Shift</h2>
      <p id="current-shift">Current shift: ${volunteer.shift}</p>
      ${await meta.live_component(shiftPicker, { id: `shift-${volunteerId}`, volunteerId })}
      <p><a href="/volunteers">Back to the roster</a></p>
    `;
  }
});

// ../../tmp/vfy-app/src/views/productSearch.ts
import { createLiveView as createLiveView7, html as html9 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/latency.ts
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ../../tmp/vfy-app/src/data/products.ts
var CATEGORIES = ["produce", "dairy", "bakery", "canned", "household"];
var NAMES = ["apples", "oat milk", "rye bread", "black beans", "dish soap", "carrots", "yogurt", "bagels", "tomatoes", "rice"];
var catalog = NAMES.flatMap(
  (name, i) => [1, 2, 3].map((size) => ({
    sku: `SKU-${i}${size}`,
    name: `${name} (${size === 1 ? "small" : size === 2 ? "medium" : "large"})`,
    category: CATEGORIES[i % CATEGORIES.length],
    priceCents: 150 * size + i * 25
  }))
);
async function searchProducts(query) {
  await delay(150);
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return catalog.filter((p) => p.name.includes(q) || p.category.includes(q)).slice(0, 20);
}

// ../../tmp/vfy-app/src/data/format.ts
function formatQuantity(quantity, unit) {
  if (quantity === 0) return `out of stock`;
  return `${quantity} ${unit}${quantity === 1 ? "" : "s"}`;
}
function formatCurrency(cents) {
  return `$${(cents / 100).toFixed(2)}`;
}
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
function pluralize(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// ../../tmp/vfy-app/src/views/productSearch.ts
var productSearchView = createLiveView7({
  mount: (socket) => {
    socket.assign({ query: "", loading: false, results: [] });
  },
  handleEvent: (event, socket) => {
    if (event.type === "search") {
      const query = event.query.trim();
      socket.assign({ query, loading: true });
      socket.sendInfo({ type: "run-search", query });
    }
  },
  handleInfo: async (info, socket) => {
    if (info.type === "run-search") {
      const results = await searchProducts(info.query);
      socket.assign({ results, loading: false });
    }
  },
  render: ({ query, loading, results }, { csrfToken }) => html9`
    <h1>Product search</h1>
    <form id="product-search" phx-submit="search">
      <input type="hidden" name="_csrf_token" value="${csrfToken}" />
      <input type="search" name="query" value="${query}" placeholder="apples, dairy…" autofocus ${loading ? "readonly" : ""} />
      <button type="submit" phx-disable-with="Searching…">Search</button>
    </form>
    ${loading ? html9`<p class="loading" aria-busy="true">Searching for “${query}”…</p>` : ""}
    <ul id="results">
      ${results.map((p) => html9`<li id="${p.sku}">${p.name} <span class="muted">${p.category} · ${formatCurrency(p.priceCents)}</span></li>`)}
    </ul>
    ${!loading && query && results.length === 0 ? html9`<p class="muted">No products match “${query}”.</p>` : ""}
  `
});

// ../../tmp/vfy-app/src/views/cityAutocomplete.ts
import { createLiveView as createLiveView8, html as html10 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/places.ts
var CITIES = [
  "Albany",
  "Albuquerque",
  "Amsterdam",
  "Athens",
  "Austin",
  "Baltimore",
  "Barcelona",
  "Berlin",
  "Boston",
  "Bristol",
  "Chicago",
  "Cleveland",
  "Denver",
  "Detroit",
  "Dublin",
  "Edinburgh",
  "Houston",
  "Lisbon",
  "London",
  "Madrid",
  "Manchester",
  "Memphis",
  "Milan",
  "Montreal",
  "Munich",
  "Nashville",
  "Oslo",
  "Paris",
  "Portland",
  "Prague",
  "Seattle",
  "Toronto",
  "Vienna",
  "Warsaw"
];
async function suggestCities(prefix) {
  await delay(40);
  const p = prefix.trim().toLowerCase();
  if (p.length < 2) return [];
  return CITIES.filter((city) => city.toLowerCase().startsWith(p)).slice(0, 8);
}

// ../../tmp/vfy-app/src/views/cityAutocomplete.ts
var cityAutocompleteView = createLiveView8({
  mount(socket) {
    socket.assign({ city: "", picked: false, suggestions: [] });
  },
  async handleEvent(event, socket) {
    switch (event.type) {
      case "suggest": {
        const city = event.city ?? "";
        socket.assign({ city, picked: false, suggestions: await suggestCities(city) });
        break;
      }
      case "pick":
        socket.assign({ city: event.city, picked: true });
        break;
    }
  },
  render({ city, picked, suggestions }, { csrfToken }) {
    return html10`
      <h1>Delivery area</h1>
      <form id="city-form" phx-change="suggest" phx-submit="suggest">
        <input type="hidden" name="_csrf_token" value="${csrfToken}" />
        <label for="city">City</label>
        <input id="city" type="text" name="city" value="${city}" autocomplete="off" phx-debounce="300" />
      </form>
      ${picked ? html10`<p id="picked">We deliver to <strong>${city}</strong>.</p>` : html10`<ul id="suggestions">
            ${suggestions.map((s) => html10`<li phx-click="pick" phx-value-city="${s}">${s}</li>`)}
          </ul>`}
    `;
  }
});

// ../../tmp/vfy-app/src/views/inventory.ts
import { createLiveView as createLiveView9, html as html11, live_patch } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/inventory.ts
var items = [];
var NAMES2 = ["Beans", "Rice", "Pasta", "Lentils", "Oats", "Flour", "Sugar", "Salt", "Tuna", "Corn", "Peas", "Soup", "Cereal", "Honey", "Coffee", "Tea", "Jam", "Crackers", "Milk powder", "Peanut butter", "Tomato sauce", "Olive oil", "Chickpeas", "Quinoa", "Raisins"];
NAMES2.forEach((name, i) => {
  items.push({ id: String(i + 1), name, unit: i % 3 === 0 ? "can" : i % 3 === 1 ? "bag" : "box", quantity: i * 7 % 13, location: `Shelf ${String.fromCharCode(65 + i % 5)}` });
});
async function listInventory(query) {
  const sorted = [...items].sort((a, b) => {
    const av = a[query.sortBy];
    const bv = b[query.sortBy];
    const cmp = typeof av === "number" && typeof bv === "number" ? av - bv : String(av).localeCompare(String(bv));
    return query.sortDir === "asc" ? cmp : -cmp;
  });
  const start = (query.page - 1) * query.perPage;
  return { items: sorted.slice(start, start + query.perPage), total: items.length };
}
async function listPantryItems() {
  return items.map((item) => ({ ...item }));
}
async function restockItem(id, amount = 6) {
  const item = items.find((i) => i.id === id);
  if (!item) return void 0;
  item.quantity += amount;
  await publish("inventory", { type: "restocked", id, quantity: item.quantity });
  return { ...item };
}

// ../../tmp/vfy-app/src/views/inventory.ts
var PAGE_SIZES = [5, 10, 25];
var COLUMNS = ["name", "quantity", "location"];
function parsePositive(raw, fallback) {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
function parseColumn(raw) {
  return COLUMNS.includes(raw) ? raw : "name";
}
function queryFor(opts) {
  return { page: String(opts.page), perPage: String(opts.perPage), sortBy: opts.sortBy, sortDir: opts.sortDir };
}
var inventoryPageView = createLiveView9({
  mount: (socket) => {
    socket.assign({ page: 1, perPage: 10, sortBy: "name", sortDir: "asc", items: [], total: 0 });
  },
  // @migrate-todo(SHARED_IN_PARAMS): handleParams loads server data: move the load into a command the action calls
  handleParams: async (url, socket) => {
    const page = parsePositive(url.searchParams.get("page"), 1);
    const perPage = PAGE_SIZES.includes(Number(url.searchParams.get("perPage"))) ? Number(url.searchParams.get("perPage")) : 10;
    const sortBy = parseColumn(url.searchParams.get("sortBy"));
    const sortDir = url.searchParams.get("sortDir") === "desc" ? "desc" : "asc";
    const { items: items2, total } = await listInventory({ page, perPage, sortBy, sortDir });
    socket.assign({ page, perPage, sortBy, sortDir, items: items2, total });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "sort": {
        const { perPage, sortBy, sortDir } = socket.context;
        const nextDir = event.column === sortBy && sortDir === "asc" ? "desc" : "asc";
        await socket.pushPatch("/inventory", new URLSearchParams(queryFor({ page: 1, perPage, sortBy: event.column, sortDir: nextDir })));
        break;
      }
    }
  },
  render: ({ page, perPage, sortBy, sortDir, items: items2, total }) => {
    const pages = Math.max(1, Math.ceil(total / perPage));
    const arrow = (column) => column === sortBy ? sortDir === "asc" ? " \u25B2" : " \u25BC" : "";
    return html11`
      <h1>Inventory</h1>
      <p class="muted">Page ${page} of ${pages} · ${total} items</p>
      <table id="inventory">
        <thead>
          <tr>${COLUMNS.map((c) => html11`<th phx-click="sort" phx-value-column="${c}">${c}${arrow(c)}</th>`)}</tr>
        </thead>
        <tbody>
          ${items2.map((item) => html11`<tr id="item-${item.id}"><td>${item.name}</td><td>${formatQuantity(item.quantity, item.unit)}</td><td>${item.location}</td></tr>`)}
        </tbody>
      </table>
      <nav class="pages">
        ${page > 1 ? live_patch("Previous", { to: { path: "/inventory", params: queryFor({ page: page - 1, perPage, sortBy, sortDir }) } }) : ""}
        ${page < pages ? live_patch("Next", { to: { path: "/inventory", params: queryFor({ page: page + 1, perPage, sortBy, sortDir }) } }) : ""}
      </nav>
      <p>
        Per page:
        ${PAGE_SIZES.map(
      (size) => live_patch(String(size), { to: { path: "/inventory", params: queryFor({ page: 1, perPage: size, sortBy, sortDir }) }, className: size === perPage ? "active" : "" })
    )}
      </p>
    `;
  }
});

// ../../tmp/vfy-app/src/views/dashboard.ts
import { createLiveView as createLiveView10, html as html12 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/metrics.ts
import { loadavg, freemem, totalmem } from "node:os";
async function collectMetrics() {
  const items2 = await listPantryItems();
  return {
    load: Math.round(loadavg()[0] * 100) / 100,
    memoryUsedPct: Math.round((1 - freemem() / totalmem()) * 100),
    heapMb: Math.round(process.memoryUsage().heapUsed / (1024 * 1024)),
    volunteers: await countVolunteers(),
    lowStock: items2.filter((i) => i.quantity < 3).length
  };
}

// ../../tmp/vfy-app/src/views/dashboard.ts
var REFRESH_MS = 3e3;
var refreshTimers = /* @__PURE__ */ new Map();
function startRefresh(socket) {
  stopRefresh(socket.id);
  refreshTimers.set(
    socket.id,
    setInterval(() => socket.sendInfo({ type: "tick" }), REFRESH_MS)
  );
}
function stopRefresh(id) {
  const timer = refreshTimers.get(id);
  if (timer) clearInterval(timer);
  refreshTimers.delete(id);
}
function loadTone(load) {
  return load < 1 ? "ok" : load < 2 ? "warn" : "danger";
}
var opsDashboardView = createLiveView10({
  mount: async (socket) => {
    if (socket.connected) {
      startRefresh(socket);
    }
    socket.pageTitle("Operations");
    socket.assign({ metrics: await collectMetrics(), refreshedAt: (/* @__PURE__ */ new Date()).toISOString(), paused: false });
  },
  handleEvent: (event, socket) => {
    if (event.type === "toggle-pause") {
      if (socket.context.paused) {
        startRefresh(socket);
        socket.assign({ paused: false });
      } else {
        stopRefresh(socket.id);
        socket.assign({ paused: true });
      }
    } else if (event.type === "refresh-now") {
      socket.sendInfo({ type: "tick" });
    }
  },
  handleInfo: async (info, socket) => {
    if (info.type === "tick") {
      socket.assign({ metrics: await collectMetrics(), refreshedAt: (/* @__PURE__ */ new Date()).toISOString() });
    }
  },
  // @migrate-todo(SHUTDOWN): shutdown cleans up server resources (timers, subscriptions): replace timers with ctx.after in an action, then remove it
  shutdown: (id) => {
    stopRefresh(id);
  },
  render: ({ metrics, refreshedAt, paused }) => html12`
    <h1>Operations</h1>
    <dl class="metrics">
      <dt>Load</dt><dd class="badge ${loadTone(metrics.load)}">${metrics.load}</dd>
      <dt>Memory used</dt><dd>${metrics.memoryUsedPct}%</dd>
      <dt>Heap</dt><dd>${metrics.heapMb} MB</dd>
      <dt>Volunteers</dt><dd id="volunteer-count">${metrics.volunteers}</dd>
      <dt>Low stock items</dt><dd>${metrics.lowStock}</dd>
    </dl>
    <p class="muted">Refreshed at <time>${refreshedAt}</time>${paused ? " (paused)" : ""}</p>
    <button phx-click="toggle-pause">${paused ? "Resume" : "Pause"} auto-refresh</button>
    <button phx-click="refresh-now">Refresh now</button>
  `
});

// ../../tmp/vfy-app/src/views/account.ts
import { createLiveView as createLiveView11, html as html13 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/announcements.ts
var board = [
  { id: 1, title: "Saturday drive", body: "We need six extra hands for the Saturday food drive.", author: "alice" },
  { id: 2, title: "New freezer", body: "The walk-in freezer arrives on Tuesday; clear shelf D.", author: "alice" },
  { id: 3, title: "Parking", body: "Please use the back lot during the market.", author: "bob" }
];
async function listAnnouncements() {
  return board.map((a) => ({ ...a }));
}
async function deleteAnnouncement(id) {
  const index = board.findIndex((a) => a.id === id);
  if (index < 0) return false;
  board.splice(index, 1);
  await publish("announcements", { type: "announcement_deleted", id });
  return true;
}

// ../../tmp/vfy-app/src/data/users.ts
var GUEST = { name: "guest", role: "guest" };
function userFromSession(session) {
  const user = session.user;
  if (!user || typeof user.name !== "string") return GUEST;
  return { name: user.name, role: user.role === "admin" || user.role === "member" ? user.role : "guest" };
}
function canManage(user) {
  return user.role === "admin";
}

// ../../tmp/vfy-app/src/views/account.ts
var accountView = createLiveView11({
  // @migrate-todo(SESSION): mount reads the session: compute these keys in a loader command (ctx.session) instead
  mount: async (socket, session) => {
    const currentUser = userFromSession(session);
    if (socket.connected) {
      await socket.subscribe("announcements");
    }
    socket.pageTitle(`${currentUser.name}'s account`);
    socket.assign({
      // @migrate-todo(SHARED_IN_MOUNT): shared key currentUser is written from a local value: load it in a command
      currentUser,
      // @migrate-todo(SHARED_IN_MOUNT): shared key isAdmin is computed from mount's local values: move the computation into a loader command
      isAdmin: canManage(currentUser),
      announcements: await listAnnouncements(),
      expandedId: null
    });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "expand": {
        const id = Number(event.id);
        socket.assign({ expandedId: socket.context.expandedId === id ? null : id });
        break;
      }
      case "delete": {
        if (!canManage(socket.context.currentUser)) {
          await socket.putFlash("error", "Only admins can delete announcements.");
          return;
        }
        await deleteAnnouncement(Number(event.id));
        socket.assign({ announcements: await listAnnouncements() });
        await socket.putFlash("info", "Announcement deleted.");
        break;
      }
    }
  },
  // @migrate-todo(INFO_DISPATCH): no `switch (_info.type)` or `if (_info.type === …)` dispatch found: split the handler into one action per type by hand
  handleInfo: async (_info, socket) => {
    socket.assign({ announcements: await listAnnouncements() });
  },
  render: ({ currentUser, isAdmin, announcements, expandedId }) => html13`
    <h1>Account</h1>
    <p id="whoami">Signed in as <strong>${currentUser.name}</strong> (${currentUser.role})</p>
    ${currentUser.role === "guest" ? html13`<p><a href="/login?as=alice">Log in as alice</a> · <a href="/login?as=bob">Log in as bob</a></p>` : html13`<p><a href="/logout">Log out</a></p>`}
    <h2>Announcements</h2>
    <ul id="announcements">
      ${announcements.map(
    (a) => html13`<li id="announcement-${a.id}">
          <button phx-click="expand" phx-value-id="${a.id}">${a.title}</button>
          ${expandedId === a.id ? html13`<p>${a.body} <span class="muted">— ${a.author}</span></p>` : ""}
          ${isAdmin ? html13`<button phx-click="delete" phx-value-id="${a.id}" data-confirm="Delete this announcement?">Delete</button>` : ""}
        </li>`
  )}
    </ul>
  `
});

// ../../tmp/vfy-app/src/views/releaseNotes.ts
import { createLiveView as createLiveView12, html as html14, JS } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var NOTES = [
  { id: "n3", version: "2.3", title: "Shift swaps", body: "Volunteers can now swap shifts from the roster." },
  { id: "n2", version: "2.2", title: "Photo gallery", body: "Upload photos of the day's deliveries." },
  { id: "n1", version: "2.1", title: "Dashboard", body: "Live numbers for the warehouse, refreshed every few seconds." }
];
function toggleNote(id) {
  return new JS().toggle({ to: `#note-body-${id}`, in: "fade-in", out: "fade-out" }).set_attribute(["aria-expanded", "true"], { to: `#note-${id} button` }).push("mark-read", { value: { id } });
}
var releaseNotesView = createLiveView12({
  mount(socket) {
    socket.assign({ readIds: [] });
  },
  handleEvent(event, socket) {
    if (event.type === "mark-read") {
      const { readIds } = socket.context;
      if (!readIds.includes(event.id)) {
        socket.assign({ readIds: [...readIds, event.id] });
      }
    }
  },
  render({ readIds }) {
    return html14`
      <h1>Release notes</h1>
      <p>
        <button phx-click="${new JS().show({ to: ".note-body", display: "block" })}">Expand all</button>
        <button phx-click="${new JS().hide({ to: ".note-body" }).remove_class("unread", { to: ".note" })}">Collapse all</button>
        <button phx-click="${new JS().dispatch("harbor:print", { to: "#notes" })}">Print</button>
      </p>
      <section id="notes">
        ${NOTES.map(
      (note) => html14`<article id="note-${note.id}" class="note ${readIds.includes(note.id) ? "read" : "unread"}">
            <button phx-click="${toggleNote(note.id)}" aria-expanded="false">v${note.version}: ${note.title}</button>
            <div id="note-body-${note.id}" class="note-body hidden" phx-mounted="${new JS().add_class("ready")}">${note.body}</div>
          </article>`
    )}
      </section>
      <p class="muted">${readIds.length} of ${NOTES.length} read</p>
    `;
  }
});

// ../../tmp/vfy-app/src/views/photoGallery.ts
import { createLiveView as createLiveView13, html as html15, live_file_input, live_img_preview } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/photos.ts
import { copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
var UPLOAD_DIR = join(tmpdir(), "harbor-example-uploads");
var gallery = [];
async function listPhotos() {
  return [...gallery];
}
async function storePhoto(tempPath, originalName, size, caption) {
  mkdirSync(UPLOAD_DIR, { recursive: true });
  const id = `${Date.now().toString(36)}-${gallery.length}`;
  const fileName = `${id}${extname(originalName)}`;
  copyFileSync(tempPath, join(UPLOAD_DIR, fileName));
  const photo = { id, url: `/uploads/${fileName}`, name: originalName, size, caption };
  gallery.push(photo);
  return photo;
}

// ../../tmp/vfy-app/src/views/photoGallery.ts
function entryRow(entry) {
  return html15`<li id="entry-${entry.ref}">
    ${live_img_preview(entry)}
    ${entry.name} (${formatBytes(entry.size)})
    <progress value="${entry.progress}" max="100">${entry.progress}%</progress>
    ${entry.errors.map((err) => html15`<span class="invalid-feedback">${err}</span>`)}
    <button type="button" phx-click="cancel" phx-value-ref="${entry.ref}" aria-label="cancel">&times;</button>
  </li>`;
}
var photoGalleryView = createLiveView13({
  mount: async (socket) => {
    await socket.allowUpload("photos", { accept: [".png", ".jpg", ".jpeg", ".gif"], max_entries: 3, max_file_size: 5e6 });
    socket.assign({ caption: "", photos: await listPhotos() });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "validate":
        socket.assign({ caption: event.caption ?? "" });
        break;
      case "cancel":
        await socket.cancelUpload("photos", event.ref);
        break;
      case "save": {
        const caption = (event.caption ?? "").trim();
        const stored = await socket.consumeUploadedEntries(
          "photos",
          async (meta, entry) => storePhoto(meta.path, entry.name, entry.size, caption)
        );
        socket.assign({ caption: "", photos: await listPhotos() });
        await socket.putFlash("info", `Uploaded ${pluralize(stored.length, "photo")}.`);
        break;
      }
    }
  },
  // @migrate-todo(UPLOAD): uploads: use a client file input and an upload command
  render: ({ caption, photos }, { uploads, csrfToken }) => html15`
    <h1>Photo gallery</h1>
    <form id="upload-form" phx-change="validate" phx-submit="save">
      <input type="hidden" name="_csrf_token" value="${csrfToken}" />
      ${live_file_input(uploads.photos)}
      <input type="text" name="caption" value="${caption}" placeholder="Caption" />
      <ul class="entries">${uploads.photos.entries.map(entryRow)}</ul>
      ${uploads.photos.errors.map((err) => html15`<p class="invalid-feedback">${err}</p>`)}
      <button type="submit" phx-disable-with="Uploading…">Upload</button>
    </form>
    <section id="gallery">
      ${photos.length === 0 ? html15`<p class="muted">No photos yet.</p>` : ""}
      ${photos.map((p) => html15`<figure id="photo-${p.id}"><img src="${p.url}" alt="${p.caption || p.name}" width="160" /><figcaption>${p.caption}</figcaption></figure>`)}
    </section>
  `
});

// ../../tmp/vfy-app/src/views/activityFeed.ts
import { createLiveView as createLiveView14, html as html16 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/activity.ts
var MAX_ENTRIES = 200;
var log = [
  { id: "a1", author: "alice", text: "Opened the warehouse", at: "2026-11-20T08:00:00.000Z" },
  { id: "a2", author: "bob", text: "Sorted the produce delivery", at: "2026-11-20T09:30:00.000Z" }
];
var sequence = 3;
async function recentActivity(limit = 20) {
  return log.slice(-limit).reverse();
}
async function postActivity(author, text) {
  const entry = { id: `a${sequence++}`, author, text, at: (/* @__PURE__ */ new Date()).toISOString() };
  log.push(entry);
  if (log.length > MAX_ENTRIES) log.shift();
  await publish("activity", { type: "activity_posted", entry });
  return entry;
}

// ../../tmp/vfy-app/src/views/activityFeed.ts
function timeOfDay(iso) {
  return iso.slice(11, 16);
}
var activityFeedView = createLiveView14({
  mount: async (socket, session) => {
    if (socket.connected) {
      await socket.subscribe("activity");
    }
    socket.assign({ author: userFromSession(session).name, entries: await recentActivity(), draft: "" });
    socket.tempAssign({ entries: [] });
  },
  handleEvent: async (event, socket) => {
    if (event.type === "draft") {
      socket.assign({ draft: event.text });
    } else if (event.type === "post") {
      const text = event.text.trim();
      if (text.length === 0) return;
      await postActivity(socket.context.author, text);
      socket.assign({ draft: "" });
    }
  },
  handleInfo: (info, socket) => {
    if (info.type === "activity_posted") {
      socket.assign({ entries: [info.entry] });
    }
  },
  render: ({ author, entries, draft }, { csrfToken }) => html16`
    <h1>Activity</h1>
    <form id="post-form" phx-change="draft" phx-submit="post">
      <input type="hidden" name="_csrf_token" value="${csrfToken}" />
      <input type="text" name="text" value="${draft}" placeholder="What happened, ${author}?" maxlength="280" />
      <button type="submit">Post</button>
    </form>
    <ul id="feed" phx-update="prepend">
      ${entries.map((e) => html16`<li id="entry-${e.id}"><time>${timeOfDay(e.at)}</time> <strong>${e.author}</strong> ${e.text}</li>`)}
    </ul>
  `
});

// ../../tmp/vfy-app/src/views/preferences.ts
import { BaseLiveView, html as html17 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/preferences.ts
var saved = /* @__PURE__ */ new Map();
async function savePreferences(userName, prefs) {
  const record = { ...prefs, updatedAt: (/* @__PURE__ */ new Date()).toISOString() };
  saved.set(userName, record);
  return record;
}

// ../../tmp/vfy-app/src/views/preferences.ts
var PreferencesLiveView = class extends BaseLiveView {
  mount(socket, session, _params) {
    socket.assign({ userName: userFromSession(session).name, theme: "light", compact: false, savedAt: null });
  }
  async handleEvent(event, socket) {
    switch (event.type) {
      case "set-theme":
        socket.assign({ theme: event.theme === "dark" ? "dark" : "light" });
        break;
      case "toggle-compact":
        socket.assign({ compact: !socket.context.compact });
        break;
      case "save": {
        const { userName, theme, compact } = socket.context;
        const saved2 = await savePreferences(userName, { theme, compact });
        socket.assign({ savedAt: saved2.updatedAt });
        await socket.putFlash("info", "Preferences saved.");
        break;
      }
    }
  }
  render(ctx, _meta) {
    const { userName, theme, compact, savedAt } = ctx;
    return html17`
      <div id="preferences" class="${theme} ${compact ? "compact" : ""}">
        <h1>Preferences for ${userName}</h1>
        <p>
          Theme:
          <button phx-click="set-theme" phx-value-theme="light" class="${theme === "light" ? "active" : ""}">Light</button>
          <button phx-click="set-theme" phx-value-theme="dark" class="${theme === "dark" ? "active" : ""}">Dark</button>
        </p>
        <label><input type="checkbox" phx-click="toggle-compact" ${compact ? "checked" : ""} /> Compact tables</label>
        <p><button phx-click="save">Save preferences</button></p>
        ${savedAt ? html17`<p class="muted" id="saved-at">Saved at ${savedAt}</p>` : ""}
      </div>
    `;
  }
};

// ../../tmp/vfy-app/src/views/report.js
import { createLiveView as createLiveView15, html as html18 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";

// ../../tmp/vfy-app/src/data/reports.ts
async function buildReport(range) {
  await delay(20);
  const factor = range === "week" ? 1 : range === "month" ? 4 : 52;
  const volunteers = await listVolunteers();
  const activity = await recentActivity(200);
  return [
    { label: "Volunteers on roster", value: volunteers.length },
    { label: "Checked in now", value: volunteers.filter((v) => v.checkedIn).length },
    { label: "Activity entries", value: activity.length },
    { label: "Estimated meals served", value: 120 * factor }
  ];
}

// ../../tmp/vfy-app/src/views/report.js
var RANGES = ["week", "month", "year"];
function renderRow2(row) {
  return html18`<tr><th>${row.label}</th><td>${row.value.toLocaleString("en-US")}</td></tr>`;
}
var reportView = createLiveView15({
  async mount(socket) {
    socket.assign({ range: "week", rows: await buildReport("week") });
  },
  // @migrate-todo(EVENT_DISPATCH): no `switch (event.type)` or `if (event.type === …)` dispatch found: split the handler into one action per type by hand
  async handleEvent(event, socket) {
    if (event.type === "set-range" && RANGES.includes(event.range)) {
      socket.assign({ range: event.range, rows: await buildReport(event.range) });
    }
  },
  render(context) {
    const { range, rows } = context;
    return html18`
      <h1>Report</h1>
      <nav>
        ${RANGES.map(
      (r) => html18`<button phx-click="set-range" phx-value-range="${r}" class="${r === range ? "active" : ""}">${r}</button>`
    )}
      </nav>
      <table id="report" data-range="${range}">${rows.map(renderRow2)}</table>
    `;
  }
});

// ../../tmp/vfy-app/src/views/pantry.ts
import { createLiveView as lv, html as html19 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var shelfFilter = (items2, hideEmpty, location) => items2.filter((i) => (!hideEmpty || i.quantity > 0) && (location === "all" || i.location === location));
var pantryShelfView = lv({
  mount: async (socket) => {
    if (socket.connected) {
      await socket.subscribe("inventory");
    }
    socket.assign({ items: await listPantryItems(), hideEmpty: false, location: "all" });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "toggle-empty":
        socket.assign({ hideEmpty: !socket.context.hideEmpty });
        break;
      case "filter-location":
        socket.assign({ location: event.location });
        break;
      case "restock":
        await restockItem(event.id);
        socket.assign({ items: await listPantryItems() });
        break;
    }
  },
  // @migrate-todo(INFO_DISPATCH): no `switch (_info.type)` or `if (_info.type === …)` dispatch found: split the handler into one action per type by hand
  handleInfo: async (_info, socket) => {
    socket.assign({ items: await listPantryItems() });
  },
  render: ({ items: items2, hideEmpty, location }) => {
    const locations = ["all", ...new Set(items2.map((i) => i.location))].sort();
    const visible = shelfFilter(items2, hideEmpty, location);
    return html19`
      <h1>Pantry shelves</h1>
      <p>
        <button phx-click="toggle-empty">${hideEmpty ? "Show" : "Hide"} empty</button>
        ${locations.map((l) => html19`<button phx-click="filter-location" phx-value-location="${l}" class="${l === location ? "active" : ""}">${l}</button>`)}
      </p>
      <p class="muted">${pluralize(visible.length, "item")}</p>
      <ul id="shelf">
        ${visible.map(
      (i) => html19`<li id="shelf-${i.id}">${i.name}: ${formatQuantity(i.quantity, i.unit)}
            ${i.quantity < 3 ? html19`<button phx-click="restock" phx-value-id="${i.id}">Restock</button>` : ""}</li>`
    )}
      </ul>
    `;
  }
});

// ../../tmp/vfy-app/src/views/reportBuilder.ts
import { createLiveView as createLiveView16, html as html20 } from "file:///work/main/node_modules/liveviewjs/dist/liveview.mjs";
var FILTER_FIELDS = ["title", "owner", "status"];
function filterKey(field) {
  return `${field}Filter`;
}
function buildInitialState(query) {
  const state = {};
  for (const field of FILTER_FIELDS) {
    state[filterKey(field)] = query.get(field) ?? "";
  }
  return state;
}
var reportBuilderView = createLiveView16({
  mount: (socket) => {
    socket.assign({ previewOpen: false });
  },
  handleParams: (url, socket) => {
    socket.assign(buildInitialState(url.searchParams));
  },
  handleEvent: (event, socket) => {
    switch (event.type) {
      case "set-filter": {
        const field = event._target;
        socket.assign({ [filterKey(field)]: event[field] ?? "" });
        break;
      }
      case "toggle-preview":
        socket.assign({ previewOpen: !socket.context.previewOpen });
        break;
    }
  },
  render: (ctx, { csrfToken }) => html20`
    <h1>Report builder</h1>
    <form id="filters" phx-change="set-filter">
      <input type="hidden" name="_csrf_token" value="${csrfToken}" />
      ${FILTER_FIELDS.map(
    (field) => html20`<label>${field} <input type="text" name="${field}" value="${String(ctx[filterKey(field)] ?? "")}" phx-debounce="200" /></label>`
  )}
    </form>
    <button phx-click="toggle-preview">${ctx.previewOpen ? "Hide" : "Show"} preview</button>
    ${ctx.previewOpen ? html20`<pre id="preview">${FILTER_FIELDS.map((f) => `${f}: ${String(ctx[filterKey(f)] || "any")}`).join("\n")}</pre>` : ""}
  `
});

// ../../tmp/vfy-app/src/router.ts
var router = {
  "/counter": counterLiveView,
  "/help": faqView,
  "/orientation": slideDeckView,
  "/signup": volunteerSignupView,
  "/volunteers": volunteersLiveView,
  "/volunteers/:id": volunteerDetailView,
  "/search": productSearchView,
  "/delivery-area": cityAutocompleteView,
  "/inventory": inventoryPageView,
  "/dashboard": opsDashboardView,
  "/account": accountView,
  "/release-notes": releaseNotesView,
  "/photos": photoGalleryView,
  "/activity": activityFeedView,
  "/preferences": new PreferencesLiveView(),
  "/reports": reportView,
  "/pantry": pantryShelfView,
  "/reports/builder": reportBuilderView
};
var viewsWithLiveComponents = /* @__PURE__ */ new Set([volunteersLiveView, volunteerDetailView]);
export {
  __verifyClock,
  counter_exports as __view,
  router,
  viewsWithLiveComponents
};
