import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { describeError, isDatabaseUnavailable } from "@/db/errors";
import type { Role } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/dal/internal/audit-log";
import { ConflictError, fieldErrorsOf, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getCurrentUser, withOneSessionRead, type CurrentUser } from "@/lib/dal/session";
import { FAILED_MESSAGE, NOT_FOUND_MESSAGE, UNAVAILABLE_MESSAGE, type ActionState } from "./action-state";

// Never echoed back into a form.
const SECRET_FIELDS = /password|^code$|^proof$/i;
// Control characters other than tab and line breaks are never typed into a form, and
// PostgreSQL cannot store NUL in text: such a field is refused before any work.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_MESSAGE = "This field contains characters that cannot be saved (control characters). Please retype it.";


function controlCharacterErrors(formData: FormData): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$")) continue;
    if (CONTROL_CHARACTERS.test(key) || (typeof value === "string" && CONTROL_CHARACTERS.test(value))) {
      errors[CONTROL_CHARACTERS.test(key) ? "form" : key] = [CONTROL_MESSAGE];
    }
  }
  return Object.keys(errors).length ? errors : null;
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return values;
}

interface Options {
  /** Roles that may call this action; everyone else gets not found. */
  roles: Role[];
  /** The audit action name for refusals at this door. */
  action: string;
  /** Lets a user whose account setup is pending call it (password change, two-factor set-up). */
  allowAccountSetup?: boolean;
}

/** The refusals and failures every action turns into form state the same way. */
function refusalOf<R>(error: unknown, action: string, values?: Record<string, string>): ActionState<R> {
  unstable_rethrow(error);
  if (error instanceof NotFoundError) return { ok: false, message: NOT_FOUND_MESSAGE, notFound: true, values };
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof ConflictError) return { ok: false, message: error.message, values };
  if (error instanceof z.ZodError) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(error), values };
  // Logged without the query, its parameters or the form: they may hold health data.
  console.error(`[action ${action}]`, describeError(error));
  return { ok: false, message: isDatabaseUnavailable(error) ? UNAVAILABLE_MESSAGE : FAILED_MESSAGE, values };
}

/** Signed in with one of the roles, or the refusal (audited) to answer with. */
async function callerFor(options: Options): Promise<{ user: CurrentUser } | { refused: ActionState<never> }> {
  const user = await getCurrentUser();
  if (!user || !options.roles.includes(user.role) || (user.setupStep && !options.allowAccountSetup)) {
    await writeAudit({ actor: user, action: options.action, outcome: "denied" });
    return { refused: { ok: false, message: NOT_FOUND_MESSAGE, notFound: true } };
  }
  return { user };
}

/**
 * Every server action is a public endpoint. This wrapper checks the session and role, then
 * parses the form with zod, before any work; turns the DAL's refusals into form state; and
 * never lets an unexpected error's details reach the browser. The DAL checks again inside.
 */
export function validatedAction<S extends z.ZodType, R = undefined>(
  schema: S,
  options: Options,
  run: (input: z.output<S>, user: CurrentUser) => Promise<ActionState<R>>,
) {
  return (_previous: ActionState<R> | null, formData: FormData): Promise<ActionState<R>> =>
    withOneSessionRead(async () => {
      // A crafted request can send anything as the argument; forms send FormData.
      if (!(formData instanceof FormData)) return { ok: false, message: "This form could not be read. Please reload the page and try again." };
      const values = formValues(formData);
      try {
        const caller = await callerFor(options);
        if ("refused" in caller) return caller.refused;
        const unprintable = controlCharacterErrors(formData);
        if (unprintable) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: unprintable, values };
        const parsed = schema.safeParse(Object.fromEntries(formData));
        if (!parsed.success) {
          return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
        }
        return await run(parsed.data, caller.user);
      } catch (error) {
        return refusalOf(error, options.action, values);
      }
    });
}

/** The string fields of a value, by their dotted path, that hold control characters. */
function controlCharactersIn(value: unknown, at = "", errors: Record<string, string[]> = {}): Record<string, string[]> {
  if (typeof value === "string") {
    if (CONTROL_CHARACTERS.test(value)) errors[at || "form"] = [CONTROL_MESSAGE];
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) controlCharactersIn(inner, at ? `${at}.${key}` : key, errors);
  }
  return errors;
}

/** The actions made by `validatedCall`, which take typed values rather than a form (for tests). */
export const valueActions = new WeakSet<(...args: never[]) => unknown>();

/**
 * The same guard for an action a client component calls with typed values (a mutation), not a
 * form: the value is parsed with zod before any work, and the answer is the same form state.
 * React's server-action transport carries plain objects, numbers and booleans as they are.
 */
export function validatedCall<S extends z.ZodType, R = undefined>(
  schema: S,
  options: Options,
  run: (input: z.output<S>, user: CurrentUser) => Promise<ActionState<R>>,
): (input: z.input<S>) => Promise<ActionState<R>> {
  const action = (input: z.input<S>): Promise<ActionState<R>> =>
    withOneSessionRead(async () => {
      try {
        const caller = await callerFor(options);
        if ("refused" in caller) return caller.refused;
        const unprintable = controlCharactersIn(input);
        if (Object.keys(unprintable).length) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: unprintable };
        const parsed = schema.safeParse(input);
        if (!parsed.success) return { ok: false, message: "Please check what you entered.", fieldErrors: fieldErrorsOf(parsed.error) };
        return await run(parsed.data, caller.user);
      } catch (error) {
        return refusalOf(error, options.action);
      }
    });
  valueActions.add(action);
  return action;
}
