import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getCurrentUser, withOneSessionRead } from "@/lib/dal/session";
import { FHIR_JSON, operationOutcome } from "@/lib/fhir/bundle";

/** A path segment decoded, or null when it is not valid percent-encoding (a stray "%"). */
export function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The base URL resources are named under: where this request came in. */
export function fhirBase(request: Request): string {
  return new URL(request.url).origin;
}

export function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_JSON, "Cache-Control": "no-store", ...headers } });
}

/**
 * A FHIR read as a response: no session is 401; a refusal or a missing record is 404, the same
 * answer for both; bad parameters are 400; anything else is a 500 that names nothing inside.
 * Every error is an OperationOutcome.
 */
export function fhirAnswer(answer: () => Promise<Response>, options: { public?: boolean } = {}): Promise<Response> {
  return withOneSessionRead(async () => {
    try {
      if (!options.public && !(await getCurrentUser())) {
        return fhirJson(operationOutcome("login", "Sign in to RunClear first: the FHIR API uses the app's session."), 401, { "WWW-Authenticate": 'Cookie realm="RunClear"' });
      }
      return await answer();
    } catch (error) {
      if (error instanceof NotFoundError) return fhirJson(operationOutcome("not-found", "No such resource, or not one you may see."), 404);
      if (error instanceof ValidationError) return fhirJson(operationOutcome("invalid", error.message), 400);
      console.error("FHIR request failed", error);
      return fhirJson(operationOutcome("exception", "The server could not answer this request. Nothing was changed."), 500);
    }
  });
}

/** A FHIR read answered as JSON, with fhirAnswer's errors. */
export function fhirRead(read: () => Promise<unknown>, options: { public?: boolean } = {}): Promise<Response> {
  return fhirAnswer(async () => fhirJson(await read()), options);
}
