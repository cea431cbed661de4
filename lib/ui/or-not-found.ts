import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/dal/errors";

/** Runs DAL reads for a page; a record out of reach (or missing) becomes the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
