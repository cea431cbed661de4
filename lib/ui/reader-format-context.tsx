"use client";

import { createContext, useContext } from "react";
import { DEFAULT_READER_FORMAT, type ReaderFormat } from "./format";

const ReaderFormatContext = createContext<ReaderFormat>(DEFAULT_READER_FORMAT);

/** Hands the reader's locale and zone (from the server, per request) to client components. */
export function ReaderFormatProvider({ value, children }: { value: ReaderFormat; children: React.ReactNode }) {
  return <ReaderFormatContext.Provider value={value}>{children}</ReaderFormatContext.Provider>;
}

export function useReaderFormat(): ReaderFormat {
  return useContext(ReaderFormatContext);
}
