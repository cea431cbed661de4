import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { getMyTwoFactor } from "@/lib/dal/two-factor";
import { getCurrentUser } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/ui/format";
import { ConfirmSetupForm, RenewCodesForm, StartSetupForm, TurnOffForm } from "./two-factor-forms";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const fmt = await getReaderFormat();
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const status = await getMyTwoFactor();
  // Drawn here on the server, as SVG: the secret never goes to another service.
  const qrSvg = status.pending ? await QRCode.toString(status.pending.uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) : null;

  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Two-factor sign-in</h1>
      {user.setupStep === "two_factor" && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          Your clinic requires two-factor sign-in for your account. Set it up to continue.
        </p>
      )}
      <p className="text-slate-700">
        After your password, RunClear asks for a 6-digit code from an authenticator app on your phone (for example Google
        Authenticator, Microsoft Authenticator or 1Password). Someone who learns your password still cannot sign in.
      </p>

      {status.enabled && (
        <section aria-labelledby="on-heading" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950">
          <h2 id="on-heading" className="font-semibold">Two-factor sign-in is on</h2>
          <p className="mt-1 text-sm">
            Since {formatDateTime(status.enabledAt!, fmt)}. {status.recoveryCodesLeft} of 10 recovery codes left.
          </p>
        </section>
      )}

      {status.pending && qrSvg ? (
        <section aria-labelledby="setup-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="setup-heading" className="text-lg font-semibold">{status.enabled ? "Move to a new authenticator" : "Set up your authenticator"}</h2>
          <ConfirmSetupForm>
            {/* Hidden again once the set-up is confirmed: the key is only for this moment. */}
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-800">
              <li>In your authenticator app, add an account and scan this QR code.</li>
              <li>Or type the key below into the app instead (a time-based key).</li>
              <li>Enter the code the app shows now, and your password, to finish.</li>
            </ol>
            <div className="mt-3 flex flex-wrap items-start gap-4">
              <div
                role="img"
                aria-label="QR code to add RunClear to your authenticator app"
                className="h-48 w-48 shrink-0 rounded border border-slate-200 bg-white"
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-800">Key to type in</p>
                <p className="mt-1 font-mono text-lg tracking-wider" data-testid="two-factor-secret">
                  {status.pending.secret.split(" ").map((group, i) => (
                    <span key={i} className="inline-block whitespace-nowrap pr-2">{group}</span>
                  ))}
                </p>
                <p className="mt-1 text-sm text-slate-600">Account: {user.email} · RunClear</p>
              </div>
            </div>
          </ConfirmSetupForm>
        </section>
      ) : (
        !status.enabled && (
          <section aria-labelledby="start-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="start-heading" className="text-lg font-semibold">Turn on two-factor sign-in</h2>
            <StartSetupForm label="Set up two-factor sign-in" />
          </section>
        )
      )}

      {status.enabled && (
        <>
          <section aria-labelledby="codes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="codes-heading" className="text-lg font-semibold">Recovery codes</h2>
            <p className="mt-1 text-sm text-slate-700">
              If you lose your phone, each recovery code signs you in once. New codes replace all the old ones.
            </p>
            <RenewCodesForm />
          </section>
          {!status.pending && (
            <section aria-labelledby="move-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="move-heading" className="text-lg font-semibold">New phone</h2>
              <p className="mt-1 text-sm text-slate-700">Set up a new authenticator; the old one keeps working until you finish.</p>
              <StartSetupForm label="Move to a new authenticator" />
            </section>
          )}
          <section aria-labelledby="off-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="off-heading" className="text-lg font-semibold">Turn off</h2>
            {status.required ? (
              <p className="mt-1 text-sm text-slate-700">Your clinic requires two-factor sign-in for your account, so it cannot be turned off.</p>
            ) : (
              <TurnOffForm />
            )}
          </section>
        </>
      )}
    </div>
  );
}
