import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { ReaderFormatProvider } from "@/lib/ui/reader-format-context";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "RunClear", template: "%s · RunClear" },
  description: "Care for runners with sciatica: examination, clearance to run, plans and progress.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts),
  // and a prerendered page's would not.
  await connection();
  const format = await getReaderFormat();
  return (
    <html lang={format.locale}>
      <body className="min-h-screen">
        <ReaderFormatProvider value={format}>{children}</ReaderFormatProvider>
      </body>
    </html>
  );
}
