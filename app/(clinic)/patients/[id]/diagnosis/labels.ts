export const sideLabel: Record<string, string> = { left: "Left", right: "Right", both: "Both" };

export const confirmationLabel: Record<"clinical" | "imaging", string> = {
  clinical: "Clinical examination",
  imaging: "Imaging",
};
