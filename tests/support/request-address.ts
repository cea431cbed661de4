let address: string | null = null;

/** Integration tests choose the client address the DAL sees (null: no request, as outside Next.js). */
export function setRequestAddress(next: string | null): void {
  address = next;
}

export function currentRequestAddress(): string | null {
  return address;
}
